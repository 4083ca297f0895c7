import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { resourcesVersion, translatorFor } from "~/i18n/i18next.server";
import { DEFAULT_LANGUAGE, textDirection } from "~/i18n/languages";
import styles from "~/ui/app.css";
import { useFocusOnNavigation } from "~/ui/focus";
import { useNonce } from "~/ui/nonce";
import { SiteFooter, SiteHeader } from "~/ui/Shell";
import { errorTitleKey, StatusError } from "~/ui/StatusError";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const handle = { i18n: ["common"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const { locale, t } = await translatorFor(request, "common");
  return json({
    locale,
    translations: resourcesVersion,
    serviceName: t("serviceName"),
    // The <title> of each error page, by status (the page itself is StatusError).
    errorTitles: Object.fromEntries(
      [400, 403, 404, 409, 413, 415, 429, 500, 503].map((status) => [status, t(errorTitleKey(status))]),
    ),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
  // No root data: an action failed and its error reached this boundary, whose loader then does not run.
  // The Layout writes the title itself, in the reader's language.
  if (!data) return [];
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const title = data.errorTitles[status] ?? data.errorTitles[500];
  return [{ title: error ? `${title} – ${data.serviceName}` : data.serviceName }];
};

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const error = useRouteError();
  // Without root data (see meta), the language the server chose for this request still holds.
  const { i18n, t } = useTranslation("common");
  const locale = data?.locale ?? i18n.language ?? DEFAULT_LANGUAGE;
  const nonce = useNonce();
  useChangeLanguage(locale);
  const status = isRouteErrorResponse(error) ? error.status : 500;

  return (
    <html lang={locale} dir={textDirection(locale)} data-translations={data?.translations}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0b0c0c" />
        <Meta />
        {data ? null : <title>{`${t(errorTitleKey(status))} – ${t("serviceName")}`}</title>}
        <Links />
      </head>
      <body>
        <SiteHeader />
        <div className="width-container">
          <main id="main-content" className="main" tabIndex={-1}>
            {children}
          </main>
        </div>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  useFocusOnNavigation();
  return <Outlet />;
}

export function ErrorBoundary() {
  return <StatusError error={useRouteError()} />;
}
