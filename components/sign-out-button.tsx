"use client";

/** Ends the session on the server (its sockets close within a second), then goes to sign-in. */
export function SignOutButton() {
  async function handleClick() {
    await fetch("/api/auth/sign-out", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" }).catch(() => null);
    window.location.assign("/sign-in");
  }
  return (
    <button type="button" className="button subtle" onClick={handleClick}>
      Sign out
    </button>
  );
}
