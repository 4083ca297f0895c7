/**
 * The rules of consent, pure (no I/O), shared by the pages, the records and the board, and tested
 * exhaustively. A person decides yes or no for each purpose separately; every decision is a new record,
 * and what stands is the latest record of each person who decides.
 */

/** What inspectors may do, each asked separately: (a) phone or video call, (b) meet or talk, (c) look at
 * records services hold, (d) quote without a name. */
export const PURPOSES = ["contact", "meet", "records", "quote"] as const;
export type Purpose = (typeof PURPOSES)[number];

/** The two people a case may ask: the parent or carer, and the young person past compulsory school age. */
export const PARTIES = ["parent", "young-person"] as const;
export type Party = (typeof PARTIES)[number];

/** Whose decision it is, recorded for each case. */
export const DECIDERS = ["parent", "young-person", "both"] as const;
export type Decider = (typeof DECIDERS)[number];

/** Who is filling in the form, in what capacity. */
export const CAPACITIES = ["parent", "carer", "young-person", "legal-authority"] as const;
export type Capacity = (typeof CAPACITIES)[number];

/** How a decision reached us: online through the link, or recorded by a named staff member. */
export const METHODS = ["online", "phone", "paper"] as const;
export type Method = (typeof METHODS)[number];

/** A purpose's state in a record. */
export type RecordedStatus = "given" | "refused" | "withdrawn";
/** A purpose's state on the board: nothing recorded yet is "not-answered". */
export type Status = RecordedStatus | "not-answered";
export type Statuses = Record<Purpose, RecordedStatus>;
export type Answers = Record<Purpose, boolean>;

export const isParty = (value: unknown): value is Party => (PARTIES as readonly unknown[]).includes(value);

/** The people asked for a case. */
export function partiesOf(decides: Decider): Party[] {
  return decides === "both" ? ["parent", "young-person"] : [decides];
}

/**
 * Whether someone in `capacity` may answer for `party`: a young person past compulsory school age decides
 * for themselves (a parent or carer may help, but cannot answer for them); someone with legal authority
 * may act for either. Returns the reason when not.
 */
export function capacityProblem(party: Party, capacity: Capacity): "young-person-decides" | "parent-link" | null {
  if (party === "young-person" && (capacity === "parent" || capacity === "carer")) return "young-person-decides";
  if (party === "parent" && capacity === "young-person") return "parent-link";
  return null;
}

/**
 * The statuses a new decision records: yes is "given"; no is "withdrawn" where this person had given it
 * before (saying no later takes consent back), and "refused" otherwise.
 */
export function decide(previous: Statuses | undefined, answers: Answers): Statuses {
  const result = {} as Statuses;
  for (const purpose of PURPOSES) {
    const before = previous?.[purpose];
    result[purpose] = answers[purpose]
      ? "given"
      : before === "given" || before === "withdrawn"
        ? "withdrawn"
        : "refused";
  }
  return result;
}

/** Withdrawal in one step: everything this person had given is withdrawn; refusals stay refusals. */
export function withdraw(previous: Statuses | undefined): Statuses {
  return decide(previous, { contact: false, meet: false, records: false, quote: false });
}

// For a case where both decide, one "no" is enough, and a withdrawal must never be hidden by a refusal.
const PRECEDENCE: Status[] = ["withdrawn", "refused", "not-answered", "given"];

/**
 * The case's status per purpose from the latest record of each person who decides: given only when every
 * one of them has given it.
 */
export function caseStatuses(decides: Decider, latest: Partial<Record<Party, Statuses>>): Record<Purpose, Status> {
  const result = {} as Record<Purpose, Status>;
  for (const purpose of PURPOSES) {
    const each: Status[] = partiesOf(decides).map((party) => latest[party]?.[purpose] ?? "not-answered");
    result[purpose] = PRECEDENCE.find((status) => each.includes(status))!;
  }
  return result;
}

/** Contact details are shown to inspectors only while consent to phone or video call stands. */
export const contactStands = (statuses: Record<Purpose, Status>) => statuses.contact === "given";
