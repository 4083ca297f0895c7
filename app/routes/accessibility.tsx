import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { translatorFor } from "~/i18n/i18next.server";
import { pageTitle } from "~/ui/meta";
import { ProsePage } from "~/ui/ProsePage";

export const handle = { i18n: ["legal"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = await translatorFor(request, "legal");
  return json({ title: t("accessibility.title") });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

/** Required by the Public Sector Bodies (Websites and Mobile Applications) Accessibility Regulations 2018. */
export default function AccessibilityStatement() {
  return <ProsePage namespace="legal" page="accessibility" />;
}
