import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { DEFAULT_LANGUAGE, LANGUAGE_CODES, NAMESPACES } from "~/i18n/languages";

/**
 * Every language must say everything English says: the same keys (plural forms as each language needs
 * them), the same {{placeholders}}, nothing left in English, and no key that the code no longer uses.
 */
const LOCALES = path.resolve("locales");
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

type Flat = Map<string, string>;

function flatten(value: unknown, prefix = "", into: Flat = new Map()): Flat {
  if (typeof value === "string") into.set(prefix, value);
  else if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into);
  } else throw new Error(`${prefix} is neither text nor a group of texts`);
  return into;
}

function load(language: string, namespace: string): Flat {
  return flatten(JSON.parse(readFileSync(path.join(LOCALES, language, `${namespace}.json`), "utf8")));
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();

/** Keys without plural suffixes, each with the plural forms it has (empty when not plural). */
function baseKeys(flat: Flat): Map<string, Set<string>> {
  const bases = new Map<string, Set<string>>();
  for (const key of flat.keys()) {
    const plural = key.match(PLURAL_SUFFIX);
    const base = plural ? key.slice(0, -plural[0].length) : key;
    const forms = bases.get(base) ?? new Set<string>();
    if (plural) forms.add(plural[1]!);
    bases.set(base, forms);
  }
  return bases;
}

test("the namespaces in code are exactly the files each language has", () => {
  for (const language of LANGUAGE_CODES) {
    const files = readdirSync(path.join(LOCALES, language)).filter((file) => file.endsWith(".json"));
    expect(files.map((file) => file.replace(/\.json$/, "")).sort(), language).toEqual([...NAMESPACES].sort());
  }
});

describe.each(LANGUAGE_CODES.filter((language) => language !== DEFAULT_LANGUAGE))("%s", (language) => {
  const pluralForms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;

  test.each([...NAMESPACES])("%s is complete, with matching placeholders and nothing left in English", (namespace) => {
    const english = load(DEFAULT_LANGUAGE, namespace);
    const translated = load(language, namespace);
    const problems: string[] = [];

    const englishBases = baseKeys(english);
    const translatedBases = baseKeys(translated);
    for (const [base, forms] of englishBases) {
      const keys = forms.size ? pluralForms.map((form) => `${base}_${form}`) : [base];
      for (const key of keys) {
        const text = translated.get(key);
        if (text === undefined) problems.push(`missing ${key}`);
        else if (!text.trim()) problems.push(`empty ${key}`);
      }
      const englishText = english.get(forms.size ? `${base}_other` : base)!;
      const text = translated.get(forms.size ? `${base}_other` : base);
      if (text !== undefined && placeholders(text).join() !== placeholders(englishText).join()) {
        problems.push(`${base} has placeholders ${placeholders(text)} but English has ${placeholders(englishText)}`);
      }
      if (text === englishText && englishText.length > 24) problems.push(`${base} is still in English`);
    }
    for (const base of translatedBases.keys()) {
      if (!englishBases.has(base)) problems.push(`${base} is not in English (stale or misspelt key)`);
    }
    expect(problems).toEqual([]);
  });
});

describe("English", () => {
  const source = readSource(path.resolve("app"));
  const literals = new Set(
    [...source.matchAll(/["'`]([\w.:-]+)["'`]/g)].map((match) => match[1]!.replace(/^\w+:/, "")),
  );
  const templateHeads = [...source.matchAll(/`([\w.:-]*?)\$\{/g)].map((match) => match[1]!.replace(/^\w+:/, ""));

  test.each([...NAMESPACES])("every key of %s is used by the code", (namespace) => {
    const unused = [...baseKeys(load(DEFAULT_LANGUAGE, namespace)).keys()].filter((key) => {
      const parts = key.split(".");
      const prefixes = parts.map((_, index) => parts.slice(0, index + 1).join("."));
      const literal = prefixes.some((prefix) => literals.has(prefix));
      const dynamic = templateHeads.some((head) => head.length > 0 && key.startsWith(head));
      return !literal && !dynamic;
    });
    expect(unused).toEqual([]);
  });
});

function readSource(dir: string): string {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name))
    .map((entry) => readFileSync(path.join(entry.parentPath, entry.name), "utf8"))
    .join("\n");
}
