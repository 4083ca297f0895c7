import { useTranslation } from "react-i18next";

type Sections = Record<string, { heading: string; body: string }>;

/**
 * A page of plain prose: `<page>.title`, `<page>.intro`, then each of `<page>.sections` in the order the
 * translation file gives them, so adding a section needs no code change.
 */
export function ProsePage({ namespace, page }: { namespace: string; page: string }) {
  const { t } = useTranslation(namespace);
  const sections = t(`${page}.sections`, { returnObjects: true }) as Sections;
  return (
    <>
      <h1>{t(`${page}.title`)}</h1>
      <p className="lead">{t(`${page}.intro`)}</p>
      {Object.entries(sections).map(([id, section]) => (
        <section key={id} aria-labelledby={`${id}-heading`}>
          <h2 id={`${id}-heading`}>{section.heading}</h2>
          <p>{section.body}</p>
        </section>
      ))}
    </>
  );
}
