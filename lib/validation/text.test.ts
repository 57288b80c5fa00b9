import { describe, expect, it } from "vitest";
import { asLine, hasForbiddenCharacters, labelKey, lineField, textField, wellFormed, xmlSafe, xmlSafeDeep } from "./text";

describe("text fields", () => {
  it("refuse what XML cannot carry and malformed Unicode, keep every script, emoji and line breaks", () => {
    for (const bad of ["bad \u0001 text", "\u0008", "a\u001Bb", "end \uFFFE", "\uFFFF", "no \uD800", "\uDC00 x", "NUL\u0000"]) {
      expect(hasForbiddenCharacters(bad), JSON.stringify(bad)).toBe(true);
    }
    for (const good of ["Проект резолюции", "决议草案", "مشروع قرار", "Ελλάδα", "tab\tand\nlines\r\n", "emoji 😀", "ZWNJ in Persian: می‌خواهم"]) {
      expect(hasForbiddenCharacters(good), JSON.stringify(good)).toBe(false);
    }
    const reply = textField(100, { trim: true, min: 1 });
    expect(reply.safeParse("  fine  ")).toEqual({ success: true, data: "fine" });
    expect(reply.safeParse("bad \uFFFE").error?.issues[0]?.message).toBe("contains a control character or malformed Unicode");
    // Said in words a person reads in a form (zod's own: "Too small: expected string to have >=1 characters").
    expect(reply.safeParse(" \u00a0 ").error?.issues[0]?.message).toBe("must not be empty");
    expect(reply.safeParse("x".repeat(101)).error?.issues[0]?.message).toBe("must be at most 100 characters");
    expect(textField(100, { min: 3 }).safeParse("ab").error?.issues[0]?.message).toBe("must be at least 3 characters");
    const label = lineField(20, { min: 1 });
    expect(label.safeParse("Rev.1\u0000").success).toBe(false);
    expect(label.safeParse("Rev.1\nRev.2").error?.issues[0]?.message).toBe("must be one line");
    expect(label.safeParse(" Ред.2 ").data).toBe("Ред.2");
  });

  it("asLine makes text read from a file a line lineField accepts: forbidden characters out, white space one space, cut at a word", () => {
    const line = lineField(40, { min: 1 });
    for (const [raw, expected] of [
      ["Bad\u0001title\uFFFE", "Badtitle"],
      ["  Line one\nLine two\tTabbed  ", "Line one Line two Tabbed"],
      ["Draft \uD800report", "Draft report"],
      ["Draft report on the security of and in the use of ICTs", "Draft report on the security of and in…"],
      ["x".repeat(100), `${"x".repeat(39)}…`],
      [`${"x".repeat(38)}😀😀`, `${"x".repeat(38)}…`],
    ] as const) {
      const out = asLine(raw, 40);
      expect(out, JSON.stringify(raw)).toBe(expected);
      expect(line.safeParse(out).success, JSON.stringify(raw)).toBe(true);
    }
  });

  it("xmlSafe leaves out only the forbidden characters, also deep inside an export's model", () => {
    expect(xmlSafe("A further\uFFFE\u0007 text 😀")).toBe("A further text 😀");
    const model = { title: "T\u0001", paragraphs: [{ runs: [{ text: "x\uFFFEy", marks: ["bold"] }], number: null, index: 3 }] };
    expect(xmlSafeDeep(model)).toEqual({ title: "T", paragraphs: [{ runs: [{ text: "xy", marks: ["bold"] }], number: null, index: 3 }] });
    expect(model.title).toBe("T\u0001");
  });

  it("labelKey makes look-alike labels one label", () => {
    const key = labelKey("Rev.1");
    for (const same of ["REV.1", " rev.1 ", "Rev.1\u200B", "Rev\uFF0E1", "Rev\u200D.1", "Rev.\uFF11"]) expect(labelKey(same), JSON.stringify(same)).toBe(key);
    expect(labelKey("Rev.2")).not.toBe(key);
  });

  it("wellFormed replaces lone surrogates as SQLite stores them, and keeps pairs", () => {
    expect(wellFormed("no \uD800 yes 😀")).toBe("no \uFFFD yes 😀");
  });
});
