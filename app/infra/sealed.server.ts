// Sealing a short-lived secret at rest (ADR 025: an import's one-time password
// sheet, kept from the background job's end until the coordinator opens it).
// AES-256-GCM from node:crypto, with a key derived (HKDF-SHA256) from the
// session secret and a purpose, so a database copy alone reveals nothing and a
// sealed text of one purpose cannot be opened as another. With several session
// secrets (rotation), the newest seals and each is tried to open.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { getEnv } from "./env.server.ts";

function keyFor(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "qiaoshou-sealed", purpose, 32));
}

/** `text` sealed for `purpose`: "v1.<iv>.<tag>.<ciphertext>", base64url parts. */
export function seal(text: string, purpose: string, secrets: readonly string[] = getEnv().sessionSecrets): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(secrets[0]!, purpose), iv);
  const body = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), body]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

/** The text a `seal` of the same purpose made, or null when it was not sealed by one of `secrets` for it. */
export function unseal(
  sealed: string,
  purpose: string,
  secrets: readonly string[] = getEnv().sessionSecrets,
): string | null {
  const [version, iv, tag, body, ...rest] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined || rest.length > 0) return null;
  for (const secret of secrets) {
    try {
      const decipher = createDecipheriv("aes-256-gcm", keyFor(secret, purpose), Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
    } catch {
      // Not this secret (or tampered with): try the next.
    }
  }
  return null;
}
