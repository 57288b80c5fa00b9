import { z } from "zod";
import { EXPORT_FORMATS } from "@/lib/exporter/formats";
import { attachmentHeader } from "@/lib/exporter/model";
import { documentIdOf, withUser } from "../../../_lib/route";

export const dynamic = "force-dynamic";

const Query = z.object({
  format: z.enum(EXPORT_FORMATS),
  version: z.string().min(1).max(40).default("live"),
  base: z.string().min(1).max(40).optional(),
  /** "1": Word, PDF, Markdown and HTML mark each paragraph's status ("(Agreed ad ref.)"). */
  statuses: z.enum(["0", "1"]).default("0"),
  /** "0": the PDF prints no PP/OP references in its margin (the text to be adopted). */
  references: z.enum(["0", "1"]).default("1"),
});

/** Download a version (or the live text) as DOCX, redline DOCX, compilation of proposals, PDF, Markdown, HTML, JSON or Akoma Ntoso. */
export function GET(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return withUser(req, async ({ services, user }) => {
    const p = new URL(req.url).searchParams;
    const q = Query.parse({ format: p.get("format") ?? undefined, version: p.get("version") ?? undefined, base: p.get("base") ?? undefined, statuses: p.get("statuses") ?? undefined, references: p.get("references") ?? undefined });
    const file = await services.exports.export(await documentIdOf(ctx.params), user.userId, q.format, q.version, q.base, {
      statuses: q.statuses === "1",
      marginReferences: q.references === "1",
    });
    const body = typeof file.body === "string" ? Buffer.from(file.body, "utf8") : Buffer.from(file.body);
    return new Response(body, {
      headers: {
        // Lets the export menu show how much of a large export has arrived.
        "Content-Length": String(body.byteLength),
        "Content-Type": file.contentType,
        "Content-Disposition": attachmentHeader(file.fileName),
        "Cache-Control": "no-store",
      },
    });
  });
}
