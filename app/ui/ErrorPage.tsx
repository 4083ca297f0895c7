import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export function ErrorPage({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation("common");
  return (
    <>
      <h1 className="heading-l">{title}</h1>
      {children}
      <p>
        <Link to="/">{t("errors.startPage")}</Link>
      </p>
    </>
  );
}
