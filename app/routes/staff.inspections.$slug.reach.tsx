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
import { formatDateTime, formatDay } from "~/i18n/format";
import { translatorFor } from "~/i18n/i18next.server";
import { textDirection } from "~/i18n/languages";
import { windowState } from "~/surveys/window";
import { channelsOf } from "~/promotion/channels.server";
import { channelName } from "~/promotion/kit.server";
import { againstPrevious } from "~/promotion/reach";
import { minCell, previousTotal, reachOf, setPreviousTotal } from "~/promotion/reach.server";
import { PENDING_BATCH } from "~/surveys/drafts.server";
import { CountFigures, PreviousComparison, useCountText } from "~/promotion/ReachFigures";
import styles from "~/promotion/promotion.css";
import { PreviousTotalForm } from "~/promotion/schemas";
import { CsrfField, ErrorSummary, summaryErrors, TextField } from "~/ui/forms";
import { pageTitle } from "~/ui/meta";
import { useStaff } from "./staff";

export const handle = { i18n: ["promotion"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

/** Live reach: counts of responses by audience, channel and day. Never anything about answers. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, inspection } = await requireInspectionPermission(request, "promotion.reach", params.slug);
  const { locale, t } = await translatorFor(request, "promotion");
  const now = new Date();
  const [reach, channels, previous] = await Promise.all([
    reachOf(inspection, now),
    channelsOf(inspection.id),
    previousTotal(inspection.id),
  ]);
  const names = new Map(channels.map((channel) => [channel.code, channelName(t, channel)]));
  const parents = reach.audiences.find((row) => row.audience === "parents")!.count;
  return json(
    {
      title: t("reach.title"),
      slug: inspection.slug,
      area: inspection.localAreaName,
      revisit: inspection.kind === "revisit",
      status: windowState(inspection, now),
      opens: formatDateTime(t, locale, inspection.surveyOpensAt),
      closes: formatDateTime(t, locale, inspection.surveyClosesAt),
      total: reach.total,
      audiences: reach.audiences.map((row) => ({
        key: row.audience,
        label: t(`audiences.${row.audience}`),
        count: row.count,
      })),
      channels: reach.channels.map((row) => ({
        key: row.code ?? "",
        label: row.code === null ? t("reach.plainLink") : (names.get(row.code) ?? row.code),
        count: row.count,
        note: row.quiet ? t("reach.quietNote") : undefined,
      })),
      quiet: reach.channels.filter((row) => row.quiet).map((row) => names.get(row.code!) ?? row.code!),
      days: reach.days.map((row) => ({ key: row.day, label: formatDay(locale, row.day), count: row.count })),
      previous: previous === null ? null : againstPrevious(parents, previous),
      minCell,
      batch: PENDING_BATCH,
      canPromote: can(user, "promotion.use", inspection.id),
      dir: textDirection(locale),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const session = await requireInspectionPermission(request, "promotion.reach", params.slug);
  const formData = await request.formData();
  requireCsrf(session, formData);
  const submission = parseWithZod(formData, { schema: PreviousTotalForm });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  await setPreviousTotal(session.inspection.id, submission.value.previousTotal);
  return redirect(`/staff/inspections/${session.inspection.slug}/reach#previous`);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function Reach() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { csrf } = useStaff();
  const { t } = useTranslation("promotion");
  const count = useCountText(data.minCell);
  const [form, fields] = useForm({
    id: "previous-total",
    lastResult: actionData?.result,
    defaultValue: { previousTotal: data.previous ? String(data.previous.previous) : "" },
    shouldRevalidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PreviousTotalForm }),
  });
  const errors = summaryErrors([fields.previousTotal]);
  const figures = { dir: data.dir, minCell: data.minCell, total: data.total };
  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="caption">{data.area}</span>
      <h1>{t("reach.title")}</h1>
      <p className="inset">{t(`kit.status.${data.status}`, { opens: data.opens, closes: data.closes })}</p>
      <p>{t("reach.intro", { minCell: data.minCell, batch: data.batch })}</p>
      {data.canPromote ? (
        <p>
          <Link to={`/staff/inspections/${data.slug}/promote`}>{t("reach.kitLink")}</Link>
        </p>
      ) : null}

      <div className="panel reach-total">
        <p className="reach-total__label">{t("reach.soFar")}</p>
        <p className="reach-total__count">{count(data.total)}</p>
      </div>

      {data.quiet.length > 0 ? (
        <div className="notification reach-quiet">
          <h2 className="heading-m">{t("reach.quietHeading")}</h2>
          <p>{t("reach.quiet", { minCell: data.minCell })}</p>
          <ul>
            {data.quiet.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <h2>{t("reach.byAudience")}</h2>
      <CountFigures
        id="by-audience"
        caption={t("reach.byAudience")}
        rowHeading={t("reach.audience")}
        rows={data.audiences}
        {...figures}
      />

      <h2>{t("reach.byChannel")}</h2>
      <CountFigures
        id="by-channel"
        caption={t("reach.byChannel")}
        rowHeading={t("reach.channel")}
        rows={data.channels}
        {...figures}
      />

      <h2>{t("reach.byDay")}</h2>
      {data.days.length === 0 ? (
        <p>{t("reach.noDays")}</p>
      ) : (
        <CountFigures
          id="by-day"
          caption={t("reach.byDay")}
          rowHeading={t("reach.day")}
          rows={data.days}
          {...figures}
        />
      )}

      {data.revisit ? (
        <>
          <h2 id="previous">{t("reach.previousHeading")}</h2>
          {data.previous ? (
            <PreviousComparison {...data.previous} minCell={data.minCell} />
          ) : (
            <p>{t("reach.previousNone")}</p>
          )}
          <Form method="post" {...getFormProps(form)} aria-labelledby="previous">
            <CsrfField token={csrf} />
            <TextField
              field={fields.previousTotal}
              label={t("reach.previousLabel")}
              hint={t("reach.previousHint")}
              width="short"
              inputMode="numeric"
              autoComplete="off"
            />
            <button type="submit" className="button button--secondary">
              {t("reach.previousSave")}
            </button>
          </Form>
        </>
      ) : null}
    </>
  );
}
