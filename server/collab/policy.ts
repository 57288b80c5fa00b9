import { checkOpenDraftingUpdate } from "../../lib/negotiation/projection";
import type { Policy } from "./room";
import type { Conn, EditingMode } from "./types";

/**
 * What a connection may change in the text. The chair edits freely. In chair's pen a
 * delegate changes nothing (they propose amendments instead); in open drafting a delegate
 * may only add or withdraw their own delegation's tracked suggestions, never the accepted
 * text nor another delegation's suggestions, and none in a paragraph the chair marked agreed. A breach is undone on the server and on every
 * client (the revert is stored and broadcast), and recorded.
 */
export function policyFor(conn: Conn, mode: EditingMode, agreed: ReadonlySet<string> = new Set()): Policy | null {
  const { role, delegationCode } = conn.identity;
  if (role === "chair") return null;
  if (mode === "chairs_pen" || !delegationCode) return { refuse: "the chair holds the pen: propose an amendment instead" };
  return {
    compare: (before, after) => {
      const result = checkOpenDraftingUpdate(before, after, delegationCode, agreed);
      return result.ok ? null : result.reason;
    },
  };
}
