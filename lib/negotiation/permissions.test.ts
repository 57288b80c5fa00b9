import { describe, expect, it } from "vitest";
import { annotationDenial, type Actor, type AnnotationFacts } from "./permissions";

const chair: Actor = { role: "chair", delegationId: null };
const albania: Actor = { role: "delegate", delegationId: "ALB" };
const belarus: Actor = { role: "delegate", delegationId: "BLR" };
const russia: Actor = { role: "delegate", delegationId: "RUS" };
const observer: Actor = { role: "observer", delegationId: null };
const stranger: Actor = { role: null, delegationId: null };

const byAlbania: AnnotationFacts = { kind: "amendment", status: "open", authorDelegationId: "ALB", cosponsorIds: ["RUS"] };
const closed: AnnotationFacts = { ...byAlbania, status: "accepted" };
const comment: AnnotationFacts = { ...byAlbania, kind: "comment" };

const allowed = (reason: string | null) => reason === null;

/** actor x action -> allowed, on an open amendment by Albania co-sponsored by Russia. */
const MATRIX: [string, Actor, boolean, boolean, boolean, boolean, boolean][] = [
  // name         actor     create reply cosponsor withdraw decide
  ["chair", chair, false, true, false, false, true],
  ["author (ALB)", albania, true, true, false, true, false],
  ["other (BLR)", belarus, true, true, true, false, false],
  ["co-sponsor (RUS)", russia, true, true, false, false, false],
  ["observer", observer, false, false, false, false, false],
  ["no role", stranger, false, false, false, false, false],
];

describe("annotation authorization matrix", () => {
  for (const [name, actor, create, reply, cosponsor, withdraw, decide] of MATRIX) {
    it(`${name}: create ${create}, reply ${reply}, co-sponsor ${cosponsor}, withdraw ${withdraw}, decide ${decide}`, () => {
      expect(allowed(annotationDenial(actor, "create", undefined, "objection"))).toBe(create);
      expect(allowed(annotationDenial(actor, "reply", byAlbania))).toBe(reply);
      expect(allowed(annotationDenial(actor, "cosponsor", byAlbania))).toBe(cosponsor);
      expect(allowed(annotationDenial(actor, "withdraw", byAlbania))).toBe(withdraw);
      expect(allowed(annotationDenial(actor, "decide", byAlbania))).toBe(decide);
    });
  }

  it("only a co-sponsoring delegation leaves an open position it co-sponsors", () => {
    expect(annotationDenial(russia, "uncosponsor", byAlbania)).toBeNull();
    expect(annotationDenial(russia, "uncosponsor", closed)).toBe("the annotation is accepted");
    expect(annotationDenial(belarus, "uncosponsor", byAlbania)).toBe("your delegation does not co-sponsor it");
    for (const actor of [chair, albania, observer, stranger]) expect(annotationDenial(actor, "uncosponsor", byAlbania)).not.toBeNull();
  });

  it("only the chair reopens, and only a decision that left the text alone", () => {
    const rejected: AnnotationFacts = { ...byAlbania, status: "rejected" };
    const resolvedObjection: AnnotationFacts = { ...byAlbania, kind: "objection", status: "resolved" };
    const acceptedObjection: AnnotationFacts = { ...byAlbania, kind: "objection", status: "accepted" };
    expect(annotationDenial(chair, "reopen", rejected)).toBeNull();
    expect(annotationDenial(chair, "reopen", resolvedObjection)).toBeNull();
    expect(annotationDenial(chair, "reopen", acceptedObjection)).toBeNull();
    expect(annotationDenial(chair, "reopen", closed)).toMatch(/changed the text/);
    expect(annotationDenial(chair, "reopen", byAlbania)).toMatch(/is open/);
    expect(annotationDenial(chair, "reopen", { ...byAlbania, status: "withdrawn" })).toMatch(/withdrew/);
    for (const actor of [albania, belarus, russia, observer, stranger]) expect(annotationDenial(actor, "reopen", rejected)).not.toBeNull();
  });

  it("the chair may comment but speaks for no delegation", () => {
    expect(annotationDenial(chair, "create", undefined, "comment")).toBeNull();
    expect(annotationDenial(chair, "create", undefined, "amendment")).toMatch(/does not speak for a delegation/);
  });

  it("decisions, withdrawals and co-sponsorship need an open annotation", () => {
    expect(annotationDenial(chair, "decide", closed)).toMatch(/already accepted/);
    expect(annotationDenial(albania, "withdraw", closed)).toMatch(/accepted/);
    expect(annotationDenial(belarus, "cosponsor", closed)).toMatch(/accepted/);
  });

  it("comments are not co-sponsored; nobody co-sponsors twice", () => {
    expect(annotationDenial(belarus, "cosponsor", comment)).toMatch(/not co-sponsored/);
    expect(annotationDenial(russia, "cosponsor", byAlbania)).toMatch(/already/);
  });

  it("explains each refusal", () => {
    expect(annotationDenial(observer, "create", undefined, "support")).toMatch(/observers/);
    expect(annotationDenial(belarus, "withdraw", byAlbania)).toMatch(/only its author delegation/);
    expect(annotationDenial(albania, "decide", byAlbania)).toMatch(/only the chair/);
  });
});
