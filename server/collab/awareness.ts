import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { PlenaryError } from "../../lib/errors";
import type { Conn } from "./types";

/** Awareness client ids one connection may hold (one Y.Doc per tab, plus slack for resets). */
const MAX_IDS_PER_CONN = 4;

/**
 * Most clients one awareness update may list. A stock y-websocket client relays every
 * presence change it hears, others' included: on joining a room it sends back the states of
 * everyone already there. Those entries are skipped (see sanitizeAwareness), so the bound is
 * the room's size, not one: past it the update is refused.
 */
const MAX_LISTED = 10_000;

interface Entry {
  clientId: number;
  clock: number;
  state: Record<string, unknown> | null;
}

/** One listed client: its id, clock and its state as JSON text (parsed only if kept). */
interface Listed {
  clientId: number;
  clock: number;
  json: string;
}

function decodeListed(update: Uint8Array): Listed[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  if (count > MAX_LISTED) throw new PlenaryError("bad_request", "awareness update lists too many clients");
  const listed: Listed[] = [];
  for (let i = 0; i < count; i++) {
    listed.push({ clientId: decoding.readVarUint(decoder), clock: decoding.readVarUint(decoder), json: decoding.readVarString(decoder) });
  }
  return listed;
}

function parseState(json: string): Record<string, unknown> | null {
  const parsed: unknown = JSON.parse(json);
  if (parsed !== null && (typeof parsed !== "object" || Array.isArray(parsed))) {
    throw new PlenaryError("bad_request", "awareness state must be an object or null");
  }
  return parsed as Record<string, unknown> | null;
}

function encodeEntries(entries: Entry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, JSON.stringify(e.state));
  }
  return encoding.toUint8Array(encoder);
}

/** `fn`'s value; a decoding error of lib0 or JSON becomes a clear refusal. */
function orRefuse<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof PlenaryError) throw err;
    throw new PlenaryError("bad_request", "malformed awareness update", { cause: err });
  }
}

/**
 * Rewrites a client's awareness update so it can only speak for itself: entries for client
 * ids held by another connection are dropped unread (a stock y-websocket client relays
 * everyone's presence), as are new ids past MAX_IDS_PER_CONN and ids that are another
 * person's editor (Room.claim), and the `user` field is
 * replaced with the identity the server authenticated. Throws on a malformed update, and on
 * a state of the sender's over `maxStateBytes`; the whole update may list the room
 * (up to 64 states' worth of bytes).
 */
export function sanitizeAwareness(
  update: Uint8Array,
  conn: Conn,
  ownerOf: (clientId: number) => Conn | undefined,
  maxStateBytes: number,
  /** True when the id is another person's editor (their Yjs client id): never taken by this connection. */
  heldByOther: (clientId: number) => boolean = () => false,
  /** The room's clock for the sender's own editor coming back after its presence was removed, if so. */
  resumedClock: (clientId: number) => number | undefined = () => undefined,
): Uint8Array | null {
  if (update.byteLength > maxStateBytes * 64) {
    throw new PlenaryError("too_large", "awareness update too large");
  }
  const kept: Entry[] = [];
  for (const listed of orRefuse(() => decodeListed(update))) {
    const owner = ownerOf(listed.clientId);
    if (owner && owner !== conn) continue;
    if (!owner) {
      // The removal of a client no one holds (one that left, relayed by a stock client): nothing
      // to do; and another person's id is not taken while they are away (their presence would
      // be dropped when they come back).
      if (listed.json === "null" || conn.awarenessIds.size >= MAX_IDS_PER_CONN || heldByOther(listed.clientId)) continue;
      conn.awarenessIds.add(listed.clientId);
    }
    // A window back after a network drop sends its presence at the clock it had, and the room
    // counted one past it when it removed that presence: taken as it stands, it would be ignored
    // by the room and everyone (who saw the removal) until the editor's next change or its 15-s
    // renewal. So the first entry of the sender's own editor (recorded as theirs) after a
    // removal goes on from the room's clock; once the room holds its state again nothing is
    // raised (a stock client echoing the raised entry back must not start a loop).
    const known = resumedClock(listed.clientId);
    const clock = known !== undefined && listed.clock <= known && listed.json !== "null" ? known + 1 : listed.clock;
    const entry: Entry = { clientId: listed.clientId, clock, state: orRefuse(() => parseState(listed.json)) };
    if (entry.state === null) {
      kept.push(entry);
      continue;
    }
    const { identity } = conn;
    const state = {
      ...entry.state,
      user: {
        name: identity.name,
        color: identity.color,
        role: identity.role,
        delegation: identity.delegationCode,
        delegationName: identity.delegationName,
      },
    };
    if (JSON.stringify(state).length > maxStateBytes) {
      throw new PlenaryError("too_large", `awareness state above ${maxStateBytes} bytes`);
    }
    kept.push({ ...entry, state });
  }
  return kept.length ? encodeEntries(kept) : null;
}
