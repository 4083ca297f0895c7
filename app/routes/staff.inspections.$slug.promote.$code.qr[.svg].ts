import type { LoaderFunctionArgs } from "@remix-run/node";
import { qrLink, QR_HEADERS } from "~/promotion/qr-route.server";
import { qrSvg } from "~/promotion/qr.server";

/** A channel's QR code as SVG, for print and design tools. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { link, filename } = await qrLink(request, params);
  return new Response(await qrSvg(link), {
    headers: {
      ...QR_HEADERS,
      "Content-Type": "image/svg+xml; charset=utf-8",
      "Content-Disposition": `inline; filename="${filename}.svg"`,
    },
  });
}
