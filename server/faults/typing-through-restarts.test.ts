import path from "node:path";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { tempDir } from "../test/temp-dir";
import { SOAK, authedProvider, freePort, hasPending, prepareDataDir, rng, sleep, spawnServer, stateVector, until, writePeople, type ChildServer, cleanUpAfterAll } from "./fault-harness";
import { Typist, plainText, tokenCounts } from "./typist";

/**
 * Like kill9.test.ts, but nobody stops typing: 20 clients type straight through each kill
 * and restart (offline while the server is down, and at the moment they reconnect), which
 * is what people do on the last night. Hits the reconnect-typing bug
 * (reconnect-typing.test.ts) at random until it is fixed.
 */
const RESTARTS = Number(process.env.TYPING_RESTARTS ?? (SOAK ? 25 : 3));
const CLIENTS = 20;
const SEED = Number(process.env.FAULT_SEED ?? Date.now() % 1_000_000);
/** Test hook: another child entry (e.g. a server with a candidate fix patched in). */
const ENTRY = process.env.FAULTS_CHILD_ENTRY ? path.resolve(process.env.FAULTS_CHILD_ENTRY) : undefined;

process.setMaxListeners(CLIENTS + 20);
const tmp = tempDir("plenary-typing-restarts-");
let server: ChildServer | null = null;
const typists: Typist[] = [];
cleanUpAfterAll(() => ({ server, typists, tmp }));

describe(`${CLIENTS} clients typing straight through ${RESTARTS} kill -9 restarts`, () => {
  it("no client is refused or gives up; all converge on the server's state; every token exactly once", async () => {
    const rand = rng(SEED);
    const dataDir = path.join(tmp.dir, "data");
    const peopleFile = path.join(tmp.dir, "people.json");
    const [docId] = prepareDataDir(dataDir, [[{ id: "op1", kind: "operative", runs: [{ text: "Decides" }] }]]);
    const people = writePeople(peopleFile, Array.from({ length: CLIENTS }, (_, i) => `t${i}`), [docId!]);
    const port = await freePort();
    server = await spawnServer({ dataDir, port, peopleFile, entry: ENTRY });
    const refusals: { name: string; code: number; reason: string }[] = [];
    for (const p of people) {
      const t = new Typist(p.name, authedProvider(port, docId!, p.token), rng(Math.floor(rand() * 2 ** 31)));
      t.provider.on("connection-close", (ev) => {
        if (ev && ev.code >= 4000) refusals.push({ name: p.name, code: ev.code, reason: ev.reason });
      });
      typists.push(t);
    }
    await until(() => typists.every((t) => t.provider.synced), 20_000, "first sync");
    for (const t of typists) t.start(40);
    for (let round = 0; round < RESTARTS; round++) {
      await sleep(500 + Math.floor(rand() * 1000));
      await server.kill9();
      await sleep(Math.floor(rand() * 300));
      server = await spawnServer({ dataDir, port, peopleFile, entry: ENTRY });
    }
    await sleep(1000);
    for (const t of typists) t.stop();
    const live = server;
    let state: Uint8Array | null = null;
    try {
      await until(
        async () => {
          if (refusals.length) return true; // fail fast below
          const s = await live.state(docId!);
          if (!s.state || s.pending) return false;
          state = s.state;
          const sv = stateVector(Y.encodeStateVectorFromUpdate(s.state));
          return typists.every((t) => t.provider.synced && stateVector(t.doc) === sv);
        },
        20_000,
        `convergence (seed ${SEED})`,
        () => `refusals ${JSON.stringify(refusals)}; gave up: ${typists.filter((t) => !t.provider.shouldConnect).map((t) => t.name).join(", ")}`,
      );
    } finally {
      const typed = typists.reduce((n, t) => n + t.typed.length, 0);
      console.log(`[typing-through-restarts] seed ${SEED}: ${RESTARTS} restarts, ${typed} tokens typed; ${refusals.length} refusal(s)` +
          (refusals.length ? ` of ${new Set(refusals.map((r) => r.name)).size} client(s), first: ${refusals[0]!.code} "${refusals[0]!.reason}"` : ""));
    }
    expect(refusals).toEqual([]);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state!);
    const counts = tokenCounts(plainText(doc));
    const typed = typists.flatMap((t) => t.typed);
    expect(typed.filter((tok) => counts.get(tok) !== 1), "tokens missing or duplicated").toEqual([]);
    for (const t of typists) expect(hasPending(t.doc)).toBe(false);
  }, SOAK ? 600_000 : 90_000);
});
