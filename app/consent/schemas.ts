import { z } from "zod";

/** "I'm happy to talk to an inspector", from the survey's last page. Messages are translation keys. */
export const TalkSchema = z
  .object({
    name: z.string().trim().optional(),
    email: z.string().trim().optional(),
    phone: z.string().trim().optional(),
    note: z.string().trim().optional(),
    agree: z.string().optional(),
  })
  // One refinement for every field, so all problems are reported at once.
  .superRefine((value, context) => {
    const problem = (path: string, message: string) => context.addIssue({ code: "custom", path: [path], message });
    if (!value.name) problem("name", "survey:talk.errors.nameRequired");
    else if (value.name.length > 120) problem("name", "survey:talk.errors.nameTooLong");
    if (!value.email && !value.phone) problem("email", "survey:talk.errors.contactRequired");
    if (value.email && !z.string().email().max(254).safeParse(value.email).success) {
      problem("email", "survey:talk.errors.emailInvalid");
    }
    if (value.phone && !/^[+()\d\s-]{7,40}$/.test(value.phone)) problem("phone", "survey:talk.errors.phoneInvalid");
    if (value.note && value.note.length > 1000) problem("note", "survey:talk.errors.noteTooLong");
    if (value.agree !== "yes") problem("agree", "survey:talk.errors.agreeRequired");
  })
  .transform((value) => ({
    name: value.name!,
    email: value.email || null,
    phone: value.phone || null,
    note: value.note || null,
  }));
