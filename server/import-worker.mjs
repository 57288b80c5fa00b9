// The import worker's entry. Node 20 does not apply `--import tsx` to worker threads, so
// the TypeScript worker is loaded through tsx's API (as the compaction worker is).
import { tsImport } from "tsx/esm/api";

await tsImport("./import-worker.ts", import.meta.url);
