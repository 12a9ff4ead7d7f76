// Notices 通知 (ADR 026): what each kind of notice tells, to whom, and where opening it leads.
// Pure: the models write and read the rows (app/models/notice.server.ts), the pages word them
// through the dictionary (app/i18n/messages/notices.ts).
import type { Role } from "./access.ts";

/** Each kind of notice, with the role that receives it. */
export const NOTICE_KINDS = {
  "task.assigned": "worker",
  "lot.received": "worker",
  "lots.received": "worker",
  "lot.checked": "worker",
  "payslip.ready": "worker",
  "query.answered": "worker",
  "order.placed": "coordinator",
  "query.raised": "coordinator",
  "material.overAllowance": "coordinator",
  "order.accepted": "partner",
  "order.declined": "partner",
  "delivery.made": "partner",
} as const satisfies Record<string, Role>;

export type NoticeKind = keyof typeof NOTICE_KINDS;

export function isNoticeKind(value: string): value is NoticeKind {
  return Object.prototype.hasOwnProperty.call(NOTICE_KINDS, value);
}

/** The facts a notice's sentence shows: names and counts, never money (the page it leads to shows that). */
export type NoticeParams = Record<string, string | number>;

/** The subject of each kind, which decides the page opening the notice leads to. */
export type NoticeSubject =
  | { kind: "task.assigned"; assignmentId: string }
  | { kind: "lot.received" | "lot.checked"; lotId: string }
  /** "Receive all": her logs of one assignment received at once, told in one notice. */
  | { kind: "lots.received"; assignmentId: string }
  | { kind: "payslip.ready"; payslipId: string; month: string }
  | { kind: "query.answered"; queryId: string; month: string }
  | { kind: "query.raised"; queryId: string; month: string; workerId: string }
  | { kind: "order.placed"; orderId: string }
  | { kind: "material.overAllowance"; assignmentId: string; materialId: string }
  | { kind: "order.accepted" | "order.declined"; orderId: string }
  | { kind: "delivery.made"; deliveryId: string };

/** The record a notice is about and the path opening it leads to. */
export function noticeTarget(subject: NoticeSubject): { subjectId: string; path: string } {
  switch (subject.kind) {
    case "task.assigned":
      return { subjectId: subject.assignmentId, path: `/worker/tasks/${subject.assignmentId}` };
    case "lot.received":
    case "lot.checked":
      // Her month's logs on the home page show what was counted and what passed.
      return { subjectId: subject.lotId, path: "/worker#month-logs-heading" };
    case "lots.received":
      return { subjectId: subject.assignmentId, path: "/worker#month-logs-heading" };
    case "payslip.ready":
      return { subjectId: subject.payslipId, path: payslipPath(subject.month) };
    case "query.answered":
      return { subjectId: subject.queryId, path: payslipPath(subject.month) };
    case "query.raised":
      return { subjectId: subject.queryId, path: `/coordinator/pay/${subject.month}/${subject.workerId}` };
    case "order.placed":
      return { subjectId: subject.orderId, path: `/coordinator/orders/${subject.orderId}` };
    case "material.overAllowance":
      return { subjectId: `${subject.assignmentId}:${subject.materialId}`, path: "/coordinator/reconciliation" };
    case "order.accepted":
    case "order.declined":
      return { subjectId: subject.orderId, path: `/partner/orders/${subject.orderId}` };
    case "delivery.made":
      return { subjectId: subject.deliveryId, path: `/partner/deliveries/${subject.deliveryId}` };
  }
}

export function payslipPath(month: string): string {
  return `/worker/pay/${month}`;
}

/** Params as stored (JSON text); anything unreadable shows as no params rather than failing the page. */
export function parseNoticeParams(text: string): NoticeParams {
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== "object" || Array.isArray(value)) return {};
    const params: NoticeParams = {};
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      if (typeof v === "string" || typeof v === "number") params[key] = v;
    }
    return params;
  } catch {
    return {};
  }
}

/** A path stored on a notice is followed only when it is one of the app's own (never another site). */
export function isAppPath(path: string): boolean {
  return path.startsWith("/") && !path.startsWith("//") && !path.includes("\\");
}

/** Notices shown on the list page at once. */
export const NOTICES_SHOWN = 50;
