import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");

/**
 * The real Plenary server as a child process (production build, its own temp DATA_DIR),
 * started the way `npm start` starts it. Can be killed with SIGKILL and restarted on the
 * same port and data, as a crash would.
 */
export class PlenaryServer {
  readonly dataDir: string;
  private child: ChildProcess | null = null;
  port = 0;
  private logs: string[] = [];

  constructor(dataDir?: string) {
    this.dataDir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "plenary-e2e-"));
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The server's resident memory now (Linux: /proc), in bytes. */
  rssBytes(): number {
    const status = fs.readFileSync(`/proc/${this.child?.pid}/status`, "utf8");
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
  }

  /** `nodeArgs`: extra options for Node (a test may open the inspector, say). */
  async start(env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<void> {
    // The server bundle `npm start` runs (built by global-setup.ts).
    const child = spawn(process.execPath, ["--enable-source-maps", ...nodeArgs, "dist/server/main.mjs"], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: "production", HOST: "127.0.0.1", PORT: String(this.port), DATA_DIR: this.dataDir, IDLE_UNLOAD_MS: "2000", SIGN_IN_PER_MINUTE: "1000", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${this.logs.join("")}`)), 60_000);
      const onData = (chunk: Buffer) => {
        const text = chunk.toString();
        this.logs.push(text);
        const m = /"msg":"Plenary listening","url":"http:\/\/[^:]+:(\d+)"/.exec(text);
        if (m) {
          this.port = Number(m[1]);
          clearTimeout(timer);
          resolve();
        }
      };
      child.stderr?.on("data", onData);
      child.stdout?.on("data", (c: Buffer) => this.logs.push(c.toString()));
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited with ${code}:\n${this.logs.join("")}`));
      });
    });
  }

  /** kill -9: no flush, no goodbye. */
  async kill9(): Promise<void> {
    await this.signal("SIGKILL");
  }

  async stop(): Promise<void> {
    await this.signal("SIGTERM");
  }

  private async signal(sig: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill(sig);
    await exited;
    this.child = null;
  }

  output(): string {
    return this.logs.join("");
  }

  cleanup(): void {
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}
