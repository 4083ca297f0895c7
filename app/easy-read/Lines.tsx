import { useTranslation } from "react-i18next";
import type { Line } from "./content";
import { Picture } from "./Picture";
import { pictureSrc } from "./pictures";

/** A screen's lines, one idea a line, each with its picture when it has one. */
export function Lines({ lines, values }: { lines: Line[]; values?: Record<string, unknown> }) {
  const { t } = useTranslation("easyread");
  return (
    <>
      {lines.map((line) => (
        <p key={line.key} className={line.picture ? "er-line er-line--picture" : "er-line"}>
          {line.picture ? <Picture src={pictureSrc(line.picture)} size={48} /> : null}
          <span>{t(line.key, values)}</span>
        </p>
      ))}
    </>
  );
}
