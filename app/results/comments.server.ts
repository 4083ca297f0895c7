import { randomBytes } from "node:crypto";
import { pageParam } from "~/http/params";
import { displayQuestion, type Question } from "~/surveys/questions";
import type { Survey } from "~/surveys/survey";
import type { Snapshot } from "./snapshots.server";
import { comments } from "./aggregate.server";
import { redact, type Segment } from "./redaction";
import { redactionLists } from "./redaction-lists.server";
import { SAFEGUARDING_SQL_PATTERN } from "./safeguarding";

export const COMMENTS_PAGE_SIZE = 25;
/** Flagged comments are listed before the rest, up to this many. */
const FLAGGED_LIMIT = 200;

export interface ShownComment {
  key: string;
  question: string;
  segments: Segment[];
}

/**
 * A page of a survey's free-text comments, redacted, in a random order with no times; those that may
 * describe a risk to a child come first, for the lead inspector. Only comments of the published
 * `snapshot` (none before the first), so new comments arrive only with a snapshot, in a new order.
 */
export async function readComments({
  inspectionId,
  survey,
  questions,
  locale,
  url,
  snapshot,
}: {
  inspectionId: string;
  survey: Survey;
  questions: Question[];
  locale: string;
  url: URL;
  snapshot: Snapshot | null;
}) {
  const texts = questions.filter((question) => question.kind === "text");
  const focus = url.searchParams.get("focus") ?? "";
  const questionFilter = url.searchParams.get("question") ?? "";
  const chosen = texts.filter(
    (question) => (!questionFilter || question.id === questionFilter) && (!focus || question.focusArea === focus),
  );
  // A fresh random order for each reading, kept while paging through it, and never carried over to a
  // new snapshot (where it would show the new comments among the old ones in the order they had).
  const asked = /^(\d+)\.([0-9a-f]{12})$/.exec(url.searchParams.get("order") ?? "");
  const seed =
    asked && snapshot && Number(asked[1]) === snapshot.number
      ? asked[0]
      : `${snapshot?.number ?? 0}.${randomBytes(6).toString("hex")}`;
  const page = pageParam(url.searchParams.get("page"));
  const read = (options: { pattern?: string; limit: number; offset: number }) =>
    snapshot && chosen.length
      ? comments(snapshot.number, { seed, questionIds: chosen.map((question) => question.id), ...options })
      : Promise.resolve({ total: 0, comments: [] });
  const [lists, flagged, all] = await Promise.all([
    redactionLists(inspectionId),
    read({ pattern: SAFEGUARDING_SQL_PATTERN, limit: FLAGGED_LIMIT, offset: 0 }),
    read({ limit: COMMENTS_PAGE_SIZE, offset: (page - 1) * COMMENTS_PAGE_SIZE }),
  ]);
  const questionText = new Map(texts.map((question) => [question.id, displayQuestion(question, locale).text.text]));
  const redacted = (list: typeof all.comments): ShownComment[] =>
    list.map((comment) => ({
      key: comment.key,
      question: questionText.get(comment.questionId) ?? "",
      segments: redact(comment.text, lists),
    }));
  const query = (changes: Record<string, string>) =>
    `?${new URLSearchParams({
      survey: survey.audience,
      order: seed,
      ...(questionFilter ? { question: questionFilter } : {}),
      ...(focus ? { focus } : {}),
      ...changes,
    })}`;
  return {
    flagged: redacted(flagged.comments),
    comments: redacted(all.comments),
    total: all.total,
    page,
    pages: Math.max(1, Math.ceil(all.total / COMMENTS_PAGE_SIZE)),
    previous: page > 1 ? query({ page: String(page - 1) }) : null,
    next: page * COMMENTS_PAGE_SIZE < all.total ? query({ page: String(page + 1) }) : null,
    questions: texts.map((question) => ({ id: question.id, text: questionText.get(question.id)! })),
    focusAreas: [...new Set(texts.flatMap((question) => (question.focusArea ? [question.focusArea] : [])))],
    questionFilter,
    focus,
  };
}
