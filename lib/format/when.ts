/** A moment as the versions pages print it, the same on every page: "2 Dec 2026, 19:34 UTC". */
export function utcMoment(at: number): string {
  return new Date(at).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";
}
