import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { START_LINES } from "~/easy-read/content";
import { EasyReadStart } from "~/easy-read/EasyReadStart";
import { easyReadPage, easyReadT, spokenLines } from "~/easy-read/screens.server";
import { parseSwitchForm } from "~/easy-read/switch-form.server";
import { rememberSwitchSettings } from "~/easy-read/switch.server";
import { answerLimit, tooManyRequests } from "~/http/limits.server";
import { answeredQuestions } from "~/surveys/answers";
import { AnswerSummary } from "~/surveys/AnswerSummary";
import { channelParam, firstUnanswered, hasTakenPart, loadRespondent } from "~/surveys/public-survey.server";
import { SafeguardingNotice } from "~/surveys/SafeguardingNotice";
import { pageTitle } from "~/ui/meta";

export const handle = { i18n: ["survey", "easyread"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const loaded = await loadRespondent(request, params);
  const { open, draft, state, locale, t, base, when } = loaded;
  const src = channelParam(request);
  const questions = open.questions.length;
  const texts = open.questions.filter((question) => question.kind === "text").length;
  const next = firstUnanswered(loaded);
  return json({
    title:
      open.survey.audience === "young-people"
        ? easyReadT(locale)("start.title")
        : t(`start.title.${open.survey.audience}`),
    area: open.inspection.localAreaName,
    slug: open.inspection.slug,
    audience: open.survey.audience,
    state,
    when,
    questions,
    minutes: Math.max(3, Math.ceil(questions * 0.5 + texts * 2)),
    safeguardingContact: open.inspection.safeguardingContact,
    start: `${base}/questions/1${src ? `?${new URLSearchParams({ src })}` : ""}`,
    resume: draft ? (next ? `${base}/questions/${next}` : `${base}/check`) : null,
    takenPart: !draft && (await hasTakenPart(request, open.survey)),
    // After the close, what someone had written is shown back so that nothing is silently lost.
    unsent: state === "closed" && draft ? answeredQuestions(open.questions, draft.answers, locale, t) : null,
    // Young people's start page is in easy read, with switch mode.
    easyRead:
      open.survey.audience === "young-people"
        ? {
            page: await easyReadPage(
              request,
              open.inspection,
              locale,
              spokenLines(locale, "start.title", [START_LINES], { area: open.inspection.localAreaName }),
            ),
            takePart: `${base}/take-part${src ? `?${new URLSearchParams({ src })}` : ""}`,
            switchSaved: new URL(request.url).searchParams.has("switch"),
          }
        : null,
  });
}

/** Switch mode on or off (young people only), remembered in a cookie on this device for this survey. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  if (!(await answerLimit.allows(context.clientAddress))) throw tooManyRequests();
  const { open, base } = await loadRespondent(request, params);
  if (open.survey.audience !== "young-people") throw new Response("Method Not Allowed", { status: 405 });
  const form = parseSwitchForm(await request.formData());
  if ("errors" in form) return json({ errors: form.errors }, { status: 400 });
  const cookie = await rememberSwitchSettings(open.inspection, form.settings);
  return redirect(`${base}?switch#switch-mode`, { headers: { "Set-Cookie": cookie } });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function SurveyStart() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("survey");
  const answering = data.state === "open" || data.state === "late";
  if (data.easyRead) {
    const view = { ...data, ...data.easyRead, questions: data.questions };
    return <EasyReadStart view={view} switchErrors={actionData?.errors as Record<string, string[]> | undefined} />;
  }
  return (
    <>
      <span className="caption">{data.area}</span>
      <h1>{data.title}</h1>

      {data.state === "upcoming" ? (
        <div className="panel">
          <p>{t("start.upcoming", { opens: data.when.opens })}</p>
        </div>
      ) : null}

      {data.state === "closed" ? (
        <div className="panel">
          <p>{t("start.closed", { closes: data.when.closes })}</p>
          <p>
            <Link to={`/s/${data.slug}`}>{t("start.otherWays")}</Link>
          </p>
        </div>
      ) : null}

      {data.unsent ? (
        <>
          <h2>{t("start.unsentHeading")}</h2>
          <p>{t("start.unsent")}</p>
          <AnswerSummary rows={data.unsent} />
        </>
      ) : null}

      {data.state === "late" ? (
        <div className="notification">
          <p>{t("late", { closes: data.when.closes, graceEnds: data.when.graceEnds })}</p>
        </div>
      ) : null}

      {data.state !== "closed" ? (
        <>
          <p className="lead">{t(`start.forWho.${data.audience}`, { area: data.area })}</p>
          <p>{t("start.length", { count: data.questions, minutes: data.minutes })}</p>
          <h2>{t("start.anonymousHeading")}</h2>
          <p>{t("start.anonymous")}</p>
          <h2>{t("start.whatHappensHeading")}</h2>
          <p>{t("start.whatHappens")}</p>
          {data.state === "open" ? <p>{t("start.closes", { closes: data.when.closes })}</p> : null}
        </>
      ) : null}

      {answering && data.resume ? (
        <Link to={data.resume} className="button">
          {t("start.continue")}
        </Link>
      ) : null}
      {answering && !data.resume && data.takenPart ? (
        <div className="panel">
          <h2 className="heading-m">{t("start.takenPartHeading")}</h2>
          <p>{t("start.takenPart")}</p>
          <div className="button-group">
            <Link to={data.start} className="button">
              {t("start.another")}
            </Link>
            <Link to={`/s/${data.slug}`}>{t("start.notAnother")}</Link>
          </div>
        </div>
      ) : null}
      {answering && !data.resume && !data.takenPart ? (
        <Link to={data.start} className="button button--start">
          {t("start.start")}
        </Link>
      ) : null}

      <SafeguardingNotice area={data.area} contact={data.safeguardingContact} />
    </>
  );
}
