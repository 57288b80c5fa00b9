import { z } from "zod";
import { DocumentSymbol } from "@/lib/negotiation/schemas";
import { lineField } from "@/lib/validation/text";
import { MAX_TITLE_LENGTH } from "@/server/import-limits";
import { body, json, withUser } from "../_lib/route";

export const dynamic = "force-dynamic";

/** The documents I may open: id, title, symbol, my role. */
export function GET(req: Request): Promise<Response> {
  return withUser(req, ({ services, user }) => json({ documents: services.listDocuments(user.userId) }));
}

const NewDocument = z.object({
  title: lineField(MAX_TITLE_LENGTH, { min: 1 }),
  // Checked as the chair's edit of the details checks it: a symbol accepted here can be kept there.
  symbol: DocumentSymbol.optional().transform((s) => s ?? undefined),
});

/** New blank document (chairs); the caller chairs it. */
export function POST(req: Request): Promise<Response> {
  return withUser(req, async ({ services, user }) => {
    const input = await body(req, NewDocument);
    return json(services.createBlankDocument(user.userId, input), 201);
  });
}
