import { requireInspectionPermission } from "~/auth/guard.server";
import { parseChannelCode } from "./channels";
import { findChannel } from "./channels.server";
import { linkFor } from "./kit.server";

/** The link a QR code resource route encodes, after the same checks as the channel's kit page. */
export async function qrLink(request: Request, params: { slug?: string; code?: string }) {
  const { inspection } = await requireInspectionPermission(request, "promotion.use", params.slug);
  const channel = await findChannel(inspection.id, parseChannelCode(params.code) ?? undefined);
  if (!channel) throw new Response("Not Found", { status: 404 });
  return { link: linkFor(inspection, channel.code), filename: `${inspection.slug}-${channel.code}` };
}

// Staff pages are never cached: the link behind a QR code can only be read while signed in.
export const QR_HEADERS = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
