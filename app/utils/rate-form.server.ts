// The answer of the product page's set-rate form (intent "rate"): a redirect
// when the version is saved, else a 400 that, besides the usual field errors,
// carries the fair-rate check for the rate as entered and whether the
// below-minimum confirmation is asked for (docs/decisions/009-piece-rate-versions.md).
import type { Actor } from "../domain/access.ts";
import type { MoneyLocale } from "../domain/money.ts";
import { setRateSchema } from "../forms/rates.ts";
import type { ProductDetail } from "../models/catalogue.server.ts";
import { setRate } from "../models/rates.server.ts";
import { badRequest, formValues, validate, type FieldErrors } from "./forms.server.ts";
import { redirectWithNotice } from "./notice.server.ts";
import { checkView, enteredRateCheck, type CheckView } from "./product-view.server.ts";

/** The 400 answer of the set-rate form (the page reads its answer through this type). */
export type RateFailure = {
  ok: false;
  fieldErrors: FieldErrors;
  formError?: string;
  values: Record<string, string>;
  rateCheck: CheckView | null;
  needsConfirmation: boolean;
};

export async function answerSetRate(
  actor: Actor,
  product: ProductDetail,
  formData: FormData,
  locale: MoneyLocale,
  savedTo: string,
) {
  const { values } = formValues(formData);
  const entered = () => enteredRateCheck(actor.workshopId, product, values, locale);
  const refuse = (
    failure: { fieldErrors?: FieldErrors; formError?: string; needsConfirmation?: boolean },
    rateCheck: CheckView | null,
  ) =>
    badRequest(
      { fieldErrors: failure.fieldErrors ?? {}, formError: failure.formError, values },
      { rateCheck, needsConfirmation: failure.needsConfirmation ?? false },
    );

  const result = validate(setRateSchema, formData);
  if (!result.ok) return refuse({ fieldErrors: result.fieldErrors }, await entered());
  const outcome = await setRate(actor, { productId: product.id, ...result.data }, new Date());
  if (outcome.ok) {
    return redirectWithNotice(savedTo, {
      key: outcome.replaced ? "rates.replaced" : "rates.created",
      at: "rates",
      // Saved, but under 120 % of the minimum wage: say so with the notice.
      ...(outcome.check.status === "belowFair" ? { note: "rates.savedBelowFair" as const } : {}),
    });
  }
  switch (outcome.code) {
    case "needsConfirmation":
      return refuse(
        {
          formError: "rates.needsConfirmation",
          // A reason without the tick: point at the box.
          fieldErrors:
            result.data.belowMinimumReason && !result.data.confirmBelowMinimum
              ? { confirmBelowMinimum: "rates.confirmRequired" }
              : {},
          needsConfirmation: true,
        },
        checkView(outcome.check, result.data.rate, product.standardMinutesE2, locale),
      );
    case "rateUsed":
      return refuse({ formError: "rates.rateUsed" }, await entered());
    case "notFound":
      return product.archivedAt !== null
        ? refuse({ formError: "rates.productArchived" }, null)
        : refuse({ fieldErrors: { processStepId: "rates.stepUnavailable" } }, await entered());
  }
}
