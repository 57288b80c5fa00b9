/** Opaque server-issued ids: 128 random bits, base64url, 22 characters. */
const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** A new opaque id (documents, delegations created in the app). */
export function newId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return base64url(bytes);
}

/** Returns the id if it has the shape of a server-issued id, else null. Check before any lookup. */
export function parseId(value: unknown): string | null {
  return typeof value === "string" && ID_PATTERN.test(value) ? value : null;
}
