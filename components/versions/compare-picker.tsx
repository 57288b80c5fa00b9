/**
 * Pick two versions (or a version and the live text) to compare; `selected`: the pair shown now.
 * The selects stay uncontrolled (a plain GET form that works before hydration), so the form is
 * keyed by the versions it lists and the pair it starts on: after a router.refresh() (a version
 * saved) React remounts it on the new defaults instead of keeping the old pair.
 */
export function ComparePicker({
  documentId,
  versions,
  selected,
}: {
  documentId: string;
  versions: { id: string; label: string }[];
  selected?: { from: string; to: string };
}) {
  if (versions.length === 0) return null;
  const key = [selected?.from ?? "", selected?.to ?? "", ...versions.map((v) => v.id)].join(" ");
  return (
    <form key={key} className="form inline card" action={`/documents/${documentId}/compare`} method="get" aria-label="Compare versions">
      <label>
        From
        <select name="from" defaultValue={selected?.from ?? versions[1]?.id ?? versions[0]?.id}>
          {versions.map((v) => (
            <option key={v.id} value={v.id}>
              {v.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        To
        <select name="to" defaultValue={selected?.to ?? (versions[1] ? versions[0]?.id : "live")}>
          <option value="live">Live text</option>
          {versions.map((v) => (
            <option key={v.id} value={v.id}>
              {v.label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button primary">
        Compare
      </button>
    </form>
  );
}
