/**
 * The next revision's label and symbol, from the labels saved so far: the zero draft first
 * (under the document's symbol), then "Rev.1", "Rev.3" after "Rev.2", with "/Rev.3" in
 * place of any earlier "/Rev.N" in the symbol.
 */
export function nextRevision(labels: readonly string[], symbol: string | null | undefined): { label: string; symbol: string } {
  if (labels.length === 0) return { label: "Zero draft", symbol: symbol ?? "" };
  const n = 1 + Math.max(0, ...labels.map((l) => Number(/^Rev\.\s*(\d+)$/i.exec(l.trim())?.[1] ?? 0)));
  return { label: `Rev.${n}`, symbol: symbol ? `${symbol.replace(/\/Rev\.\d+$/i, "")}/Rev.${n}` : "" };
}
