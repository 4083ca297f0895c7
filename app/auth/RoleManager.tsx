import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { GlobalRoleForm, InviteForm } from "./schemas";
import { ChoicesField, CsrfField, ErrorSummary, PostButton, summaryErrors, TextField } from "~/ui/forms";

export interface AccessRow {
  userId: string;
  email: string;
  role: string;
  roleLabel: string;
  isYou: boolean;
}

/**
 * Who has access, each with a button to remove it (nobody can remove their own), and the form that
 * gives someone a role by email: the team of one inspection and the people with global roles alike.
 */
export function RoleManager({
  title,
  caption,
  intro,
  rows,
  roles,
  schema,
  lastResult,
  invited,
  formHeading,
  submitLabel,
  formId,
  csrf,
}: {
  title: string;
  caption?: string;
  intro?: string;
  rows: AccessRow[];
  roles: Array<{ value: string; label: string; hint: string }>;
  schema: typeof InviteForm | typeof GlobalRoleForm;
  lastResult?: SubmissionResult<string[]>;
  /** The address just given a role, for the confirmation. */
  invited: string | null;
  formHeading: string;
  submitLabel: string;
  formId: string;
  csrf: string;
}) {
  const { t } = useTranslation("staff");
  const [form, fields] = useForm({
    id: formId,
    lastResult,
    shouldRevalidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <>
      <ErrorSummary errors={summaryErrors([fields.email, fields.role])} />
      {invited && !lastResult ? (
        <div className="notification notification--success" role="status">
          <p>{t("team.invited", { email: invited })}</p>
        </div>
      ) : null}
      {caption ? <span className="caption">{caption}</span> : null}
      <h1>{title}</h1>
      {intro ? <p>{intro}</p> : null}
      <table className="table">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t("team.email")}</th>
            <th scope="col">{t("team.role")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("team.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.userId}-${row.role}`}>
              <td>{row.email}</td>
              <td>{row.roleLabel}</td>
              <td>
                {row.isYou ? null : (
                  <PostButton
                    csrf={csrf}
                    intent="remove"
                    values={{ userId: row.userId, role: row.role }}
                    className="link-button"
                  >
                    {t("team.remove")}
                    <span className="visually-hidden"> {row.email}</span>
                  </PostButton>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{formHeading}</h2>
      <Form method="post" {...getFormProps(form)}>
        <CsrfField token={csrf} />
        <TextField field={fields.email} label={t("team.email")} type="email" autoComplete="off" spellCheck={false} />
        <ChoicesField field={fields.role} type="radio" legend={t("team.role")} choices={roles} />
        <button type="submit" name="intent" value="grant" className="button">
          {submitLabel}
        </button>
      </Form>
    </>
  );
}
