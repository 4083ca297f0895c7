import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { languageCookie } from "~/i18n/i18next.server";
import { isLanguageCode } from "~/i18n/languages";
import { safeRedirect } from "~/utils";

/** The language switcher's links land here: remember the choice, then go back to the same page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const language = url.searchParams.get("lng");
  const back = safeRedirect(url.searchParams.get("back"));
  if (!isLanguageCode(language)) return redirect(back);
  // Drop any ?lng= in the page we return to, or it would override the choice just made.
  const target = new URL(back, url.origin);
  target.searchParams.delete("lng");
  return redirect(target.pathname + target.search, {
    headers: { "Set-Cookie": await languageCookie.serialize(language) },
  });
}
