"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";

/** What went wrong, and where the focus goes for the next try (the button is disabled while a try is out). */
type Failure = { text: string; focus: "password" | "button" };

/** Email + password sign-in through better-auth's route, then a full navigation. */
export function SignInForm({ next }: { next: string }) {
  const [error, setError] = useState<Failure | null>(null);
  const [pending, setPending] = useState(false);
  const password = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  // After the render that enables the button again: a wrong password is typed again (selected,
  // the message tied to the field); otherwise the same details are tried again from the button.
  useEffect(() => {
    if (!error) return;
    if (error.focus === "password") {
      password.current?.focus();
      password.current?.select();
    } else button.current?.focus();
  }, [error]);

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
    if (res?.status === 429) setError({ text: "Too many attempts. Wait a minute and try again.", focus: "button" });
    else if (res) setError({ text: "Wrong email or password.", focus: "password" });
    else setError({ text: "The server cannot be reached. Check your connection.", focus: "button" });
  }

  const wrong = error?.focus === "password";
  return (
    <form className="form" onSubmit={handleSubmit}>
      <label>
        Email
        <input name="email" type="email" autoComplete="username" required autoFocus aria-invalid={wrong || undefined} aria-describedby={wrong ? "sign-in-error" : undefined} />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required ref={password} aria-invalid={wrong || undefined} aria-describedby={wrong ? "sign-in-error" : undefined} />
      </label>
      {error ? (
        <p id="sign-in-error" className="error" role="alert">
          {error.text}
        </p>
      ) : null}
      <button className="button primary" type="submit" disabled={pending} ref={button} aria-describedby={error && !wrong ? "sign-in-error" : undefined}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
