import { EventEmitter } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import next from "next";
import { registerDelegations, seedDatabase } from "../seeds/seed";
import { createAuth } from "./auth";
import { CLIENT_ADDRESS_HEADER, clientAddress, TrustedProxies } from "./client-address";
import type { Config } from "./config";
import { openDatabase } from "./db/client";
import { UpdateLog } from "./db/update-log";
import { countDocuments } from "./db/stats";
import { log } from "./log";
import { setRuntime } from "./runtime";
import { loadOrCreateSecret } from "./secret";
import { screenBody, screenPath, watchBody } from "./request-limits";
import { securityHeaders } from "./security-headers";
import { upgradeListener, wireCollab } from "./wiring";

/** How long a client may go on sending a refused body before its connection is cut. */
const REFUSED_BODY_GRACE_MS = 10_000;

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Starts Plenary: database (migrated), auth, seed on an empty database, the collaboration
 * endpoint and Next.js, all on one HTTP server and one port.
 */
export async function startServer(config: Config): Promise<RunningServer> {
  const startedAt = Date.now();
  const database = openDatabase(config.dataDir);
  const updateLog = new UpdateLog(database.sqlite);

  const proxies = new TrustedProxies(config.trustedProxies);
  let handle: ((req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>) | null = null;
  const server = http.createServer((req, res) => {
    // Who is calling, as better-auth's sign-in limit will read it: set by us, replacing any
    // value the client sent under this name (see server/client-address.ts).
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req, proxies);
    for (const [k, v] of Object.entries(securityHeaders(config.dev))) res.setHeader(k, v);
    // A body over the limit is refused before anyone reads it. Node then reads the rest and
    // throws it away (nothing is kept), so the client gets this answer instead of a reset
    // connection; one that goes on sending past the grace period is cut off.
    const pathname = (req.url ?? "/").split("?")[0] ?? "/";
    const refusal = screenPath(pathname) ?? screenBody(pathname, req.headers, config.maxRequestBytes);
    if (refusal) {
      res.writeHead(refusal.status, { "Content-Type": "application/json", "Cache-Control": "no-store" });
      res.end(JSON.stringify({ error: refusal.error, message: refusal.message }));
      const cutOff = setTimeout(() => req.socket.destroy(), REFUSED_BODY_GRACE_MS);
      cutOff.unref();
      req.once("end", () => clearTimeout(cutOff)).once("close", () => clearTimeout(cutOff));
      return;
    }
    watchBody(req, config.bodyIdleMs);
    if (!handle) {
      res.statusCode = 503;
      res.setHeader("Retry-After", "1");
      res.end(JSON.stringify({ status: "starting" }));
      return;
    }
    handle(req, res).catch((err: unknown) => {
      log.error("request failed", { err, url: req.url });
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const port = (server.address() as AddressInfo).port;
  const ownOrigins = [`http://localhost:${port}`, `http://127.0.0.1:${port}`, `http://${config.host}:${port}`];
  const baseURL = config.publicUrl ?? `http://localhost:${port}`;
  const trusted = [...new Set([baseURL, ...ownOrigins, ...config.allowedOrigins])];

  const auth = createAuth({
    db: database.db,
    secret: loadOrCreateSecret(config.dataDir, config.secret),
    baseURL,
    trustedOrigins: trusted,
  });
  const delegationsAdded = registerDelegations(database.db);
  if (delegationsAdded) log.info("registered delegations", { added: delegationsAdded });
  if (countDocuments(database.db) === 0) {
    const { created } = await seedDatabase({ db: database.db, sqlite: database.sqlite, auth, updateLog });
    log.info("seeded an empty database", { created });
  }

  const { collab, services, bus } = wireCollab({ config, db: database.db, sqlite: database.sqlite, auth, updateLog, allowedOrigins: trusted, trustedProxies: proxies, startedAt });
  setRuntime(services);

  // Next attaches its own 'upgrade' listener to the server it is given on the first
  // request; hand it a decoy so ours stays the only one, and forward /_next/* (HMR) to it.
  const nextUpgrades = new EventEmitter();
  const app = next({
    dev: config.dev,
    dir: process.cwd(),
    hostname: config.host,
    port,
    httpServer: nextUpgrades as unknown as http.Server,
  });
  server.on("upgrade", upgradeListener(collab, nextUpgrades));
  await app.prepare();
  handle = app.getRequestHandler();

  const url = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${port}`;
  log.info("Plenary listening", { url, dataDir: config.dataDir, dev: config.dev });

  let closed = false;
  return {
    url,
    port,
    async close() {
      if (closed) return;
      closed = true;
      bus.closeAll();
      await collab.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.close();
      await services.close();
      setRuntime(undefined);
      database.close();
    },
  };
}
