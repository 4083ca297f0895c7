import fc from "fast-check";
import { describe, expect, test } from "vitest";
import defaults from "../../db/default-questions.json";
import { byteRange } from "~/easy-read/ranges";
import { joinClips, parseWav, resample, SAMPLE_RATE, wavFile } from "~/easy-read/pcm.js";
import { isPictureName, optionPicture, PICTURES, questionPicture } from "~/easy-read/pictures";
import { faceSummary, helpedSummary } from "~/easy-read/results";
import { switchSettingsFrom, SwitchSettingsSchema } from "~/easy-read/switch-form.server";
import { DEFAULT_RULES, protectSurvey, type QuestionCounts } from "~/results/disclosure";
import { noiseTable } from "~/results/perturbation";
import { buildReport } from "~/results/report";
import { choiceValues, FACE_COUNTS, fixedChoices, type Question } from "~/surveys/questions";

describe("the graded face scale", () => {
  test.each([...FACE_COUNTS])(
    "%i faces run from very happy to very sad, then 'don't know' and 'don't understand' apart",
    (faces) => {
      const choices = fixedChoices({ kind: "faces", faces })!;
      const scale = choices.filter((choice) => !choice.apart);
      expect(scale).toHaveLength(faces);
      expect(scale[0]!.value).toBe("very-happy");
      expect(scale.at(-1)!.value).toBe("very-sad");
      expect(choices.filter((choice) => choice.apart).map((choice) => choice.value)).toEqual([
        "dont-know",
        "dont-understand",
      ]);
      // Happy and sad faces are told apart for the results summary; every answer has a picture.
      expect(scale.filter((choice) => choice.positive).map((choice) => choice.value)).toEqual(["very-happy", "happy"]);
      expect(scale.filter((choice) => choice.negative).map((choice) => choice.value)).toEqual(["sad", "very-sad"]);
      expect(choices.every((choice) => choice.picture)).toBe(true);
    },
  );
});

describe("pictures", () => {
  const youngPeople = (defaults as unknown as Record<string, Array<Question & { picture?: string }>>)["young-people"]!;

  test("every default young people's question has a picture of its own, and every answer idea one too", () => {
    for (const question of youngPeople) {
      expect(isPictureName(question.picture), question.text["en-GB"]).toBe(true);
      expect(questionPicture(question)).toBe(question.picture);
    }
    const helped = youngPeople[0]!;
    expect(helped.options.map((option) => optionPicture(option.value))).toEqual([
      "no-one",
      "parent-carer",
      "school",
      "someone-else",
    ]);
  });

  test("a question without a chosen picture gets one for its kind, never a missing one", () => {
    expect(questionPicture({ kind: "text", picture: null })).toBe("talk");
    expect(questionPicture({ kind: "faces", picture: "not-a-picture" })).toBe("question");
    expect(Object.values(PICTURES).every((file) => /^[a-z0-9-]+$/.test(file))).toBe(true);
  });
});

describe("audio", () => {
  test("a WAV file made here reads back as the same 16 kHz mono samples", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -32768, max: 32767 }), { maxLength: 400 }), (values) => {
        const wav = parseWav(wavFile(Int16Array.from(values)));
        expect(wav).toMatchObject({ sampleRate: SAMPLE_RATE, channels: 1, bitsPerSample: 16 });
        expect([...wav.samples]).toEqual(values);
      }),
    );
  });

  test("eSpeak's 22,050 Hz speech becomes 16 kHz of the same length, and a tone keeps its loudness", () => {
    const seconds = 0.5;
    const tone = Int16Array.from({ length: 22050 * seconds }, (_, n) =>
      Math.round(10000 * Math.sin((2 * Math.PI * 440 * n) / 22050)),
    );
    const out = resample(tone, 22050, 16000);
    expect(out.length).toBe(Math.floor(16000 * seconds));
    const peak = Math.max(...out.slice(200, -200).map(Math.abs));
    expect(peak).toBeGreaterThan(9000);
    expect(peak).toBeLessThan(11000);
  });

  test("clips are joined with a pause between them", () => {
    const joined = joinClips([Int16Array.of(1, 2), Int16Array.of(3)], 0.001, 16000);
    expect([...joined]).toEqual([1, 2, ...Array(16).fill(0), 3]);
  });

  test("a WAV file that is not 16-bit PCM is refused", () => {
    expect(() => parseWav(new TextEncoder().encode("not audio at all"))).toThrow(/not a WAV/);
  });

  test.each([
    [null, null],
    ["bytes=0-1", { start: 0, end: 1 }],
    ["bytes=10-", { start: 10, end: 99 }],
    ["bytes=-20", { start: 80, end: 99 }],
    ["bytes=90-500", { start: 90, end: 99 }],
    ["bytes=100-", "unsatisfiable"],
    ["bytes=0-1,5-6", null],
    ["lines=0-1", null],
  ] as const)("the range %s of a 100-byte file is %j", (header, range) => {
    expect(byteRange(header, 100)).toEqual(range);
  });
});

describe("switch mode settings", () => {
  test("one or two switches at slow, medium or fast are kept; off keeps nothing", () => {
    expect(switchSettingsFrom({ switches: "one", speed: "fast" })).toEqual({ switches: "one", speed: "fast" });
    expect(switchSettingsFrom({ switches: "off", speed: "fast" })).toBeNull();
    expect(switchSettingsFrom("nonsense")).toBeNull();
  });

  test("a speed out of range or a made-up mode is an easy-read error", () => {
    const speed = SwitchSettingsSchema.safeParse({ switches: "one", speed: "warp" });
    expect(speed.success ? null : speed.error.issues.map((issue) => issue.message)).toEqual(["easyread:errors.speed"]);
    const mode = SwitchSettingsSchema.safeParse({ switches: "three", speed: "slow" });
    expect(mode.success ? null : mode.error.issues.map((issue) => issue.message)).toEqual(["easyread:errors.switches"]);
  });
});

describe("the young people's results summary", () => {
  const question = (id: string, kind: Question["kind"], extra: Partial<Question> = {}): Question => ({
    id,
    position: Number(id),
    kind,
    text: { "en-GB": `Question ${id}` },
    hint: {},
    options: [],
    focusArea: null,
    characterLimit: null,
    faces: kind === "faces" ? 5 : null,
    ...extra,
  });
  const helpedQuestion = question("1", "about-you", {
    options: ["no-one", "parent-carer", "school-college", "someone-else"].map((value) => ({
      value,
      label: { "en-GB": value },
    })),
  });
  const faces = question("2", "faces");
  // Without noise, so the shares can be checked exactly; suppression works as it always does.
  const rules = { ...DEFAULT_RULES, noise: noiseTable([16]) };
  const counts = (question: Question, byChoice: Record<string, number>): QuestionCounts => ({
    id: question.id,
    answers: "one",
    cells: choiceValues(question).map((value) => ({ n: byChoice[value] ?? 0, key: 0 })),
    answered: { n: Object.values(byChoice).reduce((sum, n) => sum + n, 0), key: 0 },
  });
  const report = (helped: Record<string, number>, face: Record<string, number>) =>
    buildReport({
      questions: [helpedQuestion, faces],
      results: protectSurvey(
        {
          responses: { n: 40, key: 0 },
          late: null,
          questions: [counts(helpedQuestion, helped), counts(faces, face)],
          breakdowns: [],
        },
        rules,
      ),
      snapshot: { number: 1, publishedAt: new Date() },
      heldBack: false,
      by: null,
      locale: "en-GB",
      t: (key) => key,
      rules,
    });

  test("shares of happy, sad, 'don't know' and 'don't understand' among those who answered", () => {
    const rows = faceSummary(
      report(
        { "no-one": 20, "parent-carer": 10, "school-college": 10 },
        { "very-happy": 10, happy: 5, okay: 5, sad: 5, "very-sad": 5, "dont-know": 5, "dont-understand": 5 },
      ),
    );
    expect(rows).toEqual([
      expect.objectContaining({ number: 2, answered: 40, happy: 38, sad: 25, dontKnow: 13, dontUnderstand: 13 }),
    ]);
  });

  test("a share that would add up a hidden count is not given", () => {
    const [row] = faceSummary(
      report({ "no-one": 40 }, { "very-happy": 20, happy: 10, okay: 5, sad: 2, "dont-know": 3, "dont-understand": 0 }),
    );
    expect(row!.happy).toBe(75);
    expect(row!.sad).toBeNull(); // 2 sad faces show as "fewer than 5"
    expect(row!.dontUnderstand).toBeNull(); // and so does nobody at all
  });

  test("answered with help: those who answered less those on their own; small counts stay 'fewer than 5'", () => {
    const face = { "very-happy": 40 };
    expect(
      helpedSummary(report({ "no-one": 20, "parent-carer": 12, "school-college": 8 }, face), DEFAULT_RULES),
    ).toMatchObject({
      number: 1,
      answered: 40,
      helped: { state: "shown", count: 20, percent: 50 },
    });
    // 3 with help, split among helpers shown as "fewer than 5", is itself "fewer than 5".
    expect(helpedSummary(report({ "no-one": 37, "parent-carer": 3 }, face), DEFAULT_RULES)!.helped).toMatchObject({
      state: "fewer",
    });
    expect(helpedSummary(report({ "no-one": 6 }, face), DEFAULT_RULES)).toMatchObject({ answered: null, helped: null });
  });

  test("the summary never shows a number the report hides", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 30 }), { minLength: 4, maxLength: 4 }), (values) => {
        const byChoice = Object.fromEntries(choiceValues(helpedQuestion).map((value, i) => [value, values[i]!]));
        const built = report(byChoice, { happy: 40 });
        const helped = helpedSummary(built, DEFAULT_RULES);
        const result = built.questions[0]!;
        if (result.status !== "shown") {
          expect(helped!.helped).toBeNull();
          return;
        }
        const alone = result.cells[0]!;
        const expected = alone.state === "shown" ? result.answered!.count! - alone.count! : null;
        if (helped!.helped!.state === "shown") {
          // Whatever is shown is worked out from numbers already on the page.
          const fromOthers = result.cells.slice(1).every((cell) => cell.state === "shown")
            ? result.cells.slice(1).reduce((sum, cell) => sum + cell.count!, 0)
            : null;
          expect([expected, fromOthers]).toContain(helped!.helped!.count);
          expect(helped!.helped!.count).toBe(values.slice(1).reduce((sum, n) => sum + n, 0));
        }
      }),
    );
  });
});
