import { createCookie } from "@remix-run/node";
import type { Params } from "@remix-run/react";
import { secureCookies } from "~/auth/secret.server";
import { sql } from "~/db.server";
import { formatDateTime } from "~/i18n/format";
import { translatorFor } from "~/i18n/i18next.server";
import type { Inspection } from "~/inspections/inspection";
import { INSPECTION_COLUMNS } from "~/inspections/inspections.server";
import { parseChannelCode } from "~/promotion/channels";
import { questionsOf } from "./authoring.server";
import { findDraft, type PublicSurvey } from "./drafts.server";
import { isAudience, type Survey } from "./survey";
import { answeringState, draftExpiry } from "./window";

/**
 * What every public page of a survey starts from: the survey named in the address, the respondent's
 * draft (through a cookie on their device), whether answers are accepted now, and the reader's language.
 * The window is decided here, on the server, for every request.
 */
const notFound = () => new Response("Not Found", { status: 404 });

export async function loadPublicSurvey(slug: string | undefined, audience: string | undefined): Promise<PublicSurvey> {
  if (!slug || !isAudience(audience)) throw notFound();
  const [row] = await sql<Array<Inspection & { surveyId: string; status: Survey["status"] }>>`
    select ${INSPECTION_COLUMNS}, s.id as survey_id, s.status
    from inspections i join surveys s on s.inspection_id = i.id and s.audience = ${audience}
    where i.slug = ${slug}`;
  if (!row) throw notFound();
  const { surveyId, status, ...inspection } = row;
  const survey: Survey = { id: surveyId, inspectionId: inspection.id, audience, status };
  return { inspection, survey, questions: await questionsOf(surveyId) };
}

export async function loadRespondent(request: Request, params: Params) {
  const open = await loadPublicSurvey(params.slug, params.audience);
  const draftId = await draftIdFrom(request, open.survey);
  const draft = draftId ? await findDraft(draftId, open.survey) : null;
  const state = answeringState(open.inspection, draft?.startedAt ?? null, new Date());
  const { locale, t } = await translatorFor(request, "survey");
  const base = `/s/${open.inspection.slug}/${open.survey.audience}`;
  const when = {
    opens: formatDateTime(t, locale, open.inspection.surveyOpensAt),
    closes: formatDateTime(t, locale, open.inspection.surveyClosesAt),
    graceEnds: formatDateTime(t, locale, draftExpiry(open.inspection)),
  };
  return { open, draftId, draft, state, locale, t, base, when };
}

/** The first question still without an answer (1-based), or undefined when all have one. */
export function firstUnanswered(loaded: Awaited<ReturnType<typeof loadRespondent>>): number | undefined {
  const index = loaded.open.questions.findIndex((question) => loaded.draft?.answers[question.id] === undefined);
  return index < 0 ? undefined : index + 1;
}

/**
 * A channel code passed along from the shared link (checked against the inspection when saved); a
 * malformed one is dropped without an error.
 */
export const channelParam = (request: Request) => parseChannelCode(new URL(request.url).searchParams.get("src"));

/**
 * The device keeps its draft's random id in a cookie for that survey, as long as the draft can still
 * be submitted; only the id's hash is stored.
 */
const draftCookie = (survey: Survey) =>
  createCookie(`draft-${survey.id}`, { httpOnly: true, sameSite: "lax", secure: secureCookies, path: "/" });

async function draftIdFrom(request: Request, survey: Survey): Promise<string | null> {
  const id: unknown = await draftCookie(survey).parse(request.headers.get("Cookie"));
  return typeof id === "string" && id ? id : null;
}

/** The Set-Cookie header that lets this device find its (new, or resumed) draft until it expires. */
export const keepDraft = (survey: Survey, draftId: string, expires: Date) =>
  draftCookie(survey).serialize(draftId, { expires });

/** Remembers (only on this device) that this browser has already sent a response to these surveys. */
const takenPartCookie = createCookie("taken_part", {
  httpOnly: true,
  sameSite: "lax",
  secure: secureCookies,
  path: "/",
  maxAge: 60 * 60 * 24 * 60,
});

export async function hasTakenPart(request: Request, survey: Survey): Promise<boolean> {
  const surveys: unknown = await takenPartCookie.parse(request.headers.get("Cookie"));
  return Array.isArray(surveys) && surveys.includes(survey.id);
}

/** After a submission: the draft's cookie is cleared, and the device remembers it has taken part. */
export async function submittedCookies(request: Request, survey: Survey): Promise<string[]> {
  const before: unknown = await takenPartCookie.parse(request.headers.get("Cookie"));
  const surveys = [...new Set([...(Array.isArray(before) ? before : []), survey.id])];
  return [await draftCookie(survey).serialize("", { maxAge: 0 }), await takenPartCookie.serialize(surveys)];
}
