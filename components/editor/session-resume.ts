/**
 * A socket or event stream the server ended because its session ended may belong to a
 * browser that holds a newer session: a password changed in another tab of this browser
 * (better-auth renews the session then), or a sign-in again in another tab. Such a tab
 * resumes instead of asking for a reload; a browser signed out ends, as before.
 */

/** Whether this browser's cookie still names a live session (better-auth's get-session). */
export async function sessionStillValid(): Promise<boolean> {
  try {
    const res = await fetch("/api/auth/get-session", { credentials: "same-origin", cache: "no-store" });
    if (!res.ok) return false;
    const data = (await res.json().catch(() => null)) as { session?: unknown } | null;
    return Boolean(data?.session);
  } catch {
    return false;
  }
}

/**
 * At most `max` resumes in `windowMs`: a server that keeps ending a session the browser
 * believes live (a clock or a cache out of step) ends the tab instead of a loop.
 */
export function resumeBudget(max = 3, windowMs = 60_000, now: () => number = Date.now): () => boolean {
  const used: number[] = [];
  return () => {
    const t = now();
    while (used.length && t - used[0]! >= windowMs) used.shift();
    if (used.length >= max) return false;
    used.push(t);
    return true;
  };
}
