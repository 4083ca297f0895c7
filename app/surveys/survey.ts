/** The three audiences each inspection hears from, one survey each. */
export const AUDIENCES = ["parents", "young-people", "practitioners"] as const;
export type Audience = (typeof AUDIENCES)[number];

export const isAudience = (value: unknown): value is Audience =>
  typeof value === "string" && (AUDIENCES as readonly string[]).includes(value);

/** Where a survey's wording stands: written, shared with the forum for review, or ready to go live. */
export type ReviewStatus = "draft" | "in-review" | "ready";

export interface Survey {
  id: string;
  inspectionId: string;
  audience: Audience;
  status: ReviewStatus;
}
