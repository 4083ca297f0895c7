import type { NextFunction, Request, Response } from "express";
import { refuse } from "./edge-page.server";
import { errorsTotal } from "./metrics.server";

/**
 * Checks every request at the edge, before any route runs, so that no route (today's or one added
 * tomorrow) can be handed input it might choke on: a request the portal cannot read gets a clear,
 * localised 400, 403, 413 or 415 instead of an error deep inside a route.
 */

/** Forms are small: the longest free-text answer is 5,000 characters. Checked before any parsing. */
export const FORM_BYTES_LIMIT = 100 * 1024;
const MAX_FIELDS = 1_000;
const MAX_FIELD_NAME = 200;
// conform reads `options[3]` as an array position: a huge index would build a huge array.
const MAX_ARRAY_INDEX = 500;

// C0 controls and DEL. PostgreSQL refuses NUL in text, and none of them belongs in an address.
const CONTROL_IN_URL = /[\u0000-\u001f\u007f]/;
// In form fields, tab and line breaks are ordinary text; the other controls are dropped.
const CONTROL_IN_FIELD = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

const refused = (kind: Parameters<typeof refuse>[2]) => (request: Request, response: Response) => {
  errorsTotal.inc({ kind: "bad-input" });
  return refuse(request, response, kind);
};
const badRequest = refused("badRequest");

/** A path or query with control characters, or percent-encoding that is not UTF-8, is a 400. */
export function checkAddress(request: Request, response: Response, next: NextFunction) {
  const raw = request.originalUrl;
  const queryAt = raw.indexOf("?");
  const pathname = queryAt < 0 ? raw : raw.slice(0, queryAt);
  try {
    if (CONTROL_IN_URL.test(decodeURIComponent(pathname))) return void badRequest(request, response);
    if (queryAt >= 0) {
      for (const part of raw.slice(queryAt + 1).split("&")) {
        if (CONTROL_IN_URL.test(decodeURIComponent(part.replace(/\+/g, " "))))
          return void badRequest(request, response);
      }
    }
  } catch {
    return void badRequest(request, response); // URIError: malformed percent-encoding
  }
  next();
}

/**
 * Forms post only to their own site: a cross-site POST (a forged request) is refused (403), and so is
 * an Origin that is not a web address at all. "null" is a real origin, though: browsers send it for a
 * same-site form on a page with `Referrer-Policy: no-referrer` (every staff page), so it is judged by
 * Sec-Fetch-Site instead, refused when that says the form came from another site. (A browser too old
 * to send Sec-Fetch-Site still sends no SameSite=Lax cookie with a cross-site POST, and staff forms
 * also carry an anti-forgery token.)
 */
export function checkOrigin(request: Request, response: Response, next: NextFunction) {
  const origin = request.get("origin");
  if (request.method === "GET" || request.method === "HEAD" || origin === undefined) return next();
  if (origin === "null") {
    const site = request.get("sec-fetch-site");
    if (site === undefined || site === "same-origin") return next();
    return void refused("crossSite")(request, response);
  }
  let host: string | undefined;
  try {
    const url = new URL(origin);
    if (url.protocol === "http:" || url.protocol === "https:") host = url.host;
  } catch {
    host = undefined;
  }
  if (!host || host !== request.get("host")) return void refused("crossSite")(request, response);
  next();
}

const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

/**
 * Reads a request body once, up to FORM_BYTES_LIMIT (413 beyond it, before anything is parsed), accepts
 * only form encodings (415 otherwise), drops control characters from every field, caps the number of
 * fields and array positions, and hands Remix the clean form, always URL-encoded. A route's
 * `request.formData()` can then never fail and never see a NUL.
 */
export async function readForm(request: Request, response: Response, next: NextFunction) {
  if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS") return next();
  const declared = request.headers["content-length"];
  if (declared !== undefined && Number(declared) > FORM_BYTES_LIMIT) return void refused("tooLarge")(request, response);
  const hasBody = (declared !== undefined && declared !== "0") || request.headers["transfer-encoding"] !== undefined;
  const type = (request.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (hasBody && !FORM_TYPES.has(type)) return void refused("unsupported")(request, response);

  let body: Buffer;
  try {
    body = hasBody ? await readLimited(request, FORM_BYTES_LIMIT) : Buffer.alloc(0);
  } catch (error) {
    if (error instanceof TooLarge) return void refused("tooLarge")(request, response);
    return void response.destroy(); // the client went away mid-body
  }

  let fields: Array<[string, string]>;
  try {
    fields = await parseForm(
      body,
      hasBody ? type : "application/x-www-form-urlencoded",
      request.headers["content-type"],
    );
  } catch {
    return void badRequest(request, response);
  }
  if (fields.length > MAX_FIELDS) return void refused("tooLarge")(request, response);
  const clean = new URLSearchParams();
  for (const [name, value] of fields) {
    if (name.length > MAX_FIELD_NAME || hasHugeIndex(name)) return void badRequest(request, response);
    clean.append(name.replace(CONTROL_IN_FIELD, ""), value.replace(CONTROL_IN_FIELD, ""));
  }
  const encoded = clean.toString(); // ASCII only: its length is its size in bytes
  request.headers["content-type"] = "application/x-www-form-urlencoded;charset=UTF-8";
  request.headers["content-length"] = String(encoded.length);
  delete request.headers["transfer-encoding"];
  (request as Request & { form?: string }).form = encoded;
  next();
}

class TooLarge extends Error {}

function readLimited(request: Request, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.off("data", onData);
        request.pause();
        reject(new TooLarge());
        return;
      }
      chunks.push(chunk);
    };
    request.on("data", onData);
    request.once("end", () => resolve(Buffer.concat(chunks)));
    request.once("error", reject);
    request.once("aborted", () => reject(new Error("aborted")));
  });
}

async function parseForm(
  body: Buffer,
  type: string,
  contentType: string | undefined,
): Promise<Array<[string, string]>> {
  if (type === "application/x-www-form-urlencoded") {
    // Invalid UTF-8 becomes U+FFFD here and in the decoding of each field: never an exception.
    return [...new URLSearchParams(body.toString("utf8"))];
  }
  // Throws on a broken multipart body; the portal takes no files, so a file part is refused too.
  const form = await new Response(new Uint8Array(body), { headers: { "Content-Type": contentType! } }).formData();
  return [...form].map(([name, value]) => {
    if (typeof value !== "string") throw new Error("file upload");
    return [name, value];
  });
}

function hasHugeIndex(name: string): boolean {
  for (const match of name.matchAll(/\[(\d+)\]/g))
    if (match[1]!.length > 3 || Number(match[1]) > MAX_ARRAY_INDEX) return true;
  return false;
}
