import { useTranslation } from "react-i18next";
import { ChoicesField, TextareaField, TextField, type Field } from "~/ui/forms";
import type { Notice } from "./notice";
import { PURPOSES, type Capacity, type Purpose } from "./rules";
import { CONTACT_WAYS } from "./schemas";

type Fields = Record<string, Field>;

/** The order capacities are offered in: the person the link is for first. */
export const CAPACITY_ORDER: Record<"plain" | "easy", Capacity[]> = {
  plain: ["parent", "carer", "legal-authority", "young-person"],
  easy: ["young-person", "parent", "carer", "legal-authority"],
};

/** Who is filling in the form (staff: who gave the answer). */
export function CapacityField({
  field,
  wording,
  legend,
}: {
  field: Field;
  wording: "plain" | "easy" | "staff";
  legend?: string;
}) {
  const { t } = useTranslation("consent");
  return (
    <ChoicesField
      field={field}
      type="radio"
      legend={legend ?? t(`form.${wording}.who`)}
      choices={CAPACITY_ORDER[wording === "easy" ? "easy" : "plain"].map((capacity) => ({
        value: capacity,
        label: wording === "staff" ? t(`record.capacities.${capacity}`) : t(`form.${wording}.capacity.${capacity}`),
        hint: wording === "plain" && capacity === "legal-authority" ? t("form.plain.legalAuthorityHint") : undefined,
      }))}
    />
  );
}

/** Yes or no for each purpose, each its own question; nothing is chosen in advance. */
export function PurposeFields({
  fields,
  questions,
  yes,
  no,
}: {
  fields: Fields;
  questions: Array<{ purpose: Purpose; question: string; hint?: string }>;
  yes: string;
  no: string;
}) {
  return (
    <>
      {questions.map(({ purpose, question, hint }) => (
        <ChoicesField
          key={purpose}
          field={fields[purpose]!}
          type="radio"
          inline
          legend={question}
          hint={hint}
          choices={[
            { value: "yes", label: yes },
            { value: "no", label: no },
          ]}
        />
      ))}
    </>
  );
}

/** How and when to contact the person, and what would help them take part (all optional). */
export function PreferenceFields({ fields, wording }: { fields: Fields; wording: "plain" | "easy" | "staff" }) {
  const { t } = useTranslation("consent");
  const p = (key: string) => t(`prefs.${wording}.${key}`);
  return (
    <>
      <h2>{p("heading")}</h2>
      <p>{p("intro")}</p>
      <ChoicesField
        field={fields.contactWay!}
        type="radio"
        legend={p("contactWay")}
        choices={CONTACT_WAYS.map((way) => ({ value: way, label: t(`prefs.ways.${way}`) }))}
      />
      <TextField field={fields.bestTimes!} label={p("bestTimes")} hint={p("bestTimesHint")} />
      <TextField field={fields.interpreter!} label={p("interpreter")} width="medium" />
      <ChoicesField
        field={fields.bsl!}
        type="checkbox"
        legend={p("bsl")}
        choices={[{ value: "yes", label: p("bslChoice") }]}
      />
      <TextareaField field={fields.accessNeeds!} label={p("accessNeeds")} rows={3} characterLimit={500} />
      {wording === "staff" ? null : (
        <TextareaField field={fields.note!} label={p("note")} hint={p("noteHint")} rows={4} characterLimit={1000} />
      )}
    </>
  );
}

/** The public consent form's questions, from the stored notice the page shows. */
export function DecisionFields({
  fields,
  notice,
  wording,
}: {
  fields: Fields;
  notice: Notice;
  wording: "plain" | "easy";
}) {
  const { t } = useTranslation("consent");
  return (
    <>
      <CapacityField field={fields.capacity!} wording={wording} />
      <h2>{t(`form.${wording}.questionsHeading`)}</h2>
      <p>{t(`form.${wording}.questionsIntro`)}</p>
      <PurposeFields fields={fields} questions={notice.purposes} yes={notice.yes} no={notice.no} />
      <PreferenceFields fields={fields} wording={wording} />
    </>
  );
}

/** Every field of the consent form, in page order, for the error summary. */
export const DECISION_FIELD_ORDER = [
  "capacity",
  ...PURPOSES,
  "contactWay",
  "bestTimes",
  "interpreter",
  "bsl",
  "accessNeeds",
  "note",
];
