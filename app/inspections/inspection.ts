/** What an inspection is, for any module (pure types, safe in the browser). */
export const INSPECTION_KINDS = ["revisit", "full"] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];

export interface Inspection {
  id: string;
  slug: string;
  localAreaName: string;
  kind: InspectionKind;
  day1: string;
  surveyOpensAt: Date;
  surveyClosesAt: Date;
  /** The local children's services contact for respondents worried about a child's safety. */
  safeguardingContact: string | null;
}
