import type { ReactNode } from "react";
import { textDirection } from "~/i18n/languages";
import { isEasyRead, type Notice } from "./notice";

/**
 * A consent text's sections, rendered from the stored notice and nothing else, so what a person saw is
 * exactly what its version holds. Easy read puts one idea on each line; each line carries the name of
 * its picture (`data-picture`), for the easy-read pictograms and read-aloud to attach to.
 */
export function NoticeText({ notice, level = 2 }: { notice: Notice; level?: 2 | 3 | 4 }) {
  const Heading = `h${level}` as "h2";
  const easy = isEasyRead(notice.kind);
  return (
    <>
      {notice.sections.map((section) => (
        <div key={section.id} className={easy ? "easy-read__section" : "notice__section"}>
          <Heading className={easy ? "easy-read__heading" : undefined}>{section.heading}</Heading>
          {easy ? (
            <ul className="easy-read__ideas">
              {section.lines.map((line) => (
                <li key={line.id} className="easy-read__idea" data-picture={line.id}>
                  <span className="easy-read__words">{line.text}</span>
                </li>
              ))}
            </ul>
          ) : (
            section.lines.map((line) => <p key={line.id}>{line.text}</p>)
          )}
        </div>
      ))}
    </>
  );
}

/** Text in the notice's own language, marked so (a letter or a stored text in another language than the page). */
export function InLanguage({
  language,
  children,
  className,
}: {
  language: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div lang={language} dir={textDirection(language)} className={className}>
      {children}
    </div>
  );
}

/** The easy-read page wrapper: larger text and answer cards (see consent.css). */
export function EasyRead({ easy, children }: { easy: boolean; children: ReactNode }) {
  return easy ? <div className="easy-read">{children}</div> : <>{children}</>;
}
