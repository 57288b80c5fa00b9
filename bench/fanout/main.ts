/**
 * `npm run bench:fanout`: the fan-out bench and the document-size checks alone.
 * FANOUT_ROUNDS / FANOUT_WINDOW_MS / FANOUT_WARMUP_MS / FANOUT_RAMP override the defaults (smoke runs);
 * FANOUT_ONLY=fanout|ramp|documents runs one part.
 */
import os from "node:os";
import { benchFanout } from "./fanout";
import { benchDocuments } from "./documents";

export async function benchFanoutAll(): Promise<void> {
  const env = process.env;
  const only = env.FANOUT_ONLY ?? "all";
  if (only === "all" || only === "fanout" || only === "ramp") {
    await benchFanout({
      rounds: Number(env.FANOUT_ROUNDS ?? 3),
      windowMs: Number(env.FANOUT_WINDOW_MS ?? 15000),
      warmupMs: Number(env.FANOUT_WARMUP_MS ?? 4000),
      rampSteps: (env.FANOUT_RAMP ?? "25,50,100,150,200,300,400,500,600,800").split(",").map(Number),
      rampRate: Number(env.FANOUT_RAMP_RATE ?? 1),
      rampWindowMs: Number(env.FANOUT_RAMP_WINDOW_MS ?? 4000),
      rampWriterProcesses: Number(env.FANOUT_RAMP_WRITER_PROCESSES ?? 2),
      rampSettleMs: Number(env.FANOUT_RAMP_SETTLE_MS ?? 0),
      scenarios: only !== "ramp",
    });
  }
  if (only === "all" || only === "documents") await benchDocuments();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`Plenary fan-out bench · ${new Date().toISOString()} · ${os.cpus().length} cores (${os.cpus()[0]?.model}) · Node ${process.version}`);
  await benchFanoutAll();
  // Some client handle of the fan-out run outlives it (not found yet): end when the figures are out.
  process.exit(process.exitCode ?? 0);
}
