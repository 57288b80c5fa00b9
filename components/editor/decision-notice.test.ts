import { describe, expect, it } from "vitest";
import type { AnnotationView } from "@/server/negotiation/views";
import { sentence } from "@/lib/format/sentence";
import { decisionNotice, missedDecisions, newestSeq, readNotice, upsert } from "./use-negotiation";

const ALB = { id: "d-alb", code: "ALB", name: "Albania", color: "#b91c1c" };
const BLR = { id: "d-blr", code: "BLR", name: "Belarus", color: "#4d7c0f" };
const open = {
  id: "a1",
  kind: "objection",
  status: "open",
  paragraph: "3.",
  author: { userName: "Delegate of Albania", delegation: ALB },
  cosponsors: [BLR],
  history: [],
} as unknown as AnnotationView;
const rejected = { ...open, status: "rejected", history: [{ action: "rejected", userName: "Chair", delegation: null, reason: "not now", at: 1 }] } as unknown as AnnotationView;

describe("what a delegation is told of the chair's decision on its positions", () => {
  it("its own, with the reason of a rejection, and one it co-sponsors", () => {
    expect(decisionNotice(open, rejected, "d-alb")).toBe("The chair rejected your objection on 3.: “not now”.");
    expect(decisionNotice(open, { ...open, status: "resolved" } as AnnotationView, "d-blr")).toBe("The chair resolved Albania's objection on 3., which your delegation co-sponsors.");
  });

  it("nothing for others, for the chair, for a withdrawal or for a change that is not a decision", () => {
    expect(decisionNotice(open, rejected, "d-rus")).toBeNull();
    expect(decisionNotice(open, rejected, null)).toBeNull();
    expect(decisionNotice(open, { ...open, status: "withdrawn" } as AnnotationView, "d-alb")).toBeNull();
    // Its co-sponsors are told of a withdrawal.
    expect(decisionNotice(open, { ...open, status: "withdrawn" } as AnnotationView, "d-blr")).toBe("Albania withdrew its objection on 3., which your delegation co-sponsored.");
    expect(decisionNotice(rejected, rejected, "d-alb")).toBeNull();
    expect(decisionNotice(undefined, rejected, "d-alb")).toBeNull();
  });

  it("an objection upheld is called upheld; a decision taken back (the chair's U) says the position is open again, to its co-sponsors too", () => {
    const upheld = { ...open, status: "accepted" } as AnnotationView;
    expect(decisionNotice(open, upheld, "d-alb")).toBe("The chair upheld your objection on 3.");
    expect(decisionNotice(open, { ...upheld, kind: "amendment" } as AnnotationView, "d-alb")).toBe("The chair accepted your amendment on 3.");
    // An amendment is named by what it does.
    const amendment = (op: string, quote: string, proposedText: string | null) => ({ ...open, kind: "amendment", op, quote, proposedText }) as unknown as AnnotationView;
    expect(decisionNotice(amendment("replace", "Invite", "Encourage"), { ...amendment("replace", "Invite", "Encourage"), status: "accepted" } as AnnotationView, "d-alb")).toBe("The chair accepted your amendment replacing “Invite” with “Encourage” on 3.");
    expect(decisionNotice(amendment("delete", "all", null), { ...amendment("delete", "all", null), status: "rejected", history: rejected.history } as AnnotationView, "d-blr")).toBe("The chair rejected Albania's amendment deleting “all” on 3., which your delegation co-sponsors: “not now”.");
    expect(decisionNotice(amendment("insert", "", "and civil society"), { ...amendment("insert", "", "and civil society"), status: "resolved" } as AnnotationView, "d-alb")).toBe("The chair resolved your amendment inserting “and civil society” on 3.");
    expect(decisionNotice(upheld, open, "d-alb")).toBe("The chair took back its decision on your objection on 3.: it is open again.");
    expect(decisionNotice(rejected, open, "d-blr")).toBe("The chair took back its decision on Albania's objection on 3., which your delegation co-sponsors: it is open again.");
    expect(decisionNotice(rejected, open, "d-rus")).toBeNull();
    // A withdrawn position is not reopened by the chair.
    expect(decisionNotice({ ...open, status: "withdrawn" } as AnnotationView, open, "d-alb")).toBeNull();
  });

  it("a read answering after a newer one tells nothing: the decision's read, late, after the U that took it back", () => {
    const created = { ...open, history: [{ action: "created", seq: 1 }] } as unknown as AnnotationView;
    const upheld = { ...open, status: "accepted", history: [{ action: "created", seq: 1 }, { action: "accepted", seq: 10 }] } as unknown as AnnotationView;
    const reopened = { ...open, history: [{ action: "created", seq: 1 }, { action: "accepted", seq: 10 }, { action: "reopened", seq: 11 }] } as unknown as AnnotationView;
    let list = [created];
    expect(readNotice(list[0], reopened, "d-alb")).toBeNull();
    list = upsert(list, reopened);
    expect(readNotice(list[0], upheld, "d-alb")).toBeNull();
    list = upsert(list, upheld);
    expect(list[0]!.status).toBe("open");
    // In order, each read tells.
    expect(readNotice(created, upheld, "d-alb")).toBe("The chair upheld your objection on 3.");
    expect(readNotice(upheld, reopened, "d-alb")).toBe("The chair took back its decision on your objection on 3.: it is open again.");
  });

  it("on a later visit, tells the decisions taken since the last event this browser showed: one each, or past two, a count", () => {
    const decided = (id: string, status: string, seq: number, reason: string | null = null) =>
      ({ ...open, id, status, history: [{ action: "created", seq: 1, reason: null }, { action: status, seq, reason }] }) as unknown as AnnotationView;
    const list = [decided("a1", "rejected", 20, "Out of scope."), decided("a2", "accepted", 5), { ...open, id: "a3", history: [{ action: "created", seq: 30 }] } as unknown as AnnotationView];
    expect(newestSeq(list)).toBe(30);
    expect(missedDecisions(list, "d-alb", 10)).toEqual(["The chair rejected your objection on 3.: “Out of scope.”"]);
    expect(missedDecisions(list, "d-blr", 1)).toEqual([
      "The chair rejected Albania's objection on 3., which your delegation co-sponsors: “Out of scope.”",
      "The chair upheld Albania's objection on 3., which your delegation co-sponsors.",
    ]);
    expect(missedDecisions(list, "d-rus", 1)).toEqual([]);
    expect(missedDecisions(list, "d-alb", 30)).toEqual([]);
    const many = [1, 2, 3].map((i) => decided(`m${i}`, "resolved", 40 + i));
    expect(missedDecisions(many, "d-alb", 30)).toEqual(["While you were away, the chair decided 3 positions of your delegation (or that it co-sponsors). Untick “Open only” in Positions to read them."]);
    // Reopened since (the chair's U): nothing to tell.
    const reopened = { ...open, id: "r", history: [{ action: "rejected", seq: 50 }, { action: "reopened", seq: 51 }] } as unknown as AnnotationView;
    expect(missedDecisions([reopened], "d-alb", 30)).toEqual([]);
  });

  it("ends once after a rejection's reason that ends its own sentence", () => {
    const reasoned = (reason: string) => ({ ...rejected, history: [{ ...rejected.history[0], reason }] }) as unknown as AnnotationView;
    expect(decisionNotice(open, reasoned("Out of scope."), "d-alb")).toBe("The chair rejected your objection on 3.: “Out of scope.”");
    expect(decisionNotice(open, reasoned("Why now?"), "d-alb")).toBe("The chair rejected your objection on 3.: “Why now?”");
  });

  it("ends a sentence once, after a paragraph number that ends with a full stop", () => {
    expect(sentence("Objection submitted on 3.")).toBe("Objection submitted on 3.");
    expect(sentence("Objection submitted on OP3")).toBe("Objection submitted on OP3.");
  });
});
