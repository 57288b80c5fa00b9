import type { BrowserContext } from "@playwright/test";
import { WebSocket } from "ws";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";

/** The session cookie of a signed-in browser context, as a Cookie header. */
export async function cookieHeader(context: BrowserContext): Promise<string> {
  return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
}

/**
 * A stock y-websocket client running in the test process (not the browser), carrying a
 * person's session cookie: a hostile client can send anything the protocol allows.
 */
export function nodeProvider(baseUrl: string, documentId: string, cookie: string, doc = new Y.Doc()): WebsocketProvider {
  class CookieWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie } });
    }
  }
  return new WebsocketProvider(`${baseUrl.replace(/^http/, "ws")}/collab`, documentId, doc, {
    WebSocketPolyfill: CookieWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
}

/** Opens a raw socket; resolves with the HTTP status if refused, or "open" plus any bytes received. */
export function tryRawSocket(url: string, headers: Record<string, string>): Promise<{ status: number | "open"; messages: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    let messages = 0;
    ws.on("message", () => (messages += 1));
    ws.on("unexpected-response", (_req, res) => resolve({ status: res.statusCode ?? 0, messages }));
    ws.on("open", () => setTimeout(() => (ws.close(), resolve({ status: "open", messages })), 500));
    ws.on("error", () => {});
  });
}

export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = "condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
