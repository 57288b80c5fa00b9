/**
 * The child server (child-server.ts) with the fix PROPOSED for the reconnect-typing bug
 * patched onto CollabServer's prototype, to show the fix works without editing
 * server/collab (owned by another change). Delete once server/collab carries a fix.
 *
 * Proposed fix: an update refused only because it depends on structs the server lacks is
 * dropped WITHOUT closing the socket, and the server answers with its sync step 1; the
 * client replies with sync step 2, which carries everything the server lacks (the dropped
 * update included). Closing with 4400 instead makes y-websocket >= 3.1 give up for good.
 *
 *   FAULTS_CHILD_ENTRY=server/faults/candidate-fix-child.ts npx vitest run server/faults/typing-through-restarts.test.ts
 */
import { isPlenaryError } from "../../lib/errors";
import { CollabServer } from "../collab";
import { encodeSyncStep1 } from "../collab/protocol";
import type { Room } from "../collab/room";
import type { Conn } from "../collab/types";

type Patched = { applyUpdate: (room: Room, conn: Conn, update: Uint8Array) => void };
const proto = CollabServer.prototype as unknown as Patched;
const original = proto.applyUpdate;
if (typeof original !== "function") throw new Error("CollabServer.applyUpdate is gone: update this patch");
proto.applyUpdate = function (this: CollabServer, room, conn, update) {
  try {
    original.call(this, room, conn, update);
  } catch (err) {
    if (isPlenaryError(err) && err.message.includes("depends on content the document does not have")) {
      conn.ws.send(encodeSyncStep1(room.doc));
      return;
    }
    throw err;
  }
};
await import("./child-server");
