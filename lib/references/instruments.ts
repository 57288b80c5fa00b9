/**
 * Named instruments and bodies the tracker recognises. To add one, add an entry: the
 * canonical name it is reported under, the full names and variants (matched
 * case-insensitively, with flexible spacing and hyphenation, as whole words) and the
 * acronyms (matched case-sensitively, as whole words). A full name directly followed by
 * its acronym in brackets, "Programme of Action (PoA)", is one reference.
 */
import { WORD_END, WORD_START, escapeRegExp, flexibleSource } from "./normalize";
import { span, type Reference } from "./types";

/** One named instrument or body. */
export interface InstrumentDefinition {
  canonical: string;
  names: readonly string[];
  acronyms?: readonly string[];
}

/** The curated list. Bare "the Charter" is left out: on its own it is ambiguous. */
export const INSTRUMENTS: readonly InstrumentDefinition[] = [
  { canonical: "Charter of the United Nations", names: ["Charter of the United Nations", "United Nations Charter", "UN Charter", "U.N. Charter"] },
  { canonical: "Universal Declaration of Human Rights", names: ["Universal Declaration of Human Rights"], acronyms: ["UDHR"] },
  { canonical: "International Covenant on Civil and Political Rights", names: ["International Covenant on Civil and Political Rights"], acronyms: ["ICCPR"] },
  { canonical: "International Covenant on Economic, Social and Cultural Rights", names: ["International Covenant on Economic, Social and Cultural Rights"], acronyms: ["ICESCR"] },
  { canonical: "Helsinki Final Act", names: ["Helsinki Final Act", "Final Act of Helsinki"] },
  { canonical: "Vienna Document", names: ["Vienna Document"] },
  {
    canonical: "Chemical Weapons Convention",
    names: [
      "Chemical Weapons Convention",
      "Convention on the Prohibition of the Development, Production, Stockpiling and Use of Chemical Weapons and on Their Destruction",
      "Convention on the Prohibition of the Development, Production, Stockpiling and Use of Chemical Weapons",
    ],
    acronyms: ["CWC"],
  },
  {
    canonical: "Biological and Toxin Weapons Convention",
    names: [
      "Biological and Toxin Weapons Convention",
      "Biological Weapons Convention",
      "Convention on the Prohibition of the Development, Production and Stockpiling of Bacteriological (Biological) and Toxin Weapons and on Their Destruction",
    ],
    acronyms: ["BWC", "BTWC"],
  },
  {
    canonical: "Treaty on the Non-Proliferation of Nuclear Weapons",
    names: ["Treaty on the Non-Proliferation of Nuclear Weapons", "Nuclear Non-Proliferation Treaty", "Non-Proliferation Treaty"],
    acronyms: ["NPT"],
  },
  { canonical: "Comprehensive Nuclear-Test-Ban Treaty", names: ["Comprehensive Nuclear-Test-Ban Treaty", "Comprehensive Test-Ban Treaty"], acronyms: ["CTBT"] },
  {
    canonical: "United Nations Global Counter-Terrorism Strategy",
    names: ["United Nations Global Counter-Terrorism Strategy", "UN Global Counter-Terrorism Strategy", "Global Counter-Terrorism Strategy"],
  },
  { canonical: "Budapest Convention", names: ["Budapest Convention on Cybercrime", "Convention on Cybercrime", "Budapest Convention"] },
  { canonical: "United Nations Convention against Cybercrime", names: ["United Nations Convention against Cybercrime", "UN Convention against Cybercrime"] },
  { canonical: "2030 Agenda for Sustainable Development", names: ["2030 Agenda for Sustainable Development", "2030 Agenda"] },
  // In this product's texts a bare "Programme of Action" is the ICT one; the small arms
  // PoA is only recognised by its full name, which is longer and so wins the overlap.
  { canonical: "Programme of Action", names: ["Programme of Action", "Program of Action"], acronyms: ["PoA"] },
  {
    canonical: "Programme of Action on Small Arms and Light Weapons",
    names: [
      "Programme of Action to Prevent, Combat and Eradicate the Illicit Trade in Small Arms and Light Weapons in All Its Aspects",
      "Programme of Action on Small Arms and Light Weapons",
    ],
  },
  { canonical: "Open-ended Working Group", names: ["Open-ended Working Group"], acronyms: ["OEWG"] },
  { canonical: "Group of Governmental Experts", names: ["Group of Governmental Experts"], acronyms: ["GGE"] },
  { canonical: "Conference on Disarmament", names: ["Conference on Disarmament"] },
  { canonical: "Collective Security Treaty Organization", names: ["Collective Security Treaty Organization", "Collective Security Treaty Organisation"], acronyms: ["CSTO"] },
  {
    canonical: "Organization for Security and Co-operation in Europe",
    names: ["Organization for Security and Co-operation in Europe", "Organisation for Security and Co-operation in Europe"],
    acronyms: ["OSCE"],
  },
];

interface CompiledInstrument {
  canonical: string;
  names: RegExp;
  acronyms?: RegExp;
  /** "(PoA)" right after a full name. */
  tail?: RegExp;
}

function compile(def: InstrumentDefinition): CompiledInstrument {
  const names = new RegExp(`${WORD_START}(?:${def.names.map(flexibleSource).join("|")})${WORD_END}`, "giu");
  const acronymList = def.acronyms?.length ? def.acronyms.map(escapeRegExp).join("|") : undefined;
  if (!acronymList) return { canonical: def.canonical, names };
  return {
    canonical: def.canonical,
    names,
    acronyms: new RegExp(`${WORD_START}(?:${acronymList})${WORD_END}`, "gu"),
    tail: new RegExp(`^\\s*\\((?:${acronymList})\\)`, "u"),
  };
}

const COMPILED: readonly CompiledInstrument[] = INSTRUMENTS.map(compile);

/**
 * Mentions of the listed instruments and bodies in `text`. Overlaps between entries (the
 * small arms PoA and the bare "Programme of Action") are left for the caller to resolve.
 */
export function extractInstruments(text: string): Reference[] {
  const out: Reference[] = [];
  for (const inst of COMPILED) {
    for (const m of text.matchAll(inst.names)) {
      const end = m.index + m[0].length;
      const tail = inst.tail?.exec(text.slice(end, end + 24));
      out.push(span(text, "instrument", inst.canonical, m.index, end + (tail ? tail[0].length : 0)));
    }
    if (!inst.acronyms) continue;
    for (const m of text.matchAll(inst.acronyms)) {
      out.push(span(text, "instrument", inst.canonical, m.index, m.index + m[0].length));
    }
  }
  return out;
}
