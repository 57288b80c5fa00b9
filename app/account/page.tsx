import Link from "next/link";
import { ChangePasswordForm } from "@/components/change-password-form";
import { getRuntime } from "@/server/runtime";
import { requireUser } from "../_lib/session";

export const metadata = { title: "Account" };

const ROLE_LABEL = { chair: "Chair", delegate: "Delegate", observer: "Observer" } as const;

export default async function AccountPage() {
  const user = await requireUser("/account");
  const services = getRuntime();
  // The limits better-auth itself enforces, so the form says the same as the server.
  const { minPasswordLength: min, maxPasswordLength: max } = (await services.auth.$context).password.config;
  const roles = services.listDocuments(user.userId).map((d) => ({
    ...d,
    delegation: d.role === "delegate" ? services.documentMeta(d.id, user.userId).delegation?.name : undefined,
  }));
  return (
    <div className="page narrow account">
      <h1>Account</h1>
      <section className="card" aria-labelledby="account-you-h">
        <h2 id="account-you-h">You</h2>
        <dl className="account-facts">
          <dt>Name</dt>
          <dd>{user.name}</dd>
          <dt>Email</dt>
          <dd>{user.email}</dd>
        </dl>
        <p className="muted small">The secretariat keeps names and emails: ask the chair to correct yours.</p>
      </section>
      <section className="card" aria-labelledby="account-password-h">
        <h2 id="account-password-h">Change password</h2>
        <ChangePasswordForm email={user.email} limits={{ min, max }} />
      </section>
      <section className="card" aria-labelledby="account-roles-h">
        <h2 id="account-roles-h">Your roles</h2>
        {roles.length === 0 ? (
          <p className="muted">You hold no role on any document yet. Ask the chair to add you.</p>
        ) : (
          <ul className="account-roles">
            {roles.map((d) => (
              <li key={d.id}>
                <Link href={`/documents/${d.id}`}>{d.title}</Link>
                <span className={`role role-${d.role}`}>{d.delegation ? `${ROLE_LABEL[d.role]} · ${d.delegation}` : ROLE_LABEL[d.role]}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
