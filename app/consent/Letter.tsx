import type { Notice } from "./notice";
import { InLanguage, NoticeText } from "./NoticeText";

/** A letter's own words, already in the reader's language (made on the server, which has every language). */
export interface LetterData {
  language: string;
  hello: string | null;
  aboutChild: string | null;
  intro: string;
  howTo: string;
  linkLabel: string;
  url: string;
  qrLabel: string;
  /** The link as a QR code, an SVG made on the server by the `qrcode` package. */
  qrSvg: string;
  until: string;
  notice: Notice;
}

/**
 * The printable letter: the same link as the email, a QR code of it, the consent text, and the questions
 * with boxes to tick, so it also serves as the paper form a decision can be recorded from.
 */
export function Letter({ letter }: { letter: LetterData }) {
  const { notice } = letter;
  return (
    <InLanguage language={letter.language} className="letter">
      <article aria-labelledby="letter-title">
        {letter.hello ? <p>{letter.hello}</p> : null}
        <h2 id="letter-title">{notice.title}</h2>
        {letter.aboutChild ? <p>{letter.aboutChild}</p> : null}
        <p>{letter.intro}</p>
        <p>{letter.howTo}</p>
        <p>{letter.linkLabel}</p>
        <p className="letter__link">{letter.url}</p>
        <p>{letter.qrLabel}</p>
        {/* The code repeats the link printed just above, so it is hidden from screen readers. */}
        <div className="letter__qr" aria-hidden="true" dangerouslySetInnerHTML={{ __html: letter.qrSvg }} />
        <p>{letter.until}</p>
        <NoticeText notice={notice} level={3} />
        {notice.purposes.map((purpose) => (
          <div className="letter__question" key={purpose.purpose}>
            <p>
              <strong>{purpose.question}</strong>
              <br />
              {purpose.hint}
            </p>
            <p className="letter__boxes">
              <span className="letter__box">{notice.yes}</span>
              <span className="letter__box">{notice.no}</span>
            </p>
          </div>
        ))}
      </article>
    </InLanguage>
  );
}
