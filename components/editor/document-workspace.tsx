"use client";

import Link from "next/link";
import type { DocumentView } from "@/server/services";
import { CollabEditor } from "./collab-editor";
import { ConnectionStatus } from "./connection-status";
import { PresenceList } from "./presence-list";
import { useCollab } from "./use-collab";
import { usePresence } from "./use-presence";

type Meta = Omit<DocumentView, "paragraphs">;

const MODE_LABEL = { chairs_pen: "Chair's pen", open_drafting: "Open drafting" } as const;
const ROLE_LABEL = { chair: "Chair", delegate: "Delegate", observer: "Observer (read only)" } as const;

/** The document page: metadata, the live editor, connection state and who is online. */
export function DocumentWorkspace({ document: doc, user }: { document: Meta; user: { name: string } }) {
  const { collab, state, endedReason } = useCollab(doc.id);
  const users = usePresence(collab?.provider ?? null);
  const readOnly = doc.role === "observer";
  const color = doc.role === "delegate" && doc.delegation ? doc.delegation.color : doc.role === "chair" ? "#1d4ed8" : "#6b7280";

  return (
    <div className="workspace">
      <div className="workspace-main">
        <header className="doc-header">
          <p className="doc-symbol">{doc.symbol ?? "No symbol"}</p>
          <h1 className="doc-heading">{doc.title}</h1>
          <dl className="doc-facts">
            {doc.date ? (
              <div>
                <dt>Date</dt>
                <dd>{doc.date}</dd>
              </div>
            ) : null}
            {doc.place ? (
              <div>
                <dt>Place</dt>
                <dd>{doc.place}</dd>
              </div>
            ) : null}
            {doc.originalLanguage ? (
              <div>
                <dt>Original</dt>
                <dd>{doc.originalLanguage}</dd>
              </div>
            ) : null}
            <div>
              <dt>Mode</dt>
              <dd>{MODE_LABEL[doc.editingMode]}</dd>
            </div>
          </dl>
        </header>
        {endedReason ? (
          <p className="error" role="alert">
            {endedReason}
          </p>
        ) : null}
        {collab ? (
          <CollabEditor
            collab={collab}
            user={{ name: user.name, color }}
            readOnly={readOnly}
            label={`Text of ${doc.title}${readOnly ? " (read only)" : ""}`}
          />
        ) : (
          <p className="muted">Loading the text…</p>
        )}
      </div>
      <aside className="workspace-side" aria-label="Session">
        <ConnectionStatus state={state} />
        <section className="panel-section" aria-labelledby="you-h">
          <h2 id="you-h" className="panel-title">
            You
          </h2>
          <p>
            <span className="dot" style={{ background: color }} aria-hidden="true" /> {user.name}
            <br />
            <span className="muted">
              {ROLE_LABEL[doc.role]}
              {doc.delegation ? ` · ${doc.delegation.name}` : ""}
            </span>
          </p>
          {doc.role === "chair" ? (
            <p>
              <Link href={`/documents/${doc.id}/participants`}>Manage participants</Link>
            </p>
          ) : null}
        </section>
        <PresenceList users={users} />
      </aside>
    </div>
  );
}
