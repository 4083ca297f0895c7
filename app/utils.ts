/**
 * A path on this site to go back to, from user input. Anything else (another site, "//evil.example",
 * "/\\evil.example") becomes `fallback`: following it blindly would be an open redirect.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f]/.test(to)) return fallback;
  return to;
}
