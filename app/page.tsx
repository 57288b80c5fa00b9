import Link from "next/link";
import { getRuntime } from "@/server/runtime";
import { requireUser } from "./_lib/session";

export const metadata = { title: "Documents" };

const ROLE_LABEL = { chair: "Chair", delegate: "Delegate", observer: "Observer" } as const;

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
                <span className="doc-title">{d.title}</span>
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
