import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as awarenessProtocol from "y-protocols/awareness";
import type * as Y from "yjs";
import { PlenaryError } from "../../lib/errors";

/** y-websocket message types (y-protocols). */
export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3 } as const;

export type Incoming =
  | { kind: "sync-step1"; stateVector: Uint8Array }
  | { kind: "update"; update: Uint8Array; step: "step2" | "update" }
  | { kind: "awareness"; update: Uint8Array }
  | { kind: "query-awareness" };

/** Decodes one client message; throws `bad_request` for anything outside the protocol. */
export function decodeMessage(data: Uint8Array): Incoming {
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === MessageType.Sync) {
      const sub = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (sub === syncProtocol.messageYjsSyncStep1) return { kind: "sync-step1", stateVector: payload };
      if (sub === syncProtocol.messageYjsSyncStep2) return { kind: "update", update: payload, step: "step2" };
      if (sub === syncProtocol.messageYjsUpdate) return { kind: "update", update: payload, step: "update" };
      throw new Error(`unknown sync message ${sub}`);
    }
    if (type === MessageType.Awareness) return { kind: "awareness", update: decoding.readVarUint8Array(decoder) };
    if (type === MessageType.QueryAwareness) return { kind: "query-awareness" };
    throw new Error(`unknown message type ${type}`);
  } catch (err) {
    throw new PlenaryError("bad_request", "malformed message", { cause: err });
  }
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** Answers a client's sync step 1: everything the client is missing. */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  try {
    syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  } catch (err) {
    throw new PlenaryError("bad_request", "malformed state vector", { cause: err });
  }
  return encoding.toUint8Array(encoder);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeAwareness(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}
