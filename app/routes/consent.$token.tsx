import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import {
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AnswersSummary, LinkProblem } from "~/consent/ConsentPages";
import styles from "~/consent/consent.css";
import { DECISION_FIELD_ORDER, DecisionFields } from "~/consent/DecisionForm";
import { decideOnline } from "~/consent/decisions.server";
import { noticeKind } from "~/consent/notice";
import { findNoticeVersion } from "~/consent/notice.server";
import { EasyRead, NoticeText } from "~/consent/NoticeText";
import { answersView, formView, openLink, privateJson } from "~/consent/page.server";
import { DecisionSchema } from "~/consent/schemas";
import { useStableErrors } from "~/consent/stable";
import { contactLimit, tooManyRequests } from "~/http/limits.server";
import { ErrorSummary, summaryErrors, type Field } from "~/ui/forms";
import { pageTitle } from "~/ui/meta";

export const handle = { i18n: ["consent"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

/**
 * The consent page a request's link opens: the form (easy read on a young person's link), or, once the
 * person has answered, their answers with a way to change them and to withdraw in one step.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const opened = await openLink(request, params.token);
  if ("response" in opened) return opened.response;
  const search = new URL(request.url).searchParams;
  if (!opened.latest || search.has("change")) return privateJson(await formView(opened));
  const flash = (["saved", "withdrawn", "already"] as const).find((name) => search.has(name)) ?? null;
  return privateJson(await answersView(opened, flash));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  if (!(await contactLimit.allows(context.clientAddress))) throw tooManyRequests();
  const opened = await openLink(request, params.token);
  if ("response" in opened) return opened.response;
  const { link, locale, wording } = opened;
  const submission = parseWithZod(await request.formData(), { schema: DecisionSchema(link.party) });
  if (submission.status !== "success") return privateJson({ result: submission.reply() }, 400);
  const { text: shown, ...decision } = submission.value;
  const text = await findNoticeVersion(shown.id, shown.sha256);
  // The form names the text it showed; one that is not a stored text of this kind was never shown here.
  if (!text || text.notice.kind !== noticeKind(link.party)) {
    const changed = `consent:form.${wording}.errors.changed`;
    return privateJson({ result: submission.reply({ formErrors: [changed] }) }, 400);
  }
  const outcome = await decideOnline(link, locale, { ...decision, text });
  return redirect(`/consent/${link.token}?${outcome === "stale" ? "already" : "saved"}`, {
    headers: { "Cache-Control": "no-store" },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

type PageData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function ConsentPage() {
  const data = useLoaderData<typeof loader>();
  const token = useParams().token ?? "";
  if (data.view === "problem") return <LinkProblem state={data.state} />;
  if (data.view === "answers") return <AnswersSummary token={token} data={data} />;
  return <DecisionPage token={token} data={data} />;
}

function DecisionPage({ token, data }: { token: string; data: Extract<PageData, { view: "form" }> }) {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("consent");
  const [form, fields] = useForm({
    id: "consent",
    lastResult: actionData && "result" in actionData ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DecisionSchema(data.party) }),
  });
  const { notice } = data.text;
  const all = fields as unknown as Record<string, Field>;
  const errors = useStableErrors([
    ...(form.errors ?? []).map((message) => ({ href: "#notice", message })),
    ...summaryErrors(DECISION_FIELD_ORDER.map((name) => all[name])),
  ]);
  return (
    <EasyRead easy={data.wording === "easy"}>
      <ErrorSummary errors={errors} />
      <span className="caption">{data.area}</span>
      <h1 id="notice" tabIndex={-1}>
        {notice.title}
      </h1>
      <NoticeText notice={notice} />
      {/* ?change keeps the form on screen if the answers come back with errors. */}
      <Form method="post" action={`/consent/${token}?change`} {...getFormProps(form)}>
        <input type="hidden" name="textId" value={data.text.id} />
        <input type="hidden" name="textSha" value={data.text.sha256} />
        <input type="hidden" name="after" value={data.after} />
        <DecisionFields fields={all} notice={notice} wording={data.wording} />
        <button type="submit" className="button">
          {t(`form.${data.wording}.submit`)}
        </button>
      </Form>
    </EasyRead>
  );
}
