import { describe, expect, it } from "vitest";
import { MAX_LISTED_PARTICIPANTS, parseParticipantList, splitFields } from "./participant-list";

const DELEGATIONS = [
  { code: "DEU", name: "Germany" },
  { code: "KOR", name: "Republic of Korea" },
  { code: "EU", name: "European Union" },
];

describe("participant list", () => {
  it("splits a spreadsheet's tab-separated row, or commas with quoted fields", () => {
    expect(splitFields("a@b.org\tDelegate of Korea, Republic of\tKOR\t")).toEqual(["a@b.org", "Delegate of Korea, Republic of", "KOR", ""]);
    expect(splitFields(' a@b.org , "Delegate of Korea, Republic of" , KOR')).toEqual(["a@b.org", "Delegate of Korea, Republic of", "KOR"]);
    expect(splitFields('x@y.org,"The ""Chair"" himself",,chair')).toEqual(["x@y.org", 'The "Chair" himself', "", "chair"]);
  });

  it("reads one person a line: delegation by code or name in any case, role defaulting to delegate with a delegation, observer without", () => {
    const { entries, errors } = parseParticipantList(
      [
        "email, name, delegation, role",
        "# the German delegation",
        "Anna.Schmidt@Diplo.de, Anna Schmidt, DEU",
        "",
        "jung@mofa.go.kr\tKim Jung\trepublic of korea\tdelegate",
        "eu@eeas.europa.eu, EU delegate, European Union, observer",
        "ngo@example.org, Observer (ICT4Peace)",
        "vice@example.org, Vice-Chair, , CHAIR",
      ].join("\r\n"),
      DELEGATIONS,
    );
    expect(errors).toEqual([]);
    expect(entries).toEqual([
      { line: 3, email: "anna.schmidt@diplo.de", name: "Anna Schmidt", delegation: "DEU", role: "delegate" },
      { line: 5, email: "jung@mofa.go.kr", name: "Kim Jung", delegation: "KOR", role: "delegate" },
      { line: 6, email: "eu@eeas.europa.eu", name: "EU delegate", delegation: "EU", role: "observer" },
      { line: 7, email: "ngo@example.org", name: "Observer (ICT4Peace)", delegation: null, role: "observer" },
      { line: 8, email: "vice@example.org", name: "Vice-Chair", delegation: null, role: "chair" },
    ]);
  });

  it("names every line's problems, so the chair mends the list once", () => {
    const { errors } = parseParticipantList(
      [
        "not-an-address, Someone, DEU",
        "a@b.org, , Germny",
        "c@d.org, Cee, , delegate",
        "e@f.org, Eff, DEU, president",
        "A@b.org, Again, DEU",
        "g@h.org, Gee\u0001, DEU",
        "i@j.org, Eye, DEU, delegate, extra",
      ].join("\n"),
      DELEGATIONS,
    );
    expect(errors).toEqual([
      'line 1: "not-an-address" is not an email address',
      'line 2: no name; no delegation "Germny" (give its code, such as DEU, or its name)',
      "line 3: a delegate needs a delegation",
      'line 4: the role "president" is not chair, delegate or observer',
      "line 5: a@b.org is on line 2 already",
      "line 6: the name contains a control character or malformed Unicode",
      "line 7: more than four fields (email, name, delegation, role)",
    ]);
  });

  it("refuses an empty list and one too long", () => {
    expect(parseParticipantList("\n# nobody\n", DELEGATIONS).errors).toEqual(["the list is empty: one person a line, as email, name, delegation, role"]);
    const long = Array.from({ length: MAX_LISTED_PARTICIPANTS + 1 }, (_, i) => `p${i}@example.org, Person ${i}, DEU`).join("\n");
    expect(parseParticipantList(long, DELEGATIONS)).toEqual({ entries: [], errors: [`the list has ${MAX_LISTED_PARTICIPANTS + 1} people; add at most ${MAX_LISTED_PARTICIPANTS} at a time`] });
  });
});
