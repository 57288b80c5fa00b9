import { useEffect, useRef } from "react";

/** What an action did: said politely when it worked, as an alert when it did not. */
export interface Result {
  kind: "ok" | "error";
  text: string;
}

/**
 * The result of a form's action, shown under that form (not at the top of the page, out of
 * sight) and brought into view: the focus stays on the form's button, which may sit at the
 * bottom of the screen. The status region is always there, so a screen reader hears the text
 * put in it.
 */
export function ActionResult({ result }: { result: Result | null }) {
  const shown = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    shown.current?.scrollIntoView({ block: "nearest" });
  }, [result]);
  return (
    <>
      <div role="status" className="action-result">
        {result?.kind === "ok" ? (
          <p className="notice" ref={shown}>
            {result.text}
          </p>
        ) : null}
      </div>
      {result?.kind === "error" ? (
        <p className="error action-result" role="alert" ref={shown}>
          {result.text}
        </p>
      ) : null}
    </>
  );
}
