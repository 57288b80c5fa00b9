import * as Y from "yjs";
import type { WebsocketProvider } from "y-websocket";
import { newId } from "../../lib/ids";

/** A token typed by a client: unique, never split (inserted only at token boundaries). */
export const TOKEN = /\[[a-z0-9]+n[0-9]+\]/g;

/**
 * A simulated chair typing into the `default` fragment through a stock y-websocket provider:
 * inserts unique tokens at token boundaries of a random paragraph, sometimes a new paragraph.
 * Records every update it RECEIVED from the server (doc updates whose origin is the provider,
 * i.e. sync step 2 and broadcast updates).
 */
export class Typist {
  readonly typed: string[] = [];
  received: Uint8Array[] = [];
  receivedTotal = 0;
  private timer: NodeJS.Timeout | null = null;
  private n = 0;

  constructor(
    readonly name: string,
    readonly provider: WebsocketProvider,
    private readonly rand: () => number,
  ) {
    provider.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === provider) {
        this.received.push(update);
        this.receivedTotal += 1;
      }
    });
  }

  get doc(): Y.Doc {
    return this.provider.doc;
  }

  /** One edit: a token into a random paragraph (4%: a new paragraph holding the token). */
  typeOnce(): void {
    const fragment = this.doc.getXmlFragment("default");
    const token = `[${this.name}n${this.n++}]`;
    this.typed.push(token);
    const paragraphs = fragment.toArray().filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.get(0) instanceof Y.XmlText);
    if (paragraphs.length === 0 || this.rand() < 0.04) {
      const p = new Y.XmlElement("paragraph");
      p.setAttribute("id", newId());
      p.insert(0, [new Y.XmlText(token)]);
      fragment.insert(Math.floor(this.rand() * (fragment.length + 1)), [p]);
      return;
    }
    const text = paragraphs[Math.floor(this.rand() * paragraphs.length)]!.get(0) as Y.XmlText;
    const s = text.toString();
    const boundaries = [0, s.length];
    for (let i = 0; i < s.length; i++) if (s[i] === "]") boundaries.push(i + 1);
    text.insert(boundaries[Math.floor(this.rand() * boundaries.length)]!, token);
  }

  /** Types every `meanMs` (±50%) until stopped. */
  start(meanMs: number): void {
    const tick = () => {
      this.typeOnce();
      this.timer = setTimeout(tick, meanMs * (0.5 + this.rand()));
    };
    this.timer = setTimeout(tick, meanMs * this.rand());
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** The received updates since the last call, merged into one (empty list: null). */
  takeReceived(): Uint8Array | null {
    const list = this.received;
    this.received = [];
    return list.length ? Y.mergeUpdates(list) : null;
  }
}

/** Occurrences of each token in a text. */
export function tokenCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(TOKEN)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  return counts;
}

/** The plain text of a document's fragment (tags stripped, so tokens are whole). */
export function plainText(doc: Y.Doc): string {
  const parts: string[] = [];
  for (const node of doc.getXmlFragment("default").toArray()) {
    if (node instanceof Y.XmlElement) {
      for (const child of node.toArray()) if (child instanceof Y.XmlText) parts.push(child.toString().replace(/<[^>]*>/g, ""));
    }
    parts.push("\n");
  }
  return parts.join("");
}
