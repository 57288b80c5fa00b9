import { useSyncExternalStore } from "react";

type NavigatorWithUAData = Navigator & { userAgentData?: { platform?: string } };

/**
 * The same test as prosemirror-keymap's (navigator.platform: "MacIntel", "iPad"), so that what
 * we show as ⌘ is what its "Mod-" binds; userAgentData ("macOS") only where platform is empty.
 * iPad and iPhone count: with a keyboard, Option composes characters there as on a Mac.
 */
function detect(): boolean {
  const nav = navigator as NavigatorWithUAData;
  const platform = nav.platform || nav.userAgentData?.platform || "";
  return /mac|iP(hone|[oa]d)/i.test(platform);
}

let mac: boolean | undefined;

/**
 * True in a browser on macOS (or iOS), where Option types characters and ⌘ is the command
 * key. False on the server (Node has a navigator of its own since v21: it is not asked).
 */
export function isMac(): boolean {
  if (typeof window === "undefined" || typeof navigator === "undefined") return false;
  mac ??= detect();
  return mac;
}

const unchanging = () => () => {};

/**
 * isMac() for rendering: false in the server's HTML and while hydrating it (no mismatch),
 * the browser's answer from the next render on.
 */
export function useIsMac(): boolean {
  return useSyncExternalStore(unchanging, isMac, () => false);
}

const TOUCH_ONLY = "(pointer: coarse) and (hover: none)";

function subscribeTouchOnly(onChange: () => void): () => void {
  const query = window.matchMedia(TOUCH_ONLY);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/**
 * True on a device driven by touch alone (a phone, a tablet without its keyboard): there,
 * keyboard shortcuts in labels only take room (a phone's block-kind select read "Heading
 * (Ctrl+Alt+H", cut off). False on the server and while hydrating.
 */
export function useTouchOnly(): boolean {
  return useSyncExternalStore(
    subscribeTouchOnly,
    () => window.matchMedia(TOUCH_ONLY).matches,
    () => false,
  );
}
