/**
 * The fixed choices of the open meeting forms. Their labels live in locales/<language>/meetings.json;
 * the database checks the same lists (db/migrations/0010_meetings.sql).
 */
export const MEETING_FORMATS = ["in-person", "online", "both"] as const;
export type MeetingFormat = (typeof MEETING_FORMATS)[number];

/** What the venue offers, as the organisers are asked to say. */
export const VENUE_ACCESS = ["step-free", "hearing-loop", "parking", "quiet-room", "toilets"] as const;
export type VenueAccess = (typeof VENUE_ACCESS)[number];

/**
 * What someone coming may need. Interpreters come first: a BSL interpreter needs weeks of notice, so
 * asking for one emails the local area at once.
 */
export const ACCESS_NEEDS = [
  "bsl",
  "interpreter",
  "wheelchair",
  "hearing-loop",
  "large-print",
  "quiet-space",
  "other",
] as const;
export type AccessNeed = (typeof ACCESS_NEEDS)[number];

export const INTERPRETER_NEEDS: readonly AccessNeed[] = ["bsl", "interpreter"];

/** How many places one booking may take (a parent, a partner, a carer). */
export const MAX_PLACES_PER_BOOKING = 3;
export const MAX_CAPACITY = 1000;

export const isOnline = (format: MeetingFormat) => format !== "in-person";
export const isInPerson = (format: MeetingFormat) => format !== "online";
