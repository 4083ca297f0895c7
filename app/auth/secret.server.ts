import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "~/env.server";

/**
 * The secret that signs cookies: SESSION_SECRET, or one generated once and kept in DATA_DIR so that a
 * single local process needs no set-up. Several processes behind a load balancer must share SESSION_SECRET.
 */
function loadSessionSecret(): string {
  if (env.SESSION_SECRET) return env.SESSION_SECRET;
  const file = path.join(env.DATA_DIR, "session-secret");
  if (!existsSync(file)) {
    mkdirSync(env.DATA_DIR, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  return readFileSync(file, "utf8").trim();
}

export const sessionSecret = loadSessionSecret();

/** Where people reach the portal. Never taken from the request's Host header, which a caller controls. */
export const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");

export const secureCookies = publicUrl.startsWith("https:");
