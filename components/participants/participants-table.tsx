import { FocusedStatus } from "../focused-status";
import { ROLE_LABEL, type Holder } from "./grant-choice";

/** A participant as the table shows them. */
export type Row = Holder & { delegationColor: string | null };

/** What the last Revoke did, said in the table where its row was (success) or under the row (failure). */
export interface RowNote {
  /** The row index the note takes. */
  index: number;
  kind: "ok" | "error";
  text: string;
}

/** The people with a role on the document, each with Change role and (but the chair themself) Revoke. */
export function ParticipantsTable({
  rows,
  selfId,
  note,
  onChangeRole,
  onRevoke,
}: {
  rows: readonly Row[];
  selfId: string;
  note: RowNote | null;
  onChangeRole: (row: Row) => void;
  onRevoke: (row: Row, index: number) => void;
}) {
  const noteRow = note ? (
    <tr key="note" className="row-note">
      <td colSpan={5}>
        {note.kind === "ok" ? (
          <FocusedStatus focusOn={note}>{note.text}</FocusedStatus>
        ) : (
          <p className="error" role="alert">
            {note.text}
          </p>
        )}
      </td>
    </tr>
  ) : null;
  const body = rows.map((p, index) => (
    <tr key={p.userId}>
      <td>
        {p.name}
        {p.userId === selfId ? <span className="muted"> (you)</span> : null}
      </td>
      <td data-label="Email">{p.email}</td>
      <td data-label="Role">{ROLE_LABEL[p.role]}</td>
      <td data-label="Delegation">
        {p.delegationName ? (
          <span className="delegation-chip" style={{ borderColor: p.delegationColor ?? undefined }}>
            {p.delegationName}
          </span>
        ) : (
          "—"
        )}
      </td>
      <td>
        <div className="row-actions">
          <button type="button" className="button subtle" onClick={() => onChangeRole(p)}>
            Change role<span className="sr-only"> of {p.name}</span>
          </button>
          {p.userId === selfId ? null : (
            <button type="button" className="button subtle" onClick={() => onRevoke(p, index)}>
              Revoke<span className="sr-only"> {p.name}&apos;s role</span>
            </button>
          )}
        </div>
      </td>
    </tr>
  ));
  if (noteRow && note) body.splice(Math.min(note.index, body.length), 0, noteRow);
  return (
    <table className="table stack-narrow participants-table">
      <caption className="sr-only">People with a role on this document</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Email</th>
          <th scope="col">Role</th>
          <th scope="col">Delegation</th>
          <th scope="col">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>{body}</tbody>
    </table>
  );
}
