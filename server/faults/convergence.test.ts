import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { startCollabHarness, type CollabHarness } from "../test/collab-harness";
import { SOAK, fragmentText, hasPending, rng, stateVector, until } from "./fault-harness";
import { RawClient } from "./raw-client";

const STEPS = Number(process.env.CONVERGENCE_STEPS ?? (SOAK ? 30_000 : 1_000));
/** Every this many steps everyone reconnects, all deliveries are flushed and convergence is checked. */
const CHECKPOINT = Number(process.env.CONVERGENCE_CHECKPOINT ?? (SOAK ? 1_000 : 250));
const SEED = Number(process.env.FAULT_SEED ?? Date.now() % 1_000_000);

let h: CollabHarness;
beforeEach(async () => {
  h = await startCollabHarness();
});
afterEach(async () => {
  await h.close();
});

const ALPHABET = "abcdefghijklmnopqrstuvwxyz ";
function word(rand: () => number): string {
  let s = "";
  for (let i = 0, n = 1 + Math.floor(rand() * 8); i < n; i++) s += ALPHABET[Math.floor(rand() * ALPHABET.length)];
  return s;
}

function texts(doc: Y.Doc): { el: Y.XmlElement; text: Y.XmlText }[] {
  return doc
    .getXmlFragment("default")
    .toArray()
    .filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.get(0) instanceof Y.XmlText)
    .map((el) => ({ el, text: el.get(0) as Y.XmlText }));
}

/** One random local edit: insert / delete text, new / deleted paragraph, add / remove a mark. */
function edit(doc: Y.Doc, rand: () => number): string {
  const fragment = doc.getXmlFragment("default");
  const paras = texts(doc);
  const r = rand();
  if (paras.length === 0 || r < 0.08) {
    const p = new Y.XmlElement("paragraph");
    p.setAttribute("id", `p${Math.floor(rand() * 1e9)}`);
    p.insert(0, [new Y.XmlText(word(rand))]);
    fragment.insert(Math.floor(rand() * (fragment.length + 1)), [p]);
    return "paragraph+";
  }
  const { text } = paras[Math.floor(rand() * paras.length)]!;
  if (r < 0.12 && fragment.length > 1) {
    fragment.delete(Math.floor(rand() * fragment.length), 1);
    return "paragraph-";
  }
  if (r < 0.6 || text.length === 0) {
    text.insert(Math.floor(rand() * (text.length + 1)), word(rand));
    return "insert";
  }
  const at = Math.floor(rand() * text.length);
  const len = 1 + Math.floor(rand() * Math.min(6, text.length - at));
  if (r < 0.82) {
    text.delete(at, len);
    return "delete";
  }
  const mark = rand() < 0.5 ? "bold" : "italic";
  text.format(at, len, { [mark]: rand() < 0.75 ? {} : null });
  return "format";
}

/** Deleted clocks present in one doc's delete set and not the other's (diagnostics). */
function dsDiff(a: Y.Doc, b: Y.Doc): string {
  const expand = (d: Y.Doc) => {
    const set = new Set<string>();
    for (const [client, items] of Y.snapshot(d).ds.clients) for (const i of items) for (let k = i.clock; k < i.clock + i.len; k++) set.add(`${client}:${k}`);
    return set;
  };
  const x = expand(a);
  const y = expand(b);
  const onlyA = [...x].filter((k) => !y.has(k));
  const onlyB = [...y].filter((k) => !x.has(k));
  return `only client ${JSON.stringify(onlyA.slice(0, 20))} (${onlyA.length}), only server ${JSON.stringify(onlyB.slice(0, 20))} (${onlyB.length})`;
}

describe(`randomised convergence through the real server (${STEPS} steps, 5 clients)`, () => {
  it("random edits, disconnects, reconnects, out-of-order and duplicated deliveries: all clients equal the server's doc and the stored log", async () => {
    const rand = rng(SEED);
    const docId = h.createDocument([
      { id: "t", kind: "title", runs: [{ text: "Draft decision" }] },
      { id: "op1", kind: "operative", runs: [{ text: "Requests the secretariat to report" }] },
    ]);
    const clients = Array.from({ length: 5 }, (_, i) => {
      const p = h.person(`r${i}`);
      h.grant(docId, p.userId, "chair");
      return new RawClient(`r${i}`, () => h.raw(docId, p.token));
    });
    const ops = new Map<string, number>();
    const count = (k: string) => ops.set(k, (ops.get(k) ?? 0) + 1);
    let checkpoints = 0;

    const serverDoc = () => h.collab.openRoom(docId)?.doc;
    let resyncNeeded = 0;
    /**
     * Reconnects everyone and flushes all deliveries until every client equals the server.
     * A client still differing after 2 s of live updates (it was only ever its delete set:
     * the formatting-cleanup bug, see format-cleanup.test.ts, fixed since) is counted, made
     * to resync (reconnect: sync step 2 carries the whole delete set) and must then be
     * equal; the test fails at the end if any client needed that.
     */
    async function converge(label: string): Promise<void> {
      for (const c of clients) c.connect();
      // Same structs AND same deletions: deletions do not move the state vector (e.g. the
      // formatting cleanup Yjs runs after a remote change may still be in flight).
      const equal = (c: RawClient, live: Y.Doc) => c.inbox.length === 0 && Y.equalSnapshots(Y.snapshot(c.doc), Y.snapshot(live));
      /** Reconnects whoever dropped, delivers everything held; true when every client equals the server. */
      const allEqual = () => {
        for (const c of clients) {
          if (!c.connected) c.connect();
          c.deliverAll(rand);
        }
        const live = serverDoc();
        return !!live && clients.every((c) => c.ready && equal(c, live));
      };
      try {
        await until(allEqual, 2000, "live convergence");
      } catch {
        const live = serverDoc();
        for (const c of clients) {
          if (live && c.ready && !equal(c, live)) {
            expect(stateVector(c.doc), `${c.name} lacks structs (not only deletions) at ${label}, seed ${SEED}`).toBe(stateVector(live));
            resyncNeeded += 1;
            c.disconnect();
            c.connect();
          }
        }
      }
      await until(
        allEqual,
        20_000,
        `convergence at ${label} (seed ${SEED})`,
        () => {
          const live = serverDoc();
          const ds = (d: Y.Doc) => JSON.stringify([...Y.snapshot(d).ds.clients].sort((a, b) => a[0] - b[0]).map(([k, items]) => [k, items.map((i) => [i.clock, i.len])]));
          return clients
            .map((c) => `${c.name}: ready ${c.ready} inbox ${c.inbox.length} pending ${hasPending(c.doc)}` +
              (live ? ` sv ${stateVector(c.doc) === stateVector(live)} text ${fragmentText(c.doc) === fragmentText(live)} ds ${ds(c.doc) === ds(live)}` : ""))
            .join("; ") + (live ? `\n${clients.map((c) => `${c.name} (client ${c.doc.clientID}): ${dsDiff(c.doc, live)}`).join("\n")}` : "");
        },
      );
      const live = serverDoc()!;
      const loaded = h.updateLog.load(docId);
      const stored = new Y.Doc();
      if (loaded.snapshot) Y.applyUpdate(stored, loaded.snapshot);
      for (const u of loaded.updates) Y.applyUpdate(stored, u.data);
      const expected = fragmentText(live);
      const why = `at ${label}, seed ${SEED}`;
      expect(hasPending(live), `server doc pending ${why}`).toBe(false);
      expect(hasPending(stored), `stored log pending ${why}`).toBe(false);
      expect(fragmentText(stored), `stored log differs from the server ${why}`).toBe(expected);
      expect(stateVector(stored), why).toBe(stateVector(live));
      // Deletions too (a deletion made on the live doc but never stored would not move the
      // state vector).
      expect(Y.equalSnapshots(Y.snapshot(stored), Y.snapshot(live)), `stored log's deletions differ from the server's ${why}`).toBe(true);
      for (const c of clients) {
        expect(hasPending(c.doc), `${c.name} pending ${why}`).toBe(false);
        expect(fragmentText(c.doc), `${c.name} differs ${why}`).toBe(expected);
        expect(c.unexpectedCloses, `${c.name} was closed by the server ${why}`).toEqual([]);
      }
      stored.destroy();
      checkpoints += 1;
    }

    for (const c of clients) c.connect();
    try {
      for (let step = 1; step <= STEPS; step++) {
        const c = clients[Math.floor(rand() * clients.length)]!;
        const r = rand();
        if (r < 0.36) count(`edit:${edit(c.doc, rand)}`);
        else if (r < 0.4) {
          // Two edits sent in reverse order: the second arrives ahead of what it depends on.
          c.sendReversed(() => {
            edit(c.doc, rand);
            edit(c.doc, rand);
          });
          count("edit:sent-reversed");
        }
        else if (r < 0.62) {
          c.deliverOne(rand);
          count("deliver");
        } else if (r < 0.67) {
          c.redeliver(rand);
          count("redeliver");
        } else if (r < 0.71) {
          // Duplicate towards the server: an update the server is known to hold.
          const live = serverDoc();
          const pool = rand() < 0.5 ? c.history : c.sent;
          const u = pool.length ? pool[Math.floor(rand() * pool.length)]! : null;
          if (u && live && [...Y.parseUpdateMeta(u).to].every(([client, clock]) => clock <= (Y.getState(live.store, client) ?? 0))) {
            c.resend(u);
            count("resend");
          }
        } else if (r < 0.75) {
          c.disconnect();
          count("disconnect");
        } else if (r < 0.8) {
          c.connect();
          count("connect");
        } else if (r < 0.85) await new Promise((res) => setTimeout(res, Math.floor(rand() * 5)));
        // Let the sockets move between steps.
        await new Promise((res) => setImmediate(res));
        if (step % CHECKPOINT === 0 || step === STEPS) await converge(`step ${step}`);
      }
    } finally {
      const total = (k: keyof RawClient["stats"]) => clients.reduce((n, c) => n + c.stats[k], 0);
      console.log(
        `[convergence] seed ${SEED}: ${STEPS} steps, ${checkpoints} checkpoints passed; ops ${JSON.stringify(Object.fromEntries(ops))}; ` +
          `sent out of order ${total("sentOutOfOrder")}; delivered ${total("delivered")} (${total("outOfOrder")} out of order, ${total("heldPending")} left the client holding pending structs, ${total("duplicatesApplied")} duplicates applied), ` +
          `${total("duplicatesSent")} duplicates sent to the server, ${total("connects")} connections; log ${h.logCount(docId)} rows; ` +
          `${resyncNeeded} client(s) differed only in deletions until a resync; ` +
          `final text ${fragmentText(clients[0]!.doc).length} chars`,
      );
      for (const c of clients) c.disconnect();
    }
    expect(checkpoints).toBe(Math.ceil(STEPS / CHECKPOINT));
    expect(resyncNeeded, "clients that missed the server's deletions until a reconnect").toBe(0);
  }, SOAK ? 1_800_000 : 60_000);
});
