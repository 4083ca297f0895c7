/**
 * A path on this site to go back to, from user input. Anything else (another site, "//evil.example",
 * "/\\evil.example", or "/.//evil.example", which URL resolution turns into "//evil.example") becomes
 * `fallback`: following it blindly would be an open redirect. The address is resolved first, then
 * checked: same origin, and a path starting with a single "/".
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.length > 2048) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  const base = "http://portal.invalid";
  let url: URL;
  try {
    url = new URL(to, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base || !url.pathname.startsWith("/") || /^\/[/\\]/.test(url.pathname)) return fallback;
  return url.pathname + url.search + url.hash;
}

/** The non-blank lines of a text box, trimmed: how lists are typed or pasted in, one item a line. */
export const lines = (text: string | undefined | null) =>
  (text ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
