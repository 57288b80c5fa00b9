/**
 * The compaction worker's thread (started by server/collab/compactor.ts): builds snapshots
 * of open rooms from the log on its own read-only connection, so the replay and the
 * encoding of a long document never hold up the event loop that relays keystrokes.
 */
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import { UpdateLog } from "../db/update-log";
import { serveRequests } from "../worker-host";
import { snapshotFromLog } from "./snapshot";
import type { CompactionRequest, CompactionResult } from "./compactor";

const sqlite = new Database((workerData as { file: string }).file, { readonly: true, fileMustExist: true });
sqlite.pragma("busy_timeout = 5000");
const updateLog = new UpdateLog(sqlite);

serveRequests<CompactionRequest, CompactionResult>(parentPort!, (req) => snapshotFromLog(updateLog, req.documentId, req.uptoSeq));
