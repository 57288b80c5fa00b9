import { describe, expect, it } from "vitest";
import { EditorState, TextSelection, type Transaction } from "@tiptap/pm/state";
import { prosemirrorToYDoc } from "@tiptap/y-tiptap";
import { documentSchema } from "@/lib/editor/schema";
import { checkOpenDraftingUpdate } from "@/lib/negotiation/projection";
import { acceptSuggestions, changeOf, listSuggestions, rejectSuggestions } from "@/lib/negotiation/suggestions";
import { renderParagraphs } from "@/lib/model/ydoc";
import { deleteEdit, typeEdit, type Drafter, type Refusal } from "./suggest-edits";

const schema = documentSchema();
const NAMES: Record<string, string> = { ALB: "Albania", BLR: "Belarus", RUS: "Russian Federation" };
const drafter = (delegation: string): Drafter => ({ delegation, nameOf: (code) => NAMES[code] ?? code });

/** A run of the paragraph: accepted text, or [text, "ins" | "del", id, delegation]. */
type Run = string | [string, "ins" | "del", string, string];

const TEXT = "We would also appreciate clarification of the meaning of the new addition.";

/** One paragraph of the given runs, the caret at its start. */
function stateOf(...runs: Run[]): EditorState {
  const text = runs.map((r) =>
    typeof r === "string" ? schema.text(r) : schema.text(r[0], [schema.marks[r[1] === "ins" ? "insertion" : "deletion"]!.create({ id: r[2], delegation: r[3] })]),
  );
  const doc = schema.node("doc", null, [schema.node("paragraph", { id: "pp1" }, text)]);
  return EditorState.create({ schema, doc });
}

/** A text offset in the paragraph as a document position. */
const at = (offset: number) => offset + 1;

function select(state: EditorState, from: number, to = from): EditorState {
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, at(from), at(to))));
}

function applied(state: EditorState, edit: Transaction | Refusal | null): EditorState {
  if (edit === null || "refused" in edit) throw new Error(`not applied: ${edit === null ? "nothing to do" : edit.refused}`);
  return state.apply(edit);
}

/** Types `text` over the selection, as the browser's text input does. */
function type(state: EditorState, text: string, who = "RUS"): EditorState {
  return applied(state, typeEdit(state, state.selection.from, state.selection.to, text, drafter(who)));
}

/** The paragraph's runs: accepted text as a string, tracked text as [text, type, id, delegation]. */
function runs(state: EditorState): Run[] {
  const out: Run[] = [];
  state.doc.firstChild!.forEach((node) => {
    const mark = node.marks.find((m) => m.type.name === "insertion" || m.type.name === "deletion");
    out.push(mark ? [node.text!, mark.type.name === "insertion" ? "ins" : "del", String(mark.attrs.id), String(mark.attrs.delegation)] : node.text!);
  });
  return out;
}

const idOf = (run: Run | undefined) => (Array.isArray(run) ? run[2] : null);
const start = TEXT.indexOf("clarification");
const end = start + "clarification of the meaning".length;

describe("typing over a selection in open drafting", () => {
  it("is one replacement: the deletion and the insertion carry one id", () => {
    const after = type(select(stateOf(TEXT), start, end), "an explanation of the purpose");
    const [before, deleted, inserted, rest] = runs(after);
    expect(before).toBe(TEXT.slice(0, start));
    expect(deleted).toEqual(["clarification of the meaning", "del", expect.any(String), "RUS"]);
    expect(inserted).toEqual(["an explanation of the purpose", "ins", idOf(deleted), "RUS"]);
    expect(rest).toBe(TEXT.slice(end));
    expect(after.selection.from).toBe(at(end + "an explanation of the purpose".length));
  });

  it("typing on after the replacement extends its insertion; Backspace takes back its own words", () => {
    let state = select(stateOf(TEXT), start, end);
    for (const ch of "an explanation") state = type(state, ch);
    state = type(state, " of the purpose");
    const id = idOf(runs(state)[1]);
    expect(runs(state).slice(1, 3)).toEqual([
      ["clarification of the meaning", "del", id, "RUS"],
      ["an explanation of the purpose", "ins", id, "RUS"],
    ]);
    for (let i = 0; i < " purpose".length; i++) state = applied(state, deleteEdit(state, false, drafter("RUS")));
    expect(runs(state)[2]).toEqual(["an explanation of the", "ins", id, "RUS"]);
  });

  it("retyping part of its own replacement keeps it one suggestion", () => {
    let state = type(select(stateOf(TEXT), start, end), "an explanation of the purpose");
    const id = idOf(runs(state)[1]);
    const from = end + "an ".length;
    state = type(select(state, from, from + "explanation".length), "account");
    expect(runs(state).slice(1, 3)).toEqual([
      ["clarification of the meaning", "del", id, "RUS"],
      ["an account of the purpose", "ins", id, "RUS"],
    ]);
  });

  it("words typed right after words it struck with Delete replace them", () => {
    let state = select(stateOf(TEXT), start, end);
    state = applied(state, deleteEdit(state, true, drafter("RUS")));
    state = type(state, "an explanation");
    const [, deleted, inserted] = runs(state);
    expect(deleted).toEqual(["clarification of the meaning", "del", expect.any(String), "RUS"]);
    expect(inserted).toEqual(["an explanation", "ins", idOf(deleted), "RUS"]);
  });

  it("at a caret away from its own changes, a new insertion of its own", () => {
    let state = type(select(stateOf(TEXT), start, end), "an explanation");
    state = type(select(state, 0), "Also ");
    const [first, , replaced] = runs(state);
    expect(first).toEqual(["Also ", "ins", expect.any(String), "RUS"]);
    expect(idOf(first)).not.toBe(idOf(replaced));
  });

  it("passes the server's open drafting rule, and is listed, accepted and rejected as one", () => {
    const state = stateOf(TEXT);
    const after = type(select(state, start, end), "an explanation of the purpose");
    const before = prosemirrorToYDoc(state.doc, "default");
    const doc = () => prosemirrorToYDoc(after.doc, "default");
    expect(checkOpenDraftingUpdate(before, doc(), "RUS")).toEqual({ ok: true });
    const listed = listSuggestions(doc());
    expect(new Set(listed.map((s) => s.id)).size).toBe(1);
    expect(changeOf(listed).kind).toBe("replacement");
    const accepted = doc();
    expect(acceptSuggestions(accepted, { id: listed[0]!.id })).toBe(2);
    expect(renderParagraphs(accepted)[0]!.text).toBe(TEXT.replace("clarification of the meaning", "an explanation of the purpose"));
    expect(listSuggestions(accepted)).toEqual([]);
    const rejected = doc();
    expect(rejectSuggestions(rejected, { id: listed[0]!.id })).toBe(2);
    expect(renderParagraphs(rejected)[0]!.text).toBe(TEXT);
    expect(listSuggestions(rejected)).toEqual([]);
  });
});

describe("another delegation's proposed words", () => {
  const WORDS = " in any way";
  const proposal = (): EditorState => stateOf("It shall not", [WORDS, "ins", "a1", "ALB"], " affect the rights.");
  const from = "It shall not".length;
  const to = from + WORDS.length;

  it("selected and deleted, or typed over: nothing changes, and the delegate is told whose they are", () => {
    const said = "These words are Albania's proposal: only Albania can change them; object to it instead.";
    const state = select(proposal(), from, to);
    expect(deleteEdit(state, true, drafter("BLR"))).toEqual({ refused: said });
    expect(deleteEdit(state, false, drafter("BLR"))).toEqual({ refused: said });
    expect(typeEdit(state, state.selection.from, state.selection.to, "at all", drafter("BLR"))).toEqual({ refused: said });
  });

  it("Backspace or Delete into them, one character: refused the same way", () => {
    expect(deleteEdit(select(proposal(), to), false, drafter("BLR"))).toHaveProperty("refused", expect.stringContaining("Albania's proposal"));
    expect(deleteEdit(select(proposal(), from), true, drafter("BLR"))).toHaveProperty("refused", expect.stringContaining("Albania's proposal"));
  });

  it("a selection that includes them, with other words: refused, and told to select around them", () => {
    const state = select(proposal(), 3, to + 7);
    expect(typeEdit(state, state.selection.from, state.selection.to, "x", drafter("BLR"))).toEqual({
      refused: "The selection includes Albania's proposed words: only Albania can change them. Select around them, or object to the proposal instead.",
    });
    const two = stateOf("A", [" b", "ins", "a1", "ALB"], " c", [" d", "ins", "r1", "RUS"], " e");
    expect(deleteEdit(select(two, 0, 8), true, drafter("BLR"))).toEqual({
      refused: "The selection includes words proposed by Albania and Russian Federation: only each delegation can change its own. Select around them, or object to the proposals instead.",
    });
  });

  it("the delegation's own proposal stays its own to change", () => {
    const state = select(proposal(), from, to);
    expect(runs(applied(state, deleteEdit(state, true, drafter("ALB"))))).toEqual(["It shall not affect the rights."]);
    expect(runs(type(state, " at all", "ALB"))).toEqual(["It shall not", [" at all", "ins", "a1", "ALB"], " affect the rights."]);
  });

  it("words typed at a caret inside them are the typist's own insertion, as before", () => {
    const state = type(select(proposal(), from + " in".length), " nearly", "BLR");
    expect(runs(state)).toEqual(["It shall not", [" in", "ins", "a1", "ALB"], [" nearly", "ins", expect.any(String), "BLR"], [" any way", "ins", "a1", "ALB"], " affect the rights."]);
  });

  it("another delegation's proposed deletion is typed over: it stays struck and theirs, the new words are the typist's", () => {
    const state = stateOf("It shall", [" not", "del", "a2", "ALB"], " affect it.");
    const after = type(select(state, "It shall".length, "It shall not".length), " never", "BLR");
    expect(runs(after)).toEqual(["It shall", [" not", "del", "a2", "ALB"], [" never", "ins", expect.any(String), "BLR"], " affect it."]);
  });
});
