// QR labels (ADR 019): what a printed label says about an assignment, and
// where its /l/<id> address leads whoever scans it. Every lookup is scoped to
// the viewer's workshop (and, for a worker, to her own assignments), so an id
// from elsewhere is simply not found.
import { labelDestination } from "../domain/receiving.ts";
import type { Scope } from "../domain/access.ts";
import { db } from "../infra/db.server.ts";

export type LabelRow = {
  assignmentId: string;
  workerName: string;
  productName: string;
  productUnit: string;
  quantity: number;
  dueOn: string;
  status: string;
};

export type OrderLabels = {
  order: { id: string; productName: string; productUnit: string; partnerName: string; dueOn: string; status: string };
  /** One label per assignment that is not cancelled, in the order they were given out. */
  labels: LabelRow[];
};

const assignmentSelect = {
  id: true,
  quantity: true,
  dueOn: true,
  status: true,
  worker: { select: { name: true } },
  product: { select: { name: true, unit: true } },
} as const;

function toLabel(a: {
  id: string;
  quantity: number;
  dueOn: string;
  status: string;
  worker: { name: string };
  product: { name: string; unit: string };
}): LabelRow {
  return {
    assignmentId: a.id,
    workerName: a.worker.name,
    productName: a.product.name,
    productUnit: a.product.unit,
    quantity: a.quantity,
    dueOn: a.dueOn,
    status: a.status,
  };
}

/** The labels of one order of the workshop, or null (another workshop's order is not found). */
export async function getOrderLabels(workshopId: string, orderId: string): Promise<OrderLabels | null> {
  const order = await db().order.findFirst({
    where: { id: orderId, workshopId },
    select: {
      id: true,
      dueOn: true,
      status: true,
      product: { select: { name: true, unit: true } },
      partner: { select: { name: true } },
      assignments: {
        where: { status: { not: "cancelled" } },
        select: assignmentSelect,
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
    },
  });
  if (!order) return null;
  return {
    order: {
      id: order.id,
      productName: order.product.name,
      productUnit: order.product.unit,
      partnerName: order.partner.name,
      dueOn: order.dueOn,
      status: order.status,
    },
    labels: order.assignments.map(toLabel),
  };
}

/** One assignment's label, or null (another workshop's is not found). */
export async function getAssignmentLabel(
  workshopId: string,
  assignmentId: string,
): Promise<(LabelRow & { orderId: string }) | null> {
  const a = await db().assignment.findFirst({
    where: { id: assignmentId, workshopId },
    select: { ...assignmentSelect, orderId: true },
  });
  return a ? { ...toLabel(a), orderId: a.orderId } : null;
}

/**
 * Where /l/<assignmentId> sends this viewer, or null: the worker who owns it to
 * her log page, a coordinator of its workshop to its receiving page. The
 * assignment is looked up only among what the viewer may see, so null says
 * nothing about whether the id exists elsewhere.
 */
export async function labelDestinationFor(scope: Scope, assignmentId: string): Promise<string | null> {
  if (scope.role !== "worker" && scope.role !== "coordinator") return null;
  const a = await db().assignment.findFirst({
    where: {
      id: assignmentId,
      workshopId: scope.workshopId,
      ...(scope.role === "worker" ? { workerId: scope.userId } : {}),
    },
    select: { id: true, workshopId: true, workerId: true },
  });
  return a ? labelDestination(scope, a) : null;
}
