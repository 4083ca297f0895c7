import { z } from "zod";
import { day1Problem, isIsoDate, type IsoDate } from "./calendar";
import { INSPECTION_KINDS, type InspectionKind } from "./inspection";

/** Forms and commands that create or change inspections. Messages are translation keys. */
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

const DAY1_ERRORS = {
  "invalid-date": "staff:newInspection.errors.day1Invalid",
  weekend: "staff:newInspection.errors.day1Weekend",
  "bank-holiday": "staff:newInspection.errors.day1BankHoliday",
} as const;

type BankHoliday = (date: IsoDate) => string | undefined;

/**
 * Every field is checked in one refinement, so a form with several problems shows them all at once.
 * Bank holidays are checked where `bankHoliday` is given: on the server (inspections.server.ts).
 */
export const newInspectionSchema = (bankHoliday?: BankHoliday) =>
  z
    .object({
      localAreaName: z.string().trim().optional(),
      kind: z.string().optional(),
      day1: z.string().trim().optional(),
      slug: z.string().trim().optional(),
    })
    .superRefine((value, context) => {
      const problem = (path: string, message: string) => context.addIssue({ code: "custom", path: [path], message });
      if (!value.localAreaName) problem("localAreaName", "staff:newInspection.errors.areaRequired");
      else if (value.localAreaName.length > 120) problem("localAreaName", "staff:newInspection.errors.areaTooLong");
      if (!(INSPECTION_KINDS as readonly string[]).includes(value.kind ?? ""))
        problem("kind", "staff:newInspection.errors.kindRequired");
      const day1 = day1Problem(value.day1 ?? "", bankHoliday);
      if (day1) problem("day1", DAY1_ERRORS[day1.reason]);
      if (value.slug) {
        if (value.slug.length < 2 || value.slug.length > 60 || !SLUG_PATTERN.test(value.slug)) {
          problem("slug", "staff:newInspection.errors.slugInvalid");
        }
      } else if (value.localAreaName && slugify(value.localAreaName).length < 2) {
        problem("slug", "staff:newInspection.errors.slugRequired");
      }
    })
    .transform((value) => ({
      localAreaName: value.localAreaName!,
      kind: value.kind as InspectionKind,
      day1: value.day1!,
      slug: value.slug || slugify(value.localAreaName!),
    }));

export const NewInspection = newInspectionSchema();
export type NewInspection = z.output<typeof NewInspection>;

/** A GOV.UK date input: three boxes for day, month and year. */
const DateParts = z
  .object({ day: z.string().optional(), month: z.string().optional(), year: z.string().optional() })
  .optional();

/** 'YYYY-MM-DD' from the three boxes, or '' when they do not make a real date. */
export function isoFromParts(parts: z.infer<typeof DateParts>): string {
  const [day, month, year] = [parts?.day, parts?.month, parts?.year].map((part) => part?.trim() ?? "");
  if (!/^\d{1,2}$/.test(day!) || !/^\d{1,2}$/.test(month!) || !/^\d{4}$/.test(year!)) return "";
  const iso = `${year}-${month!.padStart(2, "0")}-${day!.padStart(2, "0")}`;
  return isIsoDate(iso) ? iso : "";
}

export const partsFromIso = (iso: string) => ({
  day: String(Number(iso.slice(8, 10))),
  month: String(Number(iso.slice(5, 7))),
  year: iso.slice(0, 4),
});

export const newInspectionForm = (bankHoliday?: BankHoliday) =>
  z
    .object({
      localAreaName: z.string().optional(),
      kind: z.string().optional(),
      day1: DateParts,
      slug: z.string().optional(),
    })
    .transform((value) => ({ ...value, day1: isoFromParts(value.day1) }))
    .pipe(newInspectionSchema(bankHoliday));
export const NewInspectionForm = newInspectionForm();

const TIME = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;

/** "9:30", "09:30" or "9.30" as "09:30"; '' when it is not a time of day. */
export function normaliseTime(value: string | undefined): string {
  const match = value?.trim().match(TIME);
  return match ? `${match[1]!.padStart(2, "0")}:${match[2]}` : "";
}

export const SurveyWindowForm = z
  .object({
    opens: DateParts,
    opensTime: z.string().optional(),
    closes: DateParts,
    closesTime: z.string().optional(),
    reason: z.string().trim().optional(),
  })
  // One refinement for every field, so the error summary lists all problems at once.
  .superRefine((value, context) => {
    for (const field of ["opens", "closes"] as const) {
      if (!isoFromParts(value[field]))
        context.addIssue({ code: "custom", path: [field], message: `staff:window.errors.${field}Date` });
      if (!normaliseTime(value[`${field}Time`])) {
        context.addIssue({ code: "custom", path: [`${field}Time`], message: "staff:window.errors.time" });
      }
    }
    if (!value.reason)
      context.addIssue({ code: "custom", path: ["reason"], message: "staff:window.errors.reasonRequired" });
    else if (value.reason.length > 1000) {
      context.addIssue({ code: "custom", path: ["reason"], message: "staff:window.errors.reasonTooLong" });
    }
  })
  .transform((value) => ({
    opens: { date: isoFromParts(value.opens), time: normaliseTime(value.opensTime) },
    closes: { date: isoFromParts(value.closes), time: normaliseTime(value.closesTime) },
    reason: value.reason!,
  }));

export const SafeguardingForm = z.object({
  contact: z.string().trim().max(500, "staff:safeguarding.errors.tooLong").optional(),
});
