import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf, requireInspectionPermission } from "~/auth/guard.server";
import { translatorFor } from "~/i18n/i18next.server";
import { addSettingName, redactionLists, removeSettingName } from "~/results/redaction-lists.server";
import { CsrfField, ErrorSummary, plainField, TextField } from "~/ui/forms";
import { pageTitle } from "~/ui/meta";
import { useStaff } from "./staff";

/** The local area's schools and settings: their names are taken out of comments before inspectors read them. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { inspection } = await requireInspectionPermission(request, "settings.manage", params.slug);
  const { t } = await translatorFor(request, "staff");
  return json({
    title: t("settingNames.title"),
    area: inspection.localAreaName,
    names: (await redactionLists(inspection.id)).settings,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const session = await requireInspectionPermission(request, "settings.manage", params.slug);
  const formData = await request.formData();
  requireCsrf(session, formData);
  const name = String(formData.get("name") ?? "").trim();
  if (formData.get("intent") === "remove") {
    await removeSettingName(session.inspection.id, name);
  } else {
    // One name per line, so a whole list can be pasted in at once.
    const names = name
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
    if (names.length === 0 || names.some((line) => line.length < 2 || line.length > 120)) {
      return json({ error: "staff:settingNames.errors.name", name }, { status: 400 });
    }
    for (const line of names) await addSettingName(session.inspection.id, line);
  }
  return redirect(new URL(request.url).pathname);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function SettingNames() {
  const { area, names } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { csrf } = useStaff();
  const { t } = useTranslation("staff");
  const errors = actionData?.error ? [actionData.error] : undefined;
  return (
    <>
      <ErrorSummary errors={errors ? [{ href: "#name", message: errors[0]! }] : []} />
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
              <Form method="post">
                <CsrfField token={csrf} />
                <input type="hidden" name="name" value={name} />
                <button type="submit" name="intent" value="remove" className="link-button">
                  {t("settingNames.remove")}
                  <span className="visually-hidden"> {name}</span>
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <Form method="post" id="add-setting-name">
        <CsrfField token={csrf} />
        <TextField
          field={plainField("name", actionData?.name, errors)}
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
