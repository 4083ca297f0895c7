import { z } from "zod";
import { lines } from "~/utils";

/** Forms on the results pages and their tools, shared by browser and server. Messages are translation keys. */
export const RedactPhraseSchema = z.object({
  phrase: z
    .string({ required_error: "results:comments.errors.phrase" })
    .trim()
    .min(2, "results:comments.errors.phrase")
    .max(200, "results:comments.errors.phrase"),
});

/** School and setting names, one a line, so a whole list can be pasted in at once. */
export const SettingNamesSchema = z.object({
  name: z
    .string({ required_error: "staff:settingNames.errors.name" })
    .transform(lines)
    .refine(
      (names) => names.length > 0 && names.every((name) => name.length >= 2 && name.length <= 120),
      "staff:settingNames.errors.name",
    ),
});
