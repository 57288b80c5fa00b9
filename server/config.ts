import path from "node:path";
import { z } from "zod";

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().min(1).default("./data"),
  /** Public origin when behind a proxy (e.g. https://plenary.example.org). */
  PUBLIC_URL: z.string().url().optional(),
  /** Extra origins allowed to open sockets and post forms, comma-separated. */
  ALLOWED_ORIGINS: z.string().optional(),
  /**
   * Reverse proxies in front of Plenary whose X-Forwarded-For is believed (addresses or CIDR
   * ranges, comma-separated). Unset: the socket's peer is the client (direct exposure).
   */
  TRUSTED_PROXIES: z.string().optional(),
  BETTER_AUTH_SECRET: z.string().min(32).optional(),
  MAX_MESSAGE_BYTES: z.coerce.number().int().positive().default(5 * 1024 * 1024),
  MAX_AWARENESS_BYTES: z.coerce.number().int().positive().default(8 * 1024),
  SNAPSHOT_EVERY: z.coerce.number().int().positive().default(500),
  IDLE_UNLOAD_MS: z.coerce.number().int().nonnegative().default(30_000),
  SIGN_IN_PER_MINUTE: z.coerce.number().int().positive().default(10),
  /** New positions and replies one person may file in a minute (server/post-limiter.ts). */
  POSTS_PER_MINUTE: z.coerce.number().int().positive().default(30),
  MAX_MESSAGES_PER_SECOND: z.coerce.number().int().positive().default(200),
  /** Sockets are pinged this often; one silent for a whole interval is dropped. */
  PING_INTERVAL_MS: z.coerce.number().int().positive().default(30_000),
  /** A socket with more than this many bytes waiting to be sent to it (beyond its largest message so far) is dropped. */
  MAX_SEND_BUFFER_BYTES: z.coerce.number().int().positive().default(8 * 1024 * 1024),
  /** Hostile-input limits of the collaboration endpoint (server/collab/limits.ts). */
  MAX_USER_MESSAGES_PER_SECOND: z.coerce.number().int().positive().default(400),
  MAX_AWARENESS_PER_SECOND: z.coerce.number().int().positive().default(60),
  MAX_UNAUTHENTICATED_UPGRADES_PER_MINUTE: z.coerce.number().int().positive().default(120),
  MAX_SOCKETS_PER_IP: z.coerce.number().int().positive().default(2000),
  MAX_DOCUMENTS_PER_USER: z.coerce.number().int().positive().default(20),
  MAX_SOCKETS_PER_USER_DOCUMENT: z.coerce.number().int().positive().default(20),
  /** Largest HTTP request body, imports apart (server/request-limits.ts). */
  MAX_REQUEST_BYTES: z.coerce.number().int().positive().default(1024 * 1024),
  /** A request body (an import above all) that stops arriving for this long has its connection cut. */
  BODY_IDLE_SECONDS: z.coerce.number().int().positive().default(30),
  /** Live event streams (open windows) one person may hold at once, all documents together. */
  MAX_EVENT_STREAMS_PER_USER: z.coerce.number().int().positive().default(40),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  publicUrl: string | undefined;
  allowedOrigins: string[];
  trustedProxies: string[];
  secret: string | undefined;
  maxMessageBytes: number;
  maxAwarenessBytes: number;
  snapshotEvery: number;
  idleUnloadMs: number;
  signInPerMinute: number;
  postsPerMinute: number;
  maxMessagesPerSecond: number;
  pingIntervalMs: number;
  maxBufferedBytes: number;
  maxRequestBytes: number;
  bodyIdleMs: number;
  eventStreamsPerUser: number;
  collabLimits: {
    userMessagesPerSecond: number;
    awarenessPerSecond: number;
    unauthenticatedPerMinute: number;
    socketsPerAddress: number;
    documentsPerUser: number;
    socketsPerUserDocument: number;
  };
  dev: boolean;
}

/** "a, b,,c" -> ["a", "b", "c"]; unset -> []. */
function commaList(value: string | undefined): string[] {
  return (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);
}

/** Reads the process environment once, with defaults; throws a readable error on bad values. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    publicUrl: e.PUBLIC_URL,
    allowedOrigins: commaList(e.ALLOWED_ORIGINS),
    trustedProxies: commaList(e.TRUSTED_PROXIES),
    secret: e.BETTER_AUTH_SECRET,
    maxMessageBytes: e.MAX_MESSAGE_BYTES,
    maxAwarenessBytes: e.MAX_AWARENESS_BYTES,
    snapshotEvery: e.SNAPSHOT_EVERY,
    idleUnloadMs: e.IDLE_UNLOAD_MS,
    signInPerMinute: e.SIGN_IN_PER_MINUTE,
    postsPerMinute: e.POSTS_PER_MINUTE,
    maxMessagesPerSecond: e.MAX_MESSAGES_PER_SECOND,
    pingIntervalMs: e.PING_INTERVAL_MS,
    maxBufferedBytes: e.MAX_SEND_BUFFER_BYTES,
    maxRequestBytes: e.MAX_REQUEST_BYTES,
    bodyIdleMs: e.BODY_IDLE_SECONDS * 1000,
    eventStreamsPerUser: e.MAX_EVENT_STREAMS_PER_USER,
    collabLimits: {
      userMessagesPerSecond: e.MAX_USER_MESSAGES_PER_SECOND,
      awarenessPerSecond: e.MAX_AWARENESS_PER_SECOND,
      unauthenticatedPerMinute: e.MAX_UNAUTHENTICATED_UPGRADES_PER_MINUTE,
      socketsPerAddress: e.MAX_SOCKETS_PER_IP,
      documentsPerUser: e.MAX_DOCUMENTS_PER_USER,
      socketsPerUserDocument: e.MAX_SOCKETS_PER_USER_DOCUMENT,
    },
    dev: env.NODE_ENV === "development",
  };
}
