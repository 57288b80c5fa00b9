import { WebSocket } from "ws";
import * as Y from "yjs";
import { ACCOUNTS, DEMO_PASSWORD, expect, OSCE, test, type Who } from "./fixtures";
import { nodeProvider, until } from "./raw-client";
import { PlenaryServer } from "./server-process";

/**
 * A long night in the whole application (the production server with Next.js, better-auth,
 * the renderer worker and the collaboration endpoint in one process), without a browser:
 * again and again the chair and the delegations sign in, load the document's page and lists,
 * open its live events and its text, the chair types and exports, and everyone signs out.
 * The server's heap after collection (read through its inspector) must stop growing once its
 * code is warm: what a night session leaves behind per sign-in, page, stream, socket or export
 * would add up by morning.
 */

const PEOPLE: Who[] = ["chair", "albania", "belarus", "russia", "observer"];
const WARM = 4;
const SPAN = 8;

/** A minimal DevTools-protocol client for the server's inspector. */
async function inspector(url: string) {
  const ws = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  let next = 0;
  const waiting = new Map<number, (m: { result?: Record<string, unknown>; error?: unknown }) => void>();
  ws.on("message", (data: Buffer) => {
    const m = JSON.parse(data.toString()) as { id?: number; result?: Record<string, unknown>; error?: unknown };
    if (m.id !== undefined) waiting.get(m.id)?.(m);
  });
  const call = (method: string): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      const id = ++next;
      waiting.set(id, (m) => (m.error ? reject(new Error(`${method}: ${JSON.stringify(m.error)}`)) : resolve(m.result ?? {})));
      ws.send(JSON.stringify({ id, method }));
    });
  return {
    /** The main thread's heap after two full collections, in bytes. */
    async heapAfterGc(): Promise<number> {
      await call("HeapProfiler.collectGarbage");
      await call("HeapProfiler.collectGarbage");
      return (await call("Runtime.getHeapUsage")).usedSize as number;
    },
    close: () => ws.close(),
  };
}

interface Visit {
  cookie: string;
  events: { ended: Promise<void>; received: () => string };
  provider: ReturnType<typeof nodeProvider>;
  closeCodes: number[];
}

/** Signs in through the API and returns the session cookie. */
async function signIn(base: string, who: Who): Promise<string> {
  const res = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email: ACCOUNTS[who], password: DEMO_PASSWORD }),
  });
  expect(res.status, `sign-in of ${who}`).toBe(200);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .join("; ");
}

/** Opens the document's live events; `ended` settles when the server ends the stream. */
async function openEvents(base: string, id: string, cookie: string): Promise<Visit["events"]> {
  const res = await fetch(`${base}/api/documents/${id}/events`, { headers: { cookie } });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const ended = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      text += decoder.decode(value, { stream: true });
    }
  })();
  await until(() => text.includes("event: ready"), 10_000, "the events stream's first event");
  return { ended, received: () => text };
}

test("a long night: 20 rounds of five people signing in, loading, typing, exporting and signing out leave the server's heap where it was", async () => {
  test.setTimeout(300_000);
  const server = new PlenaryServer();
  await server.start({}, ["--inspect=127.0.0.1:0"]);
  const base = server.url;
  const debuggerUrl = /Debugger listening on (ws:\/\/\S+)/.exec(server.output())?.[1];
  expect(debuggerUrl, "the server's inspector address").toBeTruthy();
  const probe = await inspector(debuggerUrl!);
  try {
    const chairCookie = await signIn(base, "chair");
    const { documents } = (await (await fetch(`${base}/api/documents`, { headers: { cookie: chairCookie } })).json()) as { documents: { id: string; title: string }[] };
    const id = documents.find((d) => d.title.includes(OSCE))!.id;
    await fetch(`${base}/api/auth/sign-out`, { method: "POST", headers: { cookie: chairCookie, origin: base } });

    let typed = 0;
    const round = async (n: number): Promise<void> => {
      const visits = await Promise.all(
        PEOPLE.map(async (who): Promise<Visit> => {
          const cookie = await signIn(base, who);
          const page = await fetch(`${base}/documents/${id}`, { headers: { cookie } });
          expect(page.status, `${who}'s document page`).toBe(200);
          expect(await page.text()).toContain("<html");
          for (const list of ["", "/annotations", "/versions"]) {
            const res = await fetch(`${base}/api/documents/${id}${list}`, { headers: { cookie } });
            expect(res.status, `${who}: ${list || "the document"}`).toBe(200);
            await res.arrayBuffer();
          }
          const events = await openEvents(base, id, cookie);
          const provider = nodeProvider(base, id, cookie, new Y.Doc());
          const closeCodes: number[] = [];
          provider.on("connection-close", (event: { code: number } | null) => {
            if (event) closeCodes.push(event.code);
          });
          await until(() => provider.synced, 10_000, `${who}'s text synced`);
          provider.awareness.setLocalStateField("cursor", { anchor: n, head: n });
          return { cookie, events, provider, closeCodes };
        }),
      );
      // The chair types a sentence at the end of the first operative paragraph; everyone gets it.
      const chair = visits[0]!;
      const op = (chair.provider.doc.getXmlFragment("default").toArray() as Y.XmlElement[]).find((el) => el.nodeName === "operative")!.get(0) as Y.XmlText;
      const words = ` round ${n} of the night.`;
      op.insert(op.length, words);
      typed += 1;
      for (const v of visits) await until(() => v.provider.doc.getXmlFragment("default").toString().includes(`round ${n} of the night.`), 10_000, "the chair's words everywhere");
      const exported = await fetch(`${base}/api/documents/${id}/export?format=docx`, { headers: { cookie: chair.cookie } });
      expect(exported.status).toBe(200);
      expect((await exported.arrayBuffer()).byteLength).toBeGreaterThan(1000);
      // Everyone signs out: their sockets are closed 4401 and their streams ended within 2 s.
      await Promise.all(
        visits.map(async (v) => {
          const out = await fetch(`${base}/api/auth/sign-out`, { method: "POST", headers: { cookie: v.cookie, origin: base, "content-type": "application/json" }, body: "{}" });
          expect(out.status).toBe(200);
        }),
      );
      await until(() => visits.every((v) => v.closeCodes.includes(4401)), 2000, "every socket closed 4401 within 2 s of sign-out");
      await Promise.race([Promise.all(visits.map((v) => v.events.ended)), new Promise((_, reject) => setTimeout(() => reject(new Error("an events stream outlived its session by 2 s")), 2000))]);
      for (const v of visits) {
        v.provider.destroy();
        v.provider.doc.destroy();
      }
    };

    /** After the room unloaded (IDLE_UNLOAD_MS is 2 s in e2e) and the clients' timers ran out. */
    const settledHeap = async () => {
      await new Promise((r) => setTimeout(r, 3500));
      return probe.heapAfterGc();
    };
    for (let n = 0; n < WARM; n++) await round(n);
    const h0 = await settledHeap();
    for (let n = WARM; n < WARM + SPAN; n++) await round(n);
    const h1 = await settledHeap();
    for (let n = WARM + SPAN; n < WARM + 2 * SPAN; n++) await round(n);
    const h2 = await settledHeap();

    // Nothing typed was lost: the stored text holds every round's words.
    const reader = await signIn(base, "observer");
    const model = (await (await fetch(`${base}/api/documents/${id}`, { headers: { cookie: reader } })).json()) as unknown;
    const text = JSON.stringify(model);
    for (let n = 0; n < typed; n++) expect(text).toContain(`round ${n} of the night.`);

    const visits = SPAN * PEOPLE.length;
    const mb = (b: number) => (b / 1e6).toFixed(2);
    console.log(`[long night] spans of ${SPAN} rounds (${visits} sign-ins, pages, streams and sockets, ${SPAN} exports each): heap ${mb(h0)} -> ${mb(h1)} -> ${mb(h2)} MB; both spans ${((h2 - h0) / 1e3).toFixed(0)} KB, the second ${((h2 - h1) / 1e3).toFixed(0)} KB`);
    // Measured 2026-12-04: +1.55 MB over the first span (code still compiling, and whatever
    // outlives a minute, such as sign-in rate buckets), -1.2 MB over the second, +0.33 MB over
    // both. An events subscription kept after its stream ended (a leak planted to check this
    // test) made it +4.2 MB over both.
    expect(h2 - h0).toBeLessThan(1.5 * 1024 * 1024);
    expect(h2 - h1).toBeLessThan(1024 * 1024);
  } finally {
    probe.close();
    await server.stop();
    server.cleanup();
  }
});
