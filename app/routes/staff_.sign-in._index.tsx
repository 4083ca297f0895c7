import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getStaffSession } from "~/auth/sessions.server";
import { SignInSchema } from "~/auth/schemas";
import { requestSignInLink } from "~/auth/sign-in.server";
import { translatorFor } from "~/i18n/i18next.server";
import { ErrorSummary, summaryErrors, TextField } from "~/ui/forms";
import { pageTitle } from "~/ui/meta";
import { safeRedirect } from "~/utils";

export const handle = { i18n: ["staff"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const next = safeRedirect(url.searchParams.get("next"), "/staff");
  if (await getStaffSession(request)) throw redirect(next);
  const { t } = await translatorFor(request, "staff");
  return json({ title: t("signIn.title"), next, signedOut: url.searchParams.has("signed-out") });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: SignInSchema });
  const { locale, t } = await translatorFor(request, "staff");
  if (submission.status !== "success") {
    return json({ result: submission.reply(), title: t("signIn.title") }, { status: 400 });
  }
  const next = safeRedirect(submission.value.next, "/staff");
  const outcome = await requestSignInLink({
    email: submission.value.email,
    locale,
    clientAddress: context.clientAddress,
    next,
  });
  if (outcome === "too-many-from-client") {
    return json(
      {
        result: submission.reply({ fieldErrors: { email: ["staff:signIn.errors.tooMany"] } }),
        title: t("signIn.title"),
      },
      { status: 429 },
    );
  }
  return redirect(`/staff/sign-in/check-email?${new URLSearchParams({ next })}`);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.title);

export default function SignIn() {
  const { next, signedOut } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  const [form, fields] = useForm({
    id: "sign-in",
    lastResult: actionData?.result,
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignInSchema }),
  });

  return (
    <>
      {signedOut && !actionData ? (
        <div className="notification notification--success" role="status">
          <p>{t("signIn.signedOut")}</p>
        </div>
      ) : null}
      <ErrorSummary errors={summaryErrors([fields.email])} />
      <h1>{t("signIn.title")}</h1>
      <p>{t("signIn.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="next" value={next} />
        <TextField
          field={fields.email}
          label={t("signIn.emailLabel")}
          hint={t("signIn.emailHint")}
          type="email"
          autoComplete="email"
          spellCheck={false}
        />
        <button type="submit" className="button">
          {t("signIn.submit")}
        </button>
      </Form>
    </>
  );
}
