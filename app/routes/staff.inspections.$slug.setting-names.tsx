import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf, requireInspectionPermission } from "~/auth/guard.server";
import { translatorFor } from "~/i18n/i18next.server";
import { addSettingNames, redactionLists, removeSettingName } from "~/results/redaction-lists.server";
import { SettingNamesSchema } from "~/results/schemas";
import { CsrfField, ErrorSummary, PostButton, summaryErrors, TextField } from "~/ui/forms";
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
  if (formData.get("intent") === "remove") {
    await removeSettingName(session.inspection.id, String(formData.get("name") ?? ""));
    return redirect(new URL(request.url).pathname);
  }
  const submission = parseWithZod(formData, { schema: SettingNamesSchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  await addSettingNames(session.inspection.id, submission.value.name);
  return redirect(new URL(request.url).pathname);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function SettingNames() {
  const { area, names } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { csrf } = useStaff();
  const { t } = useTranslation("staff");
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
