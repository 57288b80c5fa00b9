import type { Metadata } from "next";
import { isPlenaryError } from "@/lib/errors";
import { parseId } from "@/lib/ids";
import { getRuntime } from "@/server/runtime";
import { currentUser } from "./session";

/** Longer titles are cut at a word: a tab or a history entry shows about this much. */
const MAX_TITLE = 48;

/**
 * What a tab title calls a document: its symbol when it has one (short, and what delegates
 * cite), else its title cut at a word boundary with an ellipsis.
 */
export function shortDocumentName(doc: { title: string; symbol: string | null }): string {
  const symbol = doc.symbol?.trim();
  if (symbol) return symbol;
  const title = doc.title.replace(/\s+/g, " ").trim();
  if (title.length <= MAX_TITLE) return title;
  const cut = title.slice(0, MAX_TITLE);
  const space = cut.lastIndexOf(" ");
  return `${(space > MAX_TITLE / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.\-–—]+$/, "")}…`;
}

export interface TitleContext {
  documentId: string;
  userId: string;
  name: string;
}

/**
 * The page title of a document's page: `describe` names the page within the document (null:
 * the document alone). Someone signed out, or without a role on the document, gets `fallback`,
 * which names no document: a title must not tell what the page itself refuses to show.
 */
export async function documentPageTitle(
  rawId: string,
  fallback: string,
  describe: (ctx: TitleContext) => string | null,
): Promise<Metadata> {
  const documentId = parseId(rawId);
  if (!documentId) return { title: "Not found" };
  const user = await currentUser();
  if (!user) return { title: fallback };
  try {
    const doc = getRuntime().documentMeta(documentId, user.userId);
    const name = shortDocumentName(doc);
    const page = describe({ documentId, userId: user.userId, name });
    return { title: page ? `${page} · ${name}` : name };
  } catch (err) {
    // The page renders the refusal or the 404 itself; the title just stays generic.
    if (isPlenaryError(err) && (err.code === "forbidden" || err.code === "not_found" || err.code === "bad_request")) return { title: fallback };
    throw err;
  }
}
