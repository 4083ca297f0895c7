import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf, requireInspectionPermission } from "~/auth/guard.server";
import { inviteToInspection } from "~/auth/invitations.server";
import { INSPECTION_ROLES } from "~/auth/permissions";
import { RoleManager } from "~/auth/RoleManager";
import { InviteForm } from "~/auth/schemas";
import { inspectionTeam, removeInspectionRole } from "~/auth/staff.server";
import { translatorFor } from "~/i18n/i18next.server";
import { pageTitle } from "~/ui/meta";
import { useStaff } from "./staff";
import { idParam } from "~/http/params";

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
  return (
    <RoleManager
      title={t("team.title")}
      caption={area}
      rows={team.map((member) => ({ ...member, roleLabel: t(`roles.${member.role}`) }))}
      roles={INSPECTION_ROLES.map((role) => ({
        value: role,
        label: t(`roles.${role}`),
        hint: t(`team.roleHints.${role}`),
      }))}
      schema={InviteForm}
      lastResult={actionData?.result}
      invited={invited}
      formHeading={t("team.inviteHeading")}
      submitLabel={t("team.invite")}
      formId="invite"
      csrf={csrf}
    />
  );
}
