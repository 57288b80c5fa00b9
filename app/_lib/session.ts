import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getRuntime } from "@/server/runtime";
import type { SessionUser } from "@/server/services";

/** The signed-in user of a page, or a redirect to the sign-in page. */
export async function requireUser(next?: string): Promise<SessionUser> {
  const user = await getRuntime().session(await headers());
  if (!user) redirect(next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in");
  return user;
}

export async function currentUser(): Promise<SessionUser | null> {
  return getRuntime().session(await headers());
}
