import { Form } from "@remix-run/react";
import { Fragment, useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * Form fields in the GOV.UK Design System's order: label, hint, error message, then the control, so a
 * screen reader hears the error before reaching the field. Error messages travel as translation keys
 * ("namespace:key") from the shared zod schemas and are translated here, in the reader's language.
 */
/** What a field component needs; conform's field metadata has it, and so can a plain object. */
export interface Field {
  id: string;
  name: string;
  errors?: string[];
  descriptionId: string;
  errorId: string;
  initialValue?: unknown;
}

/** A field outside any conform form (previews, hand-built forms). */
export const plainField = (name: string, initialValue?: unknown, errors?: string[]): Field => ({
  id: name,
  name,
  errors,
  descriptionId: `${name}-hint`,
  errorId: `${name}-error`,
  initialValue,
});

export interface SummaryError {
  /** The id of the field (or of the first control in a group) to jump to. */
  href: string;
  message: string;
}

/** Every error of a submission, in field order, for the error summary. */
export function summaryErrors(
  fields: Array<Field | undefined>,
  firstControl: (field: Field) => string = (field) => field.id,
): SummaryError[] {
  return fields.flatMap((field) =>
    field?.errors?.length ? [{ href: `#${firstControl(field)}`, message: field.errors[0]! }] : [],
  );
}

/**
 * While a form shows errors, the page title starts "Error: " (the server does the same for pages it
 * renders). The title's own text node is changed, not replaced, so React can still update it later.
 */
function useErrorTitle(hasErrors: boolean, prefix: string) {
  useEffect(() => {
    const text = document.querySelector("title")?.firstChild;
    if (!hasErrors || !text?.nodeValue || text.nodeValue.startsWith(prefix)) return;
    text.nodeValue = `${prefix} ${text.nodeValue}`;
    return () => {
      if (text.nodeValue?.startsWith(`${prefix} `)) text.nodeValue = text.nodeValue.slice(prefix.length + 1);
    };
  }, [hasErrors, prefix]);
}

export function ErrorSummary({ errors }: { errors: SummaryError[] }) {
  const { t } = useTranslation("common");
  const ref = useRef<HTMLDivElement>(null);
  // Move focus to the summary when it appears (as govuk-frontend does), so keyboard and screen reader
  // users start from the list of problems. Without JavaScript it is simply the first thing on the page.
  // Keyed by the errors' content, not the array (a new one each render): focus moves only when the
  // errors change, never while someone is answering a field after them.
  const shown = errors.map((error) => `${error.href} ${error.message}`).join("\n");
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown]);
  useErrorTitle(errors.length > 0, t("forms.errorPrefix"));
  if (errors.length === 0) return null;
  return (
    <div className="error-summary" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <div role="alert">
        <h2 className="error-summary__title" id="error-summary-title">
          {t("forms.errorSummaryTitle")}
        </h2>
        <ul className="error-summary__list">
          {errors.map((error) => (
            <li key={error.href}>
              <a href={error.href}>{t(error.message)}</a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function Hint({ field, hint }: { field: Field; hint?: ReactNode }) {
  return hint ? (
    <div className="hint" id={field.descriptionId}>
      {hint}
    </div>
  ) : null;
}

function ErrorMessage({ field }: { field: Field }) {
  const { t } = useTranslation("common");
  if (!field.errors?.length) return null;
  return (
    <p className="error-message" id={field.errorId}>
      <span className="visually-hidden">{t("forms.errorPrefix")} </span>
      {t(field.errors[0]!)}
    </p>
  );
}

const describedBy = (field: Field, hint: ReactNode, extra?: string) =>
  [hint ? field.descriptionId : null, extra, field.errors?.length ? field.errorId : null].filter(Boolean).join(" ") ||
  undefined;

const groupClass = (field: Field) => `form-group${field.errors?.length ? " form-group--error" : ""}`;

interface LabelledProps {
  field: Field;
  label: ReactNode;
  hint?: ReactNode;
  /** The label as the page's heading, for one-question pages. */
  labelAsHeading?: boolean;
  defaultValue?: string;
  /** For text typed in another language than the page's (translations). */
  lang?: string;
  dir?: "ltr" | "rtl";
}

/** The label (or heading), hint and error message above a single text control. */
function Labelled({ field, label, hint, labelAsHeading, children }: LabelledProps & { children: ReactNode }) {
  const labelElement = (
    <label className={labelAsHeading ? "label label--heading" : "label"} htmlFor={field.id}>
      {label}
    </label>
  );
  return (
    <div className={groupClass(field)}>
      {labelAsHeading ? <h1 className="label-wrapper">{labelElement}</h1> : labelElement}
      <Hint field={field} hint={hint} />
      <ErrorMessage field={field} />
      {children}
    </div>
  );
}

/** The attributes every text control shares: identity, its value so far, and its state for assistive technology. */
const controlProps = (field: Field, hint: ReactNode, defaultValue: string | undefined, extraDescription?: string) => ({
  id: field.id,
  name: field.name,
  defaultValue: defaultValue ?? (field.initialValue as string | undefined),
  "aria-invalid": field.errors?.length ? true : undefined,
  "aria-describedby": describedBy(field, hint, extraDescription),
});

interface TextFieldProps extends LabelledProps {
  type?: "text" | "email" | "tel";
  autoComplete?: string;
  inputMode?: "numeric" | "text" | "email";
  spellCheck?: boolean;
  width?: "short" | "medium";
}

export function TextField({
  type = "text",
  width,
  autoComplete,
  inputMode,
  spellCheck,
  lang,
  dir,
  ...labelled
}: TextFieldProps) {
  const { field, hint, defaultValue } = labelled;
  return (
    <Labelled {...labelled}>
      <input
        className={`input${width ? ` input--${width}` : ""}${field.errors?.length ? " input--error" : ""}`}
        type={type}
        {...controlProps(field, hint, defaultValue)}
        {...{ autoComplete, inputMode, spellCheck, lang, dir }}
      />
    </Labelled>
  );
}

interface TextareaFieldProps extends LabelledProps {
  rows?: number;
  /** A soft limit: shown to the reader and checked by the server, never silently truncated. */
  characterLimit?: number;
}

export function TextareaField({ rows = 5, characterLimit, lang, dir, ...labelled }: TextareaFieldProps) {
  const { t } = useTranslation("common");
  const { field, hint, defaultValue } = labelled;
  const limitId = `${field.id}-limit`;
  return (
    <Labelled {...labelled}>
      <textarea
        className={`textarea${field.errors?.length ? " textarea--error" : ""}`}
        rows={rows}
        lang={lang}
        dir={dir}
        {...controlProps(field, hint, defaultValue, characterLimit ? limitId : undefined)}
      />
      {characterLimit ? (
        <>
          <p className="hint character-limit" id={limitId}>
            {t("forms.characterLimit", { count: characterLimit })}
          </p>
          <CharacterCount textareaId={field.id} limit={characterLimit} />
        </>
      ) : null}
    </Labelled>
  );
}

/**
 * With JavaScript, how many characters are left, updated as the reader types. Screen readers hear it
 * only after a pause in typing (as govuk-frontend does), not on every key. Without JavaScript the
 * limit stays as a hint, and the server checks it.
 */
function CharacterCount({ textareaId, limit }: { textareaId: string; limit: number }) {
  const { t } = useTranslation("common");
  const [length, setLength] = useState<number | null>(null);
  const [announced, setAnnounced] = useState("");
  useEffect(() => {
    const textarea = document.getElementById(textareaId) as HTMLTextAreaElement | null;
    if (!textarea) return;
    let timer: ReturnType<typeof setTimeout>;
    const update = () => {
      setLength(textarea.value.length);
      clearTimeout(timer);
      timer = setTimeout(() => setAnnounced(countMessage(textarea.value.length)), 1000);
    };
    update();
    textarea.addEventListener("input", update);
    return () => {
      clearTimeout(timer);
      textarea.removeEventListener("input", update);
    };
  }, [textareaId]);
  const countMessage = (current: number) =>
    current > limit
      ? t("forms.charactersTooMany", { count: current - limit })
      : t("forms.charactersRemaining", { count: limit - current });
  if (length === null) return null;
  return (
    <>
      <p className={`hint character-count${length > limit ? " character-count--over" : ""}`} aria-hidden="true">
        {countMessage(length)}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {announced}
      </p>
    </>
  );
}

export interface Choice {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Set for a label in another language than the page (an untranslated option). */
  lang?: string;
  /** Shown apart from the others after an "or" (such as "Don't know"). */
  apart?: boolean;
}

interface ChoicesFieldProps {
  field: Field;
  legend: ReactNode;
  hint?: ReactNode;
  choices: Choice[];
  type: "radio" | "checkbox";
  legendAsHeading?: boolean;
  inline?: boolean;
  defaultValue?: string | string[];
}

/** Radios or checkboxes in a fieldset whose legend is the question. */
export function ChoicesField({
  field,
  legend,
  hint,
  choices,
  type,
  legendAsHeading,
  inline,
  defaultValue,
}: ChoicesFieldProps) {
  const { t } = useTranslation("common");
  const initial = defaultValue ?? (field.initialValue as string | string[] | undefined);
  const selected = new Set(Array.isArray(initial) ? initial : initial ? [initial] : []);
  return (
    <div className={groupClass(field)}>
      <fieldset className="fieldset" aria-describedby={describedBy(field, hint)}>
        <legend className={legendAsHeading ? "fieldset__legend fieldset__legend--heading" : "fieldset__legend"}>
          {legendAsHeading ? <h1 className="fieldset__heading">{legend}</h1> : legend}
        </legend>
        <Hint field={field} hint={hint} />
        <ErrorMessage field={field} />
        <div className={`${type === "radio" ? "radios" : "checkboxes"}${inline ? " radios--inline" : ""}`}>
          {choices.map((choice, index) => {
            const id = index === 0 ? field.id : `${field.id}-${index}`;
            return (
              <Fragment key={choice.value}>
                {choice.apart ? <div className="choices__divider">{t("forms.or")}</div> : null}
                <div className="choice">
                  <input
                    className="choice__input"
                    id={id}
                    name={field.name}
                    type={type}
                    value={choice.value}
                    defaultChecked={selected.has(choice.value)}
                    aria-describedby={choice.hint ? `${id}-hint` : undefined}
                  />
                  <label className="choice__label" htmlFor={id} lang={choice.lang}>
                    {choice.label}
                  </label>
                  {choice.hint ? (
                    <div className="hint choice__hint" id={`${id}-hint`}>
                      {choice.hint}
                    </div>
                  ) : null}
                </div>
              </Fragment>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** The hidden anti-forgery field every staff form carries. */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="csrf" value={token} />;
}

/**
 * A staff form that is a single button: the anti-forgery field, the ids it acts on as hidden fields, and
 * a button that says what it wants (`intent`), so one action can serve several buttons.
 */
export function PostButton({
  csrf,
  intent,
  values = {},
  className = "button button--secondary",
  children,
}: {
  csrf: string;
  intent: string;
  values?: Record<string, string>;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Form method="post">
      <CsrfField token={csrf} />
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" name="intent" value={intent} className={className}>
        {children}
      </button>
    </Form>
  );
}

/**
 * A field people never see, on public forms: only robots fill it in. The action thanks them as usual
 * and keeps nothing (`honeypotFilled`). Its label comes from the survey namespace, which the page loads.
 */
export function HoneypotField() {
  const { t } = useTranslation("survey");
  return (
    <div className="honeypot" aria-hidden="true">
      <label htmlFor="website">{t("check.honeypot")}</label>
      <input type="text" id="website" name="website" tabIndex={-1} autoComplete="off" />
    </div>
  );
}

export const honeypotFilled = (formData: FormData) => String(formData.get("website") ?? "") !== "";

/** A GOV.UK date input: day, month and year boxes in a fieldset (field is a conform object field). */
export function DateField({ field, legend, hint }: { field: Field; legend: ReactNode; hint?: ReactNode }) {
  const { t } = useTranslation("common");
  const parts = dateParts(field);
  const invalid = Boolean(field.errors?.length);
  return (
    <div className={groupClass(field)}>
      <fieldset className="fieldset" role="group" aria-describedby={describedBy(field, hint)}>
        <legend className="fieldset__legend">{legend}</legend>
        <Hint field={field} hint={hint} />
        <ErrorMessage field={field} />
        <div className="date-input">
          {(["day", "month", "year"] as const).map((part) => (
            <div className="date-input__item" key={part}>
              <label className="label" htmlFor={parts[part].id}>
                {t(`forms.date.${part}`)}
              </label>
              <input
                className={`input ${part === "year" ? "input--year" : "input--short"}${invalid ? " input--error" : ""}`}
                id={parts[part].id}
                name={parts[part].name}
                type="text"
                inputMode="numeric"
                defaultValue={parts[part].initialValue as string | undefined}
                aria-invalid={invalid || undefined}
              />
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/** The first box of a date input, where the error summary's link should land. */
export const firstDateBox = (field: Field) => dateParts(field).day.id;

const dateParts = (field: Field) =>
  (field as unknown as { getFieldset(): Record<"day" | "month" | "year", Field> }).getFieldset();
