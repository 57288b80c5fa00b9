/** @type {import('next').NextConfig} */
const nextConfig = {
  // The custom server (server/main.ts) owns the process; Next renders pages and routes.
  // yjs: the pages' server rendering (the editor's client components) imports the copy the
  // custom server loaded; bundled, it was a second Yjs in the process ("Yjs was already
  // imported. This breaks constructor checks", yjs#438).
  serverExternalPackages: ["better-sqlite3", "yjs"],
  poweredByHeader: false,
};

export default nextConfig;
