import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf, requireInspectionPermission } from "~/auth/guard.server";
import { inviteToInspection } from "~/auth/invitations.server";
import { inspectionTeam, removeInspectionRole } from "~/auth/staff.server";
import { translatorFor } from "~/i18n/i18next.server";
import { InviteForm } from "~/inspections/schema";
import { ChoicesField, CsrfField, ErrorSummary, summaryErrors, TextField } from "~/ui/forms";
import { pageTitle } from "~/ui/meta";
import { useStaff } from "./staff";
import { AccessTable } from "~/auth/AccessTable";
import { idParam } from "~/http/params.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, inspection } = await requireInspectionPermission(request, "staff.manage", params.slug);
  const { t } = await translatorFor(request, "staff");
  const invited = new URL(request.url).searchParams.get("invited");
  return json({
    title: t("team.title"),
    area: inspection.localAreaName,
    team: (await inspectionTeam(inspection.id)).map((member) => ({ ...member, isYou: member.userId === user.id })),
    invited,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const session = await requireInspectionPermission(request, "staff.manage", params.slug);
  const formData = await request.formData();
  requireCsrf(session, formData);
  const { locale, t } = await translatorFor(request, "staff");
  const base = `/staff/inspections/${session.inspection.slug}/team`;

  if (formData.get("intent") === "remove") {
    const userId = idParam(formData.get("userId"));
    // Nobody removes themselves: an inspection must never be left without the person managing it.
    if (userId !== session.user.id) await removeInspectionRole(userId, session.inspection.id);
    return redirect(base);
  }

  const submission = parseWithZod(formData, { schema: InviteForm });
  if (submission.status !== "success") {
    return json({ result: submission.reply(), title: t("team.title") }, { status: 400 });
  }
  await inviteToInspection(session.inspection, submission.value.email, submission.value.role, locale);
  return redirect(`${base}?${new URLSearchParams({ invited: submission.value.email })}`);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function Team() {
  const { area, team, invited } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { csrf } = useStaff();
  const { t } = useTranslation("staff");
  const [form, fields] = useForm({
    id: "invite",
    lastResult: actionData?.result,
    shouldRevalidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteForm }),
  });
  return (
    <>
      <ErrorSummary errors={summaryErrors([fields.email, fields.role])} />
      {invited && !actionData ? (
        <div className="notification notification--success" role="status">
          <p>{t("team.invited", { email: invited })}</p>
        </div>
      ) : null}
      <span className="caption">{area}</span>
      <h1>{t("team.title")}</h1>
      <AccessTable
        caption={t("team.title")}
        csrf={csrf}
        rows={team.map((member) => ({ ...member, roleLabel: t(`roles.${member.role}`) }))}
      />

      <h2>{t("team.inviteHeading")}</h2>
      <Form method="post" {...getFormProps(form)}>
        <CsrfField token={csrf} />
        <TextField field={fields.email} label={t("team.email")} type="email" autoComplete="off" spellCheck={false} />
        <ChoicesField
          field={fields.role}
          type="radio"
          legend={t("team.role")}
          choices={(["inspector", "lano", "pcf"] as const).map((role) => ({
            value: role,
            label: t(`roles.${role}`),
            hint: t(`team.roleHints.${role}`),
          }))}
        />
        <button type="submit" name="intent" value="invite" className="button">
          {t("team.invite")}
        </button>
      </Form>
    </>
  );
}
