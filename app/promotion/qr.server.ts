import QRCode from "qrcode";

/**
 * QR codes for a channel's link, made on the server with the `qrcode` library. Error correction "M"
 * (15%) survives a creased or smudged poster; the quiet zone of 4 modules is what scanners expect.
 */
const OPTIONS = { errorCorrectionLevel: "M", margin: 4 } as const;

/** Scalable, for print: dark modules on white, whatever the page's colours. */
export function qrSvg(link: string): Promise<string> {
  return QRCode.toString(link, { ...OPTIONS, type: "svg", color: { dark: "#000000", light: "#ffffff" } });
}

/** 1,000 pixels square: sharp on a printed A4 page or a social media post. */
export function qrPng(link: string): Promise<Buffer> {
  return QRCode.toBuffer(link, { ...OPTIONS, type: "png", width: 1000 });
}
