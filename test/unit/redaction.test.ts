import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { redact, redactedText } from "~/results/redaction";
import { mayDescribeRisk } from "~/results/safeguarding";

const lists = { settings: ["Oakfield Primary School", "Riverside Academy"], phrases: [] as string[] };
const clean = (text: string, extra: Partial<typeof lists> = {}) => redactedText(redact(text, { ...lists, ...extra }));

describe("redaction of personal details", () => {
  test.each([
    ["Email me at jane.doe+send@example.co.uk if you like", "Email me at [email] if you like"],
    ["See https://example.org/our-story?id=4 for more.", "See [url] for more."],
    ["our blog www.ourfamily.blog.", "our blog [url]."],
    ["Call 07700 900982 any time", "Call [phone] any time"],
    ["ring (01632) 960001 or +44 7700 900 982", "ring [phone] or [phone]"],
    ["NHS number 943 476 5919 was lost", "NHS number [nhs-number] was lost"],
    ["we live in SW1A 1AA near the park", "we live in [postcode] near the park"],
    ["postcode m1 1ae", "postcode [postcode]"],
    ["born 14/03/2012, diagnosed at 3", "born [date-of-birth], diagnosed at 3"],
    ["She was born on 3rd March 2015.", "She was born on [date-of-birth]."],
    ["DOB: March 3, 2015", "DOB: [date-of-birth]"],
    ["Oakfield Primary School were brilliant", "[setting] were brilliant"],
    ["then riverside academy refused", "then [setting] refused"],
    ["my son Tom has autism", "my son [name] has autism"],
    ["My son Zoltan waited two years.", "My son [name] waited two years."],
    ["Named Ezekiel at birth, he is now 9", "Named [name] at birth, he is now 9"],
    ["my daughter Amelia-Rose Smith waited", "my daughter [name] waited"],
    ["a boy called Kacper", "a boy called [name]"],
    ["Mrs Okonkwo the SENCO helped", "[name] the SENCO helped"],
    ["Dr. Patel said to wait", "[name] said to wait"],
    ["Olivia Hughes from the council never replied", "[name] from the council never replied"],
    ["Muhammad loves school now", "[name] loves school now"],
    ["my son is called jack", "my son is called [name]"],
    ["her name is amira and she is 9", "her name is [name] and she is 9"],
    ["My daughter's name is zofia.", "My daughter's name is [name]."],
    ["my son jack waited", "my son [name] waited"],
    ["a boy named kacper", "a boy named [name]"],
  ])("%s", (text, expected) => {
    expect(clean(text)).toBe(expected);
  });

  test.each([
    "I asked for help on Monday and waited until Friday.",
    "In March 2024 the plan was finally written.",
    "He is 7 and in Year 3; we waited 18 months.",
    "May we please have more speech therapy? Will anyone listen?",
    "The EHC plan took 40 weeks. CAMHS said no. SENCO was kind.",
    "Grace and hope are not a plan.",
    "They called back the next day, and named in the plan was the wrong school.",
    "My son has autism and my daughter is fine.",
    "I",
  ])("leaves ordinary words alone: %s", (text) => {
    expect(clean(text)).toBe(text);
  });

  test("a phrase an inspector chooses is redacted wherever it appears, in any case", () => {
    expect(clean("The Blue Room at the centre. the blue room again.", { phrases: ["blue room"] })).toBe(
      "The [redacted] at the centre. the [redacted] again.",
    );
  });

  test("redacted spans that overlap or touch merge into one", () => {
    expect(clean("write to jo.parent@example.org today", { phrases: ["today"] })).toBe("write to [email] [redacted]");
    expect(clean("Oakfield Primary School/Riverside Academy", { phrases: ["/"] })).toBe("[setting]");
  });

  test("a phrase or setting name is matched only against what is still shown", () => {
    const text = "Email jo.parent@example.org about Tom's plan";
    // Guesses that include redacted characters match nothing: the page does not change.
    for (const guess of ["jo.parent", "parent@example.org about", "t@e", "Email jo", "org about"])
      expect(clean(text, { phrases: [guess] })).toBe(clean(text));
    expect(clean(text, { settings: ["example"] })).toBe("Email [email] about Tom's plan");
    expect(clean(text, { phrases: ["about Tom"] })).toBe("Email [email] [redacted]'s plan");
  });

  test("property: a hand phrase never reveals any character of what was redacted, nor changes with it", () => {
    const texts = [
      "Call me on 07700 900982 about my son Tom at Oakfield Primary School",
      "Email jo.parent@example.org or ring (01632) 960001, NHS number 943 476 5919",
      "my son is called jack and lives at SW1A 1AA, born 14/03/2012",
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...texts),
        fc.nat(),
        fc.integer({ min: 2, max: 25 }),
        (text, from, length) => {
          const start = from % (text.length - 1);
          const phrase = text.slice(start, start + length);
          const before = redact(text, lists);
          const after = redact(text, { ...lists, phrases: [phrase] });
          const shownBefore = before.filter((segment): segment is string => typeof segment === "string");
          const shownAfter = after.filter((segment): segment is string => typeof segment === "string");
          // Everything still shown was shown before; tags stay (only more text can become a tag).
          const onlyRemoves = shownAfter.every((piece) => shownBefore.some((whole) => whole.includes(piece)));
          const tagsBefore = before.filter((segment) => typeof segment !== "string").length;
          const hiddenBefore = new Set(before.flatMap((segment) => (typeof segment === "string" ? [] : [segment.tag])));
          const keepsTags = [...hiddenBefore].every((tag) =>
            after.some((segment) => typeof segment !== "string" && segment.tag === tag),
          );
          // A phrase reaching into redacted text matches nothing at all.
          const visible = shownBefore.some((whole) => whole.toLowerCase().includes(phrase.trim().toLowerCase()));
          const unchangedUnlessVisible = visible || redactedText(after) === redactedText(before);
          return onlyRemoves && keepsTags && tagsBefore > 0 && unchangedUnlessVisible;
        },
      ),
      { numRuns: 400 },
    );
  });

  test("what is kept between tags is exactly the original text", () => {
    const segments = redact("Call 07700 900982, said my son Tom.", lists);
    expect(segments).toEqual(["Call ", { tag: "phone" }, ", said my son ", { tag: "name" }, "."]);
  });
});

describe("comments that may describe a risk to a child", () => {
  test.each([
    "He comes home with bruises and won't say why",
    "she talks about self-harm",
    "He said he is scared to go home",
    "staff hit him",
    "I think this is neglect",
    "she feels unsafe on the bus",
    "he has talked about suicide",
  ])("flagged: %s", (text) => {
    expect(mayDescribeRisk(text)).toBe(true);
  });

  test.each([
    "The hitch was the paperwork",
    "Everything is fine now",
    "the therapist was a hit with him? no",
    "hurtle",
  ])("%s", (text) => {
    // "hit" as a word is flagged (better to over-flag); words that merely contain it are not.
    expect(mayDescribeRisk(text)).toBe(/\bhit\b/.test(text));
  });
});
