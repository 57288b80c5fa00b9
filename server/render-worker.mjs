// The render worker's entry. Node 20 does not apply `--import tsx` to worker threads, so
// the TypeScript worker is loaded through tsx's API (as the compaction worker is).
import { tsImport } from "tsx/esm/api";

await tsImport("./render-worker.ts", import.meta.url);
