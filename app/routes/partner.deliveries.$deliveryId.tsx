// A delivery note 送货单 of one of the partner's own orders (ADR 021),
// printable on A4; another firm's note is not found.
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DeliveryNote } from "../components/delivery-note.tsx";
import { toLocale } from "../i18n/locales.ts";
import { useT } from "../i18n/use-t.ts";
import { getDeliveryNote } from "../models/delivery.server.ts";
import styles from "../styles/delivery-note.css?url";
import { notFound, requireScope } from "../utils/auth.server.ts";
import { deliveryNoteView } from "../utils/order-view.server.ts";

export const access = { roles: ["partner"] } satisfies import("../domain/access.ts").RouteAccess;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, user } = await requireScope(request, ["partner"]);
  const note = await getDeliveryNote(scope, params.deliveryId ?? "");
  if (!note) notFound();
  return { note: deliveryNoteView(note, toLocale(user.locale)) };
}

export default function PartnerDeliveryNote() {
  const t = useT();
  const { note } = useLoaderData<typeof loader>();
  return <DeliveryNote note={note} back={{ to: `/partner/orders/${note.orderId}`, label: t("delivery.back") }} />;
}
