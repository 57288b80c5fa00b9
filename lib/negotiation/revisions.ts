/**
 * The next revision's label and symbol, from the labels saved so far: "Rev.3" after "Rev.2",
 * and the document's symbol with "/Rev.3" in place of any earlier "/Rev.N".
 */
export function nextRevision(labels: readonly string[], symbol: string | null | undefined): { label: string; symbol: string } {
  const n = 1 + Math.max(0, ...labels.map((l) => Number(/^Rev\.\s*(\d+)$/i.exec(l.trim())?.[1] ?? 0)));
  return { label: `Rev.${n}`, symbol: symbol ? `${symbol.replace(/\/Rev\.\d+$/i, "")}/Rev.${n}` : "" };
}
