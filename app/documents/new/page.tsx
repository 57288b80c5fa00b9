import { NewDocumentForm } from "@/components/new-document-form";
import { ImportDraftForm } from "@/components/import-draft-form";
import { requireUser } from "../../_lib/session";

export const metadata = { title: "New document" };

export default async function NewDocumentPage() {
  await requireUser("/documents/new");
  return (
    <div className="page narrow">
      <h1>New document</h1>
      <NewDocumentForm />
      <ImportDraftForm />
    </div>
  );
}
