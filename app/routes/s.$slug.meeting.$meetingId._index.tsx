import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { env } from "~/env.server";
import { meetingLimit, tooManyRequests } from "~/http/limits.server";
import { translatorFor } from "~/i18n/i18next.server";
import { findInspection } from "~/inspections/inspections.server";
import { AccessNeedsField } from "~/meetings/AccessNeedsField";
import { signUpForMeeting } from "~/meetings/bookings.server";
import { MeetingDetails } from "~/meetings/MeetingDetails";
import { findMeeting } from "~/meetings/meetings.server";
import { MAX_PLACES_PER_BOOKING } from "~/meetings/options";
import { SignUpSchema } from "~/meetings/schemas";
import { meetingView } from "~/meetings/view.server";
import { ChoicesField, ErrorSummary, HoneypotField, honeypotFilled, summaryErrors, TextField } from "~/ui/forms";
import { pageTitle } from "~/ui/meta";

export const handle = { i18n: ["meetings", "survey"] };

async function load(params: LoaderFunctionArgs["params"]) {
  const inspection = await findInspection(params.slug ?? "");
  const meeting = inspection ? await findMeeting(inspection.id, params.meetingId) : undefined;
  if (!inspection || !meeting) throw new Response("Not Found", { status: 404 });
  return { inspection, meeting };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { inspection, meeting } = await load(params);
  const { locale, t } = await translatorFor(request, "meetings");
  const view = meetingView(meeting, locale);
  return json({
    title: t("signUp.title", { title: meeting.title }),
    slug: inspection.slug,
    area: inspection.localAreaName,
    meeting: view,
    retentionDays: env.MEETING_RETENTION_DAYS,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  if (!(await meetingLimit.allows(context.clientAddress))) throw tooManyRequests();
  const { inspection, meeting } = await load(params);
  const done = `/s/${inspection.slug}/meeting/${meeting.id}/done`;
  const formData = await request.formData();
  if (honeypotFilled(formData)) return redirect(`${done}?outcome=confirmed`);
  const submission = parseWithZod(formData, { schema: SignUpSchema });
  const fail = (result: ReturnType<typeof submission.reply>, waitingList = false) => {
    return json({ result, waitingList }, { status: 400 });
  };
  if (submission.status !== "success") return fail(submission.reply());

  const { locale } = await translatorFor(request, "meetings");
  const outcome = await signUpForMeeting(meeting.id, { ...submission.value, locale });
  switch (outcome.kind) {
    case "closed":
      return fail(submission.reply({ formErrors: ["meetings:signUp.errors.closed"] }));
    case "full":
      // Nothing was saved: the form comes back as "join the waiting list", with everything typed kept.
      return fail(
        submission.reply({
          fieldErrors: { places: [`meetings:signUp.errors.${outcome.placesLeft > 0 ? "tooFewLeft" : "filledUp"}`] },
        }),
        true,
      );
    case "unavailable":
      return fail(submission.reply({ fieldErrors: { places: ["meetings:signUp.errors.tooFewLeft"] } }));
    case "waiting":
      return redirect(`${done}?outcome=waiting&position=${outcome.position}`);
    default:
      return redirect(`${done}?outcome=${outcome.kind}`);
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function SignUpForMeeting() {
  const { slug, area, meeting, retentionDays } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("meetings");
  const [form, fields] = useForm({
    id: "sign-up",
    lastResult: actionData?.result,
    shouldRevalidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignUpSchema }),
  });
  const errors = [
    ...(form.errors ?? []).map((message) => ({ href: `#${form.id}`, message })),
    ...summaryErrors([
      fields.name,
      fields.email,
      fields.phone,
      fields.places,
      fields.needs,
      fields.interpreterLanguage,
      fields.otherNeed,
    ]),
  ];
  const waitingList = meeting.state === "full" || actionData?.waitingList === true;
  return (
    <>
      <Link to={`/s/${slug}/meeting`} className="back-link">
        {t("signUp.back")}
      </Link>
      <ErrorSummary errors={errors} />
      <span className="caption">{area}</span>
      <h1>{t("signUp.title", { title: meeting.title })}</h1>
      <MeetingDetails meeting={meeting} />
      {meeting.state === "closed" ? (
        <div className="inset">
          <p>{t(meeting.cancelled ? "signUp.cancelled" : "signUp.closed")}</p>
        </div>
      ) : (
        <>
          {waitingList ? (
            <div className="inset">
              <p>{t("signUp.fullNotice")}</p>
            </div>
          ) : (
            <p>{t("state.placesLeft", { count: meeting.placesLeft })}</p>
          )}
          <Form method="post" {...getFormProps(form)}>
            <TextField field={fields.name} label={t("signUp.name")} autoComplete="name" spellCheck={false} />
            <TextField
              field={fields.email}
              label={t("signUp.email")}
              hint={t("signUp.emailHint")}
              type="email"
              autoComplete="email"
              spellCheck={false}
            />
            <TextField
              field={fields.phone}
              label={t("signUp.phone")}
              hint={t("signUp.phoneHint")}
              type="tel"
              autoComplete="tel"
              width="medium"
            />
            <ChoicesField
              field={fields.places}
              type="radio"
              inline
              legend={t("signUp.places")}
              hint={t("signUp.placesHint", { count: MAX_PLACES_PER_BOOKING })}
              choices={[1, 2, 3].map((count) => ({ value: String(count), label: t("signUp.placesOption", { count }) }))}
            />
            <AccessNeedsField needs={fields.needs} language={fields.interpreterLanguage} other={fields.otherNeed} />
            <h2>{t("signUp.privacyHeading")}</h2>
            <p>{t("signUp.privacy", { count: retentionDays })}</p>
            {waitingList ? <input type="hidden" name="waitingList" value="yes" /> : null}
            <HoneypotField />
            <button type="submit" className="button">
              {t(waitingList ? "signUp.submitWaiting" : "signUp.submit")}
            </button>
          </Form>
        </>
      )}
    </>
  );
}
