import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { createSession } from "~/auth/sessions.server";
import { redeemSignInToken, signInTokenIsUsable } from "~/auth/sign-in.server";
import { translatorFor } from "~/i18n/i18next.server";
import { pageTitle } from "~/ui/meta";
import { safeRedirect } from "~/utils";

export const handle = { i18n: ["staff"] };

/**
 * Opening the link only shows a button; signing in takes a POST. Mail scanners that follow every link
 * in a message would otherwise use up the single-use token before its owner clicks it.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { t } = await translatorFor(request, "staff");
  const usable = await signInTokenIsUsable(params.token ?? "");
  const next = safeRedirect(new URL(request.url).searchParams.get("next"), "/staff");
  return json(
    { usable, next, title: usable ? t("signInLink.title") : t("signInLink.expiredTitle") },
    { headers: { "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const userId = await redeemSignInToken(params.token ?? "");
  if (!userId) return redirect(`/staff/sign-in/${encodeURIComponent(params.token ?? "")}`);
  const next = safeRedirect((await request.formData()).get("next"), "/staff");
  return redirect(next, { headers: { "Set-Cookie": await createSession(userId) } });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function SignInLink() {
  const { usable, next } = useLoaderData<typeof loader>();
  const { t } = useTranslation("staff");
  if (!usable) {
    return (
      <>
        <h1>{t("signInLink.expiredTitle")}</h1>
        <p>{t("signInLink.expiredBody")}</p>
        <p>
          <Link to="/staff/sign-in">{t("signInLink.requestNew")}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t("signInLink.title")}</h1>
      <p>{t("signInLink.body")}</p>
      <Form method="post">
        <input type="hidden" name="next" value={next} />
        <button type="submit" className="button">
          {t("signInLink.submit")}
        </button>
      </Form>
    </>
  );
}
