import * as Y from "yjs";

/** Words of this client's that a remote change deleted: the block they were typed in, in typing order. */
export interface LostTyping {
  blockId: string | null;
  text: string;
}

/** How long ago typing counts as "just typed" when a remote change sweeps it away. */
export const RECENT_TYPING_MS = 30_000;

interface Typed {
  clock: number;
  end: number;
  blockId: string | null;
  at: number;
}

interface Swept {
  /** The clock ranges of other clients the remote transaction that deleted own typing brought: [client, from, to). */
  brought: [number, number, number][];
  lost: LostTyping[];
  at: number;
}

/** The id attribute of the nearest block around a type (the paragraph a string was typed in). */
function blockOf(type: Y.AbstractType<unknown> | null): string | null {
  for (let t = type; t; t = (t._item?.parent as Y.AbstractType<unknown> | null) ?? null) {
    if (t instanceof Y.XmlElement) {
      const id = t.getAttribute("id");
      if (typeof id === "string") return id;
    }
  }
  return null;
}

/**
 * Remembers what this client typed lately (its own insertions, by Yjs clock, with the block
 * they went into) and which of it a remote change deleted: a restore replaces the whole text,
 * and the words a delegate typed in the seconds around it go with the text they were typed
 * in (those that reach the server after the restore land in deleted paragraphs and are
 * dropped there too). Strings are read in the remote transaction's `afterTransaction`,
 * before Yjs garbage-collects the deleted content.
 */
export class OwnTyping {
  private typed: Typed[] = [];
  private swept: Swept[] = [];
  private readonly waiting = new Set<() => void>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly now: () => number = Date.now,
    private readonly recentMs = RECENT_TYPING_MS,
  ) {
    doc.on("afterTransaction", this.onTransaction);
  }

  destroy(): void {
    this.doc.off("afterTransaction", this.onTransaction);
    for (const wake of this.waiting) wake();
    this.waiting.clear();
  }

  /**
   * Own typing of the last `recentMs` that the remote change containing struct `change`
   * deleted (empty: none); null while that change has not reached this client.
   */
  lostTo(change: { client: number; clock: number }): LostTyping[] | null {
    if (Y.getState(this.doc.store, change.client) <= change.clock) return null;
    const found = this.swept.find((s) => s.brought.some(([client, from, to]) => client === change.client && from <= change.clock && change.clock < to));
    return found ? found.lost : [];
  }

  /** As lostTo, waiting up to `timeoutMs` for the change to arrive (null if it did not). */
  whenArrived(change: { client: number; clock: number }, timeoutMs: number): Promise<LostTyping[] | null> {
    const ready = this.lostTo(change);
    if (ready) return Promise.resolve(ready);
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.doc.off("afterTransaction", check);
        this.waiting.delete(done);
        resolve(this.lostTo(change));
      };
      const check = () => {
        if (this.lostTo(change)) done();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiting.add(done);
      this.doc.on("afterTransaction", check);
    });
  }

  private readonly onTransaction = (tr: Y.Transaction): void => {
    const at = this.now();
    this.typed = this.typed.filter((t) => at - t.at <= this.recentMs);
    this.swept = this.swept.filter((s) => at - s.at <= this.recentMs);
    if (tr.local) this.remember(tr, at);
    else this.sweep(tr, at);
  };

  private remember(tr: Y.Transaction, at: number): void {
    const me = this.doc.clientID;
    const from = tr.beforeState.get(me) ?? 0;
    const to = tr.afterState.get(me) ?? 0;
    if (to <= from) return;
    const structs = this.doc.store.clients.get(me) ?? [];
    // The transaction's structs are the last ones of this client.
    for (let i = structs.length - 1; i >= 0; i--) {
      const struct = structs[i]!;
      const end = struct.id.clock + struct.length;
      if (end <= from) break;
      if (struct.id.clock >= to || !(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString)) continue;
      this.typed.push({ clock: Math.max(from, struct.id.clock), end: Math.min(to, end), blockId: blockOf(struct.parent as Y.AbstractType<unknown>), at });
    }
  }

  private sweep(tr: Y.Transaction, at: number): void {
    const me = this.doc.clientID;
    const pieces: { clock: number; blockId: string | null; text: string }[] = [];
    if (this.typed.length && tr.deleteSet.clients.has(me)) {
      const mine = Y.createDeleteSet();
      mine.clients.set(me, tr.deleteSet.clients.get(me)!);
      Y.iterateDeletedStructs(tr, mine, (struct) => {
        if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString)) return;
        const str = struct.content.str;
        for (const t of this.typed) {
          const from = Math.max(t.clock, struct.id.clock);
          const to = Math.min(t.end, struct.id.clock + str.length);
          if (from < to) pieces.push({ clock: from, blockId: t.blockId, text: str.slice(from - struct.id.clock, to - struct.id.clock) });
        }
      });
    }
    if (pieces.length === 0) return;
    const brought: [number, number, number][] = [];
    for (const [client, to] of tr.afterState) {
      const from = tr.beforeState.get(client) ?? 0;
      if (client !== me && to > from) brought.push([client, from, to]);
    }
    if (brought.length === 0) return;
    const lost: LostTyping[] = [];
    for (const p of pieces.sort((a, b) => a.clock - b.clock)) {
      const same = lost.find((l) => l.blockId === p.blockId);
      if (same) same.text += p.text;
      else lost.push({ blockId: p.blockId, text: p.text });
    }
    this.swept.push({ brought, lost, at });
  }
}
