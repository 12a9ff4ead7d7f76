// Display units of products and materials (labels in the dictionaries: unit.*).
export const PRODUCT_UNITS_LIST = ["piece", "box", "set", "pair"] as const;
export const MATERIAL_UNITS_LIST = ["kg", "g", "l", "ml", "piece", "box", "m", "sheet"] as const;
export type ProductUnit = (typeof PRODUCT_UNITS_LIST)[number];
export type MaterialUnit = (typeof MATERIAL_UNITS_LIST)[number];
