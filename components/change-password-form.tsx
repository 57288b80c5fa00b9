"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { changeRefusal, checkPasswordChange, type PasswordErrors, type PasswordField, type PasswordLimits } from "@/lib/password-change";
import { authClient } from "./auth-client";
import { FocusedStatus } from "./focused-status";

const ORDER: PasswordField[] = ["current", "next", "confirm", "form"];

/**
 * Current password, new password twice, and whether to sign out the person's other
 * sessions (on by default: a generated password was handed out on paper). Checked here
 * first with the server's own limits, then changed through better-auth's change-password.
 */
export function ChangePasswordForm({ email, limits }: { email: string; limits: PasswordLimits }) {
  const [errors, setErrors] = useState<PasswordErrors>({});
  const [done, setDone] = useState<{ text: string; at: number } | null>(null);
  const [pending, setPending] = useState(false);
  /** Bumped at each refusal, so the focus goes to its first message even when the text is unchanged. */
  const [refusals, setRefusals] = useState(0);
  const messages = useRef<Partial<Record<PasswordField, HTMLParagraphElement | null>>>({});

  useEffect(() => {
    if (refusals === 0) return;
    const first = ORDER.map((f) => messages.current[f]).find((el) => el);
    first?.focus();
    first?.scrollIntoView({ block: "nearest" });
  }, [refusals]);

  function refuse(found: PasswordErrors) {
    setErrors(found);
    setDone(null);
    setRefusals((n) => n + 1);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const current = String(data.get("currentPassword") ?? "");
    const next = String(data.get("newPassword") ?? "");
    const confirm = String(data.get("confirmPassword") ?? "");
    const revokeOtherSessions = data.get("revokeOtherSessions") === "on";
    const found = checkPasswordChange({ current, next, confirm }, limits);
    if (Object.keys(found).length > 0) return refuse(found);

    setPending(true);
    let retryAfter = 0;
    const result = await authClient
      .changePassword({
        currentPassword: current,
        newPassword: next,
        revokeOtherSessions,
        fetchOptions: {
          onError: ({ response }) => {
            // Plenary's limit on wrong passwords says Retry-After; better-auth's flood guard X-Retry-After.
            retryAfter = Number(response.headers.get("Retry-After") ?? response.headers.get("X-Retry-After")) || 0;
          },
        },
      })
      .catch(() => null);
    setPending(false);
    if (!result || result.error) {
      const error = result?.error;
      return refuse(changeRefusal({ code: error?.code, status: error?.status ?? 0, message: error?.message, retryAfter }, limits));
    }
    form.reset();
    setErrors({});
    setDone({
      at: Date.now(),
      text: revokeOtherSessions
        ? "Your password is changed. Your other sessions are signed out: sign in there with the new password."
        : "Your password is changed. Your other sessions stay signed in.",
    });
  }

  const fieldRef = (field: PasswordField) => (el: HTMLParagraphElement | null) => {
    messages.current[field] = el;
  };

  return (
    <form className="form account-form" onSubmit={handleSubmit} noValidate aria-describedby={errors.form ? "password-form-error" : undefined}>
      {/* For password managers: the account whose password this is. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <PasswordInput label="Current password" name="currentPassword" autoComplete="current-password" field="current" error={errors.current} messageRef={fieldRef("current")} />
      <PasswordInput
        label="New password"
        name="newPassword"
        autoComplete="new-password"
        field="next"
        error={errors.next}
        hint={`At least ${limits.min} characters. A few words are easier to type than a string of signs.`}
        messageRef={fieldRef("next")}
      />
      <PasswordInput label="New password again" name="confirmPassword" autoComplete="new-password" field="confirm" error={errors.confirm} messageRef={fieldRef("confirm")} />
      <div className="account-check">
        <label className="check">
          <input type="checkbox" name="revokeOtherSessions" defaultChecked aria-describedby="password-revoke-hint" /> Sign out my other sessions
        </label>
        <p id="password-revoke-hint" className="field-hint muted small">
          Every other browser or device signed in as you is signed out, and the documents open there stop updating; documents open in other tabs
          of this browser ask for a reload. Keep it ticked if anyone else saw your old password.
        </p>
      </div>
      {errors.form ? (
        <p id="password-form-error" className="error" role="alert" tabIndex={-1} ref={fieldRef("form")}>
          {errors.form}
        </p>
      ) : null}
      {done ? <FocusedStatus focusOn={done}>{done.text}</FocusedStatus> : null}
      <button className="button primary" type="submit" disabled={pending}>
        {pending ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}

function PasswordInput(props: {
  label: string;
  name: string;
  autoComplete: string;
  field: PasswordField;
  error: string | undefined;
  hint?: string;
  messageRef: (el: HTMLParagraphElement | null) => void;
}) {
  const errorId = `password-${props.field}-error`;
  const hintId = `password-${props.field}-hint`;
  const describedBy = [props.error ? errorId : null, props.hint ? hintId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="account-field">
      <label>
        {props.label}
        <input type="password" name={props.name} autoComplete={props.autoComplete} aria-invalid={props.error ? true : undefined} aria-describedby={describedBy} />
      </label>
      {props.hint ? (
        <p id={hintId} className="field-hint muted small">
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p id={errorId} className="error" role="alert" tabIndex={-1} ref={props.messageRef}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}
