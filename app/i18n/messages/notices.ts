import { defineMessages } from "../define.ts";

// Notices 通知 (ADR 026): the list, the badge, and one sentence per kind of notice.
export const noticeMessages = defineMessages({
  "notices.nav": { "zh-CN": "通知", en: "Notices" },
  "notices.title": { "zh-CN": "通知", en: "Notices" },
  "notices.unread": { "zh-CN": "{n} 条未读", en: "{n} unread" },
  "notices.none": { "zh-CN": "还没有通知。", en: "No notices yet." },
  "notices.howRead": {
    "zh-CN": "点开一条通知，它就标为已读。",
    en: "Opening a notice marks it as read.",
  },
  "notices.new": { "zh-CN": "未读", en: "New" },
  "notices.markAllRead": { "zh-CN": "全部标为已读", en: "Mark all as read" },
  "notices.markedAllRead": { "zh-CN": "已全部标为已读", en: "All notices marked as read" },
  "notices.shownNewest": { "zh-CN": "显示最近 {n} 条。", en: "Showing the newest {n}." },

  "notices.kind.task.assigned": { "zh-CN": "新任务：{product}，{n} 件", en: "New task: {product}, {n} pieces" },
  "notices.kind.lot.received": {
    "zh-CN": "已收货：{product}，点收 {n} 件",
    en: "Received: {product}, {n} pieces counted",
  },
  "notices.kind.lots.received": {
    "zh-CN": "已收货：{product}，{logs} 次报工，共点收 {n} 件",
    en: "Received: {product}, {logs} logs, {n} pieces counted",
  },
  "notices.kind.lot.checked": {
    "zh-CN": "质检完成：{product}，合格 {passed}，返工 {rework}，不合格 {rejected}",
    en: "Checked: {product}, {passed} passed, {rework} to rework, {rejected} rejected",
  },
  "notices.kind.payslip.ready": { "zh-CN": "{month} 的工资条出来了", en: "Your payslip for {month} is ready" },
  "notices.kind.query.answered": {
    "zh-CN": "您对 {month} 工资的疑问有回复了",
    en: "Your question about {month} pay has an answer",
  },
  "notices.kind.order.placed": {
    "zh-CN": "新订单：{partner} 订 {product} {n} 件",
    en: "New order: {partner}, {product}, {n} pieces",
  },
  "notices.kind.query.raised": {
    "zh-CN": "{worker} 对 {month} 工资有疑问",
    en: "{worker} has a question about {month} pay",
  },
  "notices.kind.material.overAllowance": {
    "zh-CN": "物料超耗：{worker} 做 {product} 用的 {material} 超出允许损耗",
    en: "Over the loss allowance: {worker}, {material} for {product}",
  },
  "notices.kind.order.accepted": {
    "zh-CN": "订单已接受：{product} {n} 件",
    en: "Order accepted: {product}, {n} pieces",
  },
  "notices.kind.order.declined": {
    "zh-CN": "订单未接受：{product} {n} 件",
    en: "Order declined: {product}, {n} pieces",
  },
  "notices.kind.delivery.made": {
    "zh-CN": "第 {sequence} 次交货：{product} {n} 件",
    en: "Delivery {sequence}: {product}, {n} pieces",
  },
});
