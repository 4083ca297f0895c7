import { createCookie } from "@remix-run/node";
import { secureCookies } from "~/auth/secret.server";
import type { Inspection } from "~/inspections/inspection";
import { draftExpiry } from "~/surveys/window";
import type { SwitchSettings } from "./switch";
import { switchSettingsFrom } from "./switch-form.server";

/**
 * Switch mode is remembered on the young person's device only, in a cookie for this one survey that
 * ends with it. Nothing about the person, or that they use a switch, is stored on the server.
 */
const switchCookie = (slug: string) =>
  createCookie("switch_mode", {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies,
    path: `/s/${slug}/young-people`,
  });

export async function switchSettings(request: Request, slug: string): Promise<SwitchSettings | null> {
  return switchSettingsFrom(await switchCookie(slug).parse(request.headers.get("Cookie")));
}

/** The Set-Cookie header for new settings: kept until the survey can no longer be answered, or cleared. */
export function rememberSwitchSettings(inspection: Inspection, settings: SwitchSettings | null): Promise<string> {
  const cookie = switchCookie(inspection.slug);
  return settings
    ? cookie.serialize(settings, { expires: draftExpiry(inspection) })
    : cookie.serialize("", { maxAge: 0 });
}
