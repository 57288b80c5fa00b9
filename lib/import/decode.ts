import { PlenaryError } from "../errors";

/** Byte order marks and the encodings they announce. UTF-8's is dropped by its decoder too. */
const BOMS: { bytes: number[]; encoding: "utf-8" | "utf-16le" | "utf-16be" }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: "utf-8" },
  { bytes: [0xff, 0xfe], encoding: "utf-16le" },
  { bytes: [0xfe, 0xff], encoding: "utf-16be" },
];

/**
 * The text of a .txt or .md draft: UTF-8, or UTF-16 (little or big endian) when the file
 * starts with its byte order mark, as Windows Notepad's "Unicode" and Word's "Unicode text"
 * save it. Refuses, with a reason, bytes that are not valid in the encoding, and NUL
 * characters, which no draft has: UTF-16 without a byte order mark is valid UTF-8 with a NUL
 * after every Latin letter, and would be imported as that.
 */
export function decodeText(bytes: Uint8Array): string {
  const encoding = BOMS.find((b) => b.bytes.every((byte, i) => bytes[i] === byte))?.encoding ?? "utf-8";
  let text: string;
  try {
    // The decoder drops the byte order mark it was given.
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch (err) {
    const reason = encoding === "utf-8" ? "is not UTF-8 (save it as UTF-8)" : `starts as ${encoding.toUpperCase()} but is damaged`;
    throw new PlenaryError("bad_request", `the text file ${reason}`, { cause: err });
  }
  if (text.includes("\0")) throw new PlenaryError("bad_request", "the text file is not UTF-8 (UTF-16 without a byte order mark?): save it as UTF-8");
  return text;
}
