// What the receiving page sends to the browser about one assignment: piece
// counts as numbers, rates only as text formatted here from the exact minor
// units (docs/conventions.md §2), times as ISO text, and a once-only key for
// every form on the page (ADR 010), so a resent form does its work once.
import { formatRate, rateFromMinor } from "../domain/money.ts";
import type { Locale } from "../i18n/locales.ts";
import { newSubmissionKey } from "../models/submission.server.ts";
import type { ReceivingDesk } from "../models/receiving.server.ts";

export function receivingDeskView(desk: ReceivingDesk, locale: Locale) {
  const a = desk.assignment;
  const active = desk.lots.filter((l) => l.status !== "cancelled");
  return {
    assignment: {
      id: a.id,
      orderId: a.orderId,
      workerName: a.workerName,
      // Two workers may share a name: the last four digits of the phone tell them apart.
      phoneTail: a.workerPhone.slice(-4),
      productName: a.productName,
      unit: a.productUnit,
      partnerName: a.partnerName,
      quantity: a.quantity,
      dueOn: a.dueOn,
      status: a.status,
    },
    figures: {
      waitingLogs: desk.submitted.length,
      waitingPieces: desk.submitted.reduce((sum, l) => sum + l.quantity, 0),
      receivedPieces: active.reduce((sum, l) => sum + l.quantity, 0),
    },
    submitted: desk.submitted.map((l) => ({
      id: l.id,
      quantity: l.quantity,
      loggedOn: l.loggedOn,
      createdAt: l.createdAt.toISOString(),
      step: l.processStepName,
      rate: l.rateE4 === null ? null : formatRate(rateFromMinor(l.rateE4), locale),
      hasPhoto: l.hasPhoto,
      submissionKey: newSubmissionKey(),
    })),
    lots: desk.lots.map((l) => ({
      id: l.id,
      loggedOn: l.loggedOn,
      loggedQuantity: l.loggedQuantity,
      quantity: l.quantity,
      differenceReason: l.differenceReason,
      changeReason: l.changeReason,
      status: l.status,
      receivedAt: l.receivedAt.toISOString(),
      receivedByName: l.receivedByName,
      // Only a lot still waiting for the quality check can be corrected or cancelled.
      keys: l.status === "awaiting" ? { correct: newSubmissionKey(), cancel: newSubmissionKey() } : null,
    })),
    receiveAllKey: newSubmissionKey(),
  };
}

export type ReceivingDeskView = ReturnType<typeof receivingDeskView>;
