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
    "I",
  ])("leaves ordinary words alone: %s", (text) => {
    expect(clean(text)).toBe(text);
  });

  test("a phrase an inspector chooses is redacted wherever it appears, in any case", () => {
    expect(clean("The Blue Room at the centre. the blue room again.", { phrases: ["blue room"] })).toBe(
      "The [redacted] at the centre. the [redacted] again.",
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
