/** A stretch of text in one face. */
export interface Piece<F> {
  text: string;
  face: F;
}

/** A piece placed on its line: `x` from the left edge of the text box. */
export interface PlacedPiece<F> extends Piece<F> {
  x: number;
}

/** What the line breaker measures with: the width of `text` set in `face`. */
export type Measure<F> = (text: string, face: F) => number;

/** A word: its parts in their faces (no break inside), then the white space after it, if any. */
interface Word<F> {
  parts: Piece<F>[];
  space: Piece<F> | null;
}

/** White space a line may break at: not the no-break spaces ("No.\u00a05/17", French "\u202f;"). */
const BREAKING_SPACE = /([^\S\u00a0\u2007\u202f]+)/u;

function words<F>(pieces: readonly Piece<F>[]): Word<F>[] {
  const out: Word<F>[] = [];
  let word: Word<F> | null = null;
  for (const piece of pieces) {
    for (const chunk of piece.text.split(BREAKING_SPACE)) {
      if (!chunk) continue;
      if (BREAKING_SPACE.test(chunk)) {
        if (!word) out.push((word = { parts: [], space: null }));
        word.space = word.space ? { text: word.space.text + chunk, face: word.space.face } : { text: chunk, face: piece.face };
        continue;
      }
      if (!word || word.space) out.push((word = { parts: [], space: null }));
      word.parts.push({ text: chunk, face: piece.face });
    }
  }
  return out;
}

/** A word wider than the box, one word per character, so it breaks where it has to (as pdfkit does). */
function characters<F>(word: Word<F>): Word<F>[] {
  const chars = word.parts.flatMap((p) => Array.from(p.text, (c) => ({ parts: [{ text: c, face: p.face }], space: null }) as Word<F>));
  chars[chars.length - 1]!.space = word.space;
  return chars;
}

/** The line's pieces, neighbours in one face joined (drawn as one string, kerned as set), with their offsets. */
function place<F>(line: readonly Word<F>[], measure: Measure<F>): { pieces: PlacedPiece<F>[]; width: number } {
  const joined: Piece<F>[] = [];
  for (const w of line) {
    for (const part of w.space ? [...w.parts, w.space] : w.parts) {
      const last = joined[joined.length - 1];
      if (last && last.face === part.face) last.text += part.text;
      else joined.push({ ...part });
    }
  }
  let x = 0;
  const pieces = joined.map((p) => {
    const placed = { ...p, x };
    x += measure(p.text, p.face);
    return placed;
  });
  // The space that ends the line is drawn (a reader of the text finds the words apart) but not centred on.
  const trailing = line[line.length - 1]?.space;
  return { pieces, width: x - (trailing ? measure(trailing.text, trailing.face) : 0) };
}

/**
 * Lines of centred text in several faces, broken at white space to fit `width`, each piece
 * with its own position. pdfkit centres a `continued` run on its own, not the line it is
 * part of, so the pieces of a mixed bold / bold italic title were printed over each other
 * (foliojs/pdfkit#240, #774): the lines are laid out here and each piece drawn where it goes.
 */
export function centredLines<F>(pieces: readonly Piece<F>[], width: number, measure: Measure<F>): PlacedPiece<F>[][] {
  return breakLines(pieces, width, 0, measure).map((l) => {
    const { pieces: placed, width: lineWidth } = place(l, measure);
    const offset = Math.max(0, (width - lineWidth) / 2);
    return placed.map((p) => ({ ...p, x: p.x + offset }));
  });
}

/** Words in lines that fit `width`, the first line `indent` narrower. */
function breakLines<F>(pieces: readonly Piece<F>[], width: number, indent: number, measure: Measure<F>): Word<F>[][] {
  const wordWidth = (w: Word<F>) => w.parts.reduce((sum, p) => sum + measure(p.text, p.face), 0);
  const lines: Word<F>[][] = [];
  let line: Word<F>[] = [];
  let used = indent;
  const room = () => (lines.length ? width : width - indent);
  for (const word of words(pieces).flatMap((w) => (wordWidth(w) > width - indent ? characters(w) : [w]))) {
    const before = line[line.length - 1]?.space;
    const next = used + (before ? measure(before.text, before.face) : 0) + wordWidth(word);
    if (line.length && next > room()) {
      lines.push(line);
      line = [word];
      used = wordWidth(word);
    } else {
      line.push(word);
      used = next;
    }
  }
  if (line.length) lines.push(line);
  return lines;
}

/** Reverses, in place, each stretch of `tokens` from one token of `inner` to the last one before a token of neither. */
function reverseStretches<F>(tokens: Piece<F>[], inner: (t: Piece<F>) => boolean): void {
  const space = (t: Piece<F>) => !t.text.trim();
  for (let i = 0; i < tokens.length; i++) {
    if (!inner(tokens[i]!)) continue;
    let end = i;
    for (let j = i + 1; j < tokens.length && (inner(tokens[j]!) || space(tokens[j]!)); j++) if (!space(tokens[j]!)) end = j;
    tokens.splice(i, end - i + 1, ...tokens.slice(i, end + 1).reverse());
    i = end;
  }
}

/**
 * Lines of text that mixes left-to-right and right-to-left words (Arabic), broken as
 * {@link centredLines} breaks them, each word and space placed where it is seen: in a
 * left-to-right paragraph a stretch of right-to-left words reads from right to left; in a
 * right-to-left one (`rtl`) the line does, with its left-to-right stretches (numbers, Latin
 * words) kept in their order, and it is set against the right edge. The first line starts
 * `indent` further in (on its right in a right-to-left paragraph). Each right-to-left word is
 * a piece of its own: pdfkit shapes and lays out a piece's words one by one, left to right.
 */
export function bidiLines<F>(pieces: readonly Piece<F>[], width: number, indent: number, measure: Measure<F>, isRtl: (face: F) => boolean, rtl: boolean): PlacedPiece<F>[][] {
  return breakLines(pieces, width, indent, measure).map((line, index) => {
    const tokens: Piece<F>[] = line.flatMap((w) => (w.space ? [...w.parts, w.space] : w.parts));
    while (tokens.length && !tokens[tokens.length - 1]!.text.trim()) tokens.pop();
    const rightToLeft = (t: Piece<F>) => isRtl(t.face) && !!t.text.trim();
    if (rtl) {
      tokens.reverse();
      reverseStretches(tokens, (t) => !isRtl(t.face) && !!t.text.trim());
    } else {
      reverseStretches(tokens, rightToLeft);
    }
    let x = 0;
    const placed = tokens.map((t) => {
      const at = { ...t, x };
      x += measure(t.text, t.face);
      return at;
    });
    const start = index === 0 ? indent : 0;
    const offset = rtl ? Math.max(0, width - start - x) : start;
    return placed.map((p) => ({ ...p, x: p.x + offset }));
  });
}
