import { parseWithZod } from "@conform-to/zod";
import { z } from "zod";
import { SCAN_SPEEDS, SWITCH_MODES, type ScanSpeed, type SwitchSettings } from "./switch";

/**
 * The start page's switch mode form, checked on the server only (the form is plain radio buttons, so
 * the browser needs no schema). Messages are easy-read translation keys.
 */
export const SwitchSettingsSchema = z.object({
  switches: z.enum(SWITCH_MODES, { errorMap: () => ({ message: "easyread:errors.switches" }) }),
  speed: z.enum(Object.keys(SCAN_SPEEDS) as [ScanSpeed, ...ScanSpeed[]], {
    errorMap: () => ({ message: "easyread:errors.speed" }),
  }),
});

/** Settings as kept in the cookie, or null when switch mode is off or the value is not one we wrote. */
export function switchSettingsFrom(value: unknown): SwitchSettings | null {
  const parsed = SwitchSettingsSchema.safeParse(value);
  if (!parsed.success || parsed.data.switches === "off") return null;
  return { switches: parsed.data.switches, speed: parsed.data.speed };
}

/** The posted form: the settings to remember (null for off), or the errors to show with nothing kept. */
export function parseSwitchForm(
  formData: FormData,
): { settings: SwitchSettings | null } | { errors: Record<string, string[] | null> } {
  const submission = parseWithZod(formData, { schema: SwitchSettingsSchema });
  if (submission.status !== "success") return { errors: submission.error ?? {} };
  return { settings: switchSettingsFrom(submission.value) };
}
