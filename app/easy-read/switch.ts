import { z } from "zod";

/**
 * Switch mode: the page highlights each choice in turn and a switch press chooses it. One switch
 * (Space or Enter) with auto-scan at a speed the young person picks; or two switches, where Space
 * moves and Enter chooses, at the person's own pace. Shared by the server (the settings form) and the
 * browser (the scanner).
 */
export const SWITCH_MODES = ["off", "one", "two"] as const;
export type SwitchMode = (typeof SWITCH_MODES)[number];

/** How long each item stays highlighted in auto-scan, in milliseconds. */
export const SCAN_SPEEDS = { slow: 3000, medium: 2000, fast: 1250 } as const;
export type ScanSpeed = keyof typeof SCAN_SPEEDS;

export interface SwitchSettings {
  switches: Exclude<SwitchMode, "off">;
  speed: ScanSpeed;
}

/** The start page's form. Messages are easy-read translation keys. */
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
