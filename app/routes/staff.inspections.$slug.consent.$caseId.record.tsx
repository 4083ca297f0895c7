import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf, requireInspectionPermission } from "~/auth/guard.server";
import { findCase } from "~/consent/cases.server";
import { DECISION_FIELD_ORDER, CapacityField, PreferenceFields, PurposeFields } from "~/consent/DecisionForm";
import { recordDecision } from "~/consent/decisions.server";
import { noticeKind } from "~/consent/notice";
import { showNotice } from "~/consent/notice.server";
import { partiesOf, PURPOSES } from "~/consent/rules";
import { RECORD_METHODS, RecordSchema } from "~/consent/schemas";
import { translatorFor } from "~/i18n/i18next.server";
import { LANGUAGES } from "~/i18n/languages";
import { ChoicesField, CsrfField, ErrorSummary, summaryErrors, type Field } from "~/ui/forms";
import { pageTitle } from "~/ui/meta";
import { useStableErrors } from "~/consent/stable";
import { useStaff } from "./staff";

export const handle = { i18n: ["consent"] };

async function load(request: Request, params: { slug?: string; caseId?: string }) {
  const session = await requireInspectionPermission(request, "consent.manage", params.slug);
  const found = await findCase(session.inspection.id, params.caseId);
  if (!found) throw new Response("Not Found", { status: 404 });
  return { ...session, found };
}

/** A decision given by phone or on the paper form, recorded by a named staff member. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { found } = await load(request, params);
  const { t } = await translatorFor(request, "consent");
  return json({
    title: t("record.title"),
    reference: found.reference,
    decides: found.decides,
    parties: partiesOf(found.decides),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, inspection, found, csrfToken } = await load(request, params);
  const formData = await request.formData();
  requireCsrf({ user, csrfToken }, formData);
  const submission = parseWithZod(formData, { schema: RecordSchema(found.decides) });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  const { method, party, capacity, language, answers, preferences } = submission.value;
  // The text of record is the one the person was given (on the letter, or read out) in their language.
  const text = await showNotice(noticeKind(party), language);
  await recordDecision({ caseId: found.id, party, capacity, answers, text, method, recordedBy: user, preferences });
  return redirect(`/staff/inspections/${inspection.slug}/consent/${found.id}`);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function RecordDecision() {
  const { reference, decides, parties } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { csrf } = useStaff();
  const { t } = useTranslation("consent");
  const [form, fields] = useForm({
    id: "record",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RecordSchema(decides) }),
  });
  const all = fields as unknown as Record<string, Field>;
  const errors = useStableErrors(
    summaryErrors(["method", "party", "language", ...DECISION_FIELD_ORDER].map((name) => all[name])),
  );
  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="caption">{t("board.caseHeading", { reference })}</span>
      <h1>{t("record.title")}</h1>
      <p>{t("record.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <CsrfField token={csrf} />
        <ChoicesField
          field={all.method!}
          type="radio"
          legend={t("record.method")}
          choices={RECORD_METHODS.map((method) => ({ value: method, label: t(`record.methods.${method}`) }))}
        />
        {parties.length > 1 ? (
          <ChoicesField
            field={all.party!}
            type="radio"
            legend={t("record.party")}
            choices={parties.map((party) => ({ value: party, label: t(`party.${party}`) }))}
          />
        ) : null}
        <CapacityField field={all.capacity!} wording="staff" legend={t("record.capacity")} />
        <ChoicesField
          field={all.language!}
          type="radio"
          legend={t("record.language")}
          hint={t("record.languageHint")}
          choices={LANGUAGES.map((language) => ({ value: language.code, label: language.name, lang: language.code }))}
        />
        <h2>{t("record.purposesHeading")}</h2>
        <PurposeFields
          fields={all}
          questions={PURPOSES.map((purpose) => ({ purpose, question: t(`record.purposes.${purpose}`) }))}
          yes={t("record.yes")}
          no={t("record.no")}
        />
        <PreferenceFields fields={all} wording="staff" />
        <button type="submit" className="button">
          {t("record.submit")}
        </button>
      </Form>
    </>
  );
}
