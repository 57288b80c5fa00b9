/**
 * A socket or event stream the server ended because its session ended may belong to a
 * browser that holds a newer session of the same person: a password changed in another tab
 * of this browser with "Sign out my other sessions" (better-auth renews this browser's
 * session then). Such a tab resumes instead of asking for a reload; a browser signed out, or
 * now signed in as someone else, ends, as before.
 */

/** What better-auth's get-session says of this browser's cookie: whose live session it is, or null. */
async function sessionUser(): Promise<string | null | "unknown"> {
  try {
    const res = await fetch("/api/auth/get-session", { credentials: "same-origin", cache: "no-store", signal: AbortSignal.timeout(5_000) });
    if (res.status >= 500) return "unknown";
    if (!res.ok) return null;
    const data = (await res.json().catch(() => null)) as { user?: { id?: unknown } } | null;
    return typeof data?.user?.id === "string" ? data.user.id : null;
  } catch {
    // No answer (the network, a timeout): not an answer that the session ended.
    return "unknown";
  }
}

/**
 * Whether this browser still holds a live session of `userId`. Asked twice, 0.3 s apart, when
 * the first answer is none: the sweep that ended the tab can run in the moment between
 * better-auth renewing the session and the new cookie reaching the browser (a signed-out
 * tab still ends well within 2 s of the sign-out).
 */
export async function sessionStillValid(userId: string, retryMs = 300): Promise<boolean> {
  for (let attempt = 0; attempt < 2; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, retryMs));
    const user = await sessionUser();
    if (user === userId) return true;
    // Someone else's session now (signed out, then in as another person): never theirs to write as.
    if (user !== null && user !== "unknown") return false;
  }
  return false;
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

/**
 * Whether this person may still open the document, as the server answers now: a connection
 * refused at its HTTP upgrade (the session ended or the role was revoked while the tab slept
 * or was offline) reaches the page as a bare close, which the provider would retry for ever.
 */
export async function documentAccess(documentId: string): Promise<"yes" | "signed-out" | "no-role" | "unknown"> {
  try {
    const res = await fetch("/api/documents", { credentials: "same-origin", cache: "no-store", signal: AbortSignal.timeout(5_000) });
    if (res.status === 401) return "signed-out";
    if (!res.ok) return "unknown";
    const data = (await res.json().catch(() => null)) as { documents?: { id: string }[] } | null;
    if (!Array.isArray(data?.documents)) return "unknown";
    return data.documents.some((d) => d.id === documentId) ? "yes" : "no-role";
  } catch {
    return "unknown";
  }
}
