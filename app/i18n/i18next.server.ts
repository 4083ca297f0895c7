import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createCookie } from "@remix-run/node";
import i18next, { type i18n as I18n } from "i18next";
import { RemixI18Next } from "remix-i18next/server";
import { env } from "~/env.server";
import { DEFAULT_LANGUAGE, i18nOptions, LANGUAGE_CODES } from "./languages";

/** Every translation, read once at start-up from `locales/<language>/<namespace>.json`. */
function loadResources(dir = path.resolve("locales")) {
  const resources: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const language of LANGUAGE_CODES) {
    resources[language] = {};
    for (const file of readdirSync(path.join(dir, language)).filter((name) => name.endsWith(".json"))) {
      resources[language]![file.slice(0, -5)] = JSON.parse(readFileSync(path.join(dir, language, file), "utf8"));
    }
  }
  return resources;
}

export const resources = loadResources();

/** Changes whenever any translation changes, so browsers may cache a namespace file for a year. */
export const resourcesVersion = createHash("sha256").update(JSON.stringify(resources)).digest("hex").slice(0, 12);

/** The reader's explicit choice of language. Not personal data: only the language code is kept. */
export const languageCookie = createCookie("lang", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: env.NODE_ENV === "production" && env.PUBLIC_URL?.startsWith("https:") === true,
  maxAge: 60 * 60 * 24 * 365,
});

/**
 * Translations never change while the app runs, so a lookup without options (most of a page's text)
 * is worked out once per language and remembered: it was the largest cost of rendering a page.
 */
const remembered = new Map<string, unknown>();
const ROUTING_OPTIONS = new Set(["lng", "lngs", "ns", "keyPrefix"]);

export function rememberLookups(instance: I18n): I18n {
  const translate = instance.t.bind(instance);
  instance.t = ((key: unknown, options?: Record<string, unknown>) => {
    const plain =
      typeof key === "string" &&
      options !== undefined &&
      options.keyPrefix === undefined &&
      Object.keys(options).every((name) => ROUTING_OPTIONS.has(name));
    if (!plain) return translate(key as string, options as never);
    // React's useTranslation does not name a language: it is then this instance's own.
    const cacheKey = `${String(options.lng || instance.language)}|${String(options.ns)}|${key}`;
    if (!remembered.has(cacheKey)) remembered.set(cacheKey, translate(key, options as never));
    return remembered.get(cacheKey);
  }) as I18n["t"];
  return instance;
}

/** One initialised instance holds every translation; requests take cheap clones or fixed `t` functions. */
export const translations = rememberLookups(
  i18next.createInstance({ ...i18nOptions, resources, initImmediate: false }),
);
void translations.init();

export const i18n = new RemixI18Next({
  detection: {
    supportedLanguages: LANGUAGE_CODES,
    fallbackLanguage: DEFAULT_LANGUAGE,
    cookie: languageCookie,
    order: ["searchParams", "cookie", "header"],
  },
  i18next: { ...i18nOptions, resources },
});

/** The reader's language and a translate function for server-side text (titles, emails, errors). */
export async function translatorFor(request: Request, namespace: string) {
  const locale = await i18n.getLocale(request);
  return { locale, t: translations.getFixedT(locale, namespace) };
}
