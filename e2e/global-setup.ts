import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ensureServerBundle, newestMtime } from "../scripts/server-bundle.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");
const SOURCES = ["app", "components", "lib", "server", "next.config.js", "package-lock.json"];

/**
 * Builds the server bundle (as `npm start` does) and the Next production build when there
 * is none or the sources are newer than it.
 */
export default async function globalSetup(): Promise<void> {
  await ensureServerBundle();
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  const sources = Math.max(...SOURCES.map((s) => newestMtime(path.join(ROOT, s))));
  if (built > sources) return;
  console.log("e2e: building the app (next build)...");
  const res = spawnSync(process.execPath, [path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "build"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (res.status !== 0) throw new Error(`next build failed with ${res.status}`);
}
