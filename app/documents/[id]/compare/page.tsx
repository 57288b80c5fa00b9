import Link from "next/link";
import { notFound } from "next/navigation";
import { isPlenaryError } from "@/lib/errors";
import { parseId } from "@/lib/ids";
import { getRuntime } from "@/server/runtime";
import { Forbidden } from "@/components/forbidden";
import { ComparePicker } from "@/components/versions/compare-picker";
import { CompareView } from "@/components/versions/compare-view";
import { documentPageTitle } from "../../../_lib/page-title";
import { requireUser } from "../../../_lib/session";

type SearchParams = Record<string, string | string[] | undefined>;

/** The pair the page compares, as its address gives it ("to" defaults to the live text). */
function pairOf(q: SearchParams): { from: string; to: string } {
  return { from: typeof q.from === "string" ? q.from : "", to: typeof q.to === "string" ? q.to : "live" };
}

export async function generateMetadata({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const { from, to } = pairOf(await searchParams);
  return documentPageTitle((await params).id, "Compare", ({ documentId, userId }) => {
    const labels = new Map(getRuntime().versions.list(documentId, userId).map((v) => [v.id, v.label]));
    labels.set("live", "Live text");
    const [a, b] = [labels.get(from), labels.get(to)];
    return a && b ? `Compare ${a} → ${b}` : "Compare";
  });
}

export default async function ComparePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const id = parseId((await params).id);
  if (!id) notFound();
  const { from, to } = pairOf(await searchParams);
  const user = await requireUser(`/documents/${id}/compare?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
  try {
    const services = getRuntime();
    const doc = services.documentMeta(id, user.userId);
    const result = await services.compare.compare(id, user.userId, from, to);
    return (
      <div className="page wide">
        <p>
          <Link href={`/documents/${id}/versions`}>← Versions</Link> · <Link href={`/documents/${id}`}>Live text</Link>
        </p>
        <h1>
          Compare {result.from.label} → {result.to.label}
        </h1>
        <p className="muted">
          {doc.symbol ? `${doc.symbol} · ` : ""}
          {doc.title}
        </p>
        <p>
          {result.from.id !== "live" ? (
            <a className="button" href={`/api/documents/${id}/export?format=docx-redline&version=${encodeURIComponent(result.to.id)}&base=${encodeURIComponent(result.from.id)}`} download>
              Download redline (.docx, tracked changes)
            </a>
          ) : null}
        </p>
        <ComparePicker
          documentId={id}
          versions={services.versions.list(id, user.userId).map((v) => ({ id: v.id, label: v.label }))}
          selected={{ from: result.from.id, to: result.to.id }}
        />
        <CompareView result={result} documentId={id} />
      </div>
    );
  } catch (err) {
    if (isPlenaryError(err) && err.code === "forbidden") return <Forbidden />;
    if (isPlenaryError(err) && (err.code === "not_found" || err.code === "bad_request")) {
      return (
        <div className="page narrow">
          <h1>Cannot compare</h1>
          <p>{err.message}</p>
          <Link href={`/documents/${id}/versions`}>Choose two versions</Link>
        </div>
      );
    }
    throw err;
  }
}
