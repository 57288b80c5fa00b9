/**
 * Words to quote: runs of spaces and line breaks folded to one space, the ends trimmed, and
 * cut after `max` characters with "…" ("" when there are none). The quotation marks are the
 * caller's, as some leave out the quotation when there are no words.
 */
export function clipWords(text: string, max: number): string {
  const words = text.replace(/\s+/g, " ").trim();
  return words.length > max ? `${words.slice(0, max)}…` : words;
}
