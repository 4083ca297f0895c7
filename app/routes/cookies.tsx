import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { translatorFor } from "~/i18n/i18next.server";
import { pageTitle } from "~/ui/meta";

export const handle = { i18n: ["legal", "easyread"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = await translatorFor(request, "legal");
  return json({ title: t("cookies.title") });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

/** Every cookie the service sets, and why; all are strictly necessary, so there is no consent banner. */
const COOKIES = [
  { name: "lang", purpose: "cookies.langPurpose", expires: "cookies.langExpires" },
  { name: "draft-…", purpose: "cookies.draftPurpose", expires: "cookies.draftExpires" },
  { name: "taken_part", purpose: "cookies.takenPartPurpose", expires: "cookies.takenPartExpires" },
  { name: "switch_mode", purpose: "easyread:cookies.switchPurpose", expires: "easyread:cookies.switchExpires" },
  { name: "staff_session", purpose: "cookies.staffPurpose", expires: "cookies.staffExpires" },
];

export default function CookiesPage() {
  const { t } = useTranslation("legal");
  return (
    <>
      <h1>{t("cookies.title")}</h1>
      <p className="lead">{t("cookies.intro")}</p>
      <table className="table">
        <caption className="table__caption">{t("cookies.tableCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("cookies.name")}</th>
            <th scope="col">{t("cookies.purpose")}</th>
            <th scope="col">{t("cookies.expires")}</th>
          </tr>
        </thead>
        <tbody>
          {COOKIES.map((cookie) => (
            <tr key={cookie.name}>
              <td>
                <code>{cookie.name}</code>
              </td>
              <td>{t(cookie.purpose)}</td>
              <td>{t(cookie.expires)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
