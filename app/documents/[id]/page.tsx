import { notFound } from "next/navigation";
import { isPlenaryError } from "@/lib/errors";
import { parseId } from "@/lib/ids";
import { getRuntime } from "@/server/runtime";
import type { DocumentView } from "@/server/services";
import { DocumentWorkspace } from "@/components/editor/document-workspace";
import { Forbidden } from "@/components/forbidden";
import { documentPageTitle } from "../../_lib/page-title";
import { requireUser } from "../../_lib/session";

export default async function DocumentPage({ params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  if (!id) notFound();
  const user = await requireUser(`/documents/${id}`);
  let view: Omit<DocumentView, "paragraphs">;
  let latest: { id: string; label: string } | null = null;
  try {
    view = getRuntime().documentMeta(id, user.userId);
    // The live text's redline compares against it; list() would read every version's text.
    latest = getRuntime().versions.newest(id, user.userId);
  } catch (err) {
    if (isPlenaryError(err) && err.code === "forbidden") return <Forbidden />;
    if (isPlenaryError(err) && err.code === "not_found") notFound();
    throw err;
  }
  const delegations = getRuntime()
    .delegations()
    .map((d) => ({ id: d.id, code: d.code, name: d.name, color: d.color }));
  return <DocumentWorkspace document={view} user={{ id: user.userId, name: user.name }} delegations={delegations} latestVersion={latest} />;
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  return documentPageTitle((await params).id, "Document", () => null);
}
