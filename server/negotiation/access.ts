import { PlenaryError } from "../../lib/errors";
import type { Db } from "../db/client";
import { delegationById } from "../db/delegations";
import { membershipOf, type Membership } from "../db/documents";

/** The caller's membership of the document; `forbidden` without a role. */
export function requireMember(db: Db, documentId: string, userId: string): Membership {
  const m = membershipOf(db, documentId, userId);
  if (!m) throw new PlenaryError("forbidden", "no role on this document");
  return m;
}

/** The code of a delegate's delegation (the one its tracked changes carry); undefined for a chair or an observer. */
export function delegateCode(db: Db, m: Membership): string | undefined {
  return m.role === "delegate" && m.delegationId ? delegationById(db, m.delegationId)?.code : undefined;
}

/** The chair's membership; `forbidden` for anyone else. */
export function requireChair(db: Db, documentId: string, userId: string): Membership {
  const m = requireMember(db, documentId, userId);
  if (m.role !== "chair") throw new PlenaryError("forbidden", "only the chair can do this");
  return m;
}
