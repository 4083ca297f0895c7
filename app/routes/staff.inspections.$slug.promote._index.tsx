import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf, requireInspectionPermission } from "~/auth/guard.server";
import { can } from "~/auth/permissions";
import { formatDateTime } from "~/i18n/format";
import { translatorFor } from "~/i18n/i18next.server";
import { windowState } from "~/surveys/window";
import { MAX_CHANNELS } from "~/promotion/channels";
import { channelsOf, createChannel } from "~/promotion/channels.server";
import { CopyField } from "~/promotion/CopyField";
import { channelName, linkFor } from "~/promotion/kit.server";
import styles from "~/promotion/promotion.css";
import { NewChannelForm } from "~/promotion/schemas";
import { CsrfField, ErrorSummary, summaryErrors, TextField } from "~/ui/forms";
import { pageTitle } from "~/ui/meta";
import { useStaff } from "./staff";

export const handle = { i18n: ["promotion"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

/** The promotion kit: the public link, a tracked link for each channel, and a form to make another. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, inspection } = await requireInspectionPermission(request, "promotion.use", params.slug);
  const { locale, t } = await translatorFor(request, "promotion");
  const at = (instant: Date) => formatDateTime(t, locale, instant);
  const channels = await channelsOf(inspection.id);
  return json(
    {
      title: t("kit.title"),
      slug: inspection.slug,
      area: inspection.localAreaName,
      status: windowState(inspection, new Date()),
      opens: at(inspection.surveyOpensAt),
      closes: at(inspection.surveyClosesAt),
      publicLink: linkFor(inspection, null),
      channels: channels.map((channel) => ({
        code: channel.code,
        name: channelName(t, channel),
        link: linkFor(inspection, channel.code),
      })),
      full: channels.length >= MAX_CHANNELS,
      canSeeReach: can(user, "promotion.reach", inspection.id),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const session = await requireInspectionPermission(request, "promotion.use", params.slug);
  const formData = await request.formData();
  requireCsrf(session, formData);
  const submission = parseWithZod(formData, { schema: NewChannelForm });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  const outcome = await createChannel(session.inspection.id, submission.value.label);
  if ("problem" in outcome) {
    const message = outcome.problem === "too-many" ? "promotion:errors.tooManyChannels" : "promotion:errors.labelTaken";
    return json({ result: submission.reply({ fieldErrors: { label: [message] } }) }, { status: 400 });
  }
  return redirect(`/staff/inspections/${session.inspection.slug}/promote/${outcome.created.code}`);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function PromotionKit() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { csrf } = useStaff();
  const { t } = useTranslation("promotion");
  const [form, fields] = useForm({
    id: "new-channel",
    lastResult: actionData?.result,
    shouldRevalidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewChannelForm }),
  });
  const errors = summaryErrors([fields.label]);
  const base = `/staff/inspections/${data.slug}`;
  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="caption">{data.area}</span>
      <h1>{t("kit.title")}</h1>
      <p className="lead">{t("kit.intro")}</p>
      <p className="inset">{t(`kit.status.${data.status}`, { opens: data.opens, closes: data.closes })}</p>
      {data.canSeeReach ? (
        <p>
          <Link to={`${base}/reach`}>{t("kit.reachLink")}</Link>
        </p>
      ) : null}

      <h2>{t("kit.publicHeading")}</h2>
      <CopyField id="public-link" label={t("kit.publicLabel")} hint={t("kit.publicHint")} value={data.publicLink} />

      <h2>{t("kit.channelsHeading")}</h2>
      <p>{t("kit.channelsIntro")}</p>
      <ul className="card-list channel-list">
        {data.channels.map((channel) => (
          <li key={channel.code} className="channel-list__item">
            <h3 className="heading-s channel-list__name">{channel.name}</h3>
            <p className="channel-list__link">
              <span className="secondary-text">{t("kit.linkLabel")}</span> <span dir="ltr">{channel.link}</span>
            </p>
            <Link to={`${base}/promote/${channel.code}`} className="channel-list__open">
              {t("kit.openChannel")}
              <span className="visually-hidden"> ({channel.name})</span>
            </Link>
          </li>
        ))}
      </ul>

      <h2 id="new-channel-heading">{t("kit.newHeading")}</h2>
      {data.full ? (
        <p>{t("errors.tooManyChannels")}</p>
      ) : (
        <Form method="post" {...getFormProps(form)} aria-labelledby="new-channel-heading">
          <CsrfField token={csrf} />
          <TextField
            field={fields.label}
            label={t("kit.labelField")}
            hint={t("kit.labelHint")}
            width="medium"
            autoComplete="off"
          />
          <button type="submit" className="button">
            {t("kit.create")}
          </button>
        </Form>
      )}
    </>
  );
}
