import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from "y-protocols/awareness";
import { watchPresence, type PresenceUser } from "./use-presence";

/** This window's awareness, and another person whose presence the server relays to it. */
function room() {
  const mine = new Awareness(new Y.Doc());
  mine.setLocalStateField("user", { name: "Chair", color: "#1d4ed8", role: "chair" });
  const other = new Awareness(new Y.Doc());
  const relay = () => applyAwarenessUpdate(mine, encodeAwarenessUpdate(other, [other.clientID]), "server");
  return { mine, other, relay };
}

describe("watchPresence", () => {
  it("tells who comes and goes, not each caret move", () => {
    const { mine, other, relay } = room();
    const told: (readonly PresenceUser[])[] = [];
    watchPresence(mine, (users) => told.push(users));
    expect(told.map((u) => u.map((x) => x.name))).toEqual([["Chair"]]);

    other.setLocalState({ user: { name: "Delegate of Albania", color: "#b91c1c", role: "delegate", delegation: "ALB", delegationName: "Albania" } });
    relay();
    expect(told.at(-1)!.map((x) => x.name)).toEqual(["Chair", "Delegate of Albania"]);

    for (let at = 0; at < 20; at++) {
      other.setLocalStateField("cursor", { anchor: at, head: at });
      relay();
    }
    mine.setLocalStateField("cursor", { anchor: 3, head: 3 });
    expect(told).toHaveLength(2);

    removeAwarenessStates(mine, [other.clientID], "server");
    expect(told.at(-1)!.map((x) => x.name)).toEqual(["Chair"]);
    expect(told).toHaveLength(3);
  });
});
