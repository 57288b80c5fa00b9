import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseStatement } from "../import/parse-statement";
import { numberBlocks } from "../model/numbering";
import { diffReferences, extractReferences, referencesByParagraph, type Reference } from ".";

const SEEDS = path.resolve(import.meta.dirname, "../../seeds");
const seed = (prefix: string): string => {
  const file = fs.readdirSync(SEEDS).find((f) => f.startsWith(prefix) && f.endsWith(".txt"));
  if (!file) throw new Error(`no seed ${prefix}`);
  return fs.readFileSync(path.join(SEEDS, file), "utf8");
};
const found = (refs: Reference[], canonical: string) => refs.filter((r) => r.canonical === canonical).map((r) => r.text);

describe("references in the sample statements", () => {
  it("000 OEWG joint statement: resolutions by number and the watched terms", () => {
    const refs = extractReferences(seed("000"));
    expect(found(refs, "A/RES/75/240")).toEqual(["UNGA resolution 75/240"]);
    expect(found(refs, "A/RES/76/19")).toEqual(["UNGA resolution 76/19"]);
    // once inside "capacity-building-related language", once on its own
    expect(found(refs, "capacity-building")).toEqual(["capacity-building", "capacity-building"]);
    expect(found(refs, "human rights")).toEqual(["human rights"]);
    expect(found(refs, "international humanitarian law")).toEqual(["international humanitarian law"]);
    expect(found(refs, "gender")).toEqual(["gender"]);
    // "legally binding obligations of the host country" is not the instrument
    expect(found(refs, "legally binding instrument")).toEqual(["legally binding instrument"]);
    expect(found(refs, "Open-ended Working Group")[0]).toBe("Open-ended Working Group");
  });

  it("001 CSTO note verbale: the disarmament treaties", () => {
    const refs = extractReferences(seed("001"));
    for (const name of [
      "Chemical Weapons Convention",
      "Biological and Toxin Weapons Convention",
      "Treaty on the Non-Proliferation of Nuclear Weapons",
      "Comprehensive Nuclear-Test-Ban Treaty",
    ]) {
      expect(found(refs, name)).toHaveLength(1);
    }
    expect(found(refs, "Conference on Disarmament").length).toBeGreaterThan(10);
    expect(found(refs, "Collective Security Treaty Organization")).toContain("Collective Security Treaty Organization (CSTO)");
  });

  it("002 OSCE decision: council decisions, two from one phrase, and the instruments", () => {
    const refs = extractReferences(seed("002"));
    expect(found(refs, "Decision No. 5/17")).toEqual(["DECISION No. 5/17"]);
    expect(found(refs, "MC.DEC/5/16")).toEqual(["Ministerial Council Decision No. 5/16"]);
    expect(found(refs, "PC.DEC/1106")).toEqual(["Permanent Council Decisions No. 1106"]);
    expect(found(refs, "PC.DEC/1202")).toEqual(["No. 1202"]);
    expect(found(refs, "PC.DEC/1039")).toEqual(["Permanent Council Decision No. 1039", "Permanent Council Decision No. 1039"]);
    expect(found(refs, "Charter of the United Nations")).toEqual(["UN Charter"]);
    expect(found(refs, "International Covenant on Civil and Political Rights")).toHaveLength(1);
    expect(found(refs, "Helsinki Final Act")).toHaveLength(1);
    expect(found(refs, "human rights")).toEqual(["human rights"]);
    expect(found(refs, "Group of Governmental Experts")).toHaveLength(1);
  });

  it("003 OSCE joint statement: its own symbol, a Security Council document, Ministerial Council decisions", () => {
    const refs = extractReferences(seed("003"));
    expect(found(refs, "MC.DEL/39/21")).toEqual(["MC.DEL/39/21"]);
    expect(found(refs, "S/2017/375")).toEqual(["S/2017/375"]);
    for (const d of ["MC.DEC/3/04", "MC.DEC/7/06", "MC.DEC/5/07"]) expect(found(refs, d)).toHaveLength(1);
    expect(found(refs, "Charter of the United Nations")).toEqual(["Charter of the United Nations"]);
    expect(found(refs, "United Nations Global Counter-Terrorism Strategy")).toHaveLength(1);
    expect(found(refs, "human rights")).toEqual(["human rights"]);
    expect(found(refs, "stakeholders")).toEqual(["stakeholders"]);
  });

  it("004 Albania on the PoA: a General Assembly resolution and the Programme of Action", () => {
    const refs = extractReferences(seed("004"));
    expect(found(refs, "A/RES/77/37")).toEqual(["United Nations General Assembly Resolution 77/37"]);
    expect(found(refs, "capacity-building")).toEqual(["capacity building"]);
    expect(found(refs, "human rights")).toEqual(["human rights"]);
    expect(found(refs, "Programme of Action")).toContain("Programme of Action (PoA)");
  });

  it("every offset points at the text as written, and no two references overlap", () => {
    for (const prefix of ["000", "001", "002", "003", "004"]) {
      const text = seed(prefix);
      const refs = extractReferences(text);
      refs.forEach((r, i) => {
        expect(text.slice(r.start, r.end)).toBe(r.text);
        if (i > 0) expect(r.start).toBeGreaterThanOrEqual(refs[i - 1]!.end);
      });
    }
  });
});

describe("the OSCE decision paragraph by paragraph, against a Rev.2", () => {
  const blocks = numberBlocks(parseStatement(seed("002"), { newId: (() => { let n = 0; return () => `b${++n}`; })() }).blocks);
  const paragraphs = blocks.map((b) => ({ id: b.id, number: b.number, text: b.runs.map((r) => r.text).join("") }));
  const byNumber = (n: string) => {
    const p = paragraphs.find((x) => x.number === n);
    if (!p) throw new Error(`no ${n}`);
    return p;
  };

  it("places each reference in its paragraph", () => {
    const refs = referencesByParagraph(paragraphs);
    const where = (canonical: string) => refs.filter((p) => p.references.some((r) => r.canonical === canonical)).map((p) => p.number);
    expect(where("PC.DEC/1039")).toEqual(["PP6", "OP2"]);
    expect(where("PC.DEC/1202")).toEqual(["PP5"]);
    expect(where("Helsinki Final Act")).toEqual(["PP3"]);
  });

  it("reports what Rev.2 dropped, added and moved, despite renumbering", () => {
    const op2 = byNumber("OP2");
    const pp3 = byNumber("PP3");
    const op4 = byNumber("OP4");
    const rev2 = [
      { id: "new", number: "PP1", text: "Guided by the Charter of the United Nations," },
      ...paragraphs.map((p) => {
        if (p.id === op2.id) return { ...p, text: p.text.replace(" pursuant to Permanent Council Decision No. 1039", "") };
        if (p.id === pp3.id) return { ...p, text: p.text.replace(" the Helsinki Final Act;", "") };
        if (p.id === op4.id) return { ...p, text: `${p.text} and with all stakeholders.` };
        return p;
      }),
    ].map((p) => (p.number?.startsWith("PP") && p.id !== "new" ? { ...p, number: `PP${Number(p.number.slice(2)) + 1}` } : p));

    const diff = diffReferences(referencesByParagraph(paragraphs), referencesByParagraph(rev2));
    expect(diff.removed.map((r) => [r.canonical, r.fromParagraphs])).toEqual([["Helsinki Final Act", ["PP3"]]]);
    expect(diff.added.map((r) => [r.canonical, r.toParagraphs])).toEqual([["stakeholders", ["OP4"]]]);
    const decision = diff.changed.find((r) => r.canonical === "PC.DEC/1039");
    expect(decision).toMatchObject({ fromParagraphs: ["PP6", "OP2"], toParagraphs: ["PP7"], removedFrom: ["OP2"], addedTo: [], fromCount: 2, toCount: 1 });
    const charter = diff.changed.find((r) => r.canonical === "Charter of the United Nations");
    expect(charter).toMatchObject({ fromParagraphs: ["PP3"], toParagraphs: ["PP1", "PP4"], removedFrom: [], addedTo: ["PP1"] });
    expect(diff.changed).toHaveLength(2);
    expect(diff.toTotal).toBe(diff.fromTotal);
  });
});
