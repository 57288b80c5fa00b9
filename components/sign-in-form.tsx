"use client";

import { useState, type FormEvent } from "react";

/** Email + password sign-in through better-auth's route, then a full navigation. */
export function SignInForm({ next }: { next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const res = await fetch("/api/auth/sign-in/email", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: form.get("email"), password: form.get("password") }),
    }).catch(() => null);
    setPending(false);
    if (res?.ok) {
      window.location.assign(next);
      return;
    }
    if (res?.status === 429) setError("Too many attempts. Wait a minute and try again.");
    else if (res) setError("Wrong email or password.");
    else setError("The server cannot be reached. Check your connection.");
  }

  return (
    <form className="form" onSubmit={handleSubmit} aria-describedby={error ? "sign-in-error" : undefined}>
      <label>
        Email
        <input name="email" type="email" autoComplete="username" required autoFocus />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error ? (
        <p id="sign-in-error" className="error" role="alert">
          {error}
        </p>
      ) : null}
      <button className="button primary" type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
