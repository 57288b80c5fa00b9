const REV_LABEL = /^Rev\.\s*(\d+)$/i;
const REV_SUFFIX = /\/Rev\.\s*(\d+)$/i;

/** The symbol without its revision suffix: "A/AC.292/2025/CRP.1/Rev.2" → "A/AC.292/2025/CRP.1". */
export function baseSymbol(symbol: string): string {
  return symbol.replace(REV_SUFFIX, "");
}

/**
 * The symbol that goes with a label under a base symbol: "Rev.2" → base + "/Rev.2", the
 * zero draft → the base; null for any other label (an informal one: "First reading"), or
 * without a base.
 */
export function symbolForLabel(label: string, base: string): string | null {
  if (!base) return null;
  const n = REV_LABEL.exec(label.trim())?.[1];
  if (n) return `${base}/Rev.${Number(n)}`;
  return /^zero draft$/i.test(label.trim()) ? base : null;
}

/**
 * The next revision's label and symbol, as the save form offers them (the chair may change
 * both): the zero draft first, under the document's symbol; then "Rev.N", one above the
 * highest revision saved so far by label or by symbol, under the base symbol + "/Rev.N" (UN
 * practice: A/AC.292/2025/CRP.1, then A/AC.292/2025/CRP.1/Rev.1, /Rev.2 ...). The base is
 * that of the newest version with a symbol (the chair may have given the zero draft one the
 * document lacks), else the document's; no base, no symbol ("").
 *
 * `versions` newest first, as the versions list gives them.
 */
export function nextRevision(
  versions: readonly { label: string; symbol: string | null }[],
  documentSymbol: string | null | undefined,
): { label: string; symbol: string } {
  if (versions.length === 0) return { label: "Zero draft", symbol: documentSymbol ?? "" };
  const latest = versions.find((v) => v.symbol)?.symbol;
  const base = latest ? baseSymbol(latest) : (documentSymbol ?? null);
  const numbers = versions.flatMap((v) => {
    const byLabel = Number(REV_LABEL.exec(v.label.trim())?.[1] ?? 0);
    // A "/Rev.N" of another base is another document's revision: it does not take N here.
    const bySymbol = v.symbol && base && baseSymbol(v.symbol) === base ? Number(REV_SUFFIX.exec(v.symbol)?.[1] ?? 0) : 0;
    return [byLabel, bySymbol];
  });
  const n = 1 + Math.max(0, ...numbers);
  return { label: `Rev.${n}`, symbol: symbolForLabel(`Rev.${n}`, base ?? "") ?? "" };
}
