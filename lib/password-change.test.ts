import { describe, expect, it } from "vitest";
import { changeRefusal, checkPasswordChange } from "./password-change";

const limits = { min: 8, max: 128 };

describe("checkPasswordChange", () => {
  it("passes a change of a generated password to a long enough new one, typed twice", () => {
    expect(checkPasswordChange({ current: "abcd-efgh-jkmn-pqrs", next: "a new passphrase", confirm: "a new passphrase" }, limits)).toEqual({});
  });

  it("names each empty field", () => {
    expect(checkPasswordChange({ current: "", next: "", confirm: "" }, limits)).toEqual({
      current: "Type your current password.",
      next: "Type a new password.",
      confirm: "Type the new password again.",
    });
  });

  it("refuses a new password one character under the server's minimum, and accepts one at it", () => {
    expect(checkPasswordChange({ current: "old-password", next: "1234567", confirm: "1234567" }, limits)).toEqual({ next: "The new password needs at least 8 characters." });
    // A current password longer than any password can be is wrong, said on its own field (the server would name the new one's length).
    expect(checkPasswordChange({ current: "x".repeat(limits.max + 1), next: "a new passphrase", confirm: "a new passphrase" }, limits)).toEqual({ current: "The current password is wrong." });
    expect(checkPasswordChange({ current: "old-password", next: "12345678", confirm: "12345678" }, limits)).toEqual({});
    expect(checkPasswordChange({ current: "old-password", next: "123456789", confirm: "123456789" }, { min: 10, max: 128 }).next).toBe("The new password needs at least 10 characters.");
  });

  it("refuses a new password over the maximum", () => {
    const long = "x".repeat(129);
    expect(checkPasswordChange({ current: "old-password", next: long, confirm: long }, limits)).toEqual({ next: "The new password can have at most 128 characters." });
  });

  it("refuses a new password equal to the current one", () => {
    expect(checkPasswordChange({ current: "same-password", next: "same-password", confirm: "same-password" }, limits).next).toMatch(/same as the current one/);
  });

  it("refuses a confirmation that differs, but only says so once the new password itself is acceptable", () => {
    expect(checkPasswordChange({ current: "old-password", next: "new-password", confirm: "new-passw0rd" }, limits)).toEqual({ confirm: "The two new passwords differ. Type the new password again." });
    expect(checkPasswordChange({ current: "old-password", next: "short", confirm: "other" }, limits)).toEqual({ next: "The new password needs at least 8 characters." });
  });
});

describe("changeRefusal", () => {
  it("puts a wrong current password on its field", () => {
    expect(changeRefusal({ code: "INVALID_PASSWORD", status: 400, message: "Invalid password" }, limits)).toEqual({ current: "The current password is wrong." });
  });

  it("puts the server's length refusals on the new password, with the limit", () => {
    expect(changeRefusal({ code: "PASSWORD_TOO_SHORT", status: 400 }, limits)).toEqual({ next: "The new password needs at least 8 characters." });
    expect(changeRefusal({ code: "PASSWORD_TOO_LONG", status: 400 }, limits)).toEqual({ next: "The new password can have at most 128 characters." });
  });

  it("says what else went wrong on the form as a whole", () => {
    expect(changeRefusal({ status: 0 }, limits).form).toMatch(/cannot be reached/);
    expect(changeRefusal({ code: "UNAUTHORIZED", status: 401 }, limits).form).toMatch(/Sign in again/);
    expect(changeRefusal({ code: "INVALID_ORIGIN", status: 403 }, limits).form).toMatch(/Reload the page/);
    expect(changeRefusal({ status: 429, retryAfter: 7 }, limits).form).toBe("Too many tries. Your password was not changed. Try again in 7 seconds.");
    expect(changeRefusal({ status: 429, retryAfter: 1 }, limits).form).toMatch(/in 1 second\.$/);
    expect(changeRefusal({ status: 429 }, limits).form).toMatch(/Try again in a minute\.$/);
    expect(changeRefusal({ status: 500, message: "internal error" }, limits).form).toBe("Your password was not changed: internal error.");
  });
});
