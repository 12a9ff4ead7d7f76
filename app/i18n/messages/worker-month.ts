import { defineMessages } from "../define.ts";

// The worker's month on her home page (issue 8) and the actions on her task cards.
export const workerMonthMessages = defineMessages({
  "workerMonth.title": { "zh-CN": "本月（{month}）", en: "This month ({month})" },
  "workerMonth.logged": { "zh-CN": "已报工", en: "Logged" },
  "workerMonth.received": { "zh-CN": "已收货", en: "Received" },
  "workerMonth.passed": { "zh-CN": "合格", en: "Passed" },
  "workerMonth.notChecked": { "zh-CN": "质检尚未开始", en: "Not checked yet" },
  "workerMonth.reworkRejected": {
    "zh-CN": "返工 {rework} · 报废 {rejected}",
    en: "Rework {rework} · rejected {rejected}",
  },
  "workerMonth.reworkAtHome": {
    "zh-CN": "有 {n} 件返工在你手上，改好后交给协调员。",
    en: "{n} pieces to rework are with you: hand them to the coordinator when fixed.",
  },
  "workerMonth.checkPassed": { "zh-CN": "质检合格 {n} {unit}", en: "Passed {n} {unit}" },
  "workerMonth.checkRework": { "zh-CN": "返工 {n}", en: "rework {n}" },
  "workerMonth.checkRejected": { "zh-CN": "报废 {n}", en: "rejected {n}" },
  "workerMonth.reworkReason": { "zh-CN": "返工原因：{reason}", en: "Why rework: {reason}" },
  "workerMonth.rejectedReason": { "zh-CN": "报废原因：{reason}", en: "Why rejected: {reason}" },
  "workerMonth.checkNote": { "zh-CN": "质检说明：{note}", en: "Inspector's note: {note}" },
  "workerMonth.materialsTitle": { "zh-CN": "领用的物料（已扣退料）", en: "Material handed to me (less returns)" },
  "workerMonth.noMaterials": { "zh-CN": "没有领用的物料。", en: "No material handed to you." },
  "workerMonth.deductionsTitle": { "zh-CN": "要扣的钱", en: "To be deducted" },
  "workerMonth.deduction": {
    "zh-CN": "{month}工资 · {material}损耗",
    en: "{month} pay · loss of {material}",
  },
  "workerMonth.deductionReason": { "zh-CN": "协调员说明：{reason}", en: "Your coordinator says: {reason}" },
  "workerMonth.deductionsHint": {
    "zh-CN": "领的物料比做好的件数用得多，超过允许的损耗，按成本扣。有疑问请找协调员。",
    en: "More material was used than your pieces need, beyond the allowed loss; it is charged at cost. Ask your coordinator if unsure.",
  },
  "workerMonth.logsTitle": { "zh-CN": "本月报工记录", en: "This month's logs" },
  "workerMonth.noLogs": { "zh-CN": "本月还没有报工。", en: "Nothing logged this month yet." },
  "workerMonth.moreLogs": {
    "zh-CN": "本月共 {total} 条报工，这里是最近的 {shown} 条。",
    en: "{total} logs this month; the latest {shown} are shown.",
  },
  "workerMonth.logQuantity": { "zh-CN": "报工 {n} {unit}", en: "Logged {n} {unit}" },
  "workerMonth.logReceived": { "zh-CN": "收货 {n} {unit}", en: "Received {n} {unit}" },
  "workerMonth.logDifference": { "zh-CN": "差异原因：{reason}", en: "Why the count differs: {reason}" },
  "workerMonth.logCancelReason": { "zh-CN": "取消原因：{reason}", en: "Why it was cancelled: {reason}" },
  "workerMonth.status.submitted": { "zh-CN": "待收货", en: "Waiting to be received" },
  "workerMonth.status.received": { "zh-CN": "已收货", en: "Received" },
  "workerMonth.status.cancelled": { "zh-CN": "已取消", en: "Cancelled" },
  "workerTask.progress": {
    "zh-CN": "已报 {logged} / 共 {quantity} {unit}",
    en: "Logged {logged} of {quantity} {unit}",
  },
  "workerTask.log": { "zh-CN": "报工", en: "Log pieces" },
  "workerTask.giveBack": { "zh-CN": "退回", en: "Give back" },
});
