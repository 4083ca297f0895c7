/**
 * A path on this site to go back to, from user input. Anything else (another site, "//evil.example",
 * "/\\evil.example") becomes `fallback`: following it blindly would be an open redirect.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f]/.test(to)) return fallback;
  return to;
}

/** The non-blank lines of a text box, trimmed: how lists are typed or pasted in, one item a line. */
export const lines = (text: string | undefined | null) =>
  (text ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
