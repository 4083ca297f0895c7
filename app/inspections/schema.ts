import { z } from "zod";
import { day1Problem, INSPECTION_KINDS } from "./timeline";

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Makes a web-address slug from an area's name: "Brighton & Hove" becomes "brighton-hove". */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}

/** What it takes to create an inspection, from the CLI or the staff pages. */
export const NewInspection = z
  .object({
    localAreaName: z.string().trim().min(1, "Enter the local area's name").max(120, "Keep the local area's name under 120 characters"),
    kind: z.enum(INSPECTION_KINDS, { message: "Choose revisit or full" }),
    day1: z.string().trim(),
    slug: z
      .string()
      .trim()
      .min(2, "The web address must be 2 to 60 characters")
      .max(60, "The web address must be 2 to 60 characters")
      .regex(SLUG_PATTERN, "Use lower-case letters, numbers and single hyphens for the web address")
      .optional(),
  })
  .superRefine((value, context) => {
    const problem = day1Problem(value.day1);
    if (problem) context.addIssue({ code: "custom", path: ["day1"], message: problem.reason, params: problem });
    if (!value.slug && slugify(value.localAreaName).length < 2) {
      context.addIssue({ code: "custom", path: ["slug"], message: "Choose a web address for this inspection" });
    }
  })
  .transform((value) => ({ ...value, slug: value.slug ?? slugify(value.localAreaName) }));

export type NewInspection = z.output<typeof NewInspection>;
