import * as z from "zod/mini";
import { choiceField, contactPhoneField, optionalText, rateField, requiredText } from "./fields.ts";

export const createPartnerSchema = z.object({
  name: requiredText(60),
  contactName: optionalText(40),
  contactPhone: contactPhoneField,
});
export type CreatePartnerForm = z.input<typeof createPartnerSchema>;

// A partner firm's login is created with newAccountSchema (app/forms/account.ts).

/** Offer a product to the firm at an agreed price per piece (yuan, up to 4 decimals). */
export const offerSchema = z.object({
  productId: choiceField("error.chooseProduct"),
  price: rateField,
});
export type OfferForm = z.input<typeof offerSchema>;
