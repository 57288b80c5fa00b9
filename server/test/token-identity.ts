import type { Role } from "../../lib/roles";
import type { CollabOptions } from "../collab";
import type { Identity } from "../collab/types";

/**
 * Who is behind a socket, for test servers without better-auth: a `token` cookie mapped to
 * an identity, and a role per document. Stands in for the session lookup that the e2e tests
 * exercise for real (server/test/collab-harness.ts, server/faults/child-server.ts).
 */
export function tokenIdentities(
  people: ReadonlyMap<string, Omit<Identity, "role">>,
  roleOf: (documentId: string, userId: string) => Role | undefined,
): Pick<CollabOptions, "authenticate" | "identify"> {
  return {
    authenticate: async (req) => {
      const token = /(?:^|;\s*)token=([^;]+)/.exec(req.headers.cookie ?? "")?.[1];
      const who = token ? people.get(token) : undefined;
      return who ? { userId: who.userId, sessionId: who.sessionId } : null;
    },
    identify: (documentId, userId) => {
      const who = [...people.values()].find((p) => p.userId === userId);
      const role = roleOf(documentId, userId);
      return who && role ? { ...who, role } : null;
    },
  };
}
