import { describe, expect, it } from "vitest";
import type { AnnotationView } from "@/server/negotiation/views";
import { mergeReload, upsert } from "./use-negotiation";

const event = (seq: number, action: string) => ({ seq, action, userName: "Chair", delegation: null, reason: null, at: seq });
const objection = (status: string, history: ReturnType<typeof event>[]) => ({ id: "a1", kind: "objection", status, history }) as unknown as AnnotationView;
const created = objection("open", [event(1, "created")]);
const resolved = objection("resolved", [event(1, "created"), event(7, "resolved")]);
const reopened = objection("open", [event(1, "created"), event(7, "resolved"), event(9, "reopened")]);

describe("reads of an annotation answering out of order", () => {
  it("an older read does not overwrite a newer one (the chair's U answered before the refresh the decision started)", () => {
    const afterUndo = upsert(upsert([created], resolved), reopened);
    expect(upsert(afterUndo, resolved)).toEqual([reopened]);
  });

  it("a newer read, or one as new, replaces what is held; a new annotation is added", () => {
    expect(upsert([created], resolved)).toEqual([resolved]);
    const requoted = { ...reopened, quote: "moved words" } as AnnotationView;
    expect(upsert([reopened], requoted)).toEqual([requoted]);
    const other = { ...created, id: "a2" } as AnnotationView;
    expect(upsert([created], other)).toEqual([created, other]);
  });

  it("a whole-list read keeps the newer state held, and drops what the read no longer lists", () => {
    const other = { ...created, id: "a2" } as AnnotationView;
    expect(mergeReload([reopened, other], [resolved])).toEqual([reopened]);
  });
});
