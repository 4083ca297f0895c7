/**
 * The shipped languages. English (UK) first and the fallback; the community languages are those most
 * spoken at home by families in England after English (Census 2021), Urdu and Arabic written right to left.
 */
export const LANGUAGES = [
  { code: "en-GB", name: "English", dir: "ltr" },
  { code: "pl", name: "Polski", dir: "ltr" },
  { code: "ur", name: "اردو", dir: "rtl" },
  { code: "ar", name: "العربية", dir: "rtl" },
  { code: "bn", name: "বাংলা", dir: "ltr" },
  { code: "ro", name: "Română", dir: "ltr" },
] as const;

export type LanguageCode = (typeof LANGUAGES)[number]["code"];

export const DEFAULT_LANGUAGE: LanguageCode = "en-GB";
export const LANGUAGE_CODES: LanguageCode[] = LANGUAGES.map((language) => language.code);

export function isLanguageCode(value: unknown): value is LanguageCode {
  return typeof value === "string" && (LANGUAGE_CODES as string[]).includes(value);
}

export function textDirection(code: string): "ltr" | "rtl" {
  return LANGUAGES.find((language) => language.code === code)?.dir ?? "ltr";
}

/** Options shared by the server and browser i18next instances, so both render the same text. */
export const i18nOptions = {
  supportedLngs: LANGUAGE_CODES,
  fallbackLng: DEFAULT_LANGUAGE,
  defaultNS: "common",
  load: "currentOnly",
  interpolation: { escapeValue: false }, // React escapes
  react: { useSuspense: false },
} as const;

/** One JSON file per namespace in each `locales/<language>/` folder (a test checks they match). */
export const NAMESPACES = [
  "common",
  "home",
  "inspection",
  "legal",
  "staff",
  "questions",
  "survey",
  "results",
  "promotion",
  "meetings",
  "consent",
  "easyread",
] as const;
