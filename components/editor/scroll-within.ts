/**
 * Scrolls `box` alone (never the page or another ancestor, as `scrollIntoView` does) so that
 * `item`, inside it, is in view; nothing when the box does not scroll itself.
 */
export function scrollWithin(box: HTMLElement, item: HTMLElement): void {
  if (box.scrollHeight <= box.clientHeight) return;
  const top = item.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
  const bottom = top + item.offsetHeight;
  if (top < box.scrollTop) box.scrollTop = top;
  else if (bottom > box.scrollTop + box.clientHeight) box.scrollTop = bottom - box.clientHeight;
}
