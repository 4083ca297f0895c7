import { useTranslation } from "react-i18next";
import type { Shown } from "./reach";

export interface CountRow {
  key: string;
  label: string;
  count: Shown;
  /** A hint shown in the table beside the count (the "quiet channel" note). */
  note?: string;
}

/** A count as the page reads it: the number, "fewer than 5", or "not shown" (it would reveal a small one). */
export function useCountText(minCell: number) {
  const { t } = useTranslation("promotion");
  return (count: Shown) =>
    count.state === "shown"
      ? String(count.count)
      : count.state === "fewer"
        ? t("reach.fewer", { minCell })
        : t("reach.hidden");
}

const ROW = 34;
const WIDTH = 640;
const LABEL = 230;

/**
 * Bars drawn on the server: no chart JavaScript, readable in print. The table beside it holds the same
 * numbers, so the chart is hidden from assistive technology. A count that is not shown has no bar, only
 * its words, so nothing about it can be read off a bar's length.
 */
function CountChart({ rows, dir, minCell }: { rows: CountRow[]; dir: "ltr" | "rtl"; minCell: number }) {
  const text = useCountText(minCell);
  const largest = Math.max(minCell, ...rows.map((row) => (row.count.state === "shown" ? row.count.count : 0)));
  const barSpace = WIDTH - LABEL - 130;
  const x = (position: number) => (dir === "rtl" ? WIDTH - position : position);
  const anchor = (side: "start" | "end") => (dir === "rtl" ? (side === "start" ? "end" : "start") : side);
  return (
    <svg
      className="chart reach-chart"
      viewBox={`0 0 ${WIDTH} ${rows.length * ROW + 4}`}
      role="presentation"
      aria-hidden="true"
      focusable="false"
    >
      {rows.map((row, index) => {
        const top = index * ROW;
        const width =
          row.count.state === "shown" && row.count.count > 0 ? Math.max(2, (row.count.count / largest) * barSpace) : 0;
        const label = row.label.length > 30 ? `${row.label.slice(0, 29)}…` : row.label;
        return (
          <g key={row.key}>
            <text x={x(LABEL - 8)} y={top + ROW / 2 + 5} textAnchor={anchor("end")} className="chart__label">
              {label}
            </text>
            <rect
              x={dir === "rtl" ? WIDTH - LABEL - width : LABEL}
              y={top + 6}
              width={width}
              height={ROW - 12}
              className="chart__bar"
            />
            <text x={x(LABEL + width + 6)} y={top + ROW / 2 + 5} textAnchor={anchor("start")} className="chart__value">
              {text(row.count)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** One breakdown of responses: the chart, then a table with the same numbers (and any notes). */
export function CountFigures({
  id,
  caption,
  rowHeading,
  rows,
  total,
  dir,
  minCell,
}: {
  id: string;
  caption: string;
  rowHeading: string;
  rows: CountRow[];
  total: Shown;
  dir: "ltr" | "rtl";
  minCell: number;
}) {
  const { t } = useTranslation("promotion");
  const text = useCountText(minCell);
  const notes = rows.some((row) => row.note);
  return (
    <div className="reach-figures">
      <CountChart rows={rows} dir={dir} minCell={minCell} />
      <table className="table reach-table" id={id}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeading}</th>
            <th scope="col" className="numeric">
              {t("reach.responses")}
            </th>
            {notes ? <th scope="col">{t("reach.note")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td className="numeric">{text(row.count)}</td>
              {notes ? <td>{row.note ?? ""}</td> : null}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("reach.total")}</th>
            <td className="numeric">{text(total)}</td>
            {notes ? <td /> : null}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** Parents' and carers' responses so far beside the previous inspection's (a share only when shown). */
export function PreviousComparison({
  parents,
  previous,
  percent,
  minCell,
}: {
  parents: Shown;
  previous: number;
  percent: number | null;
  minCell: number;
}) {
  const { t } = useTranslation("promotion");
  const text = useCountText(minCell);
  const rows: Array<[string, string]> = [
    [t("reach.previousSoFar"), text(parents)],
    [t("reach.previousThen"), String(previous)],
    ...(percent === null ? [] : [[t("reach.previousShare"), `${percent}%`] as [string, string]]),
  ];
  return (
    <dl className="summary-list">
      {rows.map(([key, value]) => (
        <div className="summary-list__row" key={key}>
          <dt className="summary-list__key">{key}</dt>
          <dd className="summary-list__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
