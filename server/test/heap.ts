import v8 from "node:v8";
import vm from "node:vm";

/** The heap in use after two full collections (for tests that bound what memory a run leaves). */
export function heapAfterGc(): number {
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc") as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}
