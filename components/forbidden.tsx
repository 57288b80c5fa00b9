import Link from "next/link";

/** Shown for a document the user holds no role on (the API answers 403 too). */
export function Forbidden({ message = "You hold no role on this document." }: { message?: string }) {
  return (
    <div className="page narrow">
      <h1>Access denied</h1>
      <p>{message}</p>
      <p>
        <Link href="/">Back to your documents</Link>
      </p>
    </div>
  );
}
