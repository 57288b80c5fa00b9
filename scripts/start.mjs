// `npm start`: builds the Next app if there is no build yet (or PLENARY_REBUILD=1) and the
// server bundle when its sources changed (scripts/server-bundle.mjs), then runs the server
// in production mode, as plain JavaScript. Migrations and the first seed run at server start.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { ensureServerBundle } from "./server-bundle.mjs";

const buildId = path.join(process.cwd(), ".next", "BUILD_ID");
if (!fs.existsSync(buildId) || process.env.PLENARY_REBUILD === "1") {
  console.log("No production build found: running `next build` (about a minute)...");
  const res = spawnSync(process.execPath, [createRequire(import.meta.url).resolve("next/dist/bin/next"), "build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (res.status !== 0) process.exit(res.status ?? 1);
}
const server = await ensureServerBundle();
Object.assign(process.env, { NODE_ENV: "production" });
// Stack traces in the server's log name the TypeScript sources.
process.setSourceMapsEnabled(true);
await import(pathToFileURL(server).href);
