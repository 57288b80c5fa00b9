/**
 * WebSocket close codes used by the collaboration server (4000-4999 is the application
 * range). Clients show the reason; y-websocket reconnects after any close, so codes that
 * must not be retried (forbidden, unauthenticated) are also answered at the next upgrade
 * with an HTTP status.
 */
export const CloseCode = {
  /** Server shutting down; clients reconnect to the next instance. */
  GoingAway: 1001,
  /** Frame above the configured size limit (set by `ws` itself). */
  TooLarge: 1009,
  /** Malformed message or an update Yjs refuses. */
  BadMessage: 4400,
  /** Session ended or signed out. */
  Unauthenticated: 4401,
  /** Role revoked or insufficient. */
  Forbidden: 4403,
  /** Sent too many messages. */
  RateLimited: 4429,
  /** Storage failed; nothing from this connection was applied. */
  StorageFailed: 4500,
} as const;

export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];
