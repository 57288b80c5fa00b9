/** The fields of the change-password form, and `form` for what belongs to none of them. */
export type PasswordField = "current" | "next" | "confirm" | "form";

export type PasswordErrors = Partial<Record<PasswordField, string>>;

/** The lengths better-auth enforces (its `minPasswordLength`, `maxPasswordLength`), read from the server's configuration. */
export interface PasswordLimits {
  min: number;
  max: number;
}

/**
 * What is wrong with a change of password before it is sent, one message per field; empty
 * when it may be sent. Lengths count UTF-16 units, as better-auth's own check does, so the
 * form never passes a password the server refuses as too short.
 */
export function checkPasswordChange(input: { current: string; next: string; confirm: string }, limits: PasswordLimits): PasswordErrors {
  const errors: PasswordErrors = {};
  if (input.current === "") errors.current = "Type your current password.";
  // No password is longer than the maximum (better-auth would answer PASSWORD_TOO_LONG, about the new one's field).
  else if (input.current.length > limits.max) errors.current = "The current password is wrong.";
  if (input.next === "") errors.next = "Type a new password.";
  else if (input.next.length < limits.min) errors.next = tooShort(limits.min);
  else if (input.next.length > limits.max) errors.next = tooLong(limits.max);
  else if (input.next === input.current) errors.next = "The new password is the same as the current one. Choose another.";
  if (input.confirm === "") errors.confirm = "Type the new password again.";
  else if (!errors.next && input.confirm !== input.next) errors.confirm = "The two new passwords differ. Type the new password again.";
  return errors;
}

/**
 * better-auth's refusal of a change (its error code and HTTP status, status 0: no answer; its
 * X-Retry-After in seconds) as the form says it, on the field it concerns.
 */
export function changeRefusal(refusal: { code?: string; status: number; message?: string; retryAfter?: number }, limits: PasswordLimits): PasswordErrors {
  if (refusal.code === "INVALID_PASSWORD") return { current: "The current password is wrong." };
  if (refusal.code === "PASSWORD_TOO_SHORT") return { next: tooShort(limits.min) };
  if (refusal.code === "PASSWORD_TOO_LONG") return { next: tooLong(limits.max) };
  if (refusal.status === 0) return { form: "The server cannot be reached. Check your connection; your password was not changed." };
  if (refusal.status === 401) return { form: "Your session has ended. Sign in again, then change your password." };
  if (refusal.status === 403) return { form: "The server refused a request it did not see come from this page. Reload the page and try again." };
  // Too many wrong passwords on this account or from this address (counted with failed
  // sign-ins), or too many changes by this person in a minute.
  if (refusal.status === 429) {
    const wait = refusal.retryAfter && refusal.retryAfter > 0 ? `in ${refusal.retryAfter} ${refusal.retryAfter === 1 ? "second" : "seconds"}` : "in a minute";
    return { form: `Too many tries. Your password was not changed. Try again ${wait}.` };
  }
  return { form: `Your password was not changed: ${refusal.message || `the server answered ${refusal.status}`}.` };
}

function tooShort(min: number): string {
  return `The new password needs at least ${min} characters.`;
}

function tooLong(max: number): string {
  return `The new password can have at most ${max} characters.`;
}
