import { describe, expect, it } from "vitest";
import { scrollWithin } from "./scroll-within";

/** A box `height` tall showing `content` of content from `scrollTop`, at the window's top. */
function box(height: number, content: number, scrollTop: number) {
  return { clientHeight: height, scrollHeight: content, scrollTop, getBoundingClientRect: () => ({ top: 0 }) } as unknown as HTMLElement & { scrollTop: number };
}

/** An item `height` tall at `at` in the box's content. */
function item(b: { scrollTop: number }, at: number, height: number) {
  return { offsetHeight: height, getBoundingClientRect: () => ({ top: at - b.scrollTop }) } as unknown as HTMLElement;
}

describe("scrollWithin", () => {
  it("scrolls the box down until an item below it shows whole", () => {
    const b = box(100, 1000, 0);
    scrollWithin(b, item(b, 250, 40));
    expect(b.scrollTop).toBe(190);
  });

  it("scrolls the box up to an item above what it shows", () => {
    const b = box(100, 1000, 500);
    scrollWithin(b, item(b, 120, 40));
    expect(b.scrollTop).toBe(120);
  });

  it("leaves an item already in view, and a box that does not scroll, alone", () => {
    const b = box(100, 1000, 100);
    scrollWithin(b, item(b, 150, 40));
    expect(b.scrollTop).toBe(100);
    const whole = box(1000, 1000, 0);
    scrollWithin(whole, item(whole, 2000, 40));
    expect(whole.scrollTop).toBe(0);
  });
});
