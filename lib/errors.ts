/** Stable error codes with their HTTP status; the original error is kept as `cause`. */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class PlenaryError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PlenaryError";
    this.code = code;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/**
 * Recognises a PlenaryError by shape, not by class: Next bundles app/ separately from the
 * server modules that throw, so the same class exists twice in one process.
 */
export function isPlenaryError(err: unknown): err is PlenaryError {
  if (err instanceof PlenaryError) return true;
  if (!(err instanceof Error) || err.name !== "PlenaryError") return false;
  const code = (err as { code?: unknown }).code;
  return typeof code === "string" && code in ERROR_STATUS;
}
