import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { diffReferences, extractReferences, referencesByParagraph } from ".";

const seed = (prefix: string) => {
  const dir = path.join(process.cwd(), "seeds");
  return fs.readFileSync(path.join(dir, fs.readdirSync(dir).find((f) => f.startsWith(prefix))!), "utf8");
};
const canon = (text: string) => new Set(extractReferences(text).map((r) => r.canonical));

describe("extractReferences", () => {
  it("OEWG joint statement: resolutions and watched terms", () => {
    const c = canon(seed("000"));
    for (const x of ["A/RES/75/240", "A/RES/76/19", "capacity-building", "human rights", "international humanitarian law", "gender", "legally binding instrument"]) {
      expect(c).toContain(x);
    }
  });

  it("OSCE decision: decisions by number with their body, instruments", () => {
    const refs = extractReferences(seed("002"));
    const c = new Set(refs.map((r) => r.canonical));
    for (const x of ["MC.DEC/5/16", "PC.DEC/1106", "PC.DEC/1202", "PC.DEC/1039", "Charter of the United Nations", "International Covenant on Civil and Political Rights", "Helsinki Final Act", "human rights"]) {
      expect(c).toContain(x);
    }
    expect(refs.filter((r) => r.canonical === "PC.DEC/1039")).toHaveLength(2);
  });

  it("the CSTO and OSCE statements and Albania's contribution", () => {
    const c3 = canon(seed("003"));
    for (const x of ["S/2017/375", "MC.DEC/3/04", "MC.DEC/7/06", "MC.DEC/5/07", "Charter of the United Nations", "United Nations Global Counter-Terrorism Strategy", "human rights", "stakeholders"]) {
      expect(c3).toContain(x);
    }
    const c1 = canon(seed("001"));
    for (const x of ["Chemical Weapons Convention", "Biological and Toxin Weapons Convention", "Treaty on the Non-Proliferation of Nuclear Weapons", "Comprehensive Nuclear-Test-Ban Treaty"]) {
      expect(c1).toContain(x);
    }
    const c4 = canon(seed("004"));
    for (const x of ["A/RES/77/37", "capacity-building", "human rights", "Programme of Action"]) expect(c4).toContain(x);
  });

  it("normalises: one reference written two ways counts once; lists give several", () => {
    expect(canon("recalling resolutions 70/237 and 76/19")).toEqual(new Set(["A/RES/70/237", "A/RES/76/19"]));
    expect(canon("the UN Charter")).toEqual(canon("the Charter of the United Nations"));
    expect(canon("resolution 75/240")).toEqual(canon("A/RES/75/240"));
    const [s] = extractReferences("see (S/2017/375, annex).");
    expect(s!.text).toBe("S/2017/375");
  });

  it("offsets point at the text as written", () => {
    const text = seed("002");
    for (const r of extractReferences(text)) expect(text.slice(r.start, r.end)).toBe(r.text);
  });
});

describe("diffReferences", () => {
  const from = referencesByParagraph([
    { id: "1", number: "PP3", text: "consistent with the UN Charter and human rights" },
    { id: "2", number: "PP5", text: "Reaffirming Ministerial Council Decision No. 5/16 and human rights" },
    { id: "3", number: "OP3", text: "to enhance capacity-building" },
  ]);
  const to = referencesByParagraph([
    { id: "1", number: "PP3", text: "consistent with the UN Charter" },
    { id: "2", number: "PP5", text: "Reaffirming Ministerial Council Decision No. 5/16 and human rights" },
    { id: "3", number: "OP3", text: "to enhance national capabilities, recalling resolution 77/37" },
  ]);
  const d = diffReferences(from, to);

  it("removed everywhere, added, and removed from some paragraphs", () => {
    expect(d.removed.map((c) => [c.canonical, c.fromParagraphs])).toEqual([["capacity-building", ["OP3"]]]);
    expect(d.added.map((c) => [c.canonical, c.toParagraphs])).toEqual([["A/RES/77/37", ["OP3"]]]);
    expect(d.moved.map((c) => [c.canonical, c.fromParagraphs, c.toParagraphs])).toEqual([["human rights", ["PP3", "PP5"], ["PP5"]]]);
    expect(d).toMatchObject({ fromTotal: 4, toTotal: 4 });
  });
});
