/**
 * Switch mode: the page highlights each choice in turn and a switch press chooses it. One switch
 * (Space or Enter) with auto-scan at a speed the young person picks; or two switches, where Space
 * moves and Enter chooses, at the person's own pace. Shared by the server and the browser (the
 * scanner); the form's schema is in switch-form.server.ts, so zod stays out of the page's JavaScript.
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
