/**
 * WebSocket close codes used by the collaboration server (4000-4999 is the application
 * range). Clients show the reason; y-websocket stops reconnecting on 4400-4499 (the editor
 * retries 4429 with backoff), and codes that
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
  /**
   * Sent too many messages: per connection (`MAX_MESSAGES_PER_SECOND`), per user across all
   * their sockets (`MAX_USER_MESSAGES_PER_SECOND`) or presence updates per connection
   * (`MAX_AWARENESS_PER_SECOND`); the reason says which. Limits on opening sockets are
   * answered at the upgrade with HTTP 429 instead (server/collab/limits.ts).
   */
  RateLimited: 4429,
  /** Storage failed; nothing from this connection was applied. */
  StorageFailed: 4500,
} as const;

export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];
