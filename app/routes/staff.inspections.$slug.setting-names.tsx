import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf, requireInspectionPermission } from "~/auth/guard.server";
import { can } from "~/auth/permissions";
import { translatorFor } from "~/i18n/i18next.server";
import {
  addSettingNames,
  decideRemoval,
  redactionLists,
  removalsWaiting,
  removeSettingName,
} from "~/results/redaction-lists.server";
import { SettingNamesSchema } from "~/results/schemas";
import { CsrfField, ErrorSummary, PostButton, summaryErrors, TextField } from "~/ui/forms";
import { pageTitle } from "~/ui/meta";
import { useStaff } from "./staff";

/** The local area's schools and settings: their names are taken out of comments before inspectors read them. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, inspection } = await requireInspectionPermission(request, "settings.manage", params.slug);
  const { t } = await translatorFor(request, "staff");
  const [lists, waiting] = await Promise.all([redactionLists(inspection.id), removalsWaiting(inspection.id)]);
  return json({
    title: t("settingNames.title"),
    area: inspection.localAreaName,
    names: lists.settings.filter((name) => !waiting.includes(name)),
    waiting,
    // Only an inspector of the inspection (who reads the comments) may let a name show again.
    canConfirm: can(user, "results.view", inspection.id),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const session = await requireInspectionPermission(request, "settings.manage", params.slug);
  const formData = await request.formData();
  requireCsrf(session, formData);
  const intent = formData.get("intent");
  const name = String(formData.get("name") ?? "");
  if (intent === "remove") {
    await removeSettingName(session.inspection.id, name, session.user);
    return redirect(new URL(request.url).pathname);
  }
  if (intent === "confirm-removal" || intent === "keep") {
    if (!can(session.user, "results.view", session.inspection.id)) throw new Response("Forbidden", { status: 403 });
    await decideRemoval(session.inspection.id, name, intent === "confirm-removal", session.user);
    return redirect(new URL(request.url).pathname);
  }
  const submission = parseWithZod(formData, { schema: SettingNamesSchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  await addSettingNames(session.inspection.id, submission.value.name, session.user);
  return redirect(new URL(request.url).pathname);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function SettingNames() {
  const { area, names, waiting, canConfirm } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { csrf } = useStaff();
  const { t } = useTranslation("staff");
  const { t: tr } = useTranslation("results");
  const [form, fields] = useForm({
    id: "add-setting-name",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SettingNamesSchema }),
  });
  return (
    <>
      <ErrorSummary errors={summaryErrors([fields.name])} />
      <span className="caption">{area}</span>
      <h1>{t("settingNames.title")}</h1>
      <p>{t("settingNames.intro")}</p>
      {names.length === 0 ? (
        <p>{t("settingNames.none")}</p>
      ) : (
        <ul className="card-list">
          {names.map((name) => (
            <li key={name} className="button-group">
              <span>{name}</span>
              <PostButton csrf={csrf} intent="remove" values={{ name }} className="link-button">
                {t("settingNames.remove")}
                <span className="visually-hidden"> {name}</span>
              </PostButton>
            </li>
          ))}
        </ul>
      )}
      {waiting.length > 0 ? (
        <section aria-labelledby="waiting-heading">
          <h2 id="waiting-heading">{tr("settingNames.waitingHeading")}</h2>
          <p>{tr(canConfirm ? "settingNames.waitingInspector" : "settingNames.waitingOthers")}</p>
          <ul className="card-list">
            {waiting.map((name) => (
              <li key={name} className="button-group">
                <span>{name}</span>
                {canConfirm ? (
                  <>
                    <PostButton csrf={csrf} intent="confirm-removal" values={{ name }} className="link-button">
                      {tr("settingNames.confirm")}
                      <span className="visually-hidden"> {name}</span>
                    </PostButton>
                    <PostButton csrf={csrf} intent="keep" values={{ name }} className="link-button">
                      {tr("settingNames.keep")}
                      <span className="visually-hidden"> {name}</span>
                    </PostButton>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Form method="post" {...getFormProps(form)}>
        <CsrfField token={csrf} />
        <TextField
          field={fields.name}
          label={t("settingNames.add")}
          hint={t("settingNames.hint")}
        />
        <button type="submit" name="intent" value="add" className="button">
          {t("settingNames.save")}
        </button>
      </Form>
    </>
  );
}
