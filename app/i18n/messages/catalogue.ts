import { defineMessages } from "../define.ts";

// Catalogue, materials, piece rates and workshop settings (coordinator).
export const catalogueMessages = defineMessages({
  "rates.belowMinimumReasonRequired": {
    "zh-CN": "低于最低工资的单价必须写明原因",
    en: "A rate below the minimum wage needs a reason",
  },
  "unit.piece": { "zh-CN": "件", en: "piece" },
  "unit.box": { "zh-CN": "盒", en: "box" },
  "unit.set": { "zh-CN": "套", en: "set" },
  "unit.pair": { "zh-CN": "对", en: "pair" },
  "unit.kg": { "zh-CN": "千克", en: "kg" },
  "unit.g": { "zh-CN": "克", en: "g" },
  "unit.l": { "zh-CN": "升", en: "L" },
  "unit.ml": { "zh-CN": "毫升", en: "ml" },
  "unit.m": { "zh-CN": "米", en: "m" },
  "unit.sheet": { "zh-CN": "张", en: "sheet" },
});
