import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { resources, resourcesVersion } from "~/i18n/i18next.server";
import { isLanguageCode } from "~/i18n/languages";

/** One namespace of translations for the browser. Versioned URLs are cached for a year. */
export function loader({ params, request }: LoaderFunctionArgs) {
  const namespace = isLanguageCode(params.lng) ? resources[params.lng]?.[params.ns ?? ""] : undefined;
  if (!namespace) throw new Response("Not Found", { status: 404 });
  const versioned = new URL(request.url).searchParams.get("v") === resourcesVersion;
  return json(namespace, {
    headers: { "Cache-Control": versioned ? "public, max-age=31536000, immutable" : "public, max-age=300" },
  });
}
