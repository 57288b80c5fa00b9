import { describe, expect, it } from "vitest";
import { EditorState, TextSelection } from "@tiptap/pm/state";
import { documentSchema } from "./schema";
import { splitIdentity } from "./split-identity";

const schema = documentSchema();
const OLD = "Recalls Permanent Council Decision PC.DEC/1039 on confidence-building measures;";

function state(): EditorState {
  const doc = schema.node("doc", null, [
    schema.node("operative", { id: "op1" }, [schema.text("Continue to implement all decisions;")]),
    schema.node("operative", { id: "op2" }, [schema.text(OLD)]),
  ]);
  return EditorState.create({ schema, doc });
}

/** The chair types `words` at `offset` in OP2 and presses Enter after them; then splitIdentity runs. */
function splitAfterTyping(words: string, offset = 0) {
  const old = state();
  const start = old.doc.child(0).nodeSize + 1 + offset;
  const tr = old.tr.insertText(words, start);
  tr.setSelection(TextSelection.create(tr.doc, start + words.length)).split(start + words.length);
  const next = old.apply(tr);
  let n = 0;
  const fix = splitIdentity([tr], old, next, "id", () => `new-${++n}`);
  const after = fix ? next.apply(fix) : next;
  const blocks: [string, string][] = [];
  after.doc.forEach((node) => blocks.push([node.attrs.id as string, node.textContent]));
  return { blocks, fix };
}

describe("splitIdentity: the longer half of a split paragraph keeps its id", () => {
  it("a new paragraph typed at the start of OP2: the old words keep OP2's id, the new ones get a new id", () => {
    const { blocks } = splitAfterTyping("Welcomes the informal working group;");
    expect(blocks).toEqual([
      ["op1", "Continue to implement all decisions;"],
      ["new-1", "Welcomes the informal working group;"],
      ["op2", OLD],
    ]);
  });

  it("a split near the end: the first half, the longer, keeps it", () => {
    const { blocks } = splitAfterTyping("", OLD.length - 9);
    expect(blocks.map(([id]) => id)).toEqual(["op1", "op2", "new-1"]);
    expect(blocks[1]![1]).toBe(OLD.slice(0, -9));
  });

  it("changes nothing when no block was added, or the change came from another client", () => {
    const old = state();
    const typed = old.tr.insertText("x", 3);
    expect(splitIdentity([typed], old, old.apply(typed), "id", () => "n")).toBeNull();
    const remote = old.tr.split(old.doc.child(0).nodeSize + 3).setMeta("y-sync$", {});
    expect(splitIdentity([remote], old, old.apply(remote), "id", () => "n")).toBeNull();
  });

  it("a join gives the joined block the id of the longer of the two, so a split and a join give the paragraph its id back", () => {
    const { blocks } = splitAfterTyping("Welcomes the informal working group;");
    // Backspace at the start of the old words: ProseMirror keeps the first block (the new one).
    const split = EditorState.create({
      schema,
      doc: schema.node("doc", null, blocks.map(([id, text]) => schema.node("operative", { id }, [schema.text(text)]))),
    });
    const at = split.doc.child(0).nodeSize + split.doc.child(1).nodeSize;
    const join = split.tr.join(at);
    const joined = split.apply(join);
    const fix = splitIdentity([join], split, joined, "id", () => "unused");
    const after = fix ? joined.apply(fix) : joined;
    expect(after.doc.childCount).toBe(2);
    expect(after.doc.child(1).attrs.id).toBe("op2");
    expect(after.doc.child(1).textContent).toBe(`Welcomes the informal working group;${OLD}`);
  });

  it("a join of a longer first paragraph and a shorter one keeps the first's id", () => {
    const old = state();
    const join = old.tr.join(old.doc.child(0).nodeSize);
    const joined = old.apply(join);
    // OP1 is shorter than OP2: the joined block takes OP2's id.
    const fix = splitIdentity([join], old, joined, "id", () => "unused");
    expect((fix ? joined.apply(fix) : joined).doc.child(0).attrs.id).toBe("op2");
    const longFirst = EditorState.create({ schema, doc: schema.node("doc", null, [schema.node("operative", { id: "a" }, [schema.text(OLD)]), schema.node("operative", { id: "b" }, [schema.text("Short.")])]) });
    const join2 = longFirst.tr.join(longFirst.doc.child(0).nodeSize);
    expect(splitIdentity([join2], longFirst, longFirst.apply(join2), "id", () => "unused")).toBeNull();
  });
});
