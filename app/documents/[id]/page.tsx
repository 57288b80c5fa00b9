import { notFound } from "next/navigation";
import { isPlenaryError } from "@/lib/errors";
import { parseId } from "@/lib/ids";
import { getRuntime } from "@/server/runtime";
import type { DocumentView } from "@/server/services";
import { DocumentWorkspace } from "@/components/editor/document-workspace";
import { Forbidden } from "@/components/forbidden";
import { requireUser } from "../../_lib/session";

export default async function DocumentPage({ params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  if (!id) notFound();
  const user = await requireUser(`/documents/${id}`);
  let view: DocumentView;
  try {
    view = getRuntime().documentView(id, user.userId);
  } catch (err) {
    if (isPlenaryError(err) && err.code === "forbidden") return <Forbidden />;
    if (isPlenaryError(err) && err.code === "not_found") notFound();
    throw err;
  }
  const { paragraphs: _initial, ...meta } = view;
  return <DocumentWorkspace document={meta} user={{ name: user.name }} />;
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  return { title: id ? "Document" : "Not found" };
}
