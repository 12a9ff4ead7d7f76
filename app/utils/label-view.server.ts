// What a printed label shows (ADR 019): the worker's name, the product, the
// pieces and the due date, and a QR code of /l/<assignmentId> on this very
// site (the origin the page was requested from), drawn on the server as SVG.
import { labelUrl } from "../domain/receiving.ts";
import type { LabelRow } from "../models/labels.server.ts";
import { qrSvg } from "./qr.server.ts";

export type LabelView = {
  assignmentId: string;
  workerName: string;
  productName: string;
  unit: string;
  quantity: number;
  dueOn: string;
  url: string;
  /** SVG markup made here from `url` (never from anything a user typed). */
  qrSvg: string;
};

/** The origin labels point to: the one the request was made to (scheme, host and port). */
export function siteOriginOf(request: Request): string {
  return new URL(request.url).origin;
}

export async function labelView(label: LabelRow, origin: string): Promise<LabelView> {
  const url = labelUrl(origin, label.assignmentId);
  return {
    assignmentId: label.assignmentId,
    workerName: label.workerName,
    productName: label.productName,
    unit: label.productUnit,
    quantity: label.quantity,
    dueOn: label.dueOn,
    url,
    qrSvg: await qrSvg(url),
  };
}

export function labelViews(labels: LabelRow[], origin: string): Promise<LabelView[]> {
  return Promise.all(labels.map((l) => labelView(l, origin)));
}
