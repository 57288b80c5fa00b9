/**
 * "Go to paragraph": what a chair says in the room ("OP12", "operative 12", "PP 3", "12",
 * "5 (a)") to the paragraph it names, or null.
 */
export function findParagraph<T extends { id: string; number: string | null }>(query: string, paragraphs: readonly T[]): T | null {
  const norm = (s: string) =>
    s
      .toUpperCase()
      .replace(/^OPERATIVE\s*/, "OP")
      .replace(/^PREAMBULAR\s*/, "PP")
      .replace(/^PARA(?:GRAPH)?\.?\s*/, "")
      .replace(/[\s.]+/g, "");
  const q = norm(query.trim());
  if (!q) return null;
  const numbered = paragraphs.filter((p) => p.number);
  // Exact first ("OP12", "PP3", "5(a)"), then a bare number as an operative paragraph ("12" is OP12).
  return numbered.find((p) => norm(p.number!) === q) ?? (/^\d+[A-Z]?$/.test(q) ? (numbered.find((p) => norm(p.number!) === `OP${q}`) ?? null) : null);
}
