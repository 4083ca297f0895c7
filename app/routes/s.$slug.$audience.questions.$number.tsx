import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EasyReadQuestion } from "~/easy-read/EasyReadQuestion";
import { easyReadError, easyReadQuestion, firstPage } from "~/easy-read/screens.server";
import { answerLimit, tooManyRequests } from "~/http/limits.server";
import { parseChannelCode } from "~/promotion/channels";
import { parseAnswer } from "~/surveys/answers";
import { displayQuestion } from "~/surveys/questions";
import { QuestionField } from "~/surveys/QuestionField";
import { saveAnswer } from "~/surveys/drafts.server";
import { channelParam, keepDraft, loadRespondent } from "~/surveys/public-survey.server";
import { SafeguardingNotice } from "~/surveys/SafeguardingNotice";
import { ErrorSummary } from "~/ui/forms";
import { OutageBoundary } from "~/ui/OutageBoundary";
import { errorPageTitle, pageTitle } from "~/ui/meta";

export const handle = { i18n: ["survey", "easyread"] };

async function load(request: Request, params: LoaderFunctionArgs["params"]) {
  const loaded = await loadRespondent(request, params);
  // Before it opens, or once closed (for anyone not in the grace period), the start page says why.
  if (loaded.state === "upcoming" || loaded.state === "closed") throw redirect(loaded.base);
  const number = Number(params.number);
  const question = Number.isInteger(number) ? loaded.open.questions[number - 1] : undefined;
  if (!question) throw new Response("Not Found", { status: 404 });
  return { ...loaded, number, question, fromCheck: new URL(request.url).searchParams.get("return") === "check" };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { open, draft, state, locale, t, base, when, number, question, fromCheck } = await load(request, params);
  const total = open.questions.length;
  const display = displayQuestion(question, locale);
  return json({
    title: display.text.text,
    caption: t("progress", { number, total }),
    question: display,
    answer: draft?.answers[question.id] ?? null,
    back: fromCheck ? `${base}/check` : number > 1 ? `${base}/questions/${number - 1}` : firstPage(base, open.survey),
    returnTo: fromCheck ? "check" : null,
    src: channelParam(request),
    late: state === "late" ? t("late", { closes: when.closes, graceEnds: when.graceEnds }) : null,
    area: open.inspection.localAreaName,
    safeguardingContact: open.inspection.safeguardingContact,
    // Young people's questions are in easy read: pictures, answer cards, audio, switch scanning.
    easyRead:
      open.survey.audience === "young-people"
        ? {
            ...(await easyReadQuestion(request, open.inspection, question, { number, total, locale })),
            lateUntil: state === "late" ? when.graceEnds : null,
          }
        : null,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  if (!(await answerLimit.allows(context.clientAddress))) throw tooManyRequests();
  const { open, draft, base, number, question, fromCheck } = await load(request, params);
  const formData = await request.formData();
  const submitted = formData.getAll("answer").map(String);
  const { answer, error } = parseAnswer(question, submitted);
  // What was typed comes back with the error, so nothing is lost; nothing is saved.
  if (error) {
    const message = open.survey.audience === "young-people" ? easyReadError(error) : error;
    return json({ error: message, submitted }, { status: 400 });
  }

  const started = await saveAnswer(open, draft, question.id, answer, parseChannelCode(formData.get("src")));
  const last = number === open.questions.length;
  const next =
    formData.get("intent") === "save"
      ? `${base}/save`
      : fromCheck || last
        ? `${base}/check`
        : `${base}/questions/${number + 1}`;
  if (!started) return redirect(next);
  return redirect(next, { headers: { "Set-Cookie": await keepDraft(open.survey, started.draftId, started.expires) } });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches, error }) =>
  pageTitle(matches, data?.title ?? errorPageTitle(matches, error));

// If the database is away as the answer is sent, the page keeps the answer and offers Continue again.
export const ErrorBoundary = OutageBoundary;

export default function QuestionPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("survey");
  const errors = actionData?.error ? [actionData.error] : undefined;
  const formAction = data.returnTo ? `?return=${data.returnTo}` : undefined;
  if (data.easyRead) {
    return (
      <EasyReadQuestion
        page={data.easyRead}
        question={data.question}
        caption={data.easyRead.caption}
        picture={data.easyRead.picture}
        cards={data.easyRead.cards}
        back={data.back}
        late={data.easyRead.lateUntil}
        formAction={formAction}
        src={data.src}
        answer={
          actionData
            ? data.question.kind === "multi"
              ? actionData.submitted
              : actionData.submitted.join("\n")
            : (data.answer ?? undefined)
        }
        error={actionData?.error}
      />
    );
  }
  return (
    <>
      <Link to={data.back} className="back-link">
        {t("back")}
      </Link>
      <ErrorSummary errors={errors ? [{ href: "#answer", message: errors[0]! }] : []} />
      {data.late ? (
        <div className="notification">
          <p>{data.late}</p>
        </div>
      ) : null}
      {/* Keyed by question: moving to the next question must not carry this one's choices over. */}
      <Form method="post" action={formAction} noValidate key={data.question.id}>
        {data.src ? <input type="hidden" name="src" value={data.src} /> : null}
        <QuestionField
          question={data.question}
          caption={data.caption}
          asHeading
          field={{
            id: "answer",
            name: "answer",
            descriptionId: "answer-hint",
            errorId: "answer-error",
            errors,
            initialValue: actionData
              ? data.question.kind === "multi"
                ? actionData.submitted
                : actionData.submitted.join("\n")
              : (data.answer ?? undefined),
          }}
        />
        {data.question.kind === "text" ? (
          <SafeguardingNotice area={data.area} contact={data.safeguardingContact} />
        ) : null}
        <div className="button-group">
          <button type="submit" name="intent" value="continue" className="button">
            {t("continue")}
          </button>
          <button type="submit" name="intent" value="save" className="button button--secondary">
            {t("saveLater")}
          </button>
        </div>
      </Form>
    </>
  );
}
