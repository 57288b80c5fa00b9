/**
 * Named instruments and bodies the tracker recognises: canonical name and the ways texts
 * write it. Extend by adding a line.
 */
export const INSTRUMENTS: { canonical: string; patterns: RegExp[] }[] = [
  { canonical: "Charter of the United Nations", patterns: [/\b(?:the\s+)?Charter of the United Nations\b/, /\bU(?:nited\s+)?N(?:ations)?\.? Charter\b/, /\bUnited Nations Charter\b/] },
  { canonical: "Helsinki Final Act", patterns: [/\bHelsinki Final Act\b/] },
  { canonical: "International Covenant on Civil and Political Rights", patterns: [/\bInternational Covenant on Civil and Political Rights\b/, /\bICCPR\b/] },
  { canonical: "International Covenant on Economic, Social and Cultural Rights", patterns: [/\bInternational Covenant on Economic, Social and Cultural Rights\b/, /\bICESCR\b/] },
  { canonical: "Universal Declaration of Human Rights", patterns: [/\bUniversal Declaration of Human Rights\b/] },
  { canonical: "Chemical Weapons Convention", patterns: [/\bChemical Weapons Convention\b/, /\bConvention on the Prohibition of the Development, Production, Stockpiling and Use of Chemical Weapons\b/] },
  { canonical: "Biological and Toxin Weapons Convention", patterns: [/\bBiological and Toxin Weapons Convention\b/, /\bBiological Weapons Convention\b/] },
  { canonical: "Treaty on the Non-Proliferation of Nuclear Weapons", patterns: [/\bTreaty on the Non-Proliferation of Nuclear Weapons\b/, /\bNon-Proliferation Treaty\b/, /\bNPT\b/] },
  { canonical: "Comprehensive Nuclear-Test-Ban Treaty", patterns: [/\bComprehensive Nuclear-Test-Ban Treaty\b/, /\bCTBT\b/] },
  { canonical: "United Nations Global Counter-Terrorism Strategy", patterns: [/\bUnited Nations Global Counter-Terrorism Strategy\b/, /\bGlobal Counter-Terrorism Strategy\b/] },
  { canonical: "Convention on Cybercrime", patterns: [/\bConvention on Cybercrime\b/, /\bBudapest Convention\b/] },
  { canonical: "2030 Agenda for Sustainable Development", patterns: [/\b2030 Agenda(?: for Sustainable Development)?\b/] },
  { canonical: "Programme of Action", patterns: [/\bProgramme of Action\b/, /\bPoA\b/] },
  { canonical: "Open-ended Working Group", patterns: [/\bOpen-ended Working Group\b/i, /\bOEWG\b/] },
  { canonical: "Group of Governmental Experts", patterns: [/\bGroup of Governmental Experts\b/, /\bGGE\b/] },
  { canonical: "Conference on Disarmament", patterns: [/\bConference on Disarmament\b/] },
  { canonical: "Collective Security Treaty Organization", patterns: [/\bCollective Security Treaty Organization\b/, /\bCSTO\b/] },
];

/** Watched terms a new document starts with (editable per document). */
export const DEFAULT_WATCHED_TERMS = [
  "capacity-building",
  "human rights",
  "international humanitarian law",
  "gender",
  "legally binding instrument",
  "stakeholders",
];

/** A pattern for a watched term that also matches its usual variants. */
export function termPattern(term: string): RegExp {
  const escaped = term.trim().replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/[-\s]+/g, "[-\\s]");
  const plural = /s$/.test(term) ? "?" : "s?";
  return new RegExp(`\\b${escaped}${plural}(?![\\p{L}])`, "giu");
}
