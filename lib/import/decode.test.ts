import { describe, expect, it } from "vitest";
import { decodeText } from "./decode";

const TEXT = "Проект решения\n\nNoting the report of the Secretary-General,\n\n1. Décide de se réunir à nouveau; 会议";

function utf16(text: string, endian: "le" | "be"): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(endian === "le" ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const [hi, lo] = [unit >> 8, unit & 0xff];
    out.set(endian === "le" ? [lo, hi] : [hi, lo], 2 + i * 2);
  }
  return out;
}

describe("decodeText", () => {
  it("reads UTF-16 with its byte order mark, little and big endian, without the mark", () => {
    expect(decodeText(utf16(TEXT, "le"))).toBe(TEXT);
    expect(decodeText(utf16(TEXT, "be"))).toBe(TEXT);
  });

  it("reads UTF-8, with or without its byte order mark", () => {
    const utf8 = new TextEncoder().encode(TEXT);
    expect(decodeText(utf8)).toBe(TEXT);
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe(TEXT);
  });

  it("refuses Latin-1, damaged UTF-16 and UTF-16 without a byte order mark, with a reason", () => {
    expect(() => decodeText(new Uint8Array([0xe9, 0x74, 0xe9]))).toThrow("not UTF-8");
    // A lone high surrogate.
    expect(() => decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8]))).toThrow("starts as UTF-16LE but is damaged");
    expect(() => decodeText(utf16("Noting", "le").slice(2))).toThrow("UTF-16 without a byte order mark");
  });
});
