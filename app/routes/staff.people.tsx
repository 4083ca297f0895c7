import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf, requirePermission } from "~/auth/guard.server";
import { inviteWithGlobalRole } from "~/auth/invitations.server";
import { globalTeam, removeGlobalRole } from "~/auth/staff.server";
import { translatorFor } from "~/i18n/i18next.server";
import { GlobalRoleForm } from "~/inspections/schema";
import { ChoicesField, CsrfField, ErrorSummary, summaryErrors, TextField } from "~/ui/forms";
import { pageTitle } from "~/ui/meta";
import { useStaff } from "./staff";
import { AccessTable } from "~/auth/AccessTable";
import { idParam } from "~/http/params.server";

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
  const [form, fields] = useForm({
    id: "grant",
    lastResult: actionData?.result,
    shouldRevalidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: GlobalRoleForm }),
  });
  return (
    <>
      <ErrorSummary errors={summaryErrors([fields.email, fields.role])} />
      {invited && !actionData ? (
        <div className="notification notification--success" role="status">
          <p>{t("team.invited", { email: invited })}</p>
        </div>
      ) : null}
      <h1>{t("people.title")}</h1>
      <p>{t("people.intro")}</p>
      <AccessTable
        caption={t("people.title")}
        csrf={csrf}
        rows={people.map((person) => ({ ...person, roleLabel: t(`people.roles.${person.role}`) }))}
      />
      <h2>{t("people.addHeading")}</h2>
      <Form method="post" {...getFormProps(form)}>
        <CsrfField token={csrf} />
        <TextField field={fields.email} label={t("team.email")} type="email" autoComplete="off" spellCheck={false} />
        <ChoicesField
          field={fields.role}
          type="radio"
          legend={t("team.role")}
          choices={(["inspector", "admin"] as const).map((role) => ({
            value: role,
            label: t(`people.roles.${role}`),
            hint: t(`people.roleHints.${role}`),
          }))}
        />
        <button type="submit" name="intent" value="grant" className="button">
          {t("people.add")}
        </button>
      </Form>
    </>
  );
}
