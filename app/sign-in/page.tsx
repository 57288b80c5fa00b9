import { redirect } from "next/navigation";
import { SignInForm } from "@/components/sign-in-form";
import { currentUser } from "../_lib/session";

export const metadata = { title: "Sign in" };

function safeNext(value: string | string[] | undefined): string {
  const next = typeof value === "string" ? value : "/";
  // Only same-site paths: never redirect to another origin after sign-in.
  return next.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeNext((await searchParams).next);
  if (await currentUser()) redirect(next);
  return (
    <div className="page narrow sign-in">
      <h1>Sign in to Plenary</h1>
      <SignInForm next={next} />
    </div>
  );
}
