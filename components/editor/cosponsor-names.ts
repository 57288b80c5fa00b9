/** Past this many co-sponsors, a card names the first and counts the rest until asked. */
const COSPONSORS_SHOWN = 2;

/**
 * "with Nicaragua, Burundi and 8 others": a long list took five lines of every card it was on.
 * The viewer's own delegation, when it co-sponsors, is always named.
 */
export function cosponsorNames(names: readonly string[], own: string | null): { shown: string[]; hidden: number } {
  if (names.length <= COSPONSORS_SHOWN + 1) return { shown: [...names], hidden: 0 };
  const first = names.slice(0, COSPONSORS_SHOWN);
  const shown = own && !first.includes(own) ? [...first, own] : first;
  return { shown, hidden: names.length - shown.length };
}
