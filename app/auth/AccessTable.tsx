import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfField } from "~/ui/forms";

export interface AccessRow {
  userId: string;
  email: string;
  role: string;
  roleLabel: string;
  isYou: boolean;
}

/** Who has access, each with a button to remove it; nobody can remove their own access. */
export function AccessTable({ caption, rows, csrf }: { caption: string; rows: AccessRow[]; csrf: string }) {
  const { t } = useTranslation("staff");
  return (
    <table className="table">
      <caption className="visually-hidden">{caption}</caption>
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
                <Form method="post">
                  <CsrfField token={csrf} />
                  <input type="hidden" name="userId" value={row.userId} />
                  <input type="hidden" name="role" value={row.role} />
                  <button type="submit" name="intent" value="remove" className="link-button">
                    {t("team.remove")}
                    <span className="visually-hidden"> {row.email}</span>
                  </button>
                </Form>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
