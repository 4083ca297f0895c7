import { useTranslation } from "react-i18next";
import { TextField, type Field } from "~/ui/forms";
import { ACCESS_NEEDS } from "./options";

/**
 * "Do you need anything to take part?": checkboxes, with the interpreter's language and "something else"
 * as text boxes under their own checkbox. They are always shown (no script needed to reveal them); the
 * server keeps a box's text only when its checkbox is ticked.
 */
export function AccessNeedsField({ needs, language, other }: { needs: Field; language: Field; other: Field }) {
  const { t } = useTranslation("meetings");
  const common = useTranslation("common").t;
  const initial = needs.initialValue;
  const selected = new Set(Array.isArray(initial) ? initial : typeof initial === "string" ? [initial] : []);
  const hintId = needs.descriptionId;
  return (
    <div className={`form-group${needs.errors?.length ? " form-group--error" : ""}`}>
      <fieldset
        className="fieldset"
        aria-describedby={[hintId, needs.errors?.length ? needs.errorId : null].filter(Boolean).join(" ")}
      >
        <legend className="fieldset__legend">{t("signUp.needs")}</legend>
        <div className="hint" id={hintId}>
          {t("signUp.needsHint")}
        </div>
        {needs.errors?.length ? (
          <p className="error-message" id={needs.errorId}>
            <span className="visually-hidden">{common("forms.errorPrefix")} </span>
            {t(needs.errors[0]!)}
          </p>
        ) : null}
        <div className="checkboxes">
          {ACCESS_NEEDS.map((need, index) => {
            const id = index === 0 ? needs.id : `${needs.id}-${index}`;
            return (
              <div key={need}>
                <div className="choice">
                  <input
                    className="choice__input"
                    id={id}
                    name={needs.name}
                    type="checkbox"
                    value={need}
                    defaultChecked={selected.has(need)}
                  />
                  <label className="choice__label" htmlFor={id}>
                    {t(`needs.${need}`)}
                  </label>
                </div>
                {need === "interpreter" || need === "other" ? (
                  <div className="conditional">
                    <TextField
                      field={need === "interpreter" ? language : other}
                      label={t(need === "interpreter" ? "signUp.language" : "signUp.other")}
                      width={need === "interpreter" ? "medium" : undefined}
                    />
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
