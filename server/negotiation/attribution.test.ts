import { describe, expect, it } from "vitest";
import type { StoredEvent } from "../db/event-log";
import { attributeChanges } from "./attribution";

let seq = 0;
function event(action: string, blockId: string, payload: object, delegationId = "d-blr"): StoredEvent {
  seq += 1;
  return { id: seq, documentId: "doc", seq, action, annotationId: `a${seq}`, blockId, userId: "u-chair", delegationId, reason: null, payload: JSON.stringify(payload), createdAt: 1000 + seq, prevHash: "", hash: "" };
}

const names = { user: () => "Chair", delegation: (id: string | null) => (id === "d-blr" ? "Belarus" : id), delegationByCode: (code: string) => code };

describe("attribution of changes in the text", () => {
  it("names an accepted amendment, not an accepted (upheld) objection, which changed no text", () => {
    const events = [
      event("accepted", "pp3", { kind: "objection", cosponsors: [] }),
      event("reopened", "pp3", { was: "accepted" }),
      event("accepted", "op1", { kind: "amendment", op: "replace", cosponsors: [] }),
    ];
    const byBlock = attributeChanges(events, 0, 10_000, names);
    expect([...byBlock.keys()]).toEqual(["op1"]);
    expect(byBlock.get("op1")).toEqual([{ kind: "amendment", delegations: ["Belarus"], decidedBy: "Chair", decidedAt: events[2]!.createdAt, reason: null }]);
  });
});
