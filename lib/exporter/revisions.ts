import { BuilderElement, DeletedTextRun, FileChild, InsertedTextRun, ParagraphProperties, ParagraphRunProperties, TextRun, type IParagraphPropertiesOptions, type XmlComponent } from "docx";
import { FONT, SIZE } from "./docx";
import { sameStyle, type Style, type StyledText } from "./styled";

/** One tracked change's attributes (w:id, w:author, w:date). */
export interface Change {
  id: number;
  author: string;
  /** ISO date-time. */
  date: string;
}

/** A new change by the author at hand, with the next free id. */
export type NewChange = () => Change;

/** A piece of a redline (text or a paragraph mark): the older version's, kept, or a change. */
export type Edit = "kept" | "inserted" | "deleted";

/** How a redline writes text and paragraph marks (of the edits `E`) at one place in the document. */
export interface Marking<E extends Edit = Edit> {
  /** A piece of text in its style; `was`: the style kept text had in the older version. */
  run(edit: E, text: StyledText, was?: Style): XmlComponent;
  /** The revisions on a paragraph mark (w:pPr/w:rPr), in the order CT_ParaRPr gives them. */
  mark(edit: E): XmlComponent[];
}

/** Run properties as the Word exports write them; bold and italics only where they are on. */
const properties = ({ bold, italics }: Style) => ({ font: FONT, size: SIZE, ...(bold && { bold }), ...(italics && { italics }) });

const style = (piece: StyledText) => ({ text: piece.text, ...properties(piece) });

const attributes = ({ id, author, date }: Change) => ({ id: { key: "w:id", value: id }, author: { key: "w:author", value: author }, date: { key: "w:date", value: date } });

/** A revision element (w:ins, w:del, w:moveFrom, w:moveTo) with the change's attributes. */
function revision(name: string, change: Change, children?: readonly XmlComponent[]): XmlComponent {
  return new BuilderElement({ name, attributes: attributes(change), children });
}

/**
 * Text that stands where it stood: changes as w:ins and w:del; kept text whose style changed
 * as a formatting revision (w:rPrChange: the older properties, which Reject All restores).
 */
export function inPlace(change: NewChange): Marking {
  return {
    run: (edit, text, was) => {
      if (edit === "inserted") return new InsertedTextRun({ ...change(), ...style(text) });
      if (edit === "deleted") return new DeletedTextRun({ ...change(), ...style(text) });
      return new TextRun({ ...style(text), ...(was && !sameStyle(was, text) && { revision: { ...change(), ...properties(was) } }) });
    },
    mark: (edit) => (edit === "kept" ? [] : [revision(edit === "inserted" ? "w:ins" : "w:del", change())]),
  };
}

/**
 * A redline paragraph. docx's Paragraph takes only its own kinds of run as children and
 * marks a paragraph mark only as inserted or deleted, so the redline writes its own w:p:
 * the layout, the mark's revisions in w:pPr/w:rPr, then the runs.
 */
export class RedlineParagraph extends FileChild {
  constructor(layout: IParagraphPropertiesOptions, mark: readonly XmlComponent[], children: readonly XmlComponent[]) {
    super("w:p");
    const properties = new ParagraphProperties(layout);
    if (mark.length) {
      const run = new ParagraphRunProperties();
      for (const m of mark) run.push(m);
      properties.push(run);
    }
    this.root.push(properties, ...children);
  }
}

/**
 * Where a moved paragraph now stands: what it kept from where it stood (words and
 * paragraph mark) inside w:moveTo, so Reject All takes it away again; words written since
 * are w:ins within the move's range. Words deleted since are not written here (see
 * `movedHere` in redline.ts). Text is in the newer version's style, with no formatting
 * revision: the older style stands where the text moved from, and Reject All takes this
 * text away.
 */
export function movedTo(change: NewChange): Marking<"kept" | "inserted"> {
  const here = inPlace(change);
  return {
    run: (edit, text) => (edit === "inserted" ? here.run(edit, text) : revision("w:moveTo", change(), [new TextRun(style(text))])),
    mark: (edit) => (edit === "inserted" ? here.mark(edit) : [revision("w:moveTo", change())]),
  };
}

/** Where a moved paragraph stood: its text and its paragraph mark, as they were, inside w:moveFrom. */
export function movedFrom(change: NewChange): Marking<"kept"> {
  return {
    // Word writes moved-away text as w:t, not w:delText: it is not deleted, it stands elsewhere.
    // The text is in the older version's style.
    run: (_edit, text) => revision("w:moveFrom", change(), [new TextRun(style(text))]),
    mark: () => [revision("w:moveFrom", change())],
  };
}

/**
 * The start and the end of a named move's range where the text stood ("From") or stands
 * ("To"): Word pairs a move's two places by the name; start and end share one id.
 */
export function moveRange(side: "From" | "To", name: string, change: Change): [start: XmlComponent, end: XmlComponent] {
  return [
    new BuilderElement({ name: `w:move${side}RangeStart`, attributes: { ...attributes(change), name: { key: "w:name", value: name } } }),
    new BuilderElement({ name: `w:move${side}RangeEnd`, attributes: { id: { key: "w:id", value: change.id } } }),
  ];
}
