import { describe, expect, it } from "vitest";
import { DEFAULT_WATCHED_TERMS, extractReferences, type Reference } from ".";

const brief = (refs: Reference[]) => refs.map((r) => [r.kind, r.canonical, r.text]);
const canonicals = (text: string, watchedTerms?: string[]) => extractReferences(text, { watchedTerms }).map((r) => r.canonical);
const expectOffsets = (text: string, refs: Reference[]) => {
  for (const r of refs) expect(text.slice(r.start, r.end)).toBe(r.text);
};

describe("document symbols", () => {
  it.each([
    ["A/75/816", "symbol"],
    ["S/2017/375", "symbol"],
    ["A/AC.292/2023/CRP.1", "symbol"],
    ["MC.DEL/39/21", "symbol"],
    ["CD/2205", "symbol"],
    ["E/CN.6/2023/L.3", "symbol"],
    ["A/RES/75/240", "resolution"],
    ["A/RES/75/240/Rev.1", "resolution"],
    ["PC.DEC/1039", "decision"],
  ])("finds %s as a %s", (symbol, kind) => {
    const text = `See document ${symbol} of the session.`;
    expect(brief(extractReferences(text))).toEqual([[kind, symbol, symbol]]);
  });

  it("leaves trailing punctuation and brackets out", () => {
    const text = "framework (S/2017/375, annex), the report A/AC.292/2023/CRP.1. Also CD/2205; and MC.DEL/39/21:";
    const refs = extractReferences(text);
    expect(refs.map((r) => r.text)).toEqual(["S/2017/375", "A/AC.292/2023/CRP.1", "CD/2205", "MC.DEL/39/21"]);
    expectOffsets(text, refs);
  });

  it("ignores slashes that are not symbols", () => {
    expect(extractReferences("and/or, N/A, TCP/IP, 24/7, COVID-19, a/75/816")).toEqual([]);
  });
});

describe("resolutions and decisions by number", () => {
  it("counts resolution 75/240 written with or without its body, or as a symbol, as one reference", () => {
    const text = "UNGA resolution 75/240; General Assembly resolution 75/240; resolution 75/240; A/RES/75/240.";
    const refs = extractReferences(text);
    expect(refs).toHaveLength(4);
    expect(new Set(refs.map((r) => `${r.kind} ${r.canonical}`))).toEqual(new Set(["resolution A/RES/75/240"]));
    expect(refs[0]!.text).toBe("UNGA resolution 75/240");
    expectOffsets(text, refs);
  });

  it("splits a list into one reference per number, each with its own span", () => {
    const text = "Recalling General Assembly resolutions 70/237 and 76/19, and resolutions 73/27, 73/266 and 74/28,";
    const refs = extractReferences(text);
    expect(brief(refs)).toEqual([
      ["resolution", "A/RES/70/237", "General Assembly resolutions 70/237"],
      ["resolution", "A/RES/76/19", "76/19"],
      ["resolution", "A/RES/73/27", "resolutions 73/27"],
      ["resolution", "A/RES/73/266", "73/266"],
      ["resolution", "A/RES/74/28", "74/28"],
    ]);
    expectOffsets(text, refs);
  });

  it("reads Capitalised Resolution and the full body name", () => {
    expect(canonicals("the United Nations General Assembly Resolution 77/37.")).toEqual(["A/RES/77/37"]);
  });

  it("canonicalises Security Council resolutions with their year, in prose or as symbols", () => {
    const text = "Security Council resolution 2341 (2017), S/RES/2341 (2017) and resolutions 1373 (2001) and 1624 (2005)";
    expect(canonicals(text)).toEqual(["S/RES/2341 (2017)", "S/RES/2341 (2017)", "S/RES/1373 (2001)", "S/RES/1624 (2005)"]);
  });

  it("canonicalises OSCE decisions by the council that adopted them", () => {
    const text =
      "Reaffirming Ministerial Council Decision No. 5/16 as well as Permanent Council Decisions No. 1106 and No. 1202, and Forum for Security Co-operation Decision No. 2/09";
    const refs = extractReferences(text);
    expect(brief(refs)).toEqual([
      ["decision", "MC.DEC/5/16", "Ministerial Council Decision No. 5/16"],
      ["decision", "PC.DEC/1106", "Permanent Council Decisions No. 1106"],
      ["decision", "PC.DEC/1202", "No. 1202"],
      ["decision", "FSC.DEC/2/09", "Forum for Security Co-operation Decision No. 2/09"],
    ]);
    expectOffsets(text, refs);
  });

  it("keeps a decision without its council as written, and only continues a list that is one", () => {
    expect(brief(extractReferences("DECISION No. 5/17"))).toEqual([["decision", "Decision No. 5/17", "DECISION No. 5/17"]]);
    expect(canonicals("Decision No. 3/04 and 10 other texts")).toEqual(["Decision No. 3/04"]);
    expect(canonicals("Permanent Council Decisions Nos. 1106 and 1202")).toEqual(["PC.DEC/1106", "PC.DEC/1202"]);
    expect(canonicals("prose form PC.DEC/1106 equals Permanent Council Decision No. 1106")).toEqual(["PC.DEC/1106", "PC.DEC/1106"]);
  });

  it("does not read decision-making or an unnumbered decision as a reference", () => {
    expect(extractReferences("decision-making is exclusive; the decision 5 was taken", { watchedTerms: [] })).toEqual([]);
  });
});

describe("named instruments", () => {
  it("reports the UN Charter under one name however it is written", () => {
    const text = "the UN Charter, the Charter of the United Nations and the United Nations Charter";
    expect(brief(extractReferences(text))).toEqual([
      ["instrument", "Charter of the United Nations", "UN Charter"],
      ["instrument", "Charter of the United Nations", "Charter of the United Nations"],
      ["instrument", "Charter of the United Nations", "United Nations Charter"],
    ]);
  });

  it("matches names case-insensitively across line breaks and hyphenation variants, acronyms exactly", () => {
    const text = "THE HELSINKI FINAL ACT, the Comprehensive Nuclear Test Ban Treaty, the\nNon-Proliferation Treaty, the NPT, not the npt";
    expect(canonicals(text)).toEqual([
      "Helsinki Final Act",
      "Comprehensive Nuclear-Test-Ban Treaty",
      "Treaty on the Non-Proliferation of Nuclear Weapons",
      "Treaty on the Non-Proliferation of Nuclear Weapons",
    ]);
  });

  it("takes a full name with its bracketed acronym as one reference", () => {
    const text = "the Collective Security Treaty Organization (CSTO) and the Programme of Action (PoA).";
    expect(brief(extractReferences(text))).toEqual([
      ["instrument", "Collective Security Treaty Organization", "Collective Security Treaty Organization (CSTO)"],
      ["instrument", "Programme of Action", "Programme of Action (PoA)"],
    ]);
  });

  it("keeps the longest reference where candidates overlap", () => {
    const text = "the Universal Declaration of Human Rights and the Programme of Action on Small Arms and Light Weapons";
    expect(brief(extractReferences(text))).toEqual([
      ["instrument", "Universal Declaration of Human Rights", "Universal Declaration of Human Rights"],
      ["instrument", "Programme of Action on Small Arms and Light Weapons", "Programme of Action on Small Arms and Light Weapons"],
    ]);
  });

  it("recognises the long title of the Chemical Weapons Convention", () => {
    const text = "the Convention on the Prohibition of the Development, Production, Stockpiling and Use of Chemical Weapons and on Their Destruction";
    expect(canonicals(text)).toEqual(["Chemical Weapons Convention"]);
  });
});

describe("watched terms", () => {
  it("has the agreed defaults", () => {
    expect(DEFAULT_WATCHED_TERMS).toEqual(["capacity-building", "human rights", "international humanitarian law", "gender", "legally binding instrument", "stakeholders"]);
  });

  it("matches spelling, hyphenation, number and case variants under the listed term", () => {
    const text = "Capacity building, capacity-building-related language, a stakeholder, gender issues, Human Rights, legally-binding instruments";
    expect(brief(extractReferences(text))).toEqual([
      ["term", "capacity-building", "Capacity building"],
      ["term", "capacity-building", "capacity-building"],
      ["term", "stakeholders", "stakeholder"],
      ["term", "gender", "gender"],
      ["term", "human rights", "Human Rights"],
      ["term", "legally binding instrument", "legally-binding instruments"],
    ]);
  });

  it("matches whole words only", () => {
    expect(extractReferences("transgender engendered multistakeholders")).toEqual([]);
  });

  it("uses the document's own list when given, reported as listed", () => {
    const text = "A free and secure Cyberspace respecting human rights.";
    expect(brief(extractReferences(text, { watchedTerms: ["cyberspace", " ", "Cyberspace"] }))).toEqual([["term", "cyberspace", "Cyberspace"]]);
  });
});
