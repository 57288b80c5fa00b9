import Link from "next/link";
import { notFound } from "next/navigation";
import { isPlenaryError } from "@/lib/errors";
import { parseId } from "@/lib/ids";
import { getRuntime } from "@/server/runtime";
import { Forbidden } from "@/components/forbidden";
import { VersionActions } from "@/components/versions/version-actions";
import { nextRevision } from "@/lib/negotiation/revisions";
import { ComparePicker } from "@/components/versions/compare-picker";
import { WatchedTerms } from "@/components/versions/watched-terms";
import { ExportMenu } from "@/components/versions/export-menu";
import { utcMoment } from "@/lib/format/when";
import { documentPageTitle } from "../../../_lib/page-title";
import { requireUser } from "../../../_lib/session";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  return documentPageTitle((await params).id, "Versions", () => "Versions");
}

export default async function VersionsPage({ params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  if (!id) notFound();
  const user = await requireUser(`/documents/${id}/versions`);
  const services = getRuntime();
  try {
    const doc = services.documentMeta(id, user.userId);
    const versions = services.versions.list(id, user.userId);
    const isChair = doc.role === "chair";
    const livePending = isChair && services.versions.pendingChanges(id, user.userId, "live").length > 0;
    return (
      <div className="page">
        <p>
          <Link href={`/documents/${id}`}>← Back to the live text</Link>
        </p>
        <h1>Versions</h1>
        <p className="muted">
          {doc.symbol ? `${doc.symbol} · ` : ""}
          {doc.title}
        </p>
        {isChair ? <VersionActions documentId={id} next={nextRevision(versions, doc.symbol)} /> : null}
        <ComparePicker documentId={id} versions={versions.map((v) => ({ id: v.id, label: v.label }))} />
        <WatchedTerms documentId={id} initial={services.compare.watchedTerms(id, user.userId)} editable={isChair} />
        {versions.length === 0 ? (
          <p className="muted">No version saved yet.{isChair ? " Save the live text as the zero draft." : ""}</p>
        ) : (
          <table className="table stack-narrow">
            <caption className="sr-only">Saved versions, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Saved</th>
                <th scope="col">By</th>
                <th scope="col">Note</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v, i) => (
                <tr key={v.id}>
                  <td>
                    <Link href={`/documents/${id}/versions/${v.id}`}>{v.label}</Link>
                    {v.symbol ? <div className="symbol">{v.symbol}</div> : null}
                    {v.sameTextAs ? <div className="muted small">same text as {v.sameTextAs}</div> : null}
                  </td>
                  <td data-label="Saved">{utcMoment(v.createdAt)}</td>
                  <td data-label="By">{v.createdBy}</td>
                  <td data-label="Note">{v.note ?? ""}</td>
                  <td>
                    {/* Flex inside the cell: a flex <td> leaves the table's grid and its borders. */}
                    <div className="row-actions">
                      <Link href={`/documents/${id}/compare?from=${v.id}&to=live`}>Compare with live</Link>
                      <ExportMenu documentId={id} version={v.id} base={versions[i + 1] ? { id: versions[i + 1]!.id, label: versions[i + 1]!.label } : undefined} />
                      {isChair ? <VersionActions documentId={id} restore={{ id: v.id, label: v.label, livePending }} /> : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    );
  } catch (err) {
    if (isPlenaryError(err) && err.code === "forbidden") return <Forbidden />;
    throw err;
  }
}
