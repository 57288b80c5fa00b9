import { describe, expect, it, vi } from "vitest";
import type { ChangeEvent, FocusEvent, KeyboardEvent, PointerEvent } from "react";
import { closedSelectProps, selectKeyEffect } from "./closed-select-keys";

const key = (k: string, mods: { altKey?: boolean; ctrlKey?: boolean; metaKey?: boolean } = {}) => ({ key: k, altKey: false, ctrlKey: false, metaKey: false, ...mods });

describe("keys on a drop-down whose change acts at once", () => {
  it("arrows, Home/End, PageUp/PageDown and type-ahead letters do nothing on the closed list", () => {
    for (const k of ["ArrowDown", "ArrowUp", "Home", "End", "PageUp", "PageDown", "o", "O", "3", "é"]) expect(selectKeyEffect(key(k), false)).toBe("block");
  });

  it("Space, Alt+Down/Up and F4 open the list, where every key is the browser's; Enter, Escape and Tab close it", () => {
    expect(selectKeyEffect(key(" "), false)).toBe("open");
    expect(selectKeyEffect(key("ArrowDown", { altKey: true }), false)).toBe("open");
    expect(selectKeyEffect(key("ArrowUp", { altKey: true }), false)).toBe("open");
    expect(selectKeyEffect(key("F4"), false)).toBe("open");
    for (const k of ["ArrowDown", "End", "o", " "]) expect(selectKeyEffect(key(k), true)).toBe("pass");
    for (const k of ["Enter", "Escape", "Tab"]) expect(selectKeyEffect(key(k), true)).toBe("close");
    expect(selectKeyEffect(key("ArrowUp", { altKey: true }), true)).toBe("close");
  });

  it("on a Mac the up and down arrows open the closed list (as the browser does there) instead of being blocked; the rest as elsewhere", () => {
    expect(selectKeyEffect(key("ArrowDown"), false, true)).toBe("open");
    expect(selectKeyEffect(key("ArrowUp"), false, true)).toBe("open");
    for (const k of ["Home", "End", "PageUp", "PageDown", "o"]) expect(selectKeyEffect(key(k), false, true)).toBe("block");
    expect(selectKeyEffect(key("ArrowDown"), true, true)).toBe("pass");
    expect(selectKeyEffect(key("Enter"), true, true)).toBe("close");
  });

  it("shortcuts and other named keys are left to the page and the browser", () => {
    expect(selectKeyEffect(key("ArrowDown", { ctrlKey: true }), false)).toBe("pass");
    expect(selectKeyEffect(key("k", { metaKey: true }), false)).toBe("pass");
    expect(selectKeyEffect(key("v", { altKey: true }), false)).toBe("pass");
    expect(selectKeyEffect(key("Backspace"), false)).toBe("pass");
  });
});

/** A <select> as its handlers see it, and events on it. */
function list(value: string) {
  const select = { value };
  const keydown = (k: string, mods: { altKey?: boolean } = {}) => {
    const preventDefault = vi.fn();
    return { event: { ...key(k, mods), currentTarget: select, preventDefault } as unknown as KeyboardEvent<HTMLSelectElement>, preventDefault };
  };
  const other = <E>() => ({ currentTarget: select }) as unknown as E;
  return { select, keydown, pointerdown: other<PointerEvent<HTMLSelectElement>>, blur: other<FocusEvent<HTMLSelectElement>>, change: other<ChangeEvent<HTMLSelectElement>> };
}

describe("closedSelectProps", () => {
  it("keeps the closed list's value from arrows, lets the opened list be used, and says the value was chosen by keyboard", () => {
    const onChange = vi.fn();
    const props = closedSelectProps(onChange);
    const l = list("paragraph");
    const arrow = l.keydown("ArrowDown");
    props.onKeyDown(arrow.event);
    expect(arrow.preventDefault).toHaveBeenCalled();

    props.onKeyDown(l.keydown("ArrowDown", { altKey: true }).event);
    const inList = l.keydown("ArrowDown");
    props.onKeyDown(inList.event);
    expect(inList.preventDefault).not.toHaveBeenCalled();
    props.onKeyDown(l.keydown("Enter").event);
    l.select.value = "operative";
    props.onChange(l.change());
    expect(onChange).toHaveBeenCalledWith("operative", true, expect.anything());

    const after = l.keydown("ArrowUp");
    props.onKeyDown(after.event);
    expect(after.preventDefault).toHaveBeenCalled();
  });

  it("a pick with the pointer is not a keyboard choice; leaving the list closes it", () => {
    const onChange = vi.fn();
    const props = closedSelectProps(onChange);
    const l = list("open");
    props.onKeyDown(l.keydown(" ").event);
    props.onBlur(l.blur());
    const arrow = l.keydown("ArrowDown");
    props.onKeyDown(arrow.event);
    expect(arrow.preventDefault).toHaveBeenCalled();
    props.onPointerDown(l.pointerdown());
    l.select.value = "agreed";
    props.onChange(l.change());
    expect(onChange).toHaveBeenCalledWith("agreed", false, expect.anything());
  });
});
