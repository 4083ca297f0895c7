import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * Text to copy (a link, a message) in a read-only field: without JavaScript it can be selected and
 * copied as any text. With JavaScript a Copy button appears beside it, and "Copied" is announced through
 * a polite live region that is already on the page before it changes (so screen readers notice it).
 */
/** Tall enough to read most of a message on a phone without scrolling inside the field. */
const rowsFor = (value: string) =>
  Math.min(14, Math.max(3, Math.ceil(value.length / 45) + value.split("\n").length - 1));

export function CopyField({
  id,
  label,
  value,
  hint,
  multiline = false,
  lang,
  dir,
}: {
  id: string;
  label: string;
  value: string;
  hint?: string;
  multiline?: boolean;
  /** For text in another language than the page's (messages in the language chosen). */
  lang?: string;
  dir?: "ltr" | "rtl";
}) {
  const { t } = useTranslation("promotion");
  const [enhanced, setEnhanced] = useState(false);
  const [copied, setCopied] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => {
    setEnhanced(true);
    return () => clearTimeout(timer.current);
  }, []);

  async function copy() {
    const field = document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | null;
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      // No clipboard permission (or an insecure context): select the text and use the older command.
      field?.select();
      document.execCommand("copy");
    }
    // Cleared first, so a second copy is announced again.
    setCopied(false);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setCopied(true), 50);
  }

  const describedBy = hint ? `${id}-hint` : undefined;
  const common = {
    id,
    readOnly: true,
    value,
    lang,
    dir,
    "aria-describedby": describedBy,
    onFocus: (event: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => event.currentTarget.select(),
  };
  return (
    <div className="form-group copy-field">
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="hint" id={describedBy}>
          {hint}
        </div>
      ) : null}
      {multiline ? (
        <textarea className="textarea copy-field__text" rows={rowsFor(value)} {...common} />
      ) : (
        <input className="input copy-field__text" type="text" spellCheck={false} {...common} />
      )}
      {enhanced ? (
        <div className="copy-field__actions">
          <button type="button" className="button button--secondary copy-field__button" onClick={copy}>
            {t("copy.button")}
            <span className="visually-hidden"> {label}</span>
          </button>
          <p className="copy-field__status" role="status">
            {copied ? t("copy.done") : ""}
          </p>
        </div>
      ) : null}
    </div>
  );
}
