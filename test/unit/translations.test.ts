import i18next from "i18next";
import { expect, test } from "vitest";
import { rememberLookups, resources, translations } from "~/i18n/i18next.server";
import { i18nOptions, LANGUAGE_CODES, NAMESPACES } from "~/i18n/languages";

test("remembered translations are exactly what i18next gives, in every language, twice over", async () => {
  const plain = i18next.createInstance({ ...i18nOptions, resources, initImmediate: false });
  await plain.init();
  const keys = (value: unknown, prefix = ""): string[] =>
    typeof value === "string"
      ? [prefix.replace(/_(zero|one|two|few|many|other)$/, "")]
      : Object.entries(value as object).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
  let checked = 0;
  for (const language of LANGUAGE_CODES) {
    const remembered = translations.cloneInstance({ lng: language, initImmediate: false });
    for (const namespace of NAMESPACES) {
      const fresh = plain.getFixedT(language, namespace);
      const cached = translations.getFixedT(language, namespace);
      for (const key of new Set(keys(resources["en-GB"]![namespace]))) {
        for (let round = 0; round < 2; round += 1) {
          expect(cached(key), `${language} ${namespace}:${key}`).toBe(fresh(key));
          expect(cached(key, { count: 2 }), `${language} ${namespace}:${key} (2)`).toBe(fresh(key, { count: 2 }));
        }
        checked += 1;
      }
      expect(remembered.t("serviceName")).toBe(plain.getFixedT(language, "common")("serviceName"));
    }
  }
  expect(checked).toBeGreaterThan(500);
});

test("requests in different languages never get each other's remembered text", () => {
  // As entry.server does for each request; React asks for text without naming the language.
  const english = rememberLookups(translations.cloneInstance({ lng: "en-GB", initImmediate: false }));
  const arabic = rememberLookups(translations.cloneInstance({ lng: "ar", initImmediate: false }));
  for (let round = 0; round < 2; round += 1) {
    expect(arabic.getFixedT(null, "common")("errors.notFound.title")).toBe("الصفحة غير موجودة");
    expect(english.getFixedT(null, "common")("errors.notFound.title")).toBe("Page not found");
  }
});
