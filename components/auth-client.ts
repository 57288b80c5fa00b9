import { createAuthClient } from "better-auth/client";

/**
 * better-auth's browser client, on this origin's `/api/auth` (only the routes allowed in
 * app/api/auth/[...all]/route.ts answer). The browser sends the page's Origin with its
 * requests, which better-auth checks against its trusted origins.
 */
export const authClient = createAuthClient();
