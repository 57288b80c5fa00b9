import { BuilderElement, DeletedTextRun, FileChild, InsertedTextRun, ParagraphProperties, ParagraphRunProperties, TextRun, type IParagraphPropertiesOptions, type XmlComponent } from "docx";
import { FONT, SIZE } from "./docx";

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

/** How a redline writes text and paragraph marks at one place in the document. */
export interface Marking {
  run(edit: Edit, text: string): XmlComponent;
  /** The revisions on a paragraph mark (w:pPr/w:rPr), in the order CT_ParaRPr gives them. */
  mark(edit: Edit): XmlComponent[];
}

const style = (text: string) => ({ text, font: FONT, size: SIZE });

/** A revision element (w:ins, w:del, w:moveFrom, w:moveTo) with the change's attributes. */
export function revision(name: string, change: Change, children?: readonly XmlComponent[]): XmlComponent {
  const { id, author, date } = change;
  return new BuilderElement({ name, attributes: { id: { key: "w:id", value: id }, author: { key: "w:author", value: author }, date: { key: "w:date", value: date } }, children });
}

/** Text that stands where it stood: kept text plain, changes as w:ins and w:del. */
export function inPlace(change: NewChange): Marking {
  return {
    run: (edit, text) =>
      edit === "kept" ? new TextRun(style(text)) : edit === "inserted" ? new InsertedTextRun({ ...change(), ...style(text) }) : new DeletedTextRun({ ...change(), ...style(text) }),
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
