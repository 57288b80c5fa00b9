/**
 * Fan-out bench: Plenary (everything on) against the Yjs authors' y-websocket server
 * (@y/websocket-server 0.1.1), one load generator, same run, alternating, N rounds, medians.
 * Each scenario run gets a fresh server child process; its CPU time (utime+stime from
 * /proc) and peak RSS (VmRSS sampled every 50 ms) are measured over the measurement
 * window plus a 1 s drain.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { fork, spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { Recorder, nowUs, openReader, openWriter, type Reader, type Writer } from "./clients";
import { cpuSeconds, rssBytes, threadSeconds, startPlenary, startReference, type ServerKind, type ServerUnderTest } from "./servers";

export interface RunResult {
  p50: number;
  p95: number;
  p99: number;
  deliveries: number;
  expected: number;
  /** Receipts the timed readers had, of the edits × readers they should have had (the rest count as infinitely late). */
  readerReceipts: number;
  readerExpected: number;
  cpuPer1000: number;
  peakRssMb: number;
  /** RSS of the server process before any client connected (module baseline). */
  baseRssMb: number;
  generatorCpuS: number;
  edits: number;
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export function median(xs: number[]): number {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : NaN;
}

interface Layout {
  rooms: number;
  writersPerRoom: number;
  readersPerRoom: number;
  rate: number;
}

async function connectInBatches<T extends { synced: Promise<void> }>(make: (() => T)[], batch = 50): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < make.length; i += batch) {
    const group = make.slice(i, i + batch).map((f) => f());
    out.push(...group);
    await Promise.all(group.map((c) => c.synced));
  }
  return out;
}

/** Connects the clients of a layout; returns them with the recorder they share. */
async function setUp(server: ServerUnderTest, layout: Layout, rec: Recorder) {
  const rooms = await server.rooms(layout.rooms);
  let writerId = 0;
  const readerMakers: (() => Reader)[] = [];
  const writerMakers: (() => Writer)[] = [];
  for (const room of rooms) {
    for (let i = 0; i < layout.readersPerRoom; i++) readerMakers.push(() => openReader(server, room, rec));
    for (let i = 0; i < layout.writersPerRoom; i++) {
      const id = writerId++;
      writerMakers.push(() => openWriter(server, room, id, rec));
    }
  }
  const readers = await connectInBatches(readerMakers);
  const writers = await connectInBatches(writerMakers, 20);
  return { rooms, readers, writers };
}

/**
 * Writers a measurement drives: in this process (sharing its Recorder), or in a writer
 * process of their own (writer-child.ts), which counts its writers' receipts itself.
 */
interface WriterPool {
  size: number;
  window(since: number | null): void;
  start(rate: number): void;
  stop(): void;
  /** Edits made so far; receipts its writers counted in the window (0 in this process: the shared Recorder has them); CPU seconds of its process (0 in this process). */
  report(): Promise<{ edits: number; deliveries: number; cpuS: number }>;
  close(): void;
}

function localPool(writers: Writer[]): WriterPool {
  return {
    get size() {
      return writers.length;
    },
    window: () => {},
    start: (rate) => writers.forEach((w) => w.start(rate)),
    stop: () => writers.forEach((w) => w.stop()),
    report: async () => ({ edits: writers.reduce((n, w) => n + w.edits, 0), deliveries: 0, cpuS: 0 }),
    close: () => writers.forEach((w) => w.close()),
  };
}

/** Writers in a process of their own (writer-child.ts). */
class ChildPool implements WriterPool {
  size = 0;
  private constructor(private readonly child: ChildProcess) {}

  static start(): ChildPool {
    const child = fork(path.join(import.meta.dirname, "writer-child.ts"), [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
    return new ChildPool(child);
  }

  private ask<T>(msg: object, reply: string): Promise<T> {
    return new Promise((resolve) => {
      const on = (m: { type: string }) => {
        if (m.type !== reply) return;
        this.child.off("message", on);
        resolve(m as T);
      };
      this.child.on("message", on);
      this.child.send(msg);
    });
  }

  async open(server: ServerUnderTest, room: string, ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    await this.ask({ type: "open", providerUrl: server.providerUrl, headers: server.headers("writer"), room, ids }, "opened");
    this.size += ids.length;
  }
  window(since: number | null): void {
    this.child.send({ type: "window", since });
  }
  start(rate: number): void {
    this.child.send({ type: "start", rate });
  }
  stop(): void {
    this.child.send({ type: "stop" });
  }
  report(): Promise<{ edits: number; deliveries: number; cpuS: number }> {
    return this.ask({ type: "report" }, "report");
  }
  close(): void {
    if (this.child.connected) this.child.send({ type: "close" });
  }
}

let perfRuns = 0;

/**
 * FANOUT_PERF=<dir> (diagnosis only): `perf record -e cpu-clock -g` of the server over each
 * measurement window, to <dir>/<kind>-<n>.data. For JavaScript names, run the servers with
 * FANOUT_{PLENARY,REFERENCE}_NODE_ARGS="--perf-prof --interpreted-frames-native-stack" and
 * read the data after `perf inject --jit -i <file> -o <file>.jit` (the clock is monotonic for
 * that). `--perf-basic-prof` maps are wrong once V8 frees code and reuses its addresses:
 * samples in the window get names of start-up code (module resolution, prosemirror-model).
 */
function perfRecord(server: ServerUnderTest): { stop(): Promise<void> } | null {
  const dir = process.env.FANOUT_PERF;
  if (!dir) return null;
  const out = path.join(dir, `${server.kind}-${perfRuns++}.data`);
  const child = spawn("perf", ["record", "-k", "mono", "-e", "cpu-clock", "-F", "2999", "-g", "-p", String(server.pid), "-o", out], { stdio: "ignore" });
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGINT");
      }),
  };
}

/**
 * Measures a window with the given writers typing; returns latency, CPU and RSS figures.
 * `readersPerEdit`: how many readers (the clients whose receipts are timed) each edit should
 * reach. An edit a reader had not received a second after the typing stopped counts as
 * infinitely late in the percentiles: a server that falls behind must not look fast because
 * its latest edits are still queued.
 */
async function measure(server: ServerUnderTest, rec: Recorder, pools: WriterPool[], rate: number, clientsPerRoom: (w: number) => number, readersPerEdit: number, windowMs: number): Promise<RunResult> {
  await sleep(300);
  const since = nowUs();
  rec.latencies = [];
  rec.deliveries = 0;
  rec.since = since;
  rec.recording = true;
  for (const p of pools) p.window(since);
  const before = await Promise.all(pools.map((p) => p.report()));
  let peak = rssBytes(server.pid);
  const sampler = setInterval(() => (peak = Math.max(peak, rssBytes(server.pid))), 50);
  const threads0 = process.env.FANOUT_TRACE || process.env.FANOUT_THREADS ? threadSeconds(server.pid) : null;
  const cpu0 = cpuSeconds(server.pid);
  const gen0 = process.cpuUsage();
  const perf = perfRecord(server);
  server.signal("window-start");
  for (const p of pools) p.start(rate);
  await sleep(windowMs);
  for (const p of pools) p.stop();
  await sleep(1000);
  const cpu = cpuSeconds(server.pid) - cpu0;
  const gen = process.cpuUsage(gen0);
  await perf?.stop();
  if (threads0) {
    const spent = [...threadSeconds(server.pid)].map(([name, s]) => `${name} ${((s - (threads0.get(name) ?? 0)) * 1000).toFixed(0)}`);
    console.error(`[trace] ${server.kind} CPU ms by thread: ${spent.filter((x) => !x.endsWith(" 0")).join(", ")}`);
  }
  server.signal("window-end");
  clearInterval(sampler);
  const after = await Promise.all(pools.map((p) => p.report()));
  for (const p of pools) p.window(null);
  rec.recording = false;
  const edits = after.reduce((n, r, i) => n + r.edits - before[i]!.edits, 0);
  const deliveries = rec.deliveries + after.reduce((n, r) => n + r.deliveries, 0);
  const writers = pools.reduce((n, p) => n + p.size, 0);
  const readerExpected = edits * readersPerEdit;
  const missing = Math.max(0, readerExpected - rec.latencies.length);
  const sorted = [...rec.latencies.sort((a, b) => a - b), ...Array<number>(missing).fill(Infinity)];
  return {
    readerReceipts: rec.latencies.length,
    readerExpected,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    deliveries,
    expected: edits * (clientsPerRoom(writers) - 1),
    cpuPer1000: deliveries ? (cpu / deliveries) * 1000 : NaN,
    peakRssMb: peak / 1024 / 1024,
    baseRssMb: 0,
    generatorCpuS: (gen.user + gen.system) / 1e6 + after.reduce((n, r, i) => n + r.cpuS - before[i]!.cpuS, 0),
    edits,
  };
}

export interface Scenario {
  name: string;
  layout: Layout;
}

export const SCENARIOS: Scenario[] = [
  { name: "1 room x 20 clients (1 writer, 10 edits/s)", layout: { rooms: 1, writersPerRoom: 1, readersPerRoom: 19, rate: 10 } },
  { name: "1 room x 200 clients (20 writers, 5 edits/s each)", layout: { rooms: 1, writersPerRoom: 20, readersPerRoom: 180, rate: 5 } },
  { name: "200 rooms x 3 clients (1 writer at 2 edits/s + 2 readers each)", layout: { rooms: 200, writersPerRoom: 1, readersPerRoom: 2, rate: 2 } },
];

function start(kind: ServerKind): Promise<ServerUnderTest> {
  return kind === "reference" ? startReference() : startPlenary(kind);
}

export async function runScenario(kind: ServerKind, scenario: Scenario, windowMs: number, warmupMs = 0): Promise<RunResult> {
  const server = await start(kind);
  const rec = new Recorder();
  try {
    const baseRssMb = rssBytes(server.pid) / 1024 / 1024;
    const { readers, writers } = await setUp(server, scenario.layout, rec);
    const perRoom = scenario.layout.writersPerRoom + scenario.layout.readersPerRoom;
    if (warmupMs > 0) {
      // The same typing before the window, not measured: a server in session has run its edit path for hours.
      const pool = localPool(writers);
      pool.start(scenario.layout.rate);
      await sleep(warmupMs);
      pool.stop();
      await sleep(500);
    }
    const result = await measure(server, rec, [localPool(writers)], scenario.layout.rate, () => perRoom, scenario.layout.readersPerRoom, windowMs);
    for (const c of [...readers, ...writers]) c.close();
    return { ...result, baseRssMb };
  } finally {
    await server.stop();
  }
}

export interface RampStep extends RunResult {
  writers: number;
}

/**
 * One room, 10 readers, writers added step by step (each typing `rate` edits/s) until the
 * readers' p95 passes 250 ms or the steps run out. With `writerProcesses` > 0 the writers
 * live in that many processes of their own (the readers stay here), so that one load
 * generator's event loop is not what sets the knee.
 */
export async function runRamp(kind: ServerKind, steps: number[], rate: number, windowMs: number, writerProcesses = 0, readersN = 10, settleMs = 0): Promise<RampStep[]> {
  const server = await start(kind);
  const rec = new Recorder();
  const out: RampStep[] = [];
  const readers: Reader[] = [];
  const local: Writer[] = [];
  const children = Array.from({ length: writerProcesses }, () => ChildPool.start());
  const pools: WriterPool[] = children.length ? children : [localPool(local)];
  let writers = 0;
  try {
    const [room] = await server.rooms(1);
    for (let i = 0; i < readersN; i++) readers.push(openReader(server, room!, rec));
    await Promise.all(readers.map((r) => r.synced));
    for (const target of steps) {
      if (children.length) {
        // New writers in batches of 20, spread over the writer processes.
        for (let from = writers; from < target; from += 20 * children.length) {
          await Promise.all(children.map((c, k) => c.open(server, room!, range(from + k * 20, Math.min(target, from + (k + 1) * 20)))));
        }
      } else {
        const makers: (() => Writer)[] = [];
        for (let i = writers; i < target; i++) makers.push(() => openWriter(server, room!, i, rec));
        local.push(...(await connectInBatches(makers, 20)));
      }
      writers = target;
      // FANOUT_RAMP_SETTLE_MS: idle time after the step's new writers joined (their first sync
      // of a document grown by every step before) and before its window, so that the window
      // measures N writers typing rather than the load generator digesting N/3 arrivals.
      if (settleMs > 0) await sleep(settleMs);
      const r = await measure(server, rec, pools, rate, (w) => w + readersN, readersN, windowMs);
      out.push({ ...r, writers: target });
      if (r.p95 > 250 || Number.isNaN(r.p95)) break;
    }
    return out;
  } finally {
    for (const c of readers) c.close();
    for (const p of pools) p.close();
    await server.stop();
  }
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

const fmt = (x: number, d = 1) => (Number.isNaN(x) ? "n/a" : x.toFixed(d));

export interface FanoutOptions {
  rounds: number;
  windowMs: number;
  /** Typing before each scenario's window, not measured (0: the window starts in a fresh process). */
  warmupMs: number;
  rampSteps: number[];
  rampRate: number;
  rampWindowMs: number;
  /** Writer processes of the ramp (0: the writers run in the bench process itself). */
  rampWriterProcesses: number;
  /** Idle time between a step's new writers joining and its window (0: none). */
  rampSettleMs: number;
  /** False: the ramp only. */
  scenarios: boolean;
}

/** Runs every scenario for both servers, alternating, and prints medians and ratios. */
export async function benchFanout(opts: FanoutOptions): Promise<void> {
  // Every y-websocket provider adds a process 'exit' listener (removed on destroy).
  process.setMaxListeners(0);
  console.log(`\nFan-out: Plenary (auth, vetting+policy, SQLite log synchronous=FULL, audit chain) vs @y/websocket-server 0.1.1`);
  console.log(`  ${opts.rounds} rounds, alternating, ${opts.warmupMs / 1000} s of the same typing unmeasured, then ${opts.windowMs / 1000} s windows, medians; latency = writer's edit -> reader's receipt`);
  const kinds: ServerKind[] = ["reference", "plenary", ...(process.env.FANOUT_NOSYNC ? (["plenary-nosync"] as const) : [])];
  if (kinds.includes("plenary-nosync")) console.log(`  + plenary-nosync: Plenary with synchronous=NORMAL (commits not fsync'd): a diagnosis of what the durable commit costs, not a product setting`);
  for (const scenario of opts.scenarios ? SCENARIOS : []) {
    const results: Record<ServerKind, RunResult[]> = { plenary: [], reference: [], "plenary-nosync": [] };
    for (let r = 0; r < opts.rounds; r++) {
      const order = r % 2 === 0 ? kinds : [...kinds].reverse();
      for (const kind of order) results[kind].push(await runScenario(kind, scenario, opts.windowMs, opts.warmupMs));
    }
    printScenario(scenario.name, results);
  }
  const ramp: Record<ServerKind, RampStep[][]> = { plenary: [], reference: [], "plenary-nosync": [] };
  const rampKinds = kinds.filter((k) => k !== "plenary-nosync");
  for (let r = 0; r < opts.rounds; r++) {
    const order = r % 2 === 0 ? rampKinds : [...rampKinds].reverse();
    for (const kind of order) ramp[kind].push(await runRamp(kind, opts.rampSteps, opts.rampRate, opts.rampWindowMs, opts.rampWriterProcesses, 10, opts.rampSettleMs));
  }
  printRamp(ramp, opts);
}

function printScenario(name: string, results: Record<ServerKind, RunResult[]>): void {
  const m = (kind: ServerKind, key: keyof RunResult) => median(results[kind].map((r) => r[key]));
  console.log(`\n${name}`);
  console.log(`  ${"".padEnd(14)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"CPU s/1k deliv".padStart(15)} ${"peak RSS MB".padStart(12)} ${"(at start)".padStart(10)} ${"deliveries".padStart(11)} ${"expected".padStart(9)} ${"gen CPU s".padStart(10)}`);
  const shown = (["reference", "plenary", "plenary-nosync"] as const).filter((k) => results[k].length > 0);
  for (const kind of shown) {
    console.log(
      `  ${kind.padEnd(14)} ${fmt(m(kind, "p50"), 2).padStart(8)} ${fmt(m(kind, "p99"), 2).padStart(8)} ${fmt(m(kind, "cpuPer1000"), 4).padStart(15)} ${fmt(m(kind, "peakRssMb")).padStart(12)} ${fmt(m(kind, "baseRssMb")).padStart(10)} ${fmt(m(kind, "deliveries"), 0).padStart(11)} ${fmt(m(kind, "expected"), 0).padStart(9)} ${fmt(m(kind, "generatorCpuS"), 2).padStart(10)}`,
    );
  }
  const ratio = (key: keyof RunResult) => fmt(m("plenary", key) / m("reference", key), 2);
  console.log(`  ratio Plenary/reference: p50 ${ratio("p50")}x, p99 ${ratio("p99")}x, CPU/delivery ${ratio("cpuPer1000")}x, peak RSS ${ratio("peakRssMb")}x`);
  if (results["plenary-nosync"].length) {
    const nosync = (key: keyof RunResult) => fmt(m("plenary-nosync", key) / m("reference", key), 2);
    console.log(`  ratio plenary-nosync/reference (diagnosis): p50 ${nosync("p50")}x, p99 ${nosync("p99")}x, CPU/delivery ${nosync("cpuPer1000")}x`);
  }
  console.log(`  rounds (p99 ms): ${shown.map((k) => `${k} ${results[k].map((r) => fmt(r.p99, 2)).join(", ")}`).join("; ")}`);
}

function printRamp(ramp: Record<ServerKind, RampStep[][]>, opts: FanoutOptions): void {
  const where = opts.rampWriterProcesses > 0 ? `writers in ${opts.rampWriterProcesses} processes of their own, readers in the bench process` : "writers and readers in the bench process";
  console.log(`\nRamp: writers in one room (+10 readers), ${opts.rampRate} edit/s each, ${opts.rampWindowMs / 1000} s per step${opts.rampSettleMs ? ` (after ${opts.rampSettleMs / 1000} s idle once its writers joined)` : ""}, until p95 > 250 ms (${where}; "generator" = CPU of all load-generator processes)`);
  for (const kind of ["reference", "plenary"] as const) {
    const knees: number[] = [];
    for (const [r, steps] of ramp[kind].entries()) {
      const last = steps.at(-1);
      const knee = last && last.p95 > 250 ? last.writers : NaN;
      knees.push(knee);
      const core = (s: RampStep) => fmt((100 * s.generatorCpuS) / ((opts.rampWindowMs + 1000) / 1000), 0);
      console.log(`  ${kind.padEnd(10)} round ${r + 1}: ${steps.map((s) => `${s.writers}w p95 ${fmt(s.p95, 1)} ms p99 ${fmt(s.p99, 1)} edits ${s.edits}/${Math.round((s.writers * opts.rampRate * opts.rampWindowMs) / 1000)} delivered ${s.deliveries}/${s.expected} (readers ${s.readerReceipts}/${s.readerExpected}) CPU ${fmt(s.cpuPer1000, 4)} s/1k RSS ${fmt(s.peakRssMb, 0)} MB generator ${core(s)}% of a core`).join(" | ")}`);
    }
    const reached = knees.filter((k) => !Number.isNaN(k));
    console.log(`  ${kind.padEnd(10)} knee (p95 > 250 ms): ${reached.length ? `median ${median(knees.map((k) => (Number.isNaN(k) ? Infinity : k)))} writers` : `not reached up to ${opts.rampSteps.at(-1)} writers`}`);
  }
}
