import { z } from "zod";
import { lines } from "~/utils";
import { hasOptions, kindsFor, QUESTION_KINDS } from "./questions";
import type { Audience } from "./survey";

/** Forms for writing questions, shared by browser and server. Messages are translation keys. */
const MAX_OPTIONS = 12;

/** "Add a question": which kind, among those this audience's survey may have. */
export const addQuestionSchema = (audience: Audience) =>
  z.object({
    kind: z.enum(kindsFor(audience) as [string, ...string[]], {
      errorMap: () => ({ message: "questions:authoring.errors.kindRequired" }),
    }),
  });

export const QuestionFormSchema = z
  .object({
    kind: z.enum(QUESTION_KINDS),
    text: z
      .string({ required_error: "questions:form.errors.textRequired" })
      .trim()
      .min(1, "questions:form.errors.textRequired")
      .max(500, "questions:form.errors.textTooLong"),
    hint: z.string().trim().max(500, "questions:form.errors.hintTooLong").optional(),
    options: z.string().optional(),
    focusArea: z.string().trim().max(80, "questions:form.errors.focusAreaTooLong").optional(),
    characterLimit: z
      .number({ invalid_type_error: "questions:form.errors.characterLimit" })
      .int("questions:form.errors.characterLimit")
      .min(100, "questions:form.errors.characterLimit")
      .max(5000, "questions:form.errors.characterLimit")
      .optional(),
    faces: z.enum(["4", "5"]).optional(),
  })
  .superRefine((value, context) => {
    if (hasOptions(value.kind)) {
      const options = lines(value.options);
      if (options.length < 2 || options.length > MAX_OPTIONS) {
        context.addIssue({ code: "custom", path: ["options"], message: "questions:form.errors.optionsCount" });
      } else if (options.some((line) => line.length > 120)) {
        context.addIssue({ code: "custom", path: ["options"], message: "questions:form.errors.optionTooLong" });
      } else if (new Set(options).size !== options.length) {
        context.addIssue({ code: "custom", path: ["options"], message: "questions:form.errors.optionsRepeated" });
      }
    }
    if (value.kind === "faces" && !value.faces) {
      context.addIssue({ code: "custom", path: ["faces"], message: "questions:form.errors.facesRequired" });
    }
  });

export const TranslationFormSchema = z.object({
  text: z.string().trim().max(500, "questions:form.errors.textTooLong").optional(),
  hint: z.string().trim().max(500, "questions:form.errors.hintTooLong").optional(),
  options: z.array(z.string().trim().max(120, "questions:form.errors.optionTooLong").optional()).optional(),
});

export const CommentSchema = z.object({
  questionId: z.string(),
  body: z
    .string({ required_error: "questions:review.errors.commentRequired" })
    .trim()
    .min(1, "questions:review.errors.commentRequired")
    .max(2000, "questions:review.errors.commentTooLong"),
});

/** "Save and come back later": where to email the link (used for that one email, never stored). */
export const ResumeEmailSchema = z.object({
  email: z
    .string({ required_error: "survey:save.errors.emailRequired" })
    .trim()
    .max(254, "survey:save.errors.emailInvalid")
    .email("survey:save.errors.emailInvalid"),
});
