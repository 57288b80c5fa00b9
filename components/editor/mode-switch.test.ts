import { afterEach, describe, expect, it, vi } from "vitest";
import type { ReactElement } from "react";
import { ModeSwitch } from "./mode-switch";

type Handlers = {
  onKeyDown: (e: unknown) => void;
  onPointerDown: (e: unknown) => void;
  onChange: (e: unknown) => void;
};

/** The <select> ModeSwitch renders (a plain function of its props: no hooks to run). */
function modeSelect(onChange: (mode: string) => void): { props: Handlers; select: { value: string } } {
  const label = ModeSwitch({ mode: "chairs_pen", onChange }) as ReactElement<{ children: unknown[] }>;
  const element = label.props.children.find((c): c is ReactElement<Handlers> => typeof c === "object" && c !== null && (c as ReactElement).type === "select");
  if (!element) throw new Error("no select");
  return { props: element.props, select: { value: "chairs_pen" } };
}

afterEach(() => vi.unstubAllGlobals());

describe("the editing mode, which changes the text for every delegation", () => {
  it("is not switched by an arrow on the closed list", () => {
    const { props, select } = modeSelect(vi.fn());
    const preventDefault = vi.fn();
    props.onKeyDown({ key: "ArrowDown", altKey: false, ctrlKey: false, metaKey: false, currentTarget: select, preventDefault });
    expect(preventDefault).toHaveBeenCalled();
  });

  it("chosen by keyboard, is applied once the chair confirms what will happen", () => {
    const confirm = vi.fn().mockReturnValueOnce(false).mockReturnValueOnce(true);
    vi.stubGlobal("window", { confirm });
    const onChange = vi.fn();
    const { props, select } = modeSelect(onChange);
    props.onKeyDown({ key: " ", altKey: false, ctrlKey: false, metaKey: false, currentTarget: select, preventDefault: vi.fn() });
    select.value = "open_drafting";
    props.onChange({ currentTarget: select });
    expect(confirm).toHaveBeenCalledWith(expect.stringMatching(/^Open the text for drafting\? Every delegation is told/));
    expect(onChange).not.toHaveBeenCalled();
    props.onChange({ currentTarget: select });
    expect(onChange).toHaveBeenCalledWith("open_drafting");
  });

  it("picked with the mouse, is applied at once, as before", () => {
    const confirm = vi.fn();
    vi.stubGlobal("window", { confirm });
    const onChange = vi.fn();
    const { props, select } = modeSelect(onChange);
    props.onPointerDown({ currentTarget: select });
    select.value = "open_drafting";
    props.onChange({ currentTarget: select });
    expect(confirm).not.toHaveBeenCalled();
    expect(onChange).toHaveBeenCalledWith("open_drafting");
  });
});
