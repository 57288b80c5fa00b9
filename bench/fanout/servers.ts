/**
 * The two servers under test, each started as its own child process so its CPU time and
 * RSS are read from /proc apart from the load generator.
 */
import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { createRequire } from "node:module";
import { WebSocket } from "ws";
import { bundleServer, SERVER_ENTRIES } from "../../scripts/server-bundle.mjs";

/**
 * "plenary-nosync" is a diagnosis only, never a product setting: Plenary with its database
 * switched to synchronous=NORMAL after opening (commits not fsync'd), to show what the
 * durable commit costs (FANOUT_NOSYNC=1).
 */
export type ServerKind = "plenary" | "reference" | "plenary-nosync";

export interface ServerUnderTest {
  kind: ServerKind;
  pid: number;
  /** Base URL for a WebsocketProvider (the room name is appended as `/<room>`). */
  providerUrl: string;
  /** URL of a room's socket. */
  roomUrl(room: string): string;
  /** Headers a writer / reader sends at the upgrade (Plenary: a real session cookie). */
  headers(role: "writer" | "reader"): Record<string, string>;
  /** `n` fresh rooms (Plenary: documents created as the app creates them). */
  rooms(n: number): Promise<string[]>;
  /** Tells the server a measurement window starts / ends (Plenary: optional profiling). */
  signal(phase: "window-start" | "window-end"): void;
  stop(): Promise<void>;
}

/**
 * CPU time of a process, all threads, in seconds: the sum of /proc/<pid>/task/<tid>/schedstat
 * (nanoseconds on CPU; /proc/<pid>/stat's utime+stime tick at only 10 ms). Threads that
 * ended earlier are not counted, so only differences over a window are used.
 */
export function cpuSeconds(pid: number): number {
  let ns = 0;
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(fs.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
    } catch {
      // the thread ended meanwhile
    }
  }
  return ns / 1e9;
}

/** On-CPU seconds of each thread of a process, by "name#tid" (FANOUT_TRACE or FANOUT_THREADS diagnosis). */
export function threadSeconds(pid: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      const name = fs.readFileSync(`/proc/${pid}/task/${tid}/comm`, "utf8").trim();
      out.set(`${name}#${tid}`, Number(fs.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]) / 1e9);
    } catch {
      // the thread ended meanwhile
    }
  }
  return out;
}

/** Resident set size of a process, in bytes. */
export function rssBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return Number(kb ?? 0) * 1024;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  const done = exited(child);
  if (child.connected) child.disconnect();
  else child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await done;
  clearTimeout(timer);
}

/** Node flags for a server under test from an environment variable ("--perf-basic-prof --trace-gc"; diagnosis only). */
function nodeArgs(variable: string): string[] {
  return (process.env[variable] ?? "").split(" ").filter(Boolean);
}

/** The Yjs authors' server, its own `y-websocket-server` bin, no persistence, no callback. */
export async function startReference(): Promise<ServerUnderTest> {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve("@y/websocket-server/package.json");
  const bin = path.join(path.dirname(pkg), "src", "server.js");
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: "127.0.0.1", PORT: String(port) };
  delete env.YPERSISTENCE;
  delete env.CALLBACK_URL;
  const child = fork(bin, [], { env, execArgv: nodeArgs("FANOUT_REFERENCE_NODE_ARGS"), stdio: ["ignore", "pipe", "inherit", "ipc"] });
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`reference server exited (${code})`)));
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("running at")) resolve();
    });
  });
  child.removeAllListeners("exit");
  let next = 0;
  const prefix = `r${process.pid}-${Date.now()}-`;
  return {
    kind: "reference",
    pid: child.pid!,
    providerUrl: `ws://127.0.0.1:${port}`,
    roomUrl: (room) => `ws://127.0.0.1:${port}/${room}`,
    headers: () => ({}),
    rooms: async (n) => Array.from({ length: n }, () => `${prefix}${next++}`),
    signal: () => {},
    stop: () => stopChild(child),
  };
}

let bundled: Promise<string> | null = null;

/**
 * bench/fanout/plenary-server.ts compiled with the compaction worker next to it (dist/bench), the way
 * scripts/server-bundle.mjs compiles the app's server for `npm start` (once per bench run).
 */
function benchServerBundle(): Promise<string> {
  bundled ??= bundleServer(
    { "plenary-server": path.join(import.meta.dirname, "plenary-server.ts"), "compaction-worker": SERVER_ENTRIES["compaction-worker"]! },
    // Inside the project, so that its imports of packages resolve to node_modules.
    path.resolve(import.meta.dirname, "..", "..", "dist", "bench"),
  );
  return bundled;
}

/** Plenary with auth, vetting, policy, durable log and audit chain (bench/fanout/plenary-server.ts). */
export async function startPlenary(kind: "plenary" | "plenary-nosync" = "plenary"): Promise<ServerUnderTest> {
  // Compiled as `npm start` runs the app (FANOUT_PLENARY_TSX=1: through tsx, for comparison).
  const tsx = process.env.FANOUT_PLENARY_TSX === "1";
  const script = tsx ? path.join(import.meta.dirname, "plenary-server.ts") : await benchServerBundle();
  const env = { ...process.env, LOG_LEVEL: "error", FANOUT_SYNCHRONOUS: kind === "plenary-nosync" ? "NORMAL" : "FULL" };
  const child = fork(script, [], { execArgv: [...(tsx ? ["--import", "tsx"] : []), ...nodeArgs("FANOUT_PLENARY_NODE_ARGS")], stdio: ["ignore", "inherit", "inherit", "ipc"], env });
  const ready = await new Promise<{ port: number; cookies: { chair: string; observer: string } }>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`plenary bench server exited (${code})`)));
    child.on("message", (m: { type: string; port: number; cookies: { chair: string; observer: string } }) => {
      if (m.type === "ready") resolve(m);
    });
  });
  child.removeAllListeners("exit");
  const { port, cookies } = ready;
  return {
    kind,
    pid: child.pid!,
    providerUrl: `ws://127.0.0.1:${port}/collab`,
    roomUrl: (room) => `ws://127.0.0.1:${port}/collab/${room}`,
    headers: (role) => ({ cookie: role === "writer" ? cookies.chair : cookies.observer }),
    rooms: (n) =>
      new Promise((resolve) => {
        const onMessage = (m: { type: string; ids: string[] }) => {
          if (m.type !== "docs") return;
          child.off("message", onMessage);
          resolve(m.ids);
        };
        child.on("message", onMessage);
        child.send({ type: "docs", n });
      }),
    signal: (phase) => child.send({ type: phase }),
    stop: () => stopChild(child),
  };
}

/** A `ws` WebSocket class that sends fixed headers (a stock y-websocket client behind a cookie). */
export function socketClassWith(headers: Record<string, string>): typeof WebSocket {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  } as typeof WebSocket;
}
