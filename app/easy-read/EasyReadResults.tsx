import { useTranslation } from "react-i18next";
import type { Thresholds } from "~/results/report";
import type { FaceSummaryRow, HelpedSummary } from "./results";

const percent = (value: number | null, none: string) => (value === null ? none : `${value}%`);

/**
 * The young people's tab, above the questions: how many answered with someone helping, and each face
 * scale in four figures (happy, sad, "don't know", "don't understand"), all after disclosure control.
 */
export function EasyReadResults({
  faces,
  helped,
  rules,
}: {
  faces: FaceSummaryRow[];
  helped: HelpedSummary | null;
  rules: Thresholds;
}) {
  const { t } = useTranslation("easyread");
  const none = t("results.none");
  return (
    <section aria-labelledby="easy-read-summary">
      <h2 id="easy-read-summary">{t("results.heading")}</h2>
      {helped ? (
        <div className="panel">
          <h3 className="heading-s">{t("results.helpedHeading")}</h3>
          <p>
            {helped.answered === null || helped.helped === null
              ? t("results.helpedTooFew", { minAnswers: rules.minAnswers })
              : helped.helped.state === "shown"
                ? t("results.helped", {
                    count: helped.helped.count!,
                    answered: helped.answered,
                    percent: helped.helped.percent,
                  })
                : helped.helped.state === "fewer"
                  ? t("results.helpedFewer", { minCell: rules.minCell, answered: helped.answered })
                  : t("results.helpedHidden", { answered: helped.answered })}
          </p>
          <p className="hint">
            {t("results.helpedQuestion", { number: helped.number })}{" "}
            <span lang={helped.text.lang}>{helped.text.text}</span>
          </p>
        </div>
      ) : null}
      {faces.length > 0 ? (
        <div className="table-scroll" role="region" aria-labelledby="faces-caption" tabIndex={0}>
          <table className="table">
            <caption className="table__caption" id="faces-caption">
              {t("results.facesCaption")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("results.question")}</th>
                <th scope="col" className="numeric">
                  {t("results.happy")}
                </th>
                <th scope="col" className="numeric">
                  {t("results.sad")}
                </th>
                <th scope="col" className="numeric">
                  {t("answers.dont-know")}
                </th>
                <th scope="col" className="numeric">
                  {t("answers.dont-understand")}
                </th>
              </tr>
            </thead>
            <tbody>
              {faces.map((row) => (
                <tr key={row.id}>
                  <th scope="row">
                    <a href={`#question-${row.id}`}>{t("results.number", { number: row.number })}</a>{" "}
                    <span lang={row.text.lang}>{row.text.text}</span>
                  </th>
                  <td className="numeric">{percent(row.happy, none)}</td>
                  <td className="numeric">{percent(row.sad, none)}</td>
                  <td className="numeric">{percent(row.dontKnow, none)}</td>
                  <td className="numeric">{percent(row.dontUnderstand, none)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p className="hint">{t("results.facesHint")}</p>
    </section>
  );
}
