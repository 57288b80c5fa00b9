import { utcMoment } from "@/lib/format/when";
import { ExportMenu } from "@/components/versions/export-menu";
import Link from "next/link";
import { notFound } from "next/navigation";
import { isPlenaryError } from "@/lib/errors";
import { parseId } from "@/lib/ids";
import { getRuntime } from "@/server/runtime";
import { Forbidden } from "@/components/forbidden";
import { ParagraphText, hasPendingChanges } from "@/components/versions/paragraph-text";
import { documentPageTitle } from "../../../../_lib/page-title";
import { requireUser } from "../../../../_lib/session";

export async function generateMetadata({ params }: { params: Promise<{ id: string; vid: string }> }) {
  const { id, vid } = await params;
  return documentPageTitle(id, "Version", ({ documentId, userId }) => getRuntime().versions.get(documentId, userId, vid).label);
}

export default async function VersionPage({ params }: { params: Promise<{ id: string; vid: string }> }) {
  const { id: rawId, vid } = await params;
  const id = parseId(rawId);
  if (!id) notFound();
  const user = await requireUser(`/documents/${id}/versions/${vid}`);
  try {
    const v = getRuntime().versions.get(id, user.userId, vid);
    // The version saved before this one: what its redline is against.
    const all = getRuntime().versions.list(id, user.userId);
    const before = all[all.findIndex((x) => x.id === v.id) + 1];
    return (
      <div className="page">
        {/* A div: the export menu is a <details>, which a <p> cannot hold. */}
        <div className="row-actions page-links">
          <Link href={`/documents/${id}/versions`}>← All versions</Link> ·{" "}
          <Link href={`/documents/${id}/compare?from=${v.id}&to=live`}>Compare with the live text</Link> ·{" "}
          <ExportMenu documentId={id} version={v.id} base={before ? { id: before.id, label: before.label } : undefined} />
        </div>
        <h1>{v.label}</h1>
        <p className="muted">
          {v.symbol ? `${v.symbol} · ` : ""}Saved by {v.createdBy} on {utcMoment(v.createdAt)} · read only
        </p>
        {v.note ? <p>{v.note}</p> : null}
        {hasPendingChanges(v.paragraphs) ? (
          <p className="warning" data-testid="pending-note">
            This version holds tracked changes awaiting a decision: proposed insertions are underlined, proposed deletions struck
            through. They are not agreed text; the clean exports leave the insertions out and keep the deleted words.
          </p>
        ) : null}
        {/* The text's title block is an h2 and its headings h3: a heading of its own keeps the
            outline from jumping from this page's h1 to the text's first h3. */}
        <section aria-labelledby="version-text-h">
          <h2 id="version-text-h" className="sr-only">
            Text
          </h2>
          <article className="version-text document-text" aria-label={`Text of ${v.label}`}>
            {v.paragraphs.map((p) => (
              <ParagraphText key={p.id} paragraph={p} />
            ))}
          </article>
        </section>
      </div>
    );
  } catch (err) {
    if (isPlenaryError(err) && err.code === "forbidden") return <Forbidden />;
    if (isPlenaryError(err) && err.code === "not_found") notFound();
    throw err;
  }
}
