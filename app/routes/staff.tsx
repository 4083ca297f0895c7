import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, Outlet, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff } from "~/auth/guard.server";
import { can } from "~/auth/permissions";
import { CsrfField } from "~/ui/forms";

export const handle = { i18n: ["staff", "questions", "results"] };

/** Everything under /staff needs a session; each page then asks for its own permission. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, csrfToken } = await requireStaff(request);
  return json(
    {
      email: user.email,
      csrf: csrfToken,
      canManagePeople: can(user, "people.manage"),
      canAudit: can(user, "audit.view"),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export function useStaff() {
  return useRouteLoaderData<typeof loader>("routes/staff")!;
}

export default function StaffLayout() {
  const { email, csrf, canManagePeople, canAudit } = useStaff();
  const { t } = useTranslation("staff");
  return (
    <>
      <nav className="staff-bar" aria-label={t("layout.navigation")}>
        <p className="staff-bar__who">{t("layout.signedInAs", { email })}</p>
        <ul className="staff-bar__links">
          <li>
            <Link to="/staff">{t("layout.inspections")}</Link>
          </li>
          {canManagePeople ? (
            <li>
              <Link to="/staff/people">{t("layout.people")}</Link>
            </li>
          ) : null}
          {canAudit ? (
            <li>
              <Link to="/staff/audit">{t("layout.audit")}</Link>
            </li>
          ) : null}
          <li>
            <Form method="post" action="/staff/sign-out">
              <CsrfField token={csrf} />
              <button type="submit" className="link-button">
                {t("layout.signOut")}
              </button>
            </Form>
          </li>
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
