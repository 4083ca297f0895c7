import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import Backend from "i18next-http-backend";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { getInitialNamespaces } from "remix-i18next/client";
import { i18nOptions, NAMESPACES } from "~/i18n/languages";

async function hydrate() {
  const html = document.documentElement;
  // The server may have added "Error: " to the title (entry.server.tsx); React expects the title as it
  // rendered it, and ErrorSummary adds the prefix again once hydrated.
  const title = document.querySelector("title[data-title]");
  if (title) title.textContent = title.getAttribute("data-title");
  await i18next
    .use(initReactI18next)
    .use(Backend)
    .init({
      ...i18nOptions,
      lng: html.lang,
      ns: getInitialNamespaces(),
      backend: { loadPath: `/locales/{{lng}}/{{ns}}?v=${html.dataset.translations}` },
    });

  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });

  // The page in view has its text already; fetch the rest so later pages render without a gap.
  void i18next.loadNamespaces([...NAMESPACES]);
}

void hydrate();
