import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * The session-signing secret: BETTER_AUTH_SECRET if set, else one generated on first start
 * and kept beside the database (mode 0600), so sessions survive restarts.
 */
export function loadOrCreateSecret(dataDir: string, fromEnv: string | undefined): string {
  if (fromEnv) return fromEnv;
  const file = path.join(dataDir, "auth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = crypto.randomBytes(32).toString("hex");
  fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
  return secret;
}
