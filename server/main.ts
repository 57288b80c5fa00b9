import { loadConfig } from "./config";
import { startServer } from "./app";
import { log } from "./log";

/** Process entry: start, and on SIGTERM/SIGINT flush rooms and close sockets with 1001. */
async function main(): Promise<void> {
  const running = await startServer(loadConfig());
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("stopping", { signal });
    running.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error("shutdown failed", { err });
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((err: unknown) => {
  log.error("failed to start", { err: err instanceof Error ? err : String(err) });
  process.exit(1);
});
