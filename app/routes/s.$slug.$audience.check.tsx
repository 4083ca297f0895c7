import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CHECK_LINES, LOST_LINES, SEND_LINES } from "~/easy-read/content";
import { EasyReadCheck } from "~/easy-read/EasyReadCheck";
import { easyReadAnswers, easyReadPage, easyReadT, spokenLines } from "~/easy-read/screens.server";
import { submitLimit, tooManyRequests } from "~/http/limits.server";
import { answeredQuestions } from "~/surveys/answers";
import { AnswerSummary } from "~/surveys/AnswerSummary";
import { submitDraft } from "~/surveys/drafts.server";
import { hasTakenPart, loadRespondent, submittedCookies } from "~/surveys/public-survey.server";
import { pageTitle } from "~/ui/meta";
import { HoneypotField, honeypotFilled } from "~/ui/forms";

export const handle = { i18n: ["survey", "easyread"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { open, draft, state, locale, t, base, when } = await loadRespondent(request, params);
  if (state === "upcoming" || state === "closed") throw redirect(base);
  const youngPeople = open.survey.audience === "young-people";
  return json({
    title: youngPeople ? easyReadT(locale)(draft ? "check.title" : "check.lostTitle") : t("check.title"),
    base,
    // No draft here means the answers were never saved: most often a browser that blocks cookies.
    rows: draft ? answeredQuestions(open.questions, draft.answers, locale, t) : null,
    late: state === "late" ? t("late", { closes: when.closes, graceEnds: when.graceEnds }) : null,
    // Young people check their answers in easy read; only the page's own words are said aloud.
    easyRead: youngPeople
      ? {
          page: await easyReadPage(
            request,
            open.inspection,
            locale,
            spokenLines(
              locale,
              draft ? "check.title" : "check.lostTitle",
              draft ? [CHECK_LINES, SEND_LINES] : [LOST_LINES],
            ),
          ),
          rows: draft ? easyReadAnswers(open.questions, draft.answers, locale) : null,
          late: state === "late" ? when.graceEnds : null,
        }
      : null,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  if (!(await submitLimit.allows(context.clientAddress))) throw tooManyRequests();
  const { open, draftId, state, locale, base } = await loadRespondent(request, params);
  if (state === "upcoming" || state === "closed") return redirect(base);
  const formData = await request.formData();
  if (honeypotFilled(formData)) return redirect(`${base}/done`);

  const submitted = draftId !== null && (await submitDraft(draftId, open, { locale, late: state === "late" }));
  if (!submitted) {
    // Nothing left to submit: already sent (a double tap or a retry), or never saved.
    return redirect((await hasTakenPart(request, open.survey)) ? `${base}/done` : `${base}/check`);
  }
  const headers = new Headers();
  for (const cookie of await submittedCookies(request, open.survey)) headers.append("Set-Cookie", cookie);
  return redirect(`${base}/done`, { headers });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function CheckAnswers() {
  const { base, rows, late, easyRead } = useLoaderData<typeof loader>();
  const { t } = useTranslation("survey");
  if (easyRead) return <EasyReadCheck page={easyRead.page} base={base} rows={easyRead.rows} late={easyRead.late} />;
  if (!rows) {
    return (
      <>
        <h1>{t("check.noAnswersTitle")}</h1>
        <p>{t("check.noAnswers")}</p>
        <p>
          <Link to={base}>{t("check.startAgain")}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <Link to={`${base}/questions/${rows.length}`} className="back-link">
        {t("back")}
      </Link>
      {late ? (
        <div className="notification">
          <p>{late}</p>
        </div>
      ) : null}
      <h1>{t("check.title")}</h1>
      <AnswerSummary rows={rows} changeTo={(number) => `${base}/questions/${number}?return=check`} />
      <h2>{t("check.sendHeading")}</h2>
      <p>{t("check.send")}</p>
      <Form method="post">
        <HoneypotField />
        <button type="submit" className="button">
          {t("check.submit")}
        </button>
      </Form>
    </>
  );
}
