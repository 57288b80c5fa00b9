import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { notContained } from "./fault-harness";

/** The containment check the kill -9 test relies on must be able to fail. */
describe("notContained (received update vs stored state)", () => {
  it("names a missing insertion and a missing deletion; null when the stored state holds both", () => {
    const client = new Y.Doc();
    const updates: Uint8Array[] = [];
    client.on("update", (u: Uint8Array) => updates.push(u));
    client.getText("t").insert(0, "hello world");
    client.getText("t").delete(0, 6);
    const [insert, del] = updates as [Uint8Array, Uint8Array];

    const empty = new Y.Doc();
    expect(notContained(empty, insert)).toMatch(/reaches clock 11, stored state has 0/);

    const withInsert = new Y.Doc();
    Y.applyUpdate(withInsert, insert);
    expect(notContained(withInsert, del)).toMatch(/deletion was missing/);

    const both = new Y.Doc();
    Y.applyUpdate(both, insert);
    Y.applyUpdate(both, del);
    expect(notContained(both, Y.mergeUpdates([insert, del]))).toBeNull();
    expect(both.getText("t").toString()).toBe("world");
  });
});
