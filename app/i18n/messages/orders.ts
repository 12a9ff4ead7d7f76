import { defineMessages } from "../define.ts";

// Partner firms, orders, assignments and claiming (coordinator, partner, worker).
export const orderMessages = defineMessages({
  "orders.declineReasonRequired": { "zh-CN": "拒绝订单请写明原因", en: "Give a reason for declining" },
});
