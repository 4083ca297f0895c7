import { useTranslation } from "react-i18next";
import type { LocalisedText } from "~/surveys/questions";
import type { CellResult, QuestionResult, SurveyReport, Thresholds } from "./report";

const Text = ({ value }: { value: LocalisedText }) => <span lang={value.lang}>{value.text}</span>;

/** How a count reads in a table: the number, "fewer than 5", or hidden to protect another count. */
function useCellText(rules: Thresholds) {
  const { t } = useTranslation("results");
  return {
    count: (cell: CellResult) =>
      cell.state === "shown"
        ? String(cell.count)
        : cell.state === "fewer"
          ? t("fewer", { minCell: rules.minCell })
          : t("hidden"),
    percent: (cell: CellResult) => (cell.percent === null ? t("noPercent") : `${cell.percent}%`),
  };
}

const ROW = 34;
const WIDTH = 640;
const LABEL = 250;

/**
 * A horizontal bar chart drawn on the server: no chart JavaScript, readable in print. It repeats the
 * table beside it, so assistive technology is pointed at the table; "don't know" is set apart and
 * hatched, so nothing depends on colour.
 */
function BarChart({ question, dir, rules }: { question: QuestionResult; dir: "ltr" | "rtl"; rules: Thresholds }) {
  const text = useCellText(rules);
  const rows = question.columns.map((column, index) => ({ column, cell: question.cells[index]! }));
  const gap = rows.some((row) => row.column.apart) ? ROW / 2 : 0;
  const height = rows.length * ROW + gap + 4;
  const x = (position: number) => (dir === "rtl" ? WIDTH - position : position);
  const anchor = (side: "start" | "end") => (dir === "rtl" ? (side === "start" ? "end" : "start") : side);
  const barSpace = WIDTH - LABEL - 90;
  return (
    <svg className="chart" viewBox={`0 0 ${WIDTH} ${height}`} role="presentation" aria-hidden="true" focusable="false">
      <defs>
        <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" className="chart__apart-fill" />
          <line x1="0" y1="0" x2="0" y2="6" className="chart__hatch" strokeWidth="3" />
        </pattern>
      </defs>
      {rows.map(({ column, cell }, index) => {
        const top = index * ROW + (column.apart ? gap : 0);
        const width = cell.percent === null ? 0 : Math.max((Math.min(cell.percent, 100) / 100) * barSpace, cell.count ? 2 : 0);
        const label = column.label.text.length > 34 ? `${column.label.text.slice(0, 33)}…` : column.label.text;
        return (
          <g key={column.value}>
            <text x={x(LABEL - 8)} y={top + ROW / 2 + 5} textAnchor={anchor("end")} className="chart__label">
              {label}
            </text>
            <rect
              x={dir === "rtl" ? WIDTH - LABEL - width : LABEL}
              y={top + 6}
              width={width}
              height={ROW - 12}
              className={column.apart ? undefined : "chart__bar"}
              fill={column.apart ? "url(#hatch)" : undefined}
            />
            <text x={x(LABEL + width + 6)} y={top + ROW / 2 + 5} textAnchor={anchor("start")} className="chart__value">
              {cell.state === "shown" ? `${text.percent(cell)} (${cell.count})` : text.count(cell)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function QuestionResultView({
  question,
  dir,
  rules,
  headingLevel = 3,
}: {
  question: QuestionResult;
  dir: "ltr" | "rtl";
  rules: Thresholds;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation("results");
  const text = useCellText(rules);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const id = `question-${question.id}`;
  return (
    <section className="result" aria-labelledby={`${id}-heading`} id={id}>
      <Heading className="heading-s" id={`${id}-heading`}>
        {t("questionNumber", { number: question.number })}: <Text value={question.text} />
      </Heading>
      {question.focusArea ? <p className="caption">{t("focusArea", { area: question.focusArea })}</p> : null}

      {question.status === "too-few" ? <p className="inset">{t("tooFew", { minAnswers: rules.minAnswers })}</p> : null}
      {question.status === "withheld" ? (
        <p className="inset">{t("withheld")}</p>
      ) : null}
      {question.status === "comments" ? (
        <p>
          {question.comments === null
            ? t("commentsTooFew", { minAnswers: rules.minAnswers })
            : t("commentsCount", { count: question.comments })}
        </p>
      ) : null}

      {question.status === "shown" ? (
        <div className="result__body">
          <p>
            {question.answered?.state === "shown"
              ? t("answered", { count: question.answered.count! })
              : t("answeredHidden")}
          </p>
          <div className="result__figures">
            <BarChart question={question} dir={dir} rules={rules} />
            <table className="table result__table">
              <caption className="visually-hidden">{t("tableCaption", { number: question.number })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("answer")}</th>
                  <th scope="col" className="numeric">
                    {t("number")}
                  </th>
                  <th scope="col" className="numeric">
                    {t("percent")}
                  </th>
                </tr>
              </thead>
              {[false, true].map((apart) => {
                const rows = question.columns.flatMap((column, index) =>
                  column.apart === apart ? [{ column, cell: question.cells[index]! }] : [],
                );
                return rows.length ? (
                  <tbody key={String(apart)} className={apart ? "result__apart" : undefined}>
                    {rows.map(({ column, cell }) => (
                      <tr key={column.value}>
                        <th scope="row">
                          <Text value={column.label} />
                        </th>
                        <td className="numeric">{text.count(cell)}</td>
                        <td className="numeric">{text.percent(cell)}</td>
                      </tr>
                    ))}
                  </tbody>
                ) : null;
              })}
            </table>
          </div>
          {question.breakdown ? (
            // Wider than a phone: it scrolls sideways on its own, reachable and scrollable by keyboard.
            <div className="table-scroll" role="region" aria-labelledby={`${id}-breakdown`} tabIndex={0}>
              <table className="table result__breakdown">
                <caption className="table__caption" id={`${id}-breakdown`}>
                  {t("breakdownCaption", { number: question.number })} <Text value={question.breakdown.by} />
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t("group")}</th>
                    {question.columns.map((column) => (
                      <th scope="col" className="numeric" key={column.value}>
                        <Text value={column.label} />
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {question.breakdown.groups.map((group) => (
                    <tr key={group.label.text}>
                      <th scope="row">
                        <Text value={group.label} />{" "}
                        <span className="secondary-text">
                          (
                          {group.total.state === "shown"
                            ? t("groupTotal", { count: group.total.count! })
                            : text.count(group.total)}
                          )
                        </span>
                      </th>
                      {group.cells.map((cell, index) => (
                        <td className="numeric" key={index}>
                          {cell.state === "shown" ? (
                            <>
                              {cell.count} <span className="secondary-text">({text.percent(cell)})</span>
                            </>
                          ) : (
                            text.count(cell)
                          )}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {question.breakdown === null ? null : question.breakdown.groups.length === 0 ? (
            <p className="hint">{t("noGroups")}</p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

/**
 * How many responses the results hold and how many came late (both published counts like any other),
 * or why there are none yet; and whether some sent at the very end are held back.
 */
export function ResponseCount({ report }: { report: Pick<SurveyReport, "responses" | "late" | "heldBack" | "rules"> }) {
  const { t } = useTranslation("results");
  const text = useCellText(report.rules);
  if (!report.responses) return <p>{t("noSnapshot", { minAnswers: report.rules.minAnswers })}</p>;
  return (
    <>
      <p>
        {report.responses.state === "shown"
          ? t("responses", { count: report.responses.count! })
          : t("responsesHidden")}
        {report.late ? ` ${t("late", { late: text.count(report.late) })}` : null}
      </p>
      {report.heldBack ? <p>{t("heldBack", { minAnswers: report.rules.minAnswers })}</p> : null}
    </>
  );
}
