import {
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LinkProblem, WithdrawalForm } from "~/consent/ConsentPages";
import styles from "~/consent/consent.css";
import { noticeKind } from "~/consent/notice";
import { findNoticeVersion } from "~/consent/notice.server";
import { EasyRead } from "~/consent/NoticeText";
import { openLink, privateJson, withdrawalView } from "~/consent/page.server";
import { contactLimit, tooManyRequests } from "~/http/limits.server";
import { pageTitle } from "~/ui/meta";
import { decideOnline } from "~/consent/decisions.server";

export const handle = { i18n: ["consent"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

/**
 * Withdrawal in one step, from the confirmation email's link: the page says what withdrawing does and
 * has one button. Opening the link changes nothing (mail scanners open links); the button does.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const opened = await openLink(request, params.token);
  if ("response" in opened) return opened.response;
  if (!opened.latest) {
    return privateJson({
      view: "nothing" as const,
      title: opened.t("answers.nothingToWithdraw"),
      wording: opened.wording,
    });
  }
  const withdrawal = await withdrawalView(opened);
  return privateJson({
    view: "withdraw" as const,
    title: withdrawal.text.notice.title,
    wording: opened.wording,
    ...withdrawal,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  if (!(await contactLimit.allows(context.clientAddress))) throw tooManyRequests();
  const opened = await openLink(request, params.token);
  if ("response" in opened) return opened.response;
  const { link, locale, latest } = opened;
  const form = await request.formData();
  const text = await findNoticeVersion(String(form.get("textId") ?? ""), String(form.get("textSha") ?? ""));
  // Nothing to withdraw yet, or a text never shown here: back to the page, which shows what is true now.
  if (!latest || !text || text.notice.kind !== noticeKind(link.party, true)) {
    return redirect(`/consent/${link.token}/withdraw`);
  }
  const outcome = await decideOnline(link, locale, {
    capacity: latest.capacity,
    answers: "withdraw",
    text,
    after: String(form.get("after") ?? ""),
  });
  return redirect(`/consent/${link.token}?${outcome === "stale" ? "already" : "withdrawn"}`, {
    headers: { "Cache-Control": "no-store" },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function Withdraw() {
  const data = useLoaderData<typeof loader>();
  const token = useParams().token ?? "";
  const { t } = useTranslation("consent");
  if (data.view === "problem") return <LinkProblem state={data.state} />;
  if (data.view === "nothing") {
    return (
      <>
        <h1>{t("answers.nothingToWithdraw")}</h1>
        <p>
          <Link to={`/consent/${token}`}>{t("answers.answerNow")}</Link>
        </p>
      </>
    );
  }
  return (
    <EasyRead easy={data.wording === "easy"}>
      <WithdrawalForm token={token} text={data.text} after={data.after} asPage />
    </EasyRead>
  );
}
