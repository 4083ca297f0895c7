import type { LoaderFunctionArgs } from "@remix-run/node";
import { qrLink, QR_HEADERS } from "~/promotion/qr-route.server";
import { qrPng } from "~/promotion/qr.server";

/** A channel's QR code as a PNG image, for social media posts and documents. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { link, filename } = await qrLink(request, params);
  return new Response(new Uint8Array(await qrPng(link)), {
    headers: {
      ...QR_HEADERS,
      "Content-Type": "image/png",
      "Content-Disposition": `inline; filename="${filename}.png"`,
    },
  });
}
