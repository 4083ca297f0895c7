import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LINK_LIFETIME_MINUTES } from "~/auth/sign-in.server";
import { translatorFor } from "~/i18n/i18next.server";
import { pageTitle } from "~/ui/meta";
import { safeRedirect } from "~/utils";

export const handle = { i18n: ["staff"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = await translatorFor(request, "staff");
  const next = safeRedirect(new URL(request.url).searchParams.get("next"), "/staff");
  return json({ title: t("checkEmail.title"), next });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

/** Says the same whether or not the address has an account: the sign-in form reveals nothing. */
export default function CheckEmail() {
  const { next } = useLoaderData<typeof loader>();
  const { t } = useTranslation("staff");
  return (
    <>
      <h1>{t("checkEmail.title")}</h1>
      <p>{t("checkEmail.body", { minutes: LINK_LIFETIME_MINUTES })}</p>
      <p>{t("checkEmail.notArrived")}</p>
      <p>
        <Link to={`/staff/sign-in?${new URLSearchParams({ next })}`}>{t("checkEmail.again")}</Link>
      </p>
    </>
  );
}
