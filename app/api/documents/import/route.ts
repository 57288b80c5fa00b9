import { z } from "zod";
import { PlenaryError } from "@/lib/errors";
import { BLOCK_KINDS, type BlockKind } from "@/lib/model/types";
import { MAX_IMPORT_BYTES, MAX_TITLE_LENGTH } from "@/server/import-limits";
import { lineField } from "@/lib/validation/text";
import { json, withUser } from "../../_lib/route";

export const dynamic = "force-dynamic";

const Title = z.object({ title: lineField(MAX_TITLE_LENGTH, { min: 1 }) });

const Kinds = z.array(z.enum(BLOCK_KINDS)).max(100_000);

/** `kinds`: the chair's corrected kind for each detected block, as JSON. */
function parseKinds(raw: string): BlockKind[] {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (err) {
    throw new PlenaryError("bad_request", "kinds must be a JSON array of block kinds", { cause: err });
  }
  const parsed = Kinds.safeParse(value);
  if (!parsed.success) throw new PlenaryError("bad_request", `kinds must be a JSON array of: ${BLOCK_KINDS.join(", ")}`);
  return parsed.data;
}

/**
 * Import a draft (.docx, .md, .txt) as multipart form data: `file`, and `mode` = "preview"
 * (the detected structure and `warnings` for the chair, nothing created) or "create" (with `kinds`, optionally: the
 * chair's corrections to the detected kinds; the block marked Title then names the document
 * unless `title` is given). 4xx with a reason for bad files.
 */
export function POST(req: Request): Promise<Response> {
  return withUser(req, async ({ services, user }) => {
    const length = Number(req.headers.get("content-length") ?? "0");
    if (length > MAX_IMPORT_BYTES + 64 * 1024) throw new PlenaryError("too_large", "the file is over the 10 MiB limit");
    // Refused before the body is read: it may be 10 MiB.
    const release = services.admitImport(user.userId);
    try {
      let form: FormData;
      try {
        form = await req.formData();
      } catch (err) {
        throw new PlenaryError("bad_request", "send the file as multipart/form-data", { cause: err });
      }
      const file = form.get("file");
      if (!(file instanceof File)) throw new PlenaryError("bad_request", "no file was sent");
      const bytes = new Uint8Array(await file.arrayBuffer());
      if (form.get("mode") === "create") {
        const rawTitle = form.get("title");
        const rawKinds = form.get("kinds");
        const kinds = typeof rawKinds === "string" ? parseKinds(rawKinds) : undefined;
        // A title the chair typed is checked as the new-document form checks it.
        const title = typeof rawTitle === "string" && rawTitle.trim() ? Title.parse({ title: rawTitle }).title : undefined;
        return json(await services.createFromImport(user.userId, file.name, bytes, title, kinds), 201);
      }
      return json(await services.previewImport(user.userId, file.name, bytes));
    } finally {
      release();
    }
  });
}
