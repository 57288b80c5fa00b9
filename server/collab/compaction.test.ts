import { spawn } from "node:child_process";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { protocolCast, startCollabHarness, type CollabHarness } from "../test/collab-harness";
import { waitFor } from "../test/temp-dir";
import { Compactor } from "./compactor";
import { Room } from "./room";
import { buildSnapshot, textOf } from "./snapshot";

let h: CollabHarness;
afterEach(async () => {
  vi.restoreAllMocks();
  await h.close();
});

/** Alice (a chair) at a stock client; `type` resolves once her keystrokes are logged. */
async function typist(overrides: Parameters<typeof startCollabHarness>[0] = {}) {
  h = await startCollabHarness(overrides);
  const { docId, alice } = protocolCast(h);
  const doc = new Y.Doc();
  // Stays connected until the harness closes: an idle room would be unloaded (and compacted in-process).
  const provider = h.provider(docId, alice.token, doc);
  await waitFor(() => provider.synced, 5000, "provider sync");
  const text = new Y.XmlText();
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [text]);
  doc.getXmlFragment("default").insert(0, [paragraph]);
  await waitFor(() => h.logCount(docId) >= 1, 5000, "the paragraph logged");
  let typed = 0;
  return {
    docId,
    /** Keystrokes typed so far. */
    typed: () => typed,
    async type(n: number): Promise<void> {
      const target = h.logCount(docId) + n;
      for (let i = 0; i < n; i++) {
        text.insert(text.length, "x");
        typed += 1;
        // A pause now and then: several group commits, as people type.
        if (i % 10 === 9) await new Promise((r) => setTimeout(r, 5));
      }
      await waitFor(() => h.logCount(docId) >= target, 10_000, "every keystroke logged");
    },
  };
}

function storedSnapshotSeq(docId: string): number {
  const row = h.database.sqlite.prepare("SELECT upto_seq FROM doc_snapshots WHERE document_id = ?").get(docId) as { upto_seq: number } | undefined;
  return row?.upto_seq ?? 0;
}

describe("snapshots of open rooms", () => {
  it("are built by the compaction worker, not on the event loop, and load back to the live document", async () => {
    const inProcess = vi.spyOn(Room.prototype, "compact");
    const { docId, type, typed } = await typist();
    // snapshotEvery is 50 in the harness: one is due, asked of the worker (which starts now).
    await type(60);
    await waitFor(() => storedSnapshotSeq(docId) >= 50, 5000, "a snapshot of the first 50 updates");
    // The next ones, while the worker is running: typing on until two more were taken.
    for (let burst = 0; storedSnapshotSeq(docId) < 150; burst++) {
      if (burst === 100) throw new Error("no snapshot of the first 150 updates after 2,000 more keystrokes");
      await type(20);
    }
    expect(inProcess).not.toHaveBeenCalled();

    const loaded = new Room(docId, h.updateLog, "chairs_pen");
    const live = h.collab.withRoom(docId, (room) => ({ text: textOf(room.doc), sv: Y.encodeStateVector(room.doc) }));
    expect(textOf(loaded.doc)).toBe(live.text);
    expect(textOf(loaded.doc)).toContain("x".repeat(typed()));
    expect(Buffer.compare(Y.encodeStateVector(loaded.doc), live.sv)).toBe(0);
    loaded.destroy();
  });

  it("come from a worker started with the server when asked (the app does): booted before the first one is due, and that one worker builds them", async () => {
    // Booted by the server's constructor: before anyone connected or typed.
    const { docId, type } = await typist({ startCompactor: true });
    expect(h.collab.stats().compaction).toEqual({ workersStarted: 1, snapshotsBuilt: 0 });
    await type(60);
    await waitFor(() => storedSnapshotSeq(docId) >= 50, 5000, "a snapshot of the first 50 updates");
    expect(h.collab.stats().compaction).toEqual({ workersStarted: 1, snapshotsBuilt: 1 });
  });

  it("are asked of a worker that starts on the first one due, when the server was not told to start it", async () => {
    const { docId, type } = await typist();
    expect(h.collab.stats().compaction).toEqual({ workersStarted: 0, snapshotsBuilt: 0 });
    await type(60);
    await waitFor(() => storedSnapshotSeq(docId) >= 50, 5000, "a snapshot of the first 50 updates");
    expect(h.collab.stats().compaction).toEqual({ workersStarted: 1, snapshotsBuilt: 1 });
  });

  it("are built in-process when the worker cannot start, and nothing is lost", async () => {
    const broken = new Compactor("/nonexistent/plenary.db");
    const inProcess = vi.spyOn(Room.prototype, "compact");
    const { docId, type } = await typist({ compactor: broken });
    await type(60);
    // The first snapshot was asked of the worker, which failed to start.
    await waitFor(() => !broken.available, 5000, "the worker's failure noticed");
    expect(storedSnapshotSeq(docId)).toBe(0);
    await type(60);
    await waitFor(() => storedSnapshotSeq(docId) >= 100, 5000, "a snapshot taken in-process");
    expect(inProcess).toHaveBeenCalled();
    const loaded = new Room(docId, h.updateLog, "chairs_pen");
    expect(textOf(loaded.doc)).toContain("x".repeat(120));
    loaded.destroy();
  });

  it("are asked of a new worker once a failed one's pause is over", async () => {
    h = await startCollabHarness();
    // A worker that dies as soon as it starts, as one out of memory would.
    const dying = new URL("data:text/javascript,throw new Error('worker died')");
    const compactor = new Compactor(h.updateLog.file!, dying, 300);
    try {
      await expect(compactor.build("any", 1)).rejects.toThrow(/worker died/);
      expect(compactor.available).toBe(false);
      await expect(compactor.build("any", 1)).rejects.toThrow(/unavailable/);
      await waitFor(() => compactor.available, 2000, "the pause over");
      // A new worker is started (and dies the same way).
      await expect(compactor.build("any", 1)).rejects.toThrow(/worker died/);
    } finally {
      await compactor.close();
    }
  });

  it("are built in-process when no worker thread can be made, and the flush carries on", async () => {
    // new Worker() throws at once for this entry, as it does when no thread can be made.
    const unmakeable = new Compactor("/nonexistent/plenary.db", new URL("https://example.invalid/worker.mjs"));
    const { docId, type } = await typist({ compactor: unmakeable });
    await type(120);
    await waitFor(() => storedSnapshotSeq(docId) >= 100, 5000, "a snapshot taken in-process");
    expect(unmakeable.available).toBe(false);
    await expect(unmakeable.build(docId, 1)).rejects.toThrow(/unavailable/);
    // Every keystroke was stored and relayed: a second client sees all of them.
    const reader = h.person("rita");
    h.grant(docId, reader.userId, "observer");
    const seen = new Y.Doc();
    const provider = h.provider(docId, reader.token, seen);
    await waitFor(() => provider.synced && textOf(seen).includes("x".repeat(120)), 5000, "all keystrokes seen by another client");
    provider.destroy();
  });

  it("do not keep the process alive: a process that asked for one exits without closing the compactor", async () => {
    const { docId, type } = await typist({ snapshotEvery: 1000 });
    await type(5);
    const script = `
      // A timer keeps the process up until the reply (an unref'd worker does not); then nothing should.
      const keep = setInterval(() => {}, 1000);
      import(${JSON.stringify(new URL("./compactor.ts", import.meta.url).href)}).then(async ({ Compactor }) => {
        const built = await new Compactor(${JSON.stringify(h.updateLog.file)}).build(${JSON.stringify(docId)}, 6);
        clearInterval(keep);
        console.log(built && "state" in built ? "built" : "not built");
      });
    `;
    const child = spawn(process.execPath, ["--import", "tsx", "-e", script], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        resolve(null);
      }, 15_000);
      child.on("exit", (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    expect(out.trim(), err).toBe("built");
    expect(code, err).toBe(0);
  });

  it("are refused when the log does not hold what the open document held", async () => {
    const { docId, type } = await typist({ snapshotEvery: 1000 });
    await type(10);
    const loaded = h.updateLog.load(docId);
    const built = buildSnapshot(loaded.snapshot, loaded.updates);
    const other = new Y.Doc();
    other.getXmlFragment("default").insert(0, [new Y.XmlText("not in the log")]);
    const taken = h.collab.withRoom(docId, (room) => room.acceptSnapshot(room.lastSeq, built, Y.encodeStateVector(other)));
    expect(taken).toBe(false);
    expect(storedSnapshotSeq(docId)).toBe(0);
    // The same snapshot with the document's own state vector is taken.
    expect(h.collab.withRoom(docId, (room) => room.acceptSnapshot(room.lastSeq, built, Y.encodeStateVector(room.doc)))).toBe(true);
    expect(storedSnapshotSeq(docId)).toBe(11);
  });

  it("are built by the worker as in-process, and never go back to an older sequence", async () => {
    const { docId, type } = await typist({ snapshotEvery: 1000 });
    await type(10);
    const compactor = new Compactor(h.updateLog.file!);
    try {
      const fromWorker = await compactor.build(docId, 11);
      const loaded = h.updateLog.load(docId);
      expect(fromWorker).toEqual(buildSnapshot(loaded.snapshot, loaded.updates));
      expect(compactor.built).toBe(1);

      const state = h.collab.withRoom(docId, (room) => Y.encodeStateAsUpdate(room.doc));
      h.updateLog.putSnapshot(docId, state, 11);
      h.updateLog.putSnapshot(docId, new Uint8Array([0, 0]), 5);
      expect(storedSnapshotSeq(docId)).toBe(11);
      // Asked for an older one, the worker says so instead of building it.
      await expect(compactor.build(docId, 5)).resolves.toBeNull();
    } finally {
      await compactor.close();
    }
  });
});
