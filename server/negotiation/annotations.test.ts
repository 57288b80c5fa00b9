import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { PlenaryError } from "../../lib/errors";
import { EventLog } from "../db/event-log";
import { EventBus } from "../events";
import { startCollabHarness, type CollabHarness } from "../test/collab-harness";
import { resolveAnchor } from "../../lib/negotiation/anchor";
import { createAnnotations, type NewAnnotationInput } from "./annotations";
import type { AnnotationView } from "./views";

let h: CollabHarness;
let docId: string;
let annotations: ReturnType<typeof createAnnotations>;
const CHAIR = "user-chair";
const ALB = ["user-alb", "d-alb"] as const;
const BLR = ["user-blr", "d-blr"] as const;
const TEXT = "Welcomes the report of the Group";

beforeEach(async () => {
  h = await startCollabHarness();
  docId = h.createDocument([{ id: "pp1", kind: "preambular", runs: [{ text: TEXT }] }]);
  h.database.sqlite.prepare("INSERT INTO user (id, name, email) VALUES (?, 'Chair', 'chair@example.org')").run(CHAIR);
  h.database.sqlite.prepare("INSERT INTO document_roles (document_id, user_id, role) VALUES (?, ?, 'chair')").run(docId, CHAIR);
  const sql = h.database.sqlite;
  sql.prepare("INSERT INTO delegations (id, code, name, kind, color) VALUES ('d-alb', 'ALB', 'Albania', 'state', '#b91c1c'), ('d-blr', 'BLR', 'Belarus', 'state', '#4d7c0f')").run();
  for (const [user, delegation] of [ALB, BLR]) {
    sql.prepare("INSERT INTO user (id, name, email) VALUES (?, ?, ?)").run(user, user, `${user}@example.org`);
    sql.prepare("INSERT INTO document_roles (document_id, user_id, role, delegation_id) VALUES (?, ?, 'delegate', ?)").run(docId, user, delegation);
  }
  annotations = createAnnotations({
    db: h.database.db,
    sqlite: h.database.sqlite,
    collab: h.collab,
    events: new EventLog(h.database.sqlite),
    bus: new EventBus(),
  });
});
afterEach(async () => {
  await h.close();
});

/** Edits the paragraph's live text as another writer would, between a selection and its request. */
function edit(change: (text: Y.XmlText) => void): void {
  h.collab.applyServerChange(docId, (doc) => change((doc.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText), {
    userId: CHAIR,
    delegationId: null,
  });
}

function comment(over: Partial<NewAnnotationInput>): NewAnnotationInput {
  return { blockId: "pp1", from: 0, to: 0, quote: "", kind: "comment", body: "note", ...over };
}

function refusal(input: NewAnnotationInput): { code: string; message: string } {
  try {
    annotations.create(docId, CHAIR, input);
  } catch (err) {
    if (err instanceof PlenaryError) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error("expected a refusal");
}

/** Where the stored anchor lies in the live text now. */
function at(view: AnnotationView) {
  return h.collab.withRoom(docId, (room) => resolveAnchor(room.doc, view.anchor));
}

const stored = () => h.database.sqlite.prepare("SELECT count(*) AS n FROM annotations").get() as { n: number };

describe("anchoring a selection the text has moved under", () => {
  it("anchors where the client selected when the server's text still says the same there", () => {
    const view = annotations.create(docId, CHAIR, comment({ from: 13, to: 19, quote: "report" }));
    expect(at(view)).toMatchObject({ from: 13, to: 19, text: "report", detached: false });
  });

  it("finds the quoted words again when words were typed before them meanwhile", () => {
    edit((t) => t.insert(0, "Warmly "));
    const view = annotations.create(docId, CHAIR, comment({ from: 13, to: 19, quote: "report" }));
    expect(at(view)).toMatchObject({ from: 20, to: 26, text: "report", detached: false });
  });

  it("finds them again before refusing a selection that now ends past the shortened paragraph", () => {
    // The client selected "Group" at 27–32; the paragraph then lost its first nine characters.
    edit((t) => t.delete(0, 9));
    expect(TEXT.length - 9).toBeLessThan(32);
    const view = annotations.create(docId, CHAIR, comment({ from: 27, to: 32, quote: "Group" }));
    expect(at(view)).toMatchObject({ from: 18, to: 23, text: "Group", detached: false });
  });

  it("refuses a selection past the paragraph that quotes nothing, saying how long the paragraph is", () => {
    expect(refusal(comment({ from: 40, to: 40, quote: "" }))).toEqual({
      code: "bad_request",
      message: `the selection ends past the paragraph (it has ${TEXT.length} characters): select it again`,
    });
    expect(stored().n).toBe(0);
  });

  it("refuses, storing nothing, when the quoted words are gone or now occur twice", () => {
    edit((t) => t.delete(13, 7)); // "report " gone
    expect(refusal(comment({ from: 13, to: 19, quote: "report" }))).toMatchObject({ code: "conflict", message: "the selected text changed meanwhile: select it again" });
    edit((t) => t.insert(t.length, " and the Group"));
    expect(refusal(comment({ from: 0, to: 5, quote: "Group" }))).toMatchObject({ code: "conflict" });
    expect(stored().n).toBe(0);
  });
});

describe("the same position twice", () => {
  const objection = (over: Partial<NewAnnotationInput> = {}) => comment({ kind: "objection", from: 13, to: 19, quote: "report", ...over });
  const amendment = (proposedText: string) => comment({ kind: "amendment", op: "replace", from: 13, to: 19, quote: "report", proposedText });

  it("is refused for the same delegation, kind, words and proposal while the first is open; anything else is filed", () => {
    annotations.create(docId, ALB[0], objection());
    expect(() => annotations.create(docId, ALB[0], objection({ body: "a second note" }))).toThrow(/your delegation has already filed this objection on these words/);
    // Another delegation, another kind, other words, another proposal: all filed.
    annotations.create(docId, BLR[0], objection());
    annotations.create(docId, ALB[0], objection({ kind: "reservation" }));
    annotations.create(docId, ALB[0], objection({ from: 27, to: 32, quote: "Group" }));
    annotations.create(docId, ALB[0], amendment("findings"));
    expect(() => annotations.create(docId, ALB[0], amendment("  findings "))).toThrow(/already filed this amendment/);
    annotations.create(docId, ALB[0], amendment("conclusions"));
    expect(stored().n).toBe(6);
  });

  it("for comments, is the same note: another note on the same words is filed", () => {
    annotations.create(docId, CHAIR, comment({ from: 13, to: 19, quote: "report", body: "check the figures" }));
    annotations.create(docId, CHAIR, comment({ from: 13, to: 19, quote: "report", body: "ask the secretariat" }));
    expect(() => annotations.create(docId, CHAIR, comment({ from: 13, to: 19, quote: "report", body: " check  the figures" }))).toThrow(/you have already filed this comment/);
    expect(stored().n).toBe(2);
  });

  it("is not made by taking a decision back: a closed position filed again stays closed", () => {
    const first = annotations.create(docId, ALB[0], objection());
    annotations.decide(docId, CHAIR, first.id, { decision: "reject", reason: "no" });
    annotations.create(docId, ALB[0], objection());
    expect(() => annotations.reopen(docId, CHAIR, first.id)).toThrow("the same objection was filed again meanwhile and is open: this one stays rejected");
    expect(annotations.get(docId, CHAIR, first.id).status).toBe("rejected");
  });

  it("is filed again once the first is no longer open, and the same word elsewhere is other words", () => {
    const first = annotations.create(docId, ALB[0], objection());
    annotations.withdraw(docId, ALB[0], first.id);
    annotations.create(docId, ALB[0], objection());
    edit((t) => t.insert(t.length, " and its report"));
    annotations.create(docId, ALB[0], objection({ from: TEXT.length + 9, to: TEXT.length + 15 }));
    expect(stored().n).toBe(3);
  });
});
