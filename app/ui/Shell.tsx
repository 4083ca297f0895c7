import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LANGUAGES } from "~/i18n/languages";

export function SiteHeader() {
  const { t, i18n } = useTranslation("common");
  const location = useLocation();
  const back = location.pathname + location.search;

  return (
    <>
      <a href="#main-content" className="skip-link">
        {t("skipLink")}
      </a>
      <header className="header">
        <div className="width-container header__inner">
          <Link to="/" className="header__service">
            {t("serviceName")}
          </Link>
          {/* Plain links (not a script-driven menu): they work without JavaScript and each says its
              language in that language, marked with lang so screen readers pronounce it correctly. */}
          <nav className="languages" aria-label={t("languages.label")}>
            <ul className="languages__list">
              {LANGUAGES.map((language) => (
                <li key={language.code} className="languages__item">
                  {language.code === i18n.language ? (
                    <span className="languages__current" lang={language.code} dir={language.dir} aria-current="true">
                      {language.name}
                    </span>
                  ) : (
                    <a
                      className="languages__link"
                      href={`/language?${new URLSearchParams({ lng: language.code, back })}`}
                      lang={language.code}
                      hrefLang={language.code}
                      dir={language.dir}
                    >
                      {language.name}
                    </a>
                  )}
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
    </>
  );
}

export function SiteFooter() {
  const { t } = useTranslation("common");
  return (
    <footer className="footer">
      <div className="width-container">
        <h2 className="visually-hidden">{t("footer.heading")}</h2>
        <ul className="footer__links">
          <li>
            <Link to="/privacy">{t("footer.privacy")}</Link>
          </li>
          <li>
            <Link to="/accessibility">{t("footer.accessibility")}</Link>
          </li>
          <li>
            <Link to="/cookies">{t("footer.cookies")}</Link>
          </li>
        </ul>
        <p className="footer__meta">{t("footer.about")}</p>
      </div>
    </footer>
  );
}
