import * as z from "zod/mini";
import {
  NAME_MAX,
  choiceField,
  contactPhoneField,
  newPasswordField,
  optionalText,
  phoneField,
  rateField,
  requiredText,
} from "./fields.ts";

export const createPartnerSchema = z.object({
  name: requiredText(60),
  contactName: optionalText(40),
  contactPhone: contactPhoneField,
});
export type CreatePartnerForm = z.input<typeof createPartnerSchema>;

export const partnerAccountSchema = z.object({
  name: requiredText(NAME_MAX),
  phone: phoneField,
  password: newPasswordField,
});
export type PartnerAccountForm = z.input<typeof partnerAccountSchema>;

/** Offer a product to the firm at an agreed price per piece (yuan, up to 4 decimals). */
export const offerSchema = z.object({
  productId: choiceField("error.chooseProduct"),
  price: rateField,
});
export type OfferForm = z.input<typeof offerSchema>;
