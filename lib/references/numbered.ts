/**
 * Resolutions and decisions cited by number with their body: "UNGA resolution 75/240",
 * "resolutions 70/237 and 76/19", "Security Council resolution 2341 (2017)", "Ministerial
 * Council Decision No. 5/16", "Permanent Council Decisions No. 1106 and No. 1202".
 * A list yields one reference per number: the first spans the body and the number
 * ("Permanent Council Decisions No. 1106"), each further one its own number ("No. 1202").
 */
import { BODY_NAMES, WORD_END, WORD_START, bodyOf, decisionCanonical, resolutionCanonical, type Body } from "./normalize";
import { span, type Reference } from "./types";

/** "75/240", "ES-11/1", "2341 (2017)", "2625 (XXV)". */
const RES_NUMBER = String.raw`(?:ES-\d{1,2}\/\d{1,3}|\d{1,3}\/\d{1,4}|\d{1,4}\s?\((?:\d{4}|[XVILC]+)\))`;
/** "5/16", "1106". */
const DEC_NUMBER = String.raw`\d{1,4}(?:\/\d{2,4})?`;
/** Separator between list items: ", ", " and ", ", and ". */
const LIST_SEP = String.raw`(?:\s*,\s*(?:and\s+)?|\s+and\s+)`;

const RES_BODIES: Body[] = ["GA", "SC", "HRC"];
const DEC_BODIES: Body[] = ["MC", "PC", "FSC"];

const bodies = (list: readonly Body[]) => list.map((b) => `(?:${BODY_NAMES[b]})`).join("|");

const RESOLUTION = new RegExp(
  String.raw`${WORD_START}(?:(?<body>${bodies(RES_BODIES)})\s+)?resolutions?\s+(?<first>${RES_NUMBER})(?<rest>(?:${LIST_SEP}${RES_NUMBER})*)${WORD_END}`,
  "giud",
);
const RES_ITEM = new RegExp(RES_NUMBER, "g");

const DECISION = new RegExp(
  String.raw`${WORD_START}(?:(?<body>${bodies(DEC_BODIES)})\s+)?(?<word>decisions?)\s+(?<no>Nos?\.)\s?(?<first>${DEC_NUMBER})(?<rest>(?:${LIST_SEP}(?:Nos?\.\s?)?${DEC_NUMBER})*)${WORD_END}`,
  "giud",
);
const DEC_ITEM = new RegExp(String.raw`(?<no>Nos?\.\s?)?(?<number>${DEC_NUMBER})`, "gi");

/** Start and end of a named group of a match made with the `d` flag. */
function groupRange(m: RegExpExecArray | RegExpMatchArray, name: string): [number, number] | undefined {
  return m.indices?.groups?.[name];
}

/** Resolutions cited by number, canonicalised to their symbols ("A/RES/75/240"). */
export function extractResolutions(text: string): Reference[] {
  const out: Reference[] = [];
  for (const m of text.matchAll(RESOLUTION)) {
    const body = bodyOf(m.groups?.body, RES_BODIES);
    const first = groupRange(m, "first");
    if (!first) continue;
    out.push(span(text, "resolution", resolutionCanonical(body, text.slice(...first)), m.index, first[1]));
    const rest = groupRange(m, "rest");
    if (!rest) continue;
    for (const item of text.slice(...rest).matchAll(RES_ITEM)) {
      const start = rest[0] + item.index;
      out.push(span(text, "resolution", resolutionCanonical(body, item[0]), start, start + item[0].length));
    }
  }
  return out;
}

/**
 * OSCE decisions cited by number ("MC.DEC/5/16", "PC.DEC/1106"; "Decision No. 5/17" when
 * no council is named). "No." is required, so "decision-making" and "decision 5" are not
 * references. After a singular "Decision No. 3/04", a further bare number ("and 10 other
 * texts") is not read as a decision; only "No. 7" or a plural "Decisions"/"Nos." continue
 * the list.
 */
export function extractDecisions(text: string): Reference[] {
  const out: Reference[] = [];
  for (const m of text.matchAll(DECISION)) {
    const body = bodyOf(m.groups?.body, DEC_BODIES);
    const first = groupRange(m, "first");
    if (!first) continue;
    out.push(span(text, "decision", decisionCanonical(body, text.slice(...first)), m.index, first[1]));
    const rest = groupRange(m, "rest");
    if (!rest) continue;
    const plural = /s$/i.test(m.groups?.word ?? "") || /^Nos/i.test(m.groups?.no ?? "");
    for (const item of text.slice(...rest).matchAll(DEC_ITEM)) {
      if (!plural && !item.groups?.no) break;
      const number = item.groups?.number ?? item[0];
      const start = rest[0] + item.index;
      out.push(span(text, "decision", decisionCanonical(body, number), start, start + item[0].length));
    }
  }
  return out;
}
