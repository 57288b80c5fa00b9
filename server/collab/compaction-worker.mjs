// The compaction worker's entry. Node 20 does not apply `--import tsx` to worker threads,
// so the TypeScript worker is loaded through tsx's API (as `npm start` loads the server).
import { tsImport } from "tsx/esm/api";

await tsImport("./compaction-worker.ts", import.meta.url);
