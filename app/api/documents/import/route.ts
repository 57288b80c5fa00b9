import { PlenaryError } from "@/lib/errors";
import { MAX_IMPORT_BYTES } from "@/server/import";
import { json, withUser } from "../../_lib/route";

export const dynamic = "force-dynamic";

/**
 * Import a draft (.docx, .md, .txt) as multipart form data: `file`, and `mode` = "preview"
 * (the detected structure, nothing created) or "create". 4xx with a reason for bad files.
 */
export function POST(req: Request): Promise<Response> {
  return withUser(req, async ({ services, user }) => {
    const length = Number(req.headers.get("content-length") ?? "0");
    if (length > MAX_IMPORT_BYTES + 64 * 1024) throw new PlenaryError("too_large", "the file is over the 10 MiB limit");
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
      const title = form.get("title");
      return json(await services.createFromImport(user.userId, file.name, bytes, typeof title === "string" ? title : undefined), 201);
    }
    return json(await services.previewImport(user.userId, file.name, bytes));
  });
}
