import { DEFAULT_WATCHED_TERMS, INSTRUMENTS, termPattern } from "./instruments";

export type ReferenceKind = "symbol" | "resolution" | "decision" | "instrument" | "term";

export interface Reference {
  kind: ReferenceKind;
  /** One form per reference: "UN Charter" and "the Charter of the United Nations" count once. */
  canonical: string;
  /** As written. */
  text: string;
  start: number;
  end: number;
}

/** UN and OSCE document symbols: A/RES/75/240, A/AC.292/2023/CRP.1, MC.DEL/39/21, S/2017/375. */
const SYMBOL = /\b[A-Z]{1,4}(?:\.[A-Z]{2,5})?\/(?:(?:[A-Z]{1,6}(?:\.\d+)?|\d{1,5}(?:\.\d+)?)\/)*(?:\d{1,5}|[A-Z]{1,6}\.\d+)(?:\/Rev\.\d+)?\b/g;
const NUMBER_LIST = String.raw`\d{2,3}\/\d{1,3}(?:\s*(?:,|and|,\s*and)\s*\d{2,3}\/\d{1,3})*`;
const GA = new RegExp(String.raw`\b(?:(?:United Nations General Assembly|UN General Assembly|UNGA|General Assembly)\s+)?[Rr]esolutions?\s+(${NUMBER_LIST})`, "g");
const SC = /\bSecurity Council [Rr]esolutions? (\d{3,4})(?: \((\d{4})\))?/g;
const DECISION = /\b(?:(Ministerial Council|Permanent Council)\s+)?Decisions?\s+No\.\s*(\d+(?:\/\d+)?(?:\s*(?:,|and)\s*(?:No\.\s*)?\d+(?:\/\d+)?)*)/g;

function symbolRef(text: string, start: number): Reference {
  const res = /^([AS])\/RES\/(.+)$/.exec(text);
  return { kind: res ? "resolution" : "symbol", canonical: text, text, start, end: start + text.length };
}

function collect(text: string, watched: readonly string[]): Reference[] {
  const out: Reference[] = [];
  for (const m of text.matchAll(SYMBOL)) out.push(symbolRef(m[0], m.index));
  for (const m of text.matchAll(GA)) {
    // A bare "resolution NN/NNN" in these texts is a General Assembly resolution.
    for (const n of m[1]!.matchAll(/\d{2,3}\/\d{1,3}/g)) out.push({ kind: "resolution", canonical: `A/RES/${n[0]}`, text: m[0], start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(SC)) {
    out.push({ kind: "resolution", canonical: `S/RES/${m[1]}${m[2] ? ` (${m[2]})` : ""}`, text: m[0], start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(DECISION)) {
    const body = m[1];
    for (const n of m[2]!.matchAll(/\d+(?:\/\d+)?/g)) {
      const canonical = body === "Ministerial Council" ? `MC.DEC/${n[0]}` : body === "Permanent Council" ? `PC.DEC/${n[0]}` : `Decision No. ${n[0]}`;
      out.push({ kind: "decision", canonical, text: m[0], start: m.index, end: m.index + m[0].length });
    }
  }
  for (const inst of INSTRUMENTS) {
    for (const p of inst.patterns) {
      for (const m of text.matchAll(new RegExp(p.source, p.flags.includes("g") ? p.flags : `${p.flags}g`))) {
        out.push({ kind: "instrument", canonical: inst.canonical, text: m[0], start: m.index, end: m.index + m[0].length });
      }
    }
  }
  for (const term of watched) {
    for (const m of text.matchAll(termPattern(term))) out.push({ kind: "term", canonical: term, text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * What a paragraph cites: document symbols, resolutions and decisions (normalised to their
 * symbols), named instruments and watched terms. Where matches overlap the longer wins, so
 * a reference written one way counts once; a phrase naming two decisions gives two.
 */
export function extractReferences(text: string, watched: readonly string[] = DEFAULT_WATCHED_TERMS): Reference[] {
  const all = collect(text, watched).sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: Reference[] = [];
  for (const r of all) {
    const clash = kept.find((k) => r.start < k.end && k.start < r.end);
    if (!clash) kept.push(r);
    else if (clash.start === r.start && clash.end === r.end && clash.canonical !== r.canonical && clash.kind === r.kind) kept.push(r);
  }
  return kept;
}
