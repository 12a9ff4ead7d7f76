import * as z from "zod/mini";
import { MATERIAL_UNITS_LIST, PRODUCT_UNITS_LIST } from "./units.ts";
import {
  choiceField,
  msg,
  optionalMultilineText,
  percentField,
  positiveQuantityField,
  requiredText,
  standardMinutesField,
  unitCostField,
} from "./fields.ts";

/** Create or edit a product. */
export const productSchema = z.object({
  name: requiredText(60),
  unit: z.enum(PRODUCT_UNITS_LIST, { error: msg("error.invalid") }),
  qualityStandard: optionalMultilineText(500),
  standardMinutes: standardMinutesField,
  lossAllowance: percentField,
});
export type ProductForm = z.input<typeof productSchema>;

/** Create or edit a material. Unit cost in yuan with up to 4 decimals (0 allowed: donated material). */
export const materialSchema = z.object({
  name: requiredText(60),
  unit: z.enum(MATERIAL_UNITS_LIST, { error: msg("error.invalid") }),
  unitCost: unitCostField,
});
export type MaterialForm = z.input<typeof materialSchema>;

/** One bill-of-materials line: how much of a material one piece uses. */
export const bomLineSchema = z.object({
  materialId: choiceField("error.chooseMaterial"),
  quantityPerPiece: positiveQuantityField,
});
export type BomLineForm = z.input<typeof bomLineSchema>;

export const processStepSchema = z.object({
  name: requiredText(40),
});
