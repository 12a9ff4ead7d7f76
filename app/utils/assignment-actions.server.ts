// The action of the coordinator's assignment page
// (app/routes/coordinator.assignments.$assignmentId.tsx), one branch per form
// `intent`: reduce, reassign, cancel, issue (发料), return (退料), deduct (扣款).
// Each validates its form with its schema, calls its model once per submission
// key, and answers a refusal through refuse() (a 400 in the user's language,
// nothing changed) or a success with a notice in the page's section. Kept here
// so the route module stays a page (docs/conventions.md §4).
import type { Actor } from "../domain/access.ts";
import { formatAmount, amountToMinor, quantityToMinor, amountFromMinor } from "../domain/money.ts";
import { msg } from "../forms/fields.ts";
import { deductionSchema, materialMoveSchema, reassignSchema, reduceAssignmentSchema } from "../forms/stock.ts";
import { formatDate } from "../i18n/format.ts";
import { translator } from "../i18n/index.ts";
import { toLocale } from "../i18n/locales.ts";
import {
  cancelAssignment,
  getWorkshopAssignment,
  reassignAssignment,
  reduceAssignment,
} from "../models/assignment.server.ts";
import { getMaterial } from "../models/catalogue.server.ts";
import { issueMaterial, returnMaterial } from "../models/material-stock.server.ts";
import { decideDeduction } from "../models/reconciliation.server.ts";
import { isSubmissionKey } from "../models/submission.server.ts";
import { getWorker } from "../models/user.server.ts";
import { notFound } from "./auth.server.ts";
import { badRequest, formError, formValues, refuse, validate } from "./forms.server.ts";
import { redirectWithNotice } from "./notice.server.ts";
import { quantityText } from "./stock-view.server.ts";
import { unitText } from "../i18n/units.ts";

const INTENTS = ["reduce", "reassign", "cancel", "issue", "return", "deduct"] as const;
type Intent = (typeof INTENTS)[number];

function isIntent(value: unknown): value is Intent {
  return typeof value === "string" && (INTENTS as readonly string[]).includes(value);
}

/** The page's action for `scope` (a coordinator, authenticated by the route) on `assignmentId`, with its posted form. */
export async function assignmentAction(scope: Actor, userLocale: string, assignmentId: string, formData: FormData) {
  // Another workshop's assignment is not found, whatever was posted.
  const a = await getWorkshopAssignment(scope.workshopId, assignmentId);
  if (!a) notFound();
  const intent = formData.get("intent");
  if (!isIntent(intent)) return formError("error.unknownIntent", formValues(formData).values);
  const key = formData.get("submissionKey");
  if (!isSubmissionKey(key)) return formError("form.expired", formValues(formData).values);
  const locale = toLocale(userLocale);
  const t = translator(locale);
  const here = `/coordinator/assignments/${a.id}`;
  const place = (to: "order" | "pool" | undefined) =>
    t(`assignment.place.${to ?? (a.source === "claimed" ? "pool" : "order")}`);
  const replayed = (at: string) => redirectWithNotice(here, { key: "form.saved", at });

  if (intent === "reduce") {
    const form = validate(reduceAssignmentSchema, formData);
    if (!form.ok) return badRequest(form);
    const outcome = await reduceAssignment(scope, a.id, form.data.quantity, key);
    if ("replayed" in outcome) return replayed("change");
    if (!outcome.ok) {
      const logged = "logged" in outcome && typeof outcome.logged === "number" ? outcome.logged : a.loggedQuantity;
      return refuse(
        outcome,
        {
          notActive: "assignment.notActive",
          belowLogged: { quantity: msg("assignment.belowLogged", { n: logged }) },
          notLess: { quantity: "assignment.notLess" },
        },
        formData,
      );
    }
    return redirectWithNotice(here, {
      key: "assignment.reduced",
      params: { n: outcome.freed ?? 0, unit: a.productUnit, place: place(outcome.to) },
      at: "change",
    });
  }

  if (intent === "cancel") {
    const outcome = await cancelAssignment(scope, a.id, key);
    if ("replayed" in outcome) return replayed("change");
    if (!outcome.ok) {
      return refuse(
        outcome,
        {
          notActive: a.status === "cancelled" ? "assignment.alreadyCancelled" : "assignment.notActive",
          allLogged: "assignment.allLogged",
        },
        formData,
      );
    }
    const n = outcome.freed ?? 0;
    return redirectWithNotice(here, {
      key: outcome.cancelled ? "assignment.cancelled" : "assignment.cancelledPartly",
      params: { n, unit: a.productUnit, place: place(outcome.to), logged: outcome.keptLogged ?? 0 },
      at: "change",
    });
  }

  if (intent === "reassign") {
    const form = validate(reassignSchema, formData);
    if (!form.ok) return badRequest(form);
    const outcome = await reassignAssignment(scope, a.id, form.data, new Date(), key);
    if ("replayed" in outcome) return replayed("change");
    if (!outcome.ok) {
      const unlogged = "unlogged" in outcome && typeof outcome.unlogged === "number" ? outcome.unlogged : 0;
      return refuse(
        outcome,
        {
          notActive: "assignment.notActive",
          exceedsUnlogged: { quantity: msg("assignment.exceedsUnlogged", { n: unlogged }) },
          workerNotFound: { workerId: "orders.workerNotFound" },
          sameWorker: { workerId: "assignment.sameWorker" },
          orderNotAccepted: "assignment.orderNotAccepted",
          dueInPast: { dueOn: "error.dateInPast" },
          dueAfterOrder: { dueOn: msg("assignment.dueAfterOrder", { date: formatDate(a.orderDueOn, locale) }) },
        },
        formData,
      );
    }
    const worker = await getWorker(scope.workshopId, form.data.workerId);
    return redirectWithNotice(here, {
      key: "assignment.reassigned",
      params: { n: outcome.moved ?? 0, unit: a.productUnit, worker: worker?.name ?? "" },
      at: "change",
    });
  }

  if (intent === "issue" || intent === "return") {
    const form = validate(materialMoveSchema, formData);
    if (!form.ok) return badRequest(form);
    const material = await getMaterial(scope.workshopId, form.data.materialId);
    const quantityE3 = quantityToMinor(form.data.quantity);
    const outcome = material
      ? intent === "issue"
        ? await issueMaterial(scope, a.id, material.id, quantityE3, key)
        : await returnMaterial(scope, a.id, material.id, quantityE3, key)
      : ({ ok: false, code: "materialNotFound" } as const);
    if ("replayed" in outcome) return replayed("materials");
    const unit = material ? unitText(t, material.unit) : "";
    if (!outcome.ok) {
      const q = (e3: bigint) => quantityText(e3, locale);
      return refuse(
        outcome,
        {
          notActive: "materialMove.notActive",
          materialNotFound: { materialId: "materialMove.materialNotFound" },
          notEnoughStock: {
            quantity: msg("materialMove.notEnough", { q: q("onHandE3" in outcome ? outcome.onHandE3 : 0n), unit }),
          },
          exceedsHeld: {
            quantity: msg("materialMove.exceedsHeld", { q: q("heldE3" in outcome ? outcome.heldE3 : 0n), unit }),
          },
        },
        formData,
      );
    }
    return redirectWithNotice(here, {
      key: intent === "issue" ? "materialMove.handedOut" : "materialMove.takenBack",
      params: { q: quantityText(quantityE3, locale), unit: material?.unit ?? "", name: material?.name ?? "" },
      at: "materials",
    });
  }

  const form = validate(deductionSchema, formData);
  if (!form.ok) return badRequest(form);
  const { materialId, decision, reason, month } = form.data;
  const input =
    decision === "lower"
      ? { decision, amountFen: form.data.amount ? amountToMinor(form.data.amount) : 0n, reason, month }
      : { decision, reason, month };
  const outcome = await decideDeduction(scope, a.id, materialId, input, key);
  if ("replayed" in outcome) return replayed("reconciliation");
  if (!outcome.ok) {
    const proposed = "proposedFen" in outcome ? formatAmount(amountFromMinor(outcome.proposedFen), locale) : "";
    return refuse(
      outcome,
      {
        inProgress: "deduction.inProgress",
        nothingToDeduct: "deduction.nothingToDeduct",
        reasonRequired: { reason: "deduction.reasonRequired" },
        aboveProposal: { amount: msg("deduction.aboveProposal", { amount: proposed }) },
        monthSettled: msg("deduction.monthSettled", { month: "month" in outcome ? outcome.month : month }),
        monthOutOfRange: {
          month: msg("deduction.monthOutOfRange", {
            from: "from" in outcome ? outcome.from : "",
            to: "to" in outcome ? outcome.to : "",
          }),
        },
      },
      formData,
    );
  }
  const amountFen = outcome.amountFen ?? 0n;
  return redirectWithNotice(here, {
    key: amountFen === 0n ? "deduction.savedWaived" : "deduction.saved",
    params: { month, amount: formatAmount(amountFromMinor(amountFen), locale) },
    at: "reconciliation",
  });
}
