import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { currentRequest, describeForLog, log, noteRoute } from "~/http/log.server";
import { i18n, rememberLookups, translations } from "~/i18n/i18next.server";
import { NonceProvider } from "~/ui/nonce";

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce: string;
    /** The client's network address, for in-memory rate limits only: never stored or logged. */
    clientAddress: string;
  }
}

/**
 * Renders the whole document at once. Pages are small and wait on nothing once their loaders have
 * run, so streaming would add cost without sending anything sooner; a complete response is also what
 * browsers without JavaScript and error status codes need.
 */
export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // The page's own route names the request in the log (routes without a loader are noted only here).
  const leaf = remixContext.staticHandlerContext.matches.at(-1);
  if (leaf) noteRoute(leaf.route.id, Number.MAX_SAFE_INTEGER);
  const i18next = rememberLookups(
    translations.cloneInstance({ lng: await i18n.getLocale(request), initImmediate: false }),
  );
  const nonce = loadContext.cspNonce;
  const html = renderToString(
    <I18nextProvider i18n={i18next}>
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </NonceProvider>
    </I18nextProvider>,
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new Response(`<!DOCTYPE html>${withErrorTitle(html, i18next.t("common:forms.errorPrefix"))}`, {
    headers: responseHeaders,
    status: responseStatusCode,
  });
}

/**
 * A page whose form has errors (it shows the error summary) has a title starting "Error: ", as GOV.UK
 * pages do, so that a screen reader says so as the page loads. The title as React rendered it is kept
 * in `data-title`, for the browser to put back before hydrating (ErrorSummary then prefixes it again).
 */
function withErrorTitle(html: string, prefix: string): string {
  if (!html.includes('class="error-summary"')) return html;
  return html.replace(
    /<title>([^<]*)<\/title>/,
    (_, title: string) => `<title data-title="${title}">${prefix} ${title}</title>`,
  );
}

/**
 * Logs server errors by route id (noted in the request's context), class, code and stack frames: never
 * the path (it can hold a sign-in or resume token) nor the message (it can quote what someone typed).
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  log.error({ ...currentRequest(), err: describeForLog(error) }, "route failed");
};
