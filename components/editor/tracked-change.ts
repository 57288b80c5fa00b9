import { clipWords } from "@/lib/format/clip";
import { changeOf, piecesText as words, type SuggestionType } from "@/lib/negotiation/suggestions";

/** A piece of a tracked change, as listed from the text or told in an event. */
interface Piece {
  type: SuggestionType;
  text: string;
}

/** "tracked insertion", "tracked deletion", "tracked replacement": what the change is called. */
export function changeName(pieces: readonly Piece[]): string {
  return `tracked ${changeOf(pieces).kind}`;
}

/**
 * Whether the change is drawn in more pieces than it has parts (others' words typed inside
 * it, its paragraph split): a replacement's deletion and insertion are one piece each.
 */
export function scattered(pieces: readonly Piece[]): boolean {
  const { deleted, inserted } = changeOf(pieces);
  return deleted.length > 1 || inserted.length > 1;
}

/** The words a replacement takes out and puts in, "“X” → “Y”" as an amendment's; the words of another change. */
export function changeWords(pieces: readonly Piece[]): string {
  const { kind, deleted, inserted } = changeOf(pieces);
  return kind === "replacement" ? `${words(deleted)} → ${words(inserted)}` : words(pieces);
}

/**
 * The change told in a sentence, its words cut at `max` characters: "tracked insertion in
 * OP1 (“fully”)", "tracked replacement of “X” with “Y” in PP3". `where`: its paragraphs ("").
 */
export function changeSentence(pieces: readonly Piece[], where: string, max = 80): string {
  const { kind, deleted, inserted } = changeOf(pieces);
  const at = where ? ` in ${where}` : "";
  if (kind === "replacement") return `tracked replacement of “${clipWords(words(deleted), max)}” with “${clipWords(words(inserted), max)}”${at}`;
  const said = clipWords(words(pieces), max);
  return `tracked ${kind}${at}${said ? ` (“${said}”)` : ""}`;
}
