"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * What an action did, said where the focus can go: the button that did it may be disabled or
 * gone (a filed position, a decided card, a saved version). Takes the focus when it appears
 * and whenever `focusOn` changes, so keyboard and screen-reader users are not left at the top.
 */
export function FocusedStatus({ focusOn, children }: { focusOn: unknown; children: ReactNode }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    ref.current?.focus();
    // Focused already (the page moved under it since), focus() does not scroll: it is brought into view.
    ref.current?.scrollIntoView({ block: "nearest" });
  }, [focusOn]);
  return (
    <p className="notice" role="status" tabIndex={-1} ref={ref}>
      {children}
    </p>
  );
}
