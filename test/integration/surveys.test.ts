import { beforeEach, describe, expect, test } from "vitest";
import { sql } from "~/db.server";
import type { Inspection } from "~/inspections/inspection";
import { changeSurveyWindow, createInspection, findInspection, windowChanges } from "~/inspections/inspections.server";
import { NewInspection } from "~/inspections/schema";
import { DEFAULT_LANGUAGE } from "~/i18n/languages";
import { missingTranslations } from "~/surveys/questions";
import {
  addQuestion,
  findSurvey,
  moveQuestion,
  questionsOf,
  removeQuestion,
  SurveyLockedError,
  updateQuestion,
  updateTranslation,
} from "~/surveys/authoring.server";
import { addComment, markReady, resolveComment, shareForReview } from "~/surveys/review.server";
import type { Survey } from "~/surveys/survey";
import { signedInStaff } from "../support/staff";
import { futureDay1 } from "../support/inspections";

let inspection: Inspection;
let survey: Survey;
let slugCount = 0;

beforeEach(async () => {
  slugCount += 1;
  inspection = await createInspection(
    NewInspection.parse({ localAreaName: `Questionshire ${slugCount}`, kind: "revisit", day1: futureDay1() }),
  );
  survey = (await findSurvey(inspection.id, "parents"))!;
});

const english = (questions: Awaited<ReturnType<typeof questionsOf>>) =>
  questions.map((question) => question.text[DEFAULT_LANGUAGE]);

describe("surveys", () => {
  test("a new inspection starts with a default question set for each audience", async () => {
    const counts = await Promise.all(
      (["parents", "young-people", "practitioners"] as const).map(async (audience) => {
        const found = (await findSurvey(inspection.id, audience))!;
        return [audience, found.status, (await questionsOf(found.id)).length];
      }),
    );
    expect(counts).toEqual([
      ["parents", "draft", 12],
      ["young-people", "draft", 9],
      ["practitioners", "draft", 8],
    ]);
    const youngPeople = await questionsOf((await findSurvey(inspection.id, "young-people"))!.id);
    expect(youngPeople.filter((question) => question.kind === "faces")).toHaveLength(6);
    // The easy-read survey starts by asking who is helping, so results can say how many had help.
    expect(youngPeople[0]!.options.map((option) => option.value)).toEqual([
      "no-one",
      "parent-carer",
      "school-college",
      "someone-else",
    ]);
  });

  test("questions are added at the end, edited, moved and removed", async () => {
    await addQuestion(inspection, survey, {
      kind: "choice",
      text: "Which services have you used?",
      options: "Speech therapy\nShort breaks\nCAMHS",
      focusArea: "Health",
    });
    let questions = await questionsOf(survey.id);
    const added = questions.at(-1)!;
    expect(added).toMatchObject({ position: 13, kind: "choice", focusArea: "Health" });
    expect(added.options.map((option) => option.label[DEFAULT_LANGUAGE])).toEqual([
      "Speech therapy",
      "Short breaks",
      "CAMHS",
    ]);

    await moveQuestion(inspection, survey, added.id, "up");
    questions = await questionsOf(survey.id);
    expect(questions.at(-2)!.id).toBe(added.id);
    await moveQuestion(inspection, survey, questions[0]!.id, "up"); // already first: nothing moves
    expect(english(await questionsOf(survey.id))).toEqual(english(questions));

    await updateQuestion(inspection, added, {
      kind: "choice",
      text: "Which services has your child used?",
      options: "Speech therapy\nShort breaks\nMental health services",
    });
    const edited = (await questionsOf(survey.id)).find((question) => question.id === added.id)!;
    expect(edited.text[DEFAULT_LANGUAGE]).toBe("Which services has your child used?");
    expect(edited.options.map((option) => option.value)).toEqual(added.options.map((option) => option.value));

    await removeQuestion(inspection, edited);
    expect((await questionsOf(survey.id)).map((question) => question.id)).not.toContain(added.id);
  });

  test("translations are kept while the English stays the same, and dropped when it changes", async () => {
    await addQuestion(inspection, survey, { kind: "about-you", text: "Where do you live?", options: "North\nSouth" });
    const question = (await questionsOf(survey.id)).at(-1)!;
    expect(missingTranslations(question)).toEqual(["pl", "ur", "ar", "bn", "ro"]);

    await updateTranslation(inspection, question, "pl", { text: "Gdzie mieszkasz?", options: ["Północ", "Południe"] });
    let translated = (await questionsOf(survey.id)).at(-1)!;
    expect(translated.text.pl).toBe("Gdzie mieszkasz?");
    expect(missingTranslations(translated)).toEqual(["ur", "ar", "bn", "ro"]);

    // Same question and first answer, second answer reworded: only that answer's translation goes.
    await updateQuestion(inspection, translated, {
      kind: "about-you",
      text: "Where do you live?",
      options: "North\nSouth of the river",
    });
    translated = (await questionsOf(survey.id)).at(-1)!;
    expect(translated.text.pl).toBe("Gdzie mieszkasz?");
    expect(translated.options[0]!.label.pl).toBe("Północ");
    expect(translated.options[1]!.label.pl).toBeUndefined();
  });

  test("once the window opens, no edit can change a question", async () => {
    await sql`update inspections set survey_opens_at = now() - interval '1 minute' where id = ${inspection.id}`;
    const opened = (await findInspection(inspection.slug))!;
    const [question] = await questionsOf(survey.id);
    await expect(addQuestion(opened, survey, { kind: "text", text: "Late?" })).rejects.toThrow(SurveyLockedError);
    await expect(updateQuestion(opened, question!, { kind: question!.kind, text: "Changed" })).rejects.toThrow(
      SurveyLockedError,
    );
    await expect(updateTranslation(opened, question!, "pl", { text: "Zmienione" })).rejects.toThrow(SurveyLockedError);
    await expect(moveQuestion(opened, survey, question!.id, "down")).rejects.toThrow(SurveyLockedError);
    await expect(removeQuestion(opened, question!)).rejects.toThrow(SurveyLockedError);
    expect((await questionsOf(survey.id))[0]).toEqual(question);
  });
});

describe("forum review", () => {
  test("sharing emails the forum; the survey is ready only once every comment is resolved", async () => {
    const forum = await signedInStaff(`forum${slugCount}@example.org`, { inspections: [[inspection.id, "pcf"]] });
    const lead = await signedInStaff(`lead${slugCount}@example.org`, { inspections: [[inspection.id, "inspector"]] });
    await shareForReview(inspection, survey, "en-GB");
    const emails = await sql<
      { recipient: string; textBody: string }[]
    >`select recipient, text_body from outbox where status = 'pending'`;
    const toForum = emails.filter((email) => email.recipient === `forum${slugCount}@example.org`);
    expect(toForum).toHaveLength(1);
    expect(toForum[0]!.textBody).toContain(`/staff/inspections/${inspection.slug}/surveys/parents/review`);
    expect(emails.some((email) => email.recipient === `lead${slugCount}@example.org`)).toBe(false);

    const [first] = await questionsOf(survey.id);
    await addComment(first!, forum.id, "Could 'identified' be 'noticed'? Plainer for many parents.");
    expect(await markReady(survey)).toBe("open-comments");
    const [comment] = await sql<{ id: string }[]>`select id from review_comments where question_id = ${first!.id}`;
    await resolveComment(survey, comment!.id, lead.id);
    expect(await markReady(survey)).toBe("ready");
    expect((await findSurvey(inspection.id, "parents"))!.status).toBe("ready");
  });
});

describe("survey window", () => {
  test("a change is stored with who made it and why", async () => {
    const lead = await signedInStaff(`window${slugCount}@example.org`, { inspections: [[inspection.id, "inspector"]] });
    const closesAt = new Date(inspection.surveyClosesAt.getTime() - 60 * 60_000);
    await changeSurveyWindow(inspection, {
      opensAt: inspection.surveyOpensAt,
      closesAt,
      reason: "Half term",
      changedBy: lead.id,
    });
    expect((await findInspection(inspection.slug))!.surveyClosesAt).toEqual(closesAt);
    expect(await windowChanges(inspection.id)).toEqual([
      expect.objectContaining({
        changedByEmail: `window${slugCount}@example.org`,
        reason: "Half term",
        closesAt,
        previousClosesAt: inspection.surveyClosesAt,
      }),
    ]);
  });
});
