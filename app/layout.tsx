import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/sign-out-button";
import { currentUser } from "./_lib/session";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Plenary", template: "%s · Plenary" },
  description: "Co-draft negotiated texts: delegations, amendments, the chair's review.",
};

export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="topbar">
          <Link href="/" className="brand" aria-label="Plenary: home">
            Plenary
          </Link>
          {user ? (
            <nav className="topbar-user" aria-label="Account">
              <Link href="/account" className="topbar-name" title={user.name}>
                {user.name}
              </Link>
              <SignOutButton />
            </nav>
          ) : null}
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
