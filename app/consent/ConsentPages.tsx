import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { NoticeVersion } from "./notice";
import { EasyRead, NoticeText } from "./NoticeText";
import { isEasyRead } from "./notice";

/** A link that does not work, and why: unknown, replaced by a newer one, or past the end of the inspection. */
export function LinkProblem({ state }: { state: "unknown" | "replaced" | "expired" }) {
  const { t } = useTranslation("consent");
  return (
    <>
      <h1>{t(`link.${state}.title`)}</h1>
      <p>{t(`link.${state}.body`)}</p>
    </>
  );
}

/** The withdrawal text and its one button (a POST: opening a link must never withdraw anything). */
export function WithdrawalForm({
  token,
  text,
  after,
  asPage,
}: {
  token: string;
  text: NoticeVersion;
  after: string;
  asPage?: boolean;
}) {
  const { notice } = text;
  const Title = asPage ? "h1" : "h2";
  return (
    <section className="withdrawal" aria-labelledby="withdrawal-title">
      <Title id="withdrawal-title" className={isEasyRead(notice.kind) ? "easy-read__heading" : undefined}>
        {notice.title}
      </Title>
      <NoticeText notice={notice} level={asPage ? 2 : 3} />
      <Form method="post" action={`/consent/${token}/withdraw`}>
        <input type="hidden" name="textId" value={text.id} />
        <input type="hidden" name="textSha" value={text.sha256} />
        <input type="hidden" name="after" value={after} />
        <button type="submit" className="button button--warning">
          {notice.button}
        </button>
      </Form>
    </section>
  );
}

export interface AnswersData {
  wording: "plain" | "easy";
  flash: "saved" | "withdrawn" | "already" | null;
  when: string;
  answers: Array<{ purpose: string; name: string; answer: string }>;
  withdrawal: { text: NoticeVersion; after: string } | null;
}

/** What the person has said, with a way to change it and, while anything is given, to withdraw it. */
export function AnswersSummary({ token, data }: { token: string; data: AnswersData }) {
  const { t } = useTranslation("consent");
  const { wording } = data;
  return (
    <EasyRead easy={wording === "easy"}>
      {data.flash ? (
        <div className="confirmation" role="status">
          <p className="confirmation__body">{t(`answers.${wording}.${data.flash}`)}</p>
        </div>
      ) : null}
      <h1>{t(`answers.${wording}.title`)}</h1>
      <p>{t(`answers.${wording}.when`, { when: data.when })}</p>
      <dl className="summary-list">
        {data.answers.map((row) => (
          <div className="summary-list__row" key={row.purpose}>
            <dt className="summary-list__key">{row.name}</dt>
            <dd className="summary-list__value">{row.answer}</dd>
          </div>
        ))}
      </dl>
      <p>
        <Link to={`/consent/${token}?change`} className="button button--secondary">
          {t(`answers.${wording}.change`)}
        </Link>
      </p>
      {data.withdrawal ? <WithdrawalForm token={token} {...data.withdrawal} /> : null}
    </EasyRead>
  );
}
