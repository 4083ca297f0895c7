import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf, requirePermission } from "~/auth/guard.server";
import { inviteWithGlobalRole } from "~/auth/invitations.server";
import { RoleManager } from "~/auth/RoleManager";
import { GlobalRoleForm } from "~/auth/schemas";
import { globalTeam, removeGlobalRole } from "~/auth/staff.server";
import { translatorFor } from "~/i18n/i18next.server";
import { pageTitle } from "~/ui/meta";
import { useStaff } from "./staff";
import { idParam } from "~/http/params";

/** Admins grant the roles that are not tied to one inspection: admin, and inspectors who may create them. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "people.manage");
  const { t } = await translatorFor(request, "staff");
  return json({
    title: t("people.title"),
    people: (await globalTeam()).map((person) => ({ ...person, isYou: person.userId === user.id })),
    invited: new URL(request.url).searchParams.get("invited"),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const session = await requirePermission(request, "people.manage");
  const formData = await request.formData();
  requireCsrf(session, formData);
  const { locale, t } = await translatorFor(request, "staff");
  if (formData.get("intent") === "remove") {
    const userId = idParam(formData.get("userId"));
    const role = formData.get("role") === "admin" ? "admin" : "inspector";
    if (userId !== session.user.id) await removeGlobalRole(userId, role);
    return redirect("/staff/people");
  }
  const submission = parseWithZod(formData, { schema: GlobalRoleForm });
  if (submission.status !== "success") {
    return json({ result: submission.reply(), title: t("people.title") }, { status: 400 });
  }
  await inviteWithGlobalRole(submission.value.email, submission.value.role, locale);
  return redirect(`/staff/people?${new URLSearchParams({ invited: submission.value.email })}`);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function People() {
  const { people, invited } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { csrf } = useStaff();
  const { t } = useTranslation("staff");
  return (
    <RoleManager
      title={t("people.title")}
      intro={t("people.intro")}
      rows={people.map((person) => ({ ...person, roleLabel: t(`people.roles.${person.role}`) }))}
      roles={(["inspector", "admin"] as const).map((role) => ({
        value: role,
        label: t(`people.roles.${role}`),
        hint: t(`people.roleHints.${role}`),
      }))}
      schema={GlobalRoleForm}
      lastResult={actionData?.result}
      invited={invited}
      formHeading={t("people.addHeading")}
      submitLabel={t("people.add")}
      formId="grant"
      csrf={csrf}
    />
  );
}
