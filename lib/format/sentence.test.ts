import { describe, expect, it } from "vitest";
import { sentence } from "./sentence";

describe("sentence", () => {
  it("adds a full stop, but not after one, nor after a quotation that ends with its own", () => {
    expect(sentence("Objection submitted on OP3")).toBe("Objection submitted on OP3.");
    expect(sentence("Objection submitted on 3.")).toBe("Objection submitted on 3.");
    expect(sentence("The chair rejected it: “not now”")).toBe("The chair rejected it: “not now”.");
    expect(sentence("The chair rejected it: “Out of scope.”")).toBe("The chair rejected it: “Out of scope.”");
    expect(sentence("The chair rejected it: “Why?”")).toBe("The chair rejected it: “Why?”");
    expect(sentence("The chair rejected it: “Not now!”")).toBe("The chair rejected it: “Not now!”");
    expect(sentence("The chair rejected it: “Later…”")).toBe("The chair rejected it: “Later…”");
  });
});
