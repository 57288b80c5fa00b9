import Link from "next/link";
import { NewDocumentForm } from "@/components/new-document-form";
import { ImportDraftForm } from "@/components/import-draft-form";
import { getRuntime } from "@/server/runtime";
import { requireUser } from "../../_lib/session";

export const metadata = { title: "New document" };

export default async function NewDocumentPage() {
  const user = await requireUser("/documents/new");
  // Chairs create and import; anyone else is told so before filling a form in.
  if (!getRuntime().chairsAny(user.userId)) {
    return (
      <div className="page narrow">
        <h1>New document</h1>
        <p>Only a chair creates or imports documents. Ask the chair or the secretariat to add the draft and give you a role on it.</p>
        <p>
          <Link href="/">Back to your documents</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page narrow">
      <h1>New document</h1>
      <NewDocumentForm />
      <ImportDraftForm />
    </div>
  );
}
