import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { startCollabHarness, type CollabHarness } from "../test/collab-harness";
import { waitFor } from "../test/temp-dir";

/**
 * Found by the kill -9 work of issue #6, fixed in server/collab: a client that types while
 * it reconnects sends its new update right after `open`, before it has answered the
 * server's sync step 1. When the client also holds edits the server lacks (typed offline,
 * or lost in flight when the server died), that update depends on them. The server used to
 * close the socket with 4400, and y-websocket >= 3.1 treats 4400-4499 as permanent: the
 * provider stopped reconnecting, and reloading discarded the edits (1 of 10 typists across
 * 3 kill -9 restarts). Now the update is dropped and answered with a sync step 1; the
 * client's sync step 2 brings both edits.
 */
let h: CollabHarness;
beforeEach(async () => {
  h = await startCollabHarness();
});
afterEach(async () => {
  await h.close();
});

describe("typing while reconnecting", () => {
  it("an edit typed at the moment of reconnection (after offline edits) is not refused; the client stays connected and the server gets both edits", async () => {
    const docId = h.createDocument([{ id: "op1", kind: "operative", runs: [{ text: "Decides" }] }]);
    const chair = h.person("chair");
    h.grant(docId, chair.userId, "chair");
    const provider = h.provider(docId, chair.token);
    await waitFor(() => provider.synced, 5000, "sync");
    const text = () => (provider.doc.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText;

    const closes: number[] = [];
    provider.on("connection-close", (ev) => {
      if (ev) closes.push(ev.code);
    });
    provider.disconnect();
    text().insert(0, "[offline]");
    // The person keeps typing: the next keystroke lands just as the socket opens.
    const onStatus = ({ status }: { status: string }) => {
      if (status !== "connected") return;
      provider.off("status", onStatus);
      text().insert(0, "[at-reconnect]");
    };
    provider.on("status", onStatus);
    provider.connect();

    const serverText = () => h.collab.openRoom(docId)?.doc.getXmlFragment("default").toString() ?? "";
    await waitFor(() => (provider.synced && serverText().includes("[at-reconnect]")) || closes.length > 0 || !provider.shouldConnect, 5000, "resync or refusal");
    expect(closes, "the server closed the reconnecting client").toEqual([]);
    expect(provider.shouldConnect).toBe(true);
    await waitFor(() => serverText().includes("[offline]") && serverText().includes("[at-reconnect]"), 5000, "both edits on the server");
    provider.destroy();
  });
});
