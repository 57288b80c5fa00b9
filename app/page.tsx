import Link from "next/link";
import { getRuntime } from "@/server/runtime";
import { requireUser } from "./_lib/session";
import { utcMoment } from "@/lib/format/when";

export const metadata = { title: "Documents" };

const ROLE_LABEL = { chair: "Chair", delegate: "Delegate", observer: "Observer" } as const;
const MODE_LABEL = { chairs_pen: "Chair's pen", open_drafting: "Open drafting" } as const;

export default async function DocumentsPage() {
  const user = await requireUser();
  const documents = getRuntime().listDocuments(user.userId);
  const isChair = documents.some((d) => d.role === "chair");
  return (
    <div className="page narrow">
      <div className="page-head">
        <h1>Documents</h1>
        {isChair ? (
          <div className="row-actions">
            <Link className="button" href="/documents/new#import-h">
              Import a draft
            </Link>
            <Link className="button primary" href="/documents/new">
              New document
            </Link>
          </div>
        ) : null}
      </div>
      {documents.length === 0 ? (
        <p className="muted">You hold no role on any document yet. Ask the chair to add you.</p>
      ) : (
        <ul className="doc-list" aria-label="Documents you may open">
          {documents.map((d) => (
            <li key={d.id}>
              <Link href={`/documents/${d.id}`} className="doc-link">
                <span className="doc-main">
                  <span className="doc-title" title={d.title}>
                    {d.title}
                  </span>
                  {/* What a chair chooses by at a glance: where the text stands and what waits. */}
                  <span className="doc-facts">
                    {MODE_LABEL[d.mode]}
                    {d.latestVersion ? ` · latest version ${d.latestVersion}` : " · no version saved"}
                    {` · ${d.openPositions === 0 ? "no open positions" : `${d.openPositions} open ${d.openPositions === 1 ? "position" : "positions"}`}`}
                    {d.editedAt ? ` · last edited ${utcMoment(d.editedAt)}` : null}
                  </span>
                </span>
                <span className="doc-meta">
                  {d.symbol ? <span className="symbol">{d.symbol}</span> : null}
                  <span className={`role role-${d.role}`}>{ROLE_LABEL[d.role]}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
