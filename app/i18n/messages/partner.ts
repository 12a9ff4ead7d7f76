import { defineMessages } from "../define.ts";

export const partnerMessages = defineMessages({
  "partner.home.title": { "zh-CN": "订单概况", en: "Orders" },
  "partner.nav.orders": { "zh-CN": "我的订单", en: "My orders" },
  "partner.nav.newOrder": { "zh-CN": "下单", en: "New order" },
  "partner.firm": { "zh-CN": "企业", en: "Firm" },
  "partner.workshop": { "zh-CN": "合作工坊", en: "Workshop" },
  "partner.orderCount": { "zh-CN": "共 {n} 张订单", en: "{n} orders" },
  "partner.noOrders": {
    "zh-CN": "还没有订单。下单后可以在这里跟进进度、质检和交付。",
    en: "No orders yet. Once you order, follow progress, quality and deliveries here.",
  },
});
