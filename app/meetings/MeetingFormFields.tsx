import { useTranslation } from "react-i18next";
import { ChoicesField, DateField, TextareaField, TextField, type Field } from "~/ui/forms";
import { MEETING_FORMATS, VENUE_ACCESS } from "./options";

type MeetingFields = Record<
  | "title"
  | "focus"
  | "date"
  | "startTime"
  | "endTime"
  | "format"
  | "venue"
  | "venueAccess"
  | "accessNotes"
  | "joiningInstructions"
  | "capacity"
  | "closesDate"
  | "closesTime",
  Field
>;

/** The fields organisers fill in to set up or change a meeting, in the order the error summary lists them. */
export const MEETING_FIELD_ORDER = [
  "title",
  "focus",
  "date",
  "startTime",
  "endTime",
  "format",
  "venue",
  "venueAccess",
  "accessNotes",
  "joiningInstructions",
  "capacity",
  "closesDate",
  "closesTime",
] as const;

export function MeetingFormFields({ fields }: { fields: MeetingFields }) {
  const { t } = useTranslation("meetings");
  return (
    <>
      <TextField field={fields.title} label={t("form.title")} hint={t("form.titleHint")} />
      <TextareaField
        field={fields.focus}
        label={t("form.focus")}
        hint={t("form.focusHint")}
        rows={4}
        characterLimit={1000}
      />
      <DateField field={fields.date} legend={t("form.date")} hint={t("form.dateHint")} />
      <TextField
        field={fields.startTime}
        label={t("form.startTime")}
        hint={t("form.timeHint")}
        width="short"
        inputMode="numeric"
      />
      <TextField
        field={fields.endTime}
        label={t("form.endTime")}
        hint={t("form.timeHint")}
        width="short"
        inputMode="numeric"
      />
      <ChoicesField
        field={fields.format}
        type="radio"
        legend={t("form.format")}
        choices={MEETING_FORMATS.map((format) => ({ value: format, label: t(`formats.${format}`) }))}
      />
      <TextareaField field={fields.venue} label={t("form.venue")} hint={t("form.venueHint")} rows={3} />
      <ChoicesField
        field={fields.venueAccess}
        type="checkbox"
        legend={t("form.venueAccess")}
        hint={t("form.venueAccessHint")}
        choices={VENUE_ACCESS.map((item) => ({ value: item, label: t(`venueAccess.${item}`) }))}
      />
      <TextareaField
        field={fields.accessNotes}
        label={t("form.accessNotes")}
        hint={t("form.accessNotesHint")}
        rows={3}
      />
      <TextareaField
        field={fields.joiningInstructions}
        label={t("form.joiningInstructions")}
        hint={t("form.joiningInstructionsHint")}
        rows={4}
      />
      <TextField
        field={fields.capacity}
        label={t("form.capacity")}
        hint={t("form.capacityHint")}
        width="short"
        inputMode="numeric"
      />
      <DateField field={fields.closesDate} legend={t("form.closesDate")} hint={t("form.closesDateHint")} />
      <TextField
        field={fields.closesTime}
        label={t("form.closesTime")}
        hint={t("form.timeHint")}
        width="short"
        inputMode="numeric"
      />
    </>
  );
}
