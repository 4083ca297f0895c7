import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requestToTalk } from "~/consent/talk.server";
import { contactLimit, tooManyRequests } from "~/http/limits.server";
import { translatorFor } from "~/i18n/i18next.server";
import { findInspection } from "~/inspections/inspections.server";
import { TALK_WAYS, TalkSchema } from "~/consent/schemas";
import {
  ChoicesField,
  ErrorSummary,
  HoneypotField,
  honeypotFilled,
  summaryErrors,
  TextareaField,
  TextField,
} from "~/ui/forms";
import { pageTitle } from "~/ui/meta";

export const handle = { i18n: ["survey", "consent"] };

async function load(request: Request, slug: string | undefined) {
  const inspection = await findInspection(slug ?? "");
  if (!inspection) throw new Response("Not Found", { status: 404 });
  return { inspection, ...(await translatorFor(request, "survey")) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { inspection, t } = await load(request, params.slug);
  return json({
    title: t("talk.title"),
    area: inspection.localAreaName,
    sent: new URL(request.url).searchParams.has("sent"),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  if (!(await contactLimit.allows(context.clientAddress))) throw tooManyRequests();
  const { inspection } = await load(request, params.slug);
  const formData = await request.formData();
  if (honeypotFilled(formData)) return redirect(`/s/${inspection.slug}/talk?sent`);
  const submission = parseWithZod(formData, { schema: TalkSchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  await requestToTalk(inspection.id, submission.value);
  return redirect(`/s/${inspection.slug}/talk?sent`);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function TalkToAnInspector() {
  const { area, sent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("survey");
  const { t: tc } = useTranslation("consent");
  const [form, fields] = useForm({
    id: "talk",
    lastResult: actionData?.result,
    shouldRevalidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: TalkSchema }),
  });
  if (sent) {
    return (
      <div className="confirmation">
        <h1 className="confirmation__title">{t("talk.sentTitle")}</h1>
        <p className="confirmation__body">{t("talk.sent")}</p>
      </div>
    );
  }
  return (
    <>
      <ErrorSummary
        errors={summaryErrors([
          fields.name,
          fields.email,
          fields.phone,
          fields.contactWay,
          fields.language,
          fields.accessNeeds,
          fields.note,
          fields.agree,
        ])}
      />
      <span className="caption">{area}</span>
      <h1>{t("talk.title")}</h1>
      <p>{t("talk.intro")}</p>
      <p>{t("talk.separate")}</p>
      <Form method="post" {...getFormProps(form)}>
        <TextField field={fields.name} label={t("talk.name")} autoComplete="name" spellCheck={false} />
        <TextField
          field={fields.email}
          label={t("talk.email")}
          hint={t("talk.contactHint")}
          type="email"
          autoComplete="email"
          spellCheck={false}
        />
        <TextField field={fields.phone} label={t("talk.phone")} type="tel" autoComplete="tel" width="medium" />
        <ChoicesField
          field={fields.contactWay}
          type="radio"
          legend={tc("talkForm.contactWay")}
          choices={TALK_WAYS.map((way) => ({ value: way, label: tc(`talk.ways.${way}`) }))}
        />
        <TextField
          field={fields.language}
          label={tc("talkForm.language")}
          hint={tc("talkForm.languageHint")}
          width="medium"
        />
        <TextareaField
          field={fields.accessNeeds}
          label={tc("talkForm.accessNeeds")}
          hint={tc("talkForm.accessNeedsHint")}
          rows={3}
          characterLimit={500}
        />
        <TextareaField
          field={fields.note}
          label={t("talk.note")}
          hint={t("talk.noteHint")}
          rows={4}
          characterLimit={1000}
        />
        <ChoicesField
          field={fields.agree}
          type="checkbox"
          legend={t("talk.agreeLegend")}
          choices={[{ value: "yes", label: t("talk.agree") }]}
        />
        <HoneypotField />
        <button type="submit" className="button">
          {t("talk.submit")}
        </button>
      </Form>
    </>
  );
}
