import type { Request as ExpressRequest, Response as ExpressResponse } from "express";
import { i18n, translations } from "~/i18n/i18next.server";
import { DEFAULT_LANGUAGE, textDirection } from "~/i18n/languages";
import styles from "~/ui/app.css";

/** The requests refused at the edge, before any route runs, and the message each gets. */
export type EdgeRefusal = "badRequest" | "tooLarge" | "unsupported" | "crossSite" | "unavailable" | "failed";

const STATUS: Record<EdgeRefusal, number> = {
  badRequest: 400,
  crossSite: 403,
  tooLarge: 413,
  unsupported: 415,
  failed: 500,
  unavailable: 503,
};

// Each message as a literal key, so the locale test sees every one in use.
const MESSAGES: Record<EdgeRefusal, [title: string, body: string]> = {
  badRequest: ["errors.badRequest.title", "errors.badRequest.body"],
  crossSite: ["errors.crossSite.title", "errors.crossSite.body"],
  tooLarge: ["errors.tooLarge.title", "errors.tooLarge.body"],
  unsupported: ["errors.unsupported.title", "errors.unsupported.body"],
  failed: ["errors.failed.title", "errors.failed.tryLater"],
  unavailable: ["errors.unavailable.title", "errors.unavailable.body"],
};

const escape = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** The reader's language from the same sources as every page (cookie, then Accept-Language), never the URL. */
async function localeOf(request: ExpressRequest): Promise<string> {
  try {
    const headers = new Headers();
    if (request.headers.cookie) headers.set("Cookie", request.headers.cookie);
    if (request.headers["accept-language"]) headers.set("Accept-Language", request.headers["accept-language"]);
    return await i18n.getLocale(new Request("http://localhost/", { headers }));
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

/**
 * Answers a refused request with a small page of its own, in the reader's language: the request never
 * reached Remix, so there is no page shell, but the message says what happened and what to do.
 */
export async function refuse(request: ExpressRequest, response: ExpressResponse, refusal: EdgeRefusal) {
  const locale = await localeOf(request);
  const t = translations.getFixedT(locale, "common");
  const [title, body] = MESSAGES[refusal].map((key) => escape(t(key)));
  const service = escape(t("serviceName"));
  if (response.headersSent) return void response.destroy();
  response.status(STATUS[refusal]);
  response.set({ "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
  // A body that was not read (too large, say) is not worth waiting for: close once answered.
  if (refusal === "tooLarge" || refusal === "unsupported") response.set("Connection", "close");
  response.send(
    `<!DOCTYPE html><html lang="${locale}" dir="${textDirection(locale)}"><head><meta charset="utf-8">` +
      `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} – ${service}</title>` +
      `<link rel="stylesheet" href="${styles}"></head><body><div class="width-container">` +
      `<main id="main-content" class="main"><h1 class="heading-l">${title}</h1><p>${body}</p>` +
      `<p><a href="/">${escape(t("errors.startPage"))}</a></p></main></div></body></html>`,
  );
}
