import { notFound } from "next/navigation";
import Link from "next/link";
import { isPlenaryError } from "@/lib/errors";
import { parseId } from "@/lib/ids";
import { getRuntime } from "@/server/runtime";
import { ParticipantsManager } from "@/components/participants-manager";
import { Forbidden } from "@/components/forbidden";
import { documentPageTitle } from "../../../_lib/page-title";
import { requireUser } from "../../../_lib/session";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  return documentPageTitle((await params).id, "Participants", () => "Participants");
}

export default async function ParticipantsPage({ params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  if (!id) notFound();
  const user = await requireUser(`/documents/${id}/participants`);
  const services = getRuntime();
  try {
    const data = services.participants(id, user.userId);
    const doc = services.documentView(id, user.userId);
    return (
      <div className="page">
        <p>
          <Link href={`/documents/${id}`}>← Back to the text</Link>
        </p>
        <h1>Participants</h1>
        <p className="muted">{doc.title}</p>
        <ParticipantsManager documentId={id} selfId={user.userId} initial={data} />
      </div>
    );
  } catch (err) {
    if (isPlenaryError(err) && err.code === "forbidden") return <Forbidden message="Only the chair manages participants." />;
    throw err;
  }
}
