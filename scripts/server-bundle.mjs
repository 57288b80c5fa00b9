// Compiles the custom server (TypeScript) to plain ES modules for production: `npm start`,
// the e2e tests and the fan-out bench run what this builds, without tsx. Running through
// tsx costs a module-loader thread per isolate (the main one and the compaction worker's),
// about 90 MB of memory and a `__name` call for every named closure it creates (tsx keeps
// function names). `npm run dev` and the unit tests still run the TypeScript directly.
import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const ROOT = path.resolve(import.meta.dirname, "..");

/** The app's server: its entry, and the compaction worker it starts (server/collab/compactor.ts). */
export const SERVER_ENTRIES = {
  main: path.join(ROOT, "server", "main.ts"),
  "compaction-worker": path.join(ROOT, "server", "collab", "compaction-worker.ts"),
  "import-worker": path.join(ROOT, "server", "import-worker.ts"),
  "render-worker": path.join(ROOT, "server", "render-worker.ts"),
};
export const SERVER_OUTDIR = path.join(ROOT, "dist", "server");

/** Sources a server bundle is built from (rebuilt when one of them is newer). */
const SOURCES = ["server", "lib", "seeds", "package-lock.json", "tsconfig.json", "scripts/server-bundle.mjs"];

/** The newest modification time under `p` (a file or a folder, searched whole; 0 when absent). */
export function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/**
 * Bundles `entries` (name -> .ts file) into `outdir` as `<name>.mjs`, with source maps.
 * Packages stay imports of node_modules; the workers must sit next to the entry that starts
 * them, as `compaction-worker.mjs`, `import-worker.mjs` and `render-worker.mjs`.
 */
export async function bundleServer(entries = SERVER_ENTRIES, outdir = SERVER_OUTDIR) {
  await build({
    entryPoints: entries,
    outdir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: "linked",
    logLevel: "warning",
    absWorkingDir: ROOT,
    tsconfig: path.join(ROOT, "tsconfig.json"),
  });
  return path.join(outdir, `${Object.keys(entries)[0]}.mjs`);
}

/** Builds the app's server unless its bundle is newer than every source. */
export async function ensureServerBundle() {
  const main = path.join(SERVER_OUTDIR, "main.mjs");
  const built = fs.existsSync(main) ? fs.statSync(main).mtimeMs : 0;
  const sources = Math.max(...SOURCES.map((s) => newestMtime(path.join(ROOT, s))));
  if (built > sources && process.env.PLENARY_REBUILD !== "1") return main;
  return bundleServer();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`server bundle: ${await bundleServer()}`);
}
