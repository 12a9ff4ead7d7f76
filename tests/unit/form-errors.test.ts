// Every error of a form at once, through the same resolver the browser uses
// (react-hook-form's zodResolver over the zod/mini schema): an empty product
// or a past date used to stay silent until the quantity was fixed, because the
// past date was only checked by the model and zod skips an object's cross-field
// checks once any field fails. An empty select says what to choose.
import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldValues, ResolverOptions } from "react-hook-form";
import { expect, test } from "vitest";
import type { $ZodType } from "zod/v4/core";
import { changePasswordSchema } from "../../app/forms/account.ts";
import { bomLineSchema } from "../../app/forms/catalogue.ts";
import { assignSchema, decideOrderSchema, placeOrderSchema } from "../../app/forms/orders.ts";
import { offerSchema } from "../../app/forms/partners.ts";
import { setRateSchema } from "../../app/forms/rates.ts";
import { chinaDate, addDays } from "../../app/domain/dates.ts";

const options = { fields: {}, shouldUseNativeValidation: false } as ResolverOptions<FieldValues>;

/** The field errors the browser would show after one click on submit. */
async function errorsOf(schema: $ZodType, values: Record<string, string>): Promise<Record<string, string>> {
  const resolve = zodResolver(schema as never) as unknown as (
    values: FieldValues,
    context: unknown,
    options: ResolverOptions<FieldValues>,
  ) => Promise<{ errors: Record<string, { message?: string }> }>;
  const { errors } = await resolve(values, undefined, options);
  return Object.fromEntries(Object.entries(errors).map(([field, error]) => [field, error.message ?? ""]));
}

const yesterday = addDays(chinaDate(new Date()), -1);
const today = chinaDate(new Date());

test("placing an order: no product, no quantity and a past date are all reported at once, the product as 请选择产品", async () => {
  expect(await errorsOf(placeOrderSchema, { productId: "", quantity: "", dueOn: yesterday, notes: "" })).toEqual({
    productId: "error.chooseProduct",
    quantity: "error.required",
    dueOn: "error.dateInPast",
  });
  expect(await errorsOf(placeOrderSchema, { productId: "", quantity: "5", dueOn: "", notes: "" })).toEqual({
    productId: "error.chooseProduct",
    dueOn: "error.required",
  });
  expect(await errorsOf(placeOrderSchema, { productId: "p1", quantity: "5", dueOn: today, notes: "" })).toEqual({});
});

test("assigning: no worker, a bad quantity and a past date at once, the worker as 请选择手工者", async () => {
  expect(await errorsOf(assignSchema, { workerId: "", quantity: "abc", dueOn: yesterday })).toEqual({
    workerId: "error.chooseWorker",
    quantity: "error.invalid",
    dueOn: "error.dateInPast",
  });
});

test("every select with an empty first choice says what to choose", async () => {
  expect(await errorsOf(offerSchema, { productId: "", price: "6.8" })).toEqual({ productId: "error.chooseProduct" });
  expect(await errorsOf(bomLineSchema, { materialId: "", quantityPerPiece: "1" })).toEqual({
    materialId: "error.chooseMaterial",
  });
});

test("cross-field checks run together with the other fields' errors, not a round later", async () => {
  expect(
    await errorsOf(changePasswordSchema, { currentPassword: "", newPassword: "abcdefgh", confirmPassword: "abcdefgX" }),
  ).toEqual({ currentPassword: "error.required", confirmPassword: "error.passwordMismatch" });
  expect(
    await errorsOf(setRateSchema, {
      rate: "",
      effectiveOn: today,
      reason: "",
      confirmBelowMinimum: "on",
      belowMinimumReason: "",
    }),
  ).toEqual({
    rate: "error.required",
    reason: "error.required",
    belowMinimumReason: "rates.belowMinimumReasonRequired",
  });
  // A cross-field check still waits for the fields it reads: a too-short new password is not also "mismatched".
  expect(
    await errorsOf(changePasswordSchema, { currentPassword: "x", newPassword: "abc", confirmPassword: "abcdefgX" }),
  ).toEqual({ newPassword: "error.passwordTooShort?min=8" });
  expect(await errorsOf(decideOrderSchema, { decision: "decline", reason: "" })).toEqual({
    reason: "orders.declineReasonRequired",
  });
});
