// The quality check 质检 of one lot (ADR 021): what was received, the check
// form (passed, rework and rejected counts that add up to the lot; a reason
// for rework and for rejected pieces; a note; an optional photo) while the lot
// awaits the check, and its result afterwards, with the rework lots it made.
// One intent, "check", with a once-only key (ADR 010); multipart for the photo.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import type { ActionResult } from "../components/forms.tsx";
import { FormAlert } from "../components/form-alert.tsx";
import { PageNotice } from "../components/notice.tsx";
import { CheckForm, CheckResultCard } from "../components/quality.tsx";
import { checkSchema } from "../forms/quality.ts";
import { formatDate } from "../i18n/format.ts";
import { toLocale } from "../i18n/locales.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { unitText } from "../i18n/units.ts";
import { checkLot, getLotForCheck, listReasons } from "../models/quality.server.ts";
import { isSubmissionKey } from "../models/submission.server.ts";
import styles from "../styles/quality.css?url";
import { notFound, requireScope } from "../utils/auth.server.ts";
import { badRequest, formError, formValues, readFormData, refuse, validate } from "../utils/forms.server.ts";
import { redirectWithNotice } from "../utils/notice.server.ts";
import { photoRefusalMessage, removePhoto, storePostedPhoto } from "../utils/photo-upload.server.ts";
import { lotCheckView } from "../utils/quality-view.server.ts";

export const access = { roles: ["coordinator"] } satisfies import("../domain/access.ts").RouteAccess;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, user } = await requireScope(request, ["coordinator"]);
  const lot = await getLotForCheck(scope.workshopId, params.lotId ?? "");
  if (!lot) notFound();
  const reasons = lot.status === "awaiting" ? await listReasons(scope.workshopId) : [];
  return lotCheckView(lot, reasons, toLocale(user.locale));
}

// A refused form (someone else just checked this lot) must show the page as it is now.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod === "POST" || defaultShouldRevalidate;

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope } = await requireScope(request, ["coordinator"]);
  const lotId = params.lotId ?? "";
  const formData = await readFormData(request);
  const { values } = formValues(formData);
  if (formData.get("intent") !== "check") return formError("error.unknownIntent", values);
  const key = formData.get("submissionKey");
  if (!isSubmissionKey(key)) return formError("form.expired", values);
  const form = validate(checkSchema, formData);
  if (!form.ok) return badRequest(form);
  if (form.data.lotId !== lotId) return formError("error.invalid", values);
  // The lot must be this workshop's before anything is stored on disk.
  if (!(await getLotForCheck(scope.workshopId, lotId))) notFound();
  const photo = await storePostedPhoto(formData);
  if (!photo.ok) return badRequest({ fieldErrors: { photo: photoRefusalMessage(photo.code) }, values });
  const outcome = await checkLot(scope, form.data, photo.path, new Date(), key);
  // A refused or resent check keeps no photo of its own.
  if ((!outcome.ok || "replayed" in outcome) && photo.path) await removePhoto(photo.path);
  const here = `/coordinator/quality/${lotId}`;
  if (!outcome.ok) {
    return refuse(
      outcome,
      {
        notAwaiting: "quality.notAwaiting",
        monthSettled: "quality.monthSettled",
        countsDoNotAddUp: { passed: "quality.countsDoNotAddUp" },
        reworkReasonRequired: { reworkReasonId: "quality.reworkReasonRequired" },
        rejectedReasonRequired: { rejectedReasonId: "quality.rejectedReasonRequired" },
        noteRequired: { note: "quality.noteRequired" },
        reasonNotFound: "quality.reasonNotFound",
      },
      formData,
    );
  }
  if ("replayed" in outcome) return redirectWithNotice(here, { key: "quality.checkedAgain" });
  const { passed, rework, rejected } = form.data;
  return redirectWithNotice(here, { key: "quality.checked", params: { passed, rework, rejected } });
}

export default function CheckLot() {
  const t = useT();
  const locale = useLocale();
  const { lot, check, reasons, checkKey } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  // A new page (after a success) gets a fresh form.
  const { key } = useLocation();
  const pieces = (n: number) => t("orders.quantityOf", { n, unit: unitText(t, lot.unit, n) });
  return (
    <>
      <p>
        <Link to="/coordinator/quality">← {t("quality.back")}</Link>
      </p>
      <h1>
        {t("quality.lotTitle", { name: lot.workerName, product: lot.productName })}{" "}
        <span className={`tag lot-${lot.status}`}>{t(`lot.status.${lot.status}`)}</span>
      </h1>
      <PageNotice />
      {checkKey ? null : <FormAlert message={actionData?.formError} />}
      {lot.isRework ? (
        <p className="notice-line">
          {t("quality.isRework")}{" "}
          {lot.reworkOfLotId ? (
            <Link to={`/coordinator/quality/${lot.reworkOfLotId}`}>{t("quality.earlierCheck")}</Link>
          ) : null}
        </p>
      ) : null}
      <section className="card">
        <dl className="facts">
          <div>
            <dt>{t("quality.quantity")}</dt>
            <dd className="big">{pieces(lot.quantity)}</dd>
          </div>
          <div>
            <dt>{t("quality.partner")}</dt>
            <dd>{lot.partnerName}</dd>
          </div>
          {lot.loggedOn ? (
            <div>
              <dt>{t("quality.loggedOn")}</dt>
              <dd>{formatDate(lot.loggedOn, locale)}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t("quality.receivedOnLabel")}</dt>
            <dd>{formatDate(lot.receivedOn, locale)}</dd>
          </div>
          {lot.stepName ? (
            <div>
              <dt>{t("quality.step")}</dt>
              <dd>{lot.stepName}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t("quality.rate")}</dt>
            <dd>{lot.rate ?? t("quality.noRate")}</dd>
          </div>
          {lot.differenceReason ? (
            <div className="wide">
              <dt>{t("quality.differenceReason")}</dt>
              <dd>{lot.differenceReason}</dd>
            </div>
          ) : null}
        </dl>
      </section>
      {checkKey ? (
        <CheckForm key={key} lot={lot} reasons={reasons} submissionKey={checkKey} result={actionData} />
      ) : null}
      {check ? <CheckResultCard lot={lot} check={check} /> : null}
    </>
  );
}
