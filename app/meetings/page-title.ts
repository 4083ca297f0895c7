import type { AppLoadContext } from "@remix-run/node";
import { useEffect } from "react";

/**
 * GOV.UK pages whose form came back with errors have a title starting "Error: ", which screen readers
 * announce first. Remix's `meta` sees only loader data, so:
 * - without JavaScript, the action marks the request's context and the same request's loader reads it;
 * - with JavaScript (the action and loaders are separate requests), the page prefixes the title itself.
 */
const FLAG = "meetingFormHasErrors";

export function noteFormErrors(context: AppLoadContext) {
  context[FLAG] = true;
}

export const formHadErrors = (context: AppLoadContext) => context[FLAG] === true;

export const titleFor = (data: { title: string; errorPrefix: string; hasErrors: boolean } | undefined) =>
  data ? (data.hasErrors ? `${data.errorPrefix} ${data.title}` : data.title) : undefined;

export function useErrorTitle(hasErrors: boolean, prefix: string) {
  useEffect(() => {
    if (hasErrors && !document.title.startsWith(prefix)) document.title = `${prefix} ${document.title}`;
  });
}
