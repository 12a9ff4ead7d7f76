// QR codes for the printed labels (ADR 019), drawn on the server as SVG with
// `qrcode` (1.5.4): no script and no image request on the page, sharp at any
// print size. Error correction M (about 15 % of the code can be lost, enough
// for a label creased on a bag of materials); a one-module quiet zone, as the
// label gives the code white space of its own.
import QRCode from "qrcode";

export const QR_OPTIONS = { type: "svg", errorCorrectionLevel: "M", margin: 1 } as const;

/**
 * The SVG markup of a QR code that reads `text`, hidden from screen readers
 * (the element around it says what it is, with the address in words).
 */
export async function qrSvg(text: string): Promise<string> {
  const svg = await QRCode.toString(text, QR_OPTIONS);
  return svg.replace(/^<svg /, '<svg aria-hidden="true" focusable="false" ');
}
