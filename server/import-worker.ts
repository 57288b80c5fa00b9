/**
 * The import worker's thread (started by server/importer.ts for one draft): reads the
 * uploaded file into the model off the event loop that relays keystrokes, under the heap
 * limit the importer gives it.
 */
import { parentPort, workerData } from "node:worker_threads";
import { isPlenaryError } from "../lib/errors";
import { readDraftWithWarnings } from "./import";
import type { ImportReply, ImportRequest } from "./importer";

const { fileName, bytes } = workerData as ImportRequest;
let reply: ImportReply;
try {
  reply = { read: await readDraftWithWarnings(fileName, bytes) };
} catch (err) {
  reply = isPlenaryError(err) ? { refused: { code: err.code, message: err.message } } : { error: err instanceof Error ? err.message : String(err) };
}
parentPort!.postMessage(reply);
