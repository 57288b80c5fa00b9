import { Mark, mergeAttributes } from "@tiptap/core";

/** Attributes of a tracked-change mark: which delegation suggested it, and its suggestion id. */
export interface SuggestionAttrs {
  /** Stable id of one suggestion (a run of typing or one deletion); accept/reject target it. */
  id: string;
  /** Delegation code, e.g. "ALB". */
  delegation: string;
}

function suggestionMark(name: "insertion" | "deletion", tag: "ins" | "del") {
  return Mark.create({
    name,
    // Never carried over to the next typed character: a delegate's typing continues their own
    // run explicitly (suggest-mode's insertSuggestion, by id), and the chair's typing beside a
    // delegation's insertion is the chair's text, not part of that delegation's proposal.
    inclusive: false,
    excludes: "insertion deletion",
    addAttributes() {
      return {
        id: { default: null, parseHTML: (el) => el.getAttribute("data-sid"), renderHTML: (a) => ({ "data-sid": a.id }) },
        delegation: {
          default: null,
          parseHTML: (el) => el.getAttribute("data-delegation"),
          renderHTML: (a) => ({ "data-delegation": a.delegation }),
        },
      };
    },
    parseHTML() {
      // Only our own suggestions (they carry their id). Word puts its tracked changes on the
      // clipboard as bare <ins>/<del>: pasted, they become the text as it would read with the
      // changes accepted (inserted text kept plain, deleted text left out), never marks
      // without an id that nobody could accept or reject.
      return name === "insertion" ? [{ tag: `${tag}[data-sid]` }] : [{ tag: `${tag}[data-sid]` }, { tag: `${tag}:not([data-sid])`, ignore: true }];
    },
    renderHTML({ HTMLAttributes }) {
      return [tag, mergeAttributes(HTMLAttributes, { class: `suggestion suggestion-${name}` }), 0];
    },
  });
}

/** A delegation's proposed insertion (open drafting), shown underlined in its colour. */
export const Insertion = suggestionMark("insertion", "ins");
/** A delegation's proposed deletion (open drafting), shown struck through in its colour. */
export const Deletion = suggestionMark("deletion", "del");

/** Bracketed (not agreed) language, rendered "[ ... ]" as in UN practice; set by the chair. */
export const Bracket = Mark.create({
  name: "bracket",
  inclusive: false,
  parseHTML() {
    return [{ tag: "span.bracketed" }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["span", mergeAttributes(HTMLAttributes, { class: "bracketed" }), 0];
  },
});

/** Marks that carry tracked changes (not part of the accepted text's formatting). */
export const SUGGESTION_MARKS = ["insertion", "deletion"] as const;
export type SuggestionMarkName = (typeof SUGGESTION_MARKS)[number];
