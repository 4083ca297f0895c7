import { useTranslation } from "react-i18next";
import { StatusTag } from "./Board";
import type { Notice } from "./notice";
import { InLanguage, NoticeText } from "./NoticeText";
import { PURPOSES, type Capacity, type Method, type Party, type RecordedStatus, type Purpose } from "./rules";

export interface HistoryEntry {
  id: string;
  receiptId: string;
  party: Party;
  capacity: Capacity;
  event: "decision" | "withdrawal";
  statuses: Record<Purpose, RecordedStatus>;
  language: string;
  languageName: string;
  textVersion: number;
  textSha256: string;
  method: Method;
  recordedByEmail: string | null;
  when: string;
  notice: Notice;
}

/** Every decision record of a case, each with the exact text the person saw (in its own language). */
export function History({ entries }: { entries: HistoryEntry[] }) {
  const { t } = useTranslation("consent");
  if (entries.length === 0) return <p>{t("case.noHistory")}</p>;
  return (
    <ol className="card-list">
      {entries.map((entry) => (
        <li key={entry.id} data-receipt={entry.receiptId}>
          <h3>{t("case.recordHeading", { event: t(`case.event.${entry.event}`), when: entry.when })}</h3>
          <dl className="summary-list">
            <Row label={t("case.who")}>
              {t("case.whoValue", { party: t(`party.${entry.party}`), capacity: t(`capacity.${entry.capacity}`) })}
            </Row>
            <Row label={t("case.how")}>
              {entry.method === "online"
                ? t("case.online")
                : t("case.byStaff", {
                    method: t(`record.methods.${entry.method}`),
                    staff: entry.recordedByEmail ?? "",
                  })}
            </Row>
            {PURPOSES.map((purpose) => (
              <Row key={purpose} label={t(`purposeNames.plain.${purpose}`)}>
                <StatusTag status={entry.statuses[purpose]} />
              </Row>
            ))}
            <Row label={t("case.text")}>
              {t("case.textValue", {
                version: entry.textVersion,
                language: entry.languageName,
                hash: entry.textSha256,
              })}
            </Row>
            <Row label={t("case.receipt")}>{entry.receiptId}</Row>
          </dl>
          <details className="details">
            <summary>{t("case.showText")}</summary>
            <InLanguage language={entry.language}>
              <h4>{entry.notice.title}</h4>
              <NoticeText notice={entry.notice} level={4} />
              {entry.notice.purposes.map((purpose) => (
                <p key={purpose.purpose}>
                  <strong>{purpose.question}</strong> {purpose.hint}
                </p>
              ))}
            </InLanguage>
          </details>
        </li>
      ))}
    </ol>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="summary-list__row">
      <dt className="summary-list__key">{label}</dt>
      <dd className="summary-list__value">{children}</dd>
    </div>
  );
}
