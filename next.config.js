/** @type {import('next').NextConfig} */
const nextConfig = {
  // The custom server (server/main.ts) owns the process; Next renders pages and routes.
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
};

export default nextConfig;
