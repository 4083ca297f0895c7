import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SAVE_LINES } from "~/easy-read/content";
import { EasyReadSave } from "~/easy-read/EasyReadSave";
import { easyReadPage, easyReadT, spokenLines } from "~/easy-read/screens.server";
import { contactLimit, tooManyRequests } from "~/http/limits.server";
import { emailResumeLink } from "~/surveys/drafts.server";
import { firstUnanswered, loadRespondent } from "~/surveys/public-survey.server";
import { ResumeEmailSchema } from "~/surveys/schemas";
import { ErrorSummary, summaryErrors, TextField } from "~/ui/forms";
import { pageTitle } from "~/ui/meta";

export const handle = { i18n: ["survey", "easyread"] };

async function load(request: Request, params: LoaderFunctionArgs["params"]) {
  const loaded = await loadRespondent(request, params);
  if (!loaded.draft || loaded.state === "upcoming" || loaded.state === "closed") throw redirect(loaded.base);
  return loaded;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const loaded = await load(request, params);
  const next = firstUnanswered(loaded);
  const youngPeople = loaded.open.survey.audience === "young-people";
  return json({
    title: youngPeople ? easyReadT(loaded.locale)("save.title") : loaded.t("save.title"),
    until: loaded.when.graceEnds,
    continueTo: next ? `${loaded.base}/questions/${next}` : `${loaded.base}/check`,
    sent: new URL(request.url).searchParams.has("sent"),
    // Young people are not asked for an email address: their answers wait on this device.
    easyRead: youngPeople
      ? await easyReadPage(
          request,
          loaded.open.inspection,
          loaded.locale,
          spokenLines(loaded.locale, "save.title", [SAVE_LINES]).concat(
            easyReadT(loaded.locale)("save.until", { until: loaded.when.graceEnds }),
          ),
        )
      : null,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  if (!(await contactLimit.allows(context.clientAddress))) throw tooManyRequests();
  const { open, draft, locale, base } = await load(request, params);
  const submission = parseWithZod(await request.formData(), { schema: ResumeEmailSchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  await emailResumeLink(open, draft!, submission.value.email, locale);
  return redirect(`${base}/save?sent`);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function SaveForLater() {
  const { until, continueTo, sent, easyRead } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("survey");
  const [form, fields] = useForm({
    id: "resume",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ResumeEmailSchema }),
  });
  if (easyRead) return <EasyReadSave page={easyRead} until={until} continueTo={continueTo} />;
  return (
    <>
      <ErrorSummary errors={summaryErrors([fields.email])} />
      {sent ? (
        <div className="notification notification--success" role="status">
          <p>{t("save.sent")}</p>
        </div>
      ) : null}
      <h1>{t("save.title")}</h1>
      <p>{t("save.saved", { until })}</p>
      <Link to={continueTo} className="button">
        {t("save.continue")}
      </Link>
      <h2>{t("save.emailHeading")}</h2>
      <p>{t("save.emailIntro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <TextField
          field={fields.email}
          label={t("save.email")}
          hint={t("save.emailHint")}
          type="email"
          autoComplete="email"
          spellCheck={false}
        />
        <button type="submit" className="button button--secondary">
          {t("save.send")}
        </button>
      </Form>
    </>
  );
}
