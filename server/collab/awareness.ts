import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { PlenaryError } from "../../lib/errors";
import type { Conn } from "./types";

/** Awareness client ids one connection may hold (one Y.Doc per tab, plus slack for resets). */
const MAX_IDS_PER_CONN = 4;

interface Entry {
  clientId: number;
  clock: number;
  state: Record<string, unknown> | null;
}

function decodeEntries(update: Uint8Array): Entry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  if (count > 64) throw new PlenaryError("bad_request", "awareness update lists too many clients");
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const parsed: unknown = JSON.parse(decoding.readVarString(decoder));
    if (parsed !== null && (typeof parsed !== "object" || Array.isArray(parsed))) {
      throw new PlenaryError("bad_request", "awareness state must be an object or null");
    }
    entries.push({ clientId, clock, state: parsed as Record<string, unknown> | null });
  }
  return entries;
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

/**
 * Rewrites a client's awareness update so it can only speak for itself: entries for
 * client ids held by another connection are dropped, and the `user` field is replaced with
 * the identity the server authenticated. Throws on malformed or oversized states.
 */
function decodeOrRefuse(update: Uint8Array): Entry[] {
  try {
    return decodeEntries(update);
  } catch (err) {
    if (err instanceof PlenaryError) throw err;
    throw new PlenaryError("bad_request", "malformed awareness update", { cause: err });
  }
}

export function sanitizeAwareness(
  update: Uint8Array,
  conn: Conn,
  ownerOf: (clientId: number) => Conn | undefined,
  maxStateBytes: number,
): Uint8Array | null {
  if (update.byteLength > maxStateBytes * 2) {
    throw new PlenaryError("too_large", "awareness update too large");
  }
  const kept: Entry[] = [];
  for (const entry of decodeOrRefuse(update)) {
    const owner = ownerOf(entry.clientId);
    if (owner && owner !== conn) continue;
    if (!owner) {
      if (conn.awarenessIds.size >= MAX_IDS_PER_CONN) continue;
      conn.awarenessIds.add(entry.clientId);
    }
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
