/**
 * Delegates present in the room of the scale fixture (bench/scale/session.ts): BOTS node
 * clients (stock y-websocket, each signed in as dNN@scale.test) hold a caret in a paragraph
 * of their own; TYPERS of them type a tracked insertion of their delegation there, one
 * character every TYPE_MS, moving their caret with it. Prints what each bot sent per second
 * and why sockets were closed.
 * Run: BASE=http://127.0.0.1:3401 DOC=<id> BOTS=40 TYPERS=8 npx tsx bench/scale/bots.ts
 */
import { WebSocket } from "ws";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { sendOwnPresenceOnly } from "../../components/editor/own-presence";

const BASE = process.env.BASE ?? "http://127.0.0.1:3401";
const DOC = process.env.DOC!;
const BOTS = Number(process.env.BOTS ?? 40);
const TYPERS = Number(process.env.TYPERS ?? 8);
const TYPE_MS = Number(process.env.TYPE_MS ?? 250);

async function signIn(email: string): Promise<string> {
  const res = await fetch(`${BASE}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: BASE },
    body: JSON.stringify({ email, password: "plenary-demo" }),
  });
  if (!res.ok) throw new Error(`${email}: ${res.status}`);
  return res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

function connect(cookie: string): WebsocketProvider {
  class CookieWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie, origin: BASE } });
    }
    send(data: Uint8Array): void {
      sent[data[0] === 1 ? "awareness" : "sync"] += 1;
      super.send(data);
    }
  }
  return new WebsocketProvider(`${BASE.replace(/^http/, "ws")}/collab`, DOC, new Y.Doc(), {
    WebSocketPolyfill: CookieWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
}

const closes = new Map<string, number>();
const sent = { awareness: 0, sync: 0 };
const bots: { provider: WebsocketProvider; code: string; index: number }[] = [];
for (let i = 0; i < BOTS; i++) {
  const n = String(i).padStart(2, "0");
  const provider = connect(await signIn(`d${n}@scale.test`));
  // As the browser does; STOCK_PRESENCE=1 keeps y-websocket's echo of everyone's presence.
  if (process.env.STOCK_PRESENCE !== "1") sendOwnPresenceOnly(provider);
  provider.on("connection-close", (event) => {
    if (event) closes.set(`${event.code} ${event.reason}`, (closes.get(`${event.code} ${event.reason}`) ?? 0) + 1);
  });
  bots.push({ provider, code: `S${n}`, index: i });
}
await new Promise((r) => setTimeout(r, 3000));

function textOf(doc: Y.Doc, i: number): Y.XmlText | null {
  const fragment = doc.getXmlFragment("default");
  const block = fragment.get(Math.min(fragment.length - 1, 2 + i * 6));
  const text = block instanceof Y.XmlElement ? block.get(0) : null;
  return text instanceof Y.XmlText ? text : null;
}

function placeCaret(bot: (typeof bots)[number], offset: number): void {
  const text = textOf(bot.provider.doc, bot.index);
  if (!text) return;
  const pos = Y.createRelativePositionFromTypeIndex(text, Math.min(offset, text.length));
  const json = Y.relativePositionToJSON(pos);
  bot.provider.awareness.setLocalStateField("cursor", { anchor: json, head: json });
}

for (const bot of bots) placeCaret(bot, 30);
console.log(`${bots.length} present, ${bots.filter((b) => b.provider.synced).length} synced`);

const sid = (i: number) => `scalebot${String(i).padStart(2, "0")}xxxxxxxxxxxx`.slice(0, 22);
let typed = 0;
setInterval(() => {
  for (const bot of bots.slice(0, TYPERS)) {
    const text = textOf(bot.provider.doc, bot.index);
    if (!text) continue;
    const at = 30 + typed;
    text.insert(at, "x", { insertion: { id: sid(bot.index), delegation: bot.code } });
    placeCaret(bot, at + 1);
  }
  typed += 1;
}, TYPE_MS);
setInterval(() => {
  console.log(`typed ${typed} rounds; connected ${bots.filter((b) => b.provider.wsconnected).length}; sent per bot per second: ${(sent.awareness / bots.length / 5).toFixed(1)} presence, ${(sent.sync / bots.length / 5).toFixed(1)} sync; closed: ${[...closes].map(([k, v]) => `${v} x ${k}`).join(", ") || "none"}`);
  sent.awareness = 0;
  sent.sync = 0;
}, 5_000);
