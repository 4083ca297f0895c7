import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import {
  json,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf, requireInspectionPermission } from "~/auth/guard.server";
import { can } from "~/auth/permissions";
import { contactsOf, findCase } from "~/consent/cases.server";
import styles from "~/consent/consent.css";
import { Letter, type LetterData } from "~/consent/Letter";
import { noticeKind } from "~/consent/notice";
import { showNotice } from "~/consent/notice.server";
import { linkExpiry, makeRequest } from "~/consent/requests.server";
import { partiesOf } from "~/consent/rules";
import { RequestSchema } from "~/consent/schemas";
import { formatDate } from "~/i18n/format";
import { translations, translatorFor } from "~/i18n/i18next.server";
import { DEFAULT_LANGUAGE } from "~/i18n/languages";
import { ChoicesField, CsrfField, ErrorSummary, summaryErrors } from "~/ui/forms";
import { pageTitle } from "~/ui/meta";
import { useStaff } from "./staff";

export const handle = { i18n: ["consent"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

async function load(request: Request, params: { slug?: string; caseId?: string }) {
  const session = await requireInspectionPermission(request, "consent.manage", params.slug);
  const found = await findCase(session.inspection.id, params.caseId);
  if (!found) throw new Response("Not Found", { status: 404 });
  return { ...session, found, contacts: await contactsOf(found.id) };
}

/** A new link for one person of a case: emailed through the outbox if wanted, and always as a letter to print. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, inspection, found, contacts } = await load(request, params);
  const { t } = await translatorFor(request, "consent");
  const mayReadContacts = can(user, "consent.contacts", inspection.id);
  return json({
    title: t("request.title"),
    reference: found.reference,
    decides: found.decides,
    parties: partiesOf(found.decides).map((party) => {
      const email = contacts.find((contact) => contact.party === party)?.email ?? null;
      return { party, hasEmail: Boolean(email), email: mayReadContacts ? email : null };
    }),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, inspection, found, contacts, csrfToken } = await load(request, params);
  const formData = await request.formData();
  requireCsrf({ user, csrfToken }, formData);
  const submission = parseWithZod(formData, { schema: RequestSchema(found.decides) });
  if (submission.status !== "success")
    return json({ result: submission.reply(), letter: null, emailed: false }, { status: 400 });
  const { party, email } = submission.value;
  const made = await makeRequest(inspection, found.id, party, { sendEmail: email, staffUserId: user.id });
  // The letter is in the person's language, whatever the language of the staff member printing it.
  const contact = contacts.find((entry) => entry.party === party);
  const language = contact?.language ?? DEFAULT_LANGUAGE;
  const t = translations.getFixedT(language, "consent");
  const wording = party === "young-person" ? "easy" : "plain";
  const letter: LetterData = {
    language,
    hello: contact ? t(`letter.${wording}.hello`, { name: contact.name }) : null,
    // A young person's own letter is addressed to them by name already.
    aboutChild:
      wording === "plain" && contact?.childFirstName
        ? t("letter.plain.aboutChild", { child: contact.childFirstName })
        : null,
    intro: t(`letter.${wording}.intro`, { area: inspection.localAreaName }),
    howTo: t(`letter.${wording}.howTo`),
    linkLabel: t(`letter.${wording}.link`),
    url: made.url,
    qrLabel: t(`letter.${wording}.qr`),
    qrSvg: made.qrSvg,
    until: t(`letter.${wording}.until`, { date: formatDate(language, linkExpiry(inspection)) }),
    notice: (await showNotice(noticeKind(party), language)).notice,
  };
  return json({ result: null, letter, emailed: made.emailed }, { headers: { "Cache-Control": "no-store" } });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function SendRequest() {
  const { reference, decides, parties } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { csrf } = useStaff();
  const { t } = useTranslation("consent");
  const [form, fields] = useForm({
    id: "request",
    lastResult: actionData?.result ?? undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RequestSchema(decides) }),
  });
  if (actionData?.letter) {
    return (
      <>
        <span className="caption">{t("board.caseHeading", { reference })}</span>
        <h1>{t("request.madeTitle")}</h1>
        {actionData.emailed ? <p>{t("request.emailed")}</p> : null}
        <p className="inset">{t("request.print")}</p>
        <Letter letter={actionData.letter} />
      </>
    );
  }
  const single = parties.length === 1 ? parties[0]! : null;
  return (
    <>
      <ErrorSummary errors={summaryErrors([fields.party])} />
      <span className="caption">{t("board.caseHeading", { reference })}</span>
      <h1>{t("request.title")}</h1>
      <p>{t("request.intro")}</p>
      <p className="inset">{t("request.replaces")}</p>
      <Form method="post" {...getFormProps(form)}>
        <CsrfField token={csrf} />
        {single ? (
          <input type="hidden" name="party" value={single.party} />
        ) : (
          <ChoicesField
            field={fields.party!}
            type="radio"
            legend={t("request.party")}
            choices={parties.map(({ party }) => ({ value: party, label: t(`party.${party}`) }))}
          />
        )}
        {parties.some((entry) => entry.hasEmail) ? (
          <ChoicesField
            field={fields.email!}
            type="checkbox"
            legend={t("request.email")}
            defaultValue="yes"
            choices={[
              {
                value: "yes",
                label:
                  single?.email != null
                    ? t("request.sendEmail", { email: single.email })
                    : t("request.sendEmailHidden"),
              },
            ]}
          />
        ) : (
          <p>{t("request.noEmail")}</p>
        )}
        <button type="submit" className="button">
          {t("request.submit")}
        </button>
      </Form>
    </>
  );
}
