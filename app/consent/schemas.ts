import { z } from "zod";
import { DEFAULT_LANGUAGE, LANGUAGE_CODES } from "~/i18n/languages";
import {
  CAPACITIES,
  capacityProblem,
  partiesOf,
  PARTIES,
  PURPOSES,
  type Answers,
  type Capacity,
  type Decider,
  type Party,
} from "./rules";

/** The forms of consent and contact. Pure, so the browser checks what the server checks; messages are translation keys. */

const PHONE = /^[+()\d\s-]{7,40}$/;
const isEmail = (value: string) => z.string().email().max(254).safeParse(value).success;
const oneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  typeof value === "string" && (values as readonly string[]).includes(value);

type Problem = (path: string, message: string) => void;
const problems =
  (context: z.RefinementCtx): Problem =>
  (path, message) =>
    context.addIssue({ code: "custom", path: [path], message });

/** "I'm happy to talk to an inspector", from the survey's last page. */
export const TALK_WAYS = ["phone", "video", "email", "either"] as const;
export const TalkSchema = z
  .object({
    name: z.string().trim().optional(),
    email: z.string().trim().optional(),
    phone: z.string().trim().optional(),
    contactWay: z.string().optional(),
    language: z.string().trim().optional(),
    accessNeeds: z.string().trim().optional(),
    note: z.string().trim().optional(),
    agree: z.string().optional(),
  })
  // One refinement for every field, so all problems are reported at once.
  .superRefine((value, context) => {
    const problem = problems(context);
    if (!value.name) problem("name", "survey:talk.errors.nameRequired");
    else if (value.name.length > 120) problem("name", "survey:talk.errors.nameTooLong");
    if (!value.email && !value.phone) problem("email", "survey:talk.errors.contactRequired");
    if (value.email && !isEmail(value.email)) problem("email", "survey:talk.errors.emailInvalid");
    if (value.phone && !PHONE.test(value.phone)) problem("phone", "survey:talk.errors.phoneInvalid");
    if (value.contactWay && !oneOf(TALK_WAYS, value.contactWay))
      problem("contactWay", "consent:talkForm.errors.contactWay");
    if (value.language && value.language.length > 60) problem("language", "consent:talkForm.errors.language");
    if (value.accessNeeds && value.accessNeeds.length > 500)
      problem("accessNeeds", "consent:talkForm.errors.accessNeeds");
    if (value.note && value.note.length > 1000) problem("note", "survey:talk.errors.noteTooLong");
    if (value.agree !== "yes") problem("agree", "survey:talk.errors.agreeRequired");
  })
  .transform((value) => ({
    name: value.name!,
    email: value.email || null,
    phone: value.phone || null,
    contactWay: (value.contactWay || null) as (typeof TALK_WAYS)[number] | null,
    language: value.language || null,
    accessNeeds: value.accessNeeds || null,
    note: value.note || null,
  }));

/** A tracked case, as the local area adds it: the people asked depend on who decides. */
const text = z.string().trim().optional();
export const NewCaseSchema = z
  .object({
    reference: text,
    decides: z.string().optional(),
    childFirstName: text,
    parentName: text,
    parentEmail: text,
    parentPhone: text,
    parentLanguage: z.string().optional(),
    youngPersonName: text,
    youngPersonEmail: text,
    youngPersonPhone: text,
    youngPersonLanguage: z.string().optional(),
  })
  .superRefine((value, context) => {
    const problem = problems(context);
    if (!value.reference) problem("reference", "consent:newCase.errors.referenceRequired");
    else if (value.reference.length > 40) problem("reference", "consent:newCase.errors.referenceTooLong");
    if (value.childFirstName && value.childFirstName.length > 60) {
      problem("childFirstName", "consent:newCase.errors.childFirstNameTooLong");
    }
    if (!oneOf(["parent", "young-person", "both"] as const, value.decides)) {
      problem("decides", "consent:newCase.errors.decidesRequired");
      return;
    }
    const messages = {
      parent: {
        name: "consent:newCase.errors.parentName",
        contact: "consent:newCase.errors.parentContact",
        email: "consent:newCase.errors.parentEmail",
        phone: "consent:newCase.errors.parentPhone",
      },
      "young-person": {
        name: "consent:newCase.errors.youngPersonName",
        contact: "consent:newCase.errors.youngPersonContact",
        email: "consent:newCase.errors.youngPersonEmail",
        phone: "consent:newCase.errors.youngPersonPhone",
      },
    };
    for (const party of partiesOf(value.decides)) {
      const prefix = party === "parent" ? "parent" : "youngPerson";
      const [name, email, phone] = [value[`${prefix}Name`], value[`${prefix}Email`], value[`${prefix}Phone`]];
      if (!name || name.length > 120) problem(`${prefix}Name`, messages[party].name);
      if (!email && !phone) problem(`${prefix}Email`, messages[party].contact);
      if (email && !isEmail(email)) problem(`${prefix}Email`, messages[party].email);
      if (phone && !PHONE.test(phone)) problem(`${prefix}Phone`, messages[party].phone);
    }
  })
  .transform((value) => {
    const decides = value.decides as Decider;
    const contact = (party: Party) => {
      const prefix = party === "parent" ? "parent" : "youngPerson";
      return {
        party,
        name: value[`${prefix}Name`]!,
        email: value[`${prefix}Email`] || null,
        phone: value[`${prefix}Phone`] || null,
        language: oneOf(LANGUAGE_CODES, value[`${prefix}Language`]) ? value[`${prefix}Language`]! : DEFAULT_LANGUAGE,
      };
    };
    return {
      reference: value.reference!,
      decides,
      childFirstName: value.childFirstName || null,
      contacts: partiesOf(decides).map(contact),
    };
  });
export type NewCase = z.output<typeof NewCaseSchema>;

/** Making a link for one person of a case, and emailing it if asked. */
export const RequestSchema = (decides: Decider) =>
  z
    .object({ party: z.string().optional(), email: z.string().optional() })
    .superRefine((value, context) => {
      if (!partiesOf(decides).includes(value.party as Party)) {
        problems(context)("party", "consent:request.errors.party");
      }
    })
    .transform((value) => ({ party: value.party as Party, email: value.email === "yes" }));

/** How the person would like to be contacted: the same fields online and when staff record a call. */
export const CONTACT_WAYS = ["phone", "video", "either"] as const;
const preferenceFields = {
  contactWay: z.string().optional(),
  bestTimes: z.string().trim().optional(),
  interpreter: z.string().trim().optional(),
  bsl: z.string().optional(),
  accessNeeds: z.string().trim().optional(),
  note: z.string().trim().optional(),
};
type PreferenceInput = { [key in keyof typeof preferenceFields]?: string };

export interface Preferences {
  contactWay: (typeof CONTACT_WAYS)[number] | null;
  bestTimes: string | null;
  interpreter: string | null;
  bsl: boolean;
  accessNeeds: string | null;
  note: string | null;
}

const preferencesOf = (value: PreferenceInput): Preferences => ({
  contactWay: oneOf(CONTACT_WAYS, value.contactWay) ? value.contactWay : null,
  bestTimes: value.bestTimes || null,
  interpreter: value.interpreter || null,
  bsl: value.bsl === "yes",
  accessNeeds: value.accessNeeds || null,
  note: value.note || null,
});

const LIMITS = { bestTimes: 200, interpreter: 60, accessNeeds: 500, note: 1000 } as const;

/** The error messages of each wording: plain words for parents and staff, easy read for young people. */
const MESSAGES = {
  plain: {
    capacity: "consent:form.plain.errors.capacity",
    "young-person-decides": "consent:form.plain.errors.youngPersonDecides",
    "parent-link": "consent:form.plain.errors.parentLink",
    contact: "consent:form.plain.errors.contact",
    meet: "consent:form.plain.errors.meet",
    records: "consent:form.plain.errors.records",
    quote: "consent:form.plain.errors.quote",
    bestTimes: "consent:form.plain.errors.bestTimes",
    interpreter: "consent:form.plain.errors.interpreter",
    accessNeeds: "consent:form.plain.errors.accessNeeds",
    note: "consent:form.plain.errors.note",
  },
  easy: {
    capacity: "consent:form.easy.errors.capacity",
    "young-person-decides": "consent:form.easy.errors.youngPersonDecides",
    "parent-link": "consent:form.plain.errors.parentLink",
    contact: "consent:form.easy.errors.contact",
    meet: "consent:form.easy.errors.meet",
    records: "consent:form.easy.errors.records",
    quote: "consent:form.easy.errors.quote",
    bestTimes: "consent:form.easy.errors.tooLong",
    interpreter: "consent:form.easy.errors.tooLong",
    accessNeeds: "consent:form.easy.errors.tooLong",
    note: "consent:form.easy.errors.tooLong",
  },
  staff: {
    capacity: "consent:record.errors.capacity",
    "young-person-decides": "consent:record.errors.youngPersonDecides",
    "parent-link": "consent:record.errors.parentLink",
    contact: "consent:record.errors.contact",
    meet: "consent:record.errors.meet",
    records: "consent:record.errors.records",
    quote: "consent:record.errors.quote",
    bestTimes: "consent:form.plain.errors.bestTimes",
    interpreter: "consent:form.plain.errors.interpreter",
    accessNeeds: "consent:form.plain.errors.accessNeeds",
    note: "consent:form.plain.errors.note",
  },
} as const;
export type Wording = keyof typeof MESSAGES;

/** Who answers, yes or no for each purpose (nothing assumed), and contact preferences. */
function checkDecision(
  value: Record<string, string | undefined>,
  party: Party | undefined,
  wording: Wording,
  problem: Problem,
) {
  const messages = MESSAGES[wording];
  if (!oneOf(CAPACITIES, value.capacity)) problem("capacity", messages.capacity);
  else if (party) {
    const reason = capacityProblem(party, value.capacity);
    if (reason) problem("capacity", messages[reason]);
  }
  for (const purpose of PURPOSES) {
    if (value[purpose] !== "yes" && value[purpose] !== "no") problem(purpose, messages[purpose]);
  }
  for (const [field, limit] of Object.entries(LIMITS)) {
    if ((value[field]?.length ?? 0) > limit) problem(field, messages[field as keyof typeof LIMITS]);
  }
}

const answersOf = (value: Record<string, string | undefined>) =>
  Object.fromEntries(PURPOSES.map((purpose) => [purpose, value[purpose] === "yes"])) as Answers;

const purposeFields = Object.fromEntries(PURPOSES.map((purpose) => [purpose, z.string().optional()])) as Record<
  (typeof PURPOSES)[number],
  z.ZodOptional<z.ZodString>
>;

/** The consent page: `party` is whose link it is (a young person's link is answered by them). */
export const DecisionSchema = (party: Party) =>
  z
    .object({
      capacity: z.string().optional(),
      ...purposeFields,
      ...preferenceFields,
      textId: z.string().optional(),
      textSha: z.string().optional(),
      after: z.string().optional(),
    })
    .superRefine((value, context) =>
      checkDecision(value, party, party === "young-person" ? "easy" : "plain", problems(context)),
    )
    .transform((value) => ({
      capacity: value.capacity as Capacity,
      answers: answersOf(value),
      preferences: preferencesOf(value),
      text: { id: value.textId ?? "", sha256: value.textSha ?? "" },
      after: value.after ?? "",
    }));

/** A decision a staff member records from a phone call or a paper form. */
export const RECORD_METHODS = ["phone", "paper"] as const;
export const RecordSchema = (decides: Decider) =>
  z
    .object({
      method: z.string().optional(),
      party: z.string().optional(),
      capacity: z.string().optional(),
      language: z.string().optional(),
      ...purposeFields,
      ...preferenceFields,
    })
    .transform((value) => ({ ...value, party: decides === "both" ? value.party : decides }))
    .superRefine((value, context) => {
      const problem = problems(context);
      if (!oneOf(RECORD_METHODS, value.method)) problem("method", "consent:record.errors.method");
      const party = oneOf(PARTIES, value.party) && partiesOf(decides).includes(value.party) ? value.party : undefined;
      if (!party) problem("party", "consent:record.errors.party");
      if (!oneOf(LANGUAGE_CODES, value.language)) problem("language", "consent:record.errors.language");
      checkDecision({ ...value, note: undefined }, party, "staff", problem);
    })
    .transform((value) => ({
      method: value.method as (typeof RECORD_METHODS)[number],
      party: value.party as Party,
      capacity: value.capacity as Capacity,
      language: value.language!,
      answers: answersOf(value),
      preferences: { ...preferencesOf(value), note: null },
    }));
