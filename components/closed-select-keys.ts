import type { ChangeEvent, FocusEvent, KeyboardEvent, PointerEvent } from "react";
import { isMac } from "./platform";

/** The keydown fields that decide what a key does on a drop-down. */
export type SelectKey = Pick<KeyboardEvent, "key" | "altKey" | "ctrlKey" | "metaKey">;

/**
 * What a key does on a drop-down (a <select>): opens its list, closes it, is kept from
 * changing the value of the closed list, or is left to the browser.
 */
export type SelectKeyEffect = "open" | "close" | "block" | "pass";

/** Keys that step through the options of a closed list on Windows and Linux, each firing change. */
const STEPS: ReadonlySet<string> = new Set(["ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown"]);

/** Shown as the select's title: how to choose by keyboard now that arrows on the closed list do nothing. */
export const SELECT_KEYS_HINT = "Space or Alt+Down opens the list; arrow keys and Enter choose";

/**
 * On a closed list, arrows, Home/End, PageUp/PageDown and type-ahead letters would pick the
 * next option at once (and fire change); they are blocked. Space, Alt+Down/Up and F4 open
 * the list, where every key works as usual; Enter, Escape and Tab close it. On a Mac the
 * up and down arrows open a closed list themselves (they choose nothing there): left to it.
 */
export function selectKeyEffect(event: SelectKey, expanded: boolean, mac = false): SelectKeyEffect {
  if (event.ctrlKey || event.metaKey) return "pass";
  const { key } = event;
  if (mac && !expanded && !event.altKey && (key === "ArrowDown" || key === "ArrowUp")) return "open";
  if (key === "F4" || (event.altKey && (key === "ArrowDown" || key === "ArrowUp"))) return expanded ? "close" : "open";
  if (event.altKey) return "pass";
  if (key === "Enter" || key === "Escape" || key === "Tab") return "close";
  if (expanded) return "pass";
  if (key === " ") return "open";
  return STEPS.has(key) || [...key].length === 1 ? "block" : "pass";
}

/** Lists whose popup is open as far as the page can tell (some browsers send no key events to it). */
const expandedLists = new WeakSet<object>();
/** Lists last touched by a key rather than a pointer: a change there was chosen by keyboard. */
const keyedLists = new WeakSet<object>();

/**
 * Props for a <select> whose change acts at once (saves, broadcasts, moves focus): a keyboard
 * user opens the list and picks, arrows on the closed list no longer act. The pointer is
 * untouched. onChange is told whether the value was chosen by keyboard.
 */
export function closedSelectProps<T extends HTMLSelectElement>(onChange: (value: string, byKeyboard: boolean, event: ChangeEvent<T>) => void) {
  return {
    title: SELECT_KEYS_HINT,
    onKeyDown(event: KeyboardEvent<T>) {
      const list = event.currentTarget;
      keyedLists.add(list);
      const effect = selectKeyEffect(event, expandedLists.has(list), isMac());
      if (effect === "open") expandedLists.add(list);
      else if (effect === "close") expandedLists.delete(list);
      else if (effect === "block") event.preventDefault();
    },
    onPointerDown(event: PointerEvent<T>) {
      keyedLists.delete(event.currentTarget);
      expandedLists.add(event.currentTarget);
    },
    onBlur(event: FocusEvent<T>) {
      expandedLists.delete(event.currentTarget);
    },
    onChange(event: ChangeEvent<T>) {
      const list = event.currentTarget;
      expandedLists.delete(list);
      onChange(list.value, keyedLists.has(list), event);
    },
  };
}
