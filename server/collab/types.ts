import type { WebSocket } from "ws";
import type { Role } from "../../lib/roles";

/** What the server knows about the person behind a socket: never taken from the client. */
export interface Identity {
  userId: string;
  sessionId: string;
  name: string;
  role: Role;
  delegationId: string | null;
  delegationCode: string | null;
  delegationName: string | null;
  color: string;
}

export interface Conn {
  ws: WebSocket;
  documentId: string;
  identity: Identity;
  /** Observers: sync step 2 and update messages are dropped, whatever the client sends. */
  readOnly: boolean;
  /** Awareness client ids this connection has claimed; nobody else may write them. */
  awarenessIds: Set<number>;
  /** Token bucket for messages per second. */
  tokens: number;
  refilledAt: number;
  /**
   * Updates dropped for missing dependencies and answered with a sync step 1. A client
   * reconnecting needs a few; some cost the server a rebuild of the doc, so past
   * MAX_RESYNCS_PER_CONNECTION the connection is closed (4400).
   */
  resyncs: number;
  /** Passed with every send (one function per connection, not one per message): a failed write ends the socket. */
  onSendError: (err?: Error) => void;
  /** Heard from (a pong or any message) since the last ping; a socket silent for a whole interval is dropped. */
  alive: boolean;
  /**
   * Past this many bytes waiting to be sent to it, plus its largest message so far, the socket
   * is dropped (a reader that stopped reading). The largest message counts because one
   * message, such as a big document's first sync, may alone be larger than the limit: a
   * client still reading it must not be dropped by the next keystroke.
   */
  maxBufferedBytes: number;
  /** The largest message sent to it so far (see maxBufferedBytes). */
  largestSent: number;
}

export type EditingMode = "chairs_pen" | "open_drafting";
