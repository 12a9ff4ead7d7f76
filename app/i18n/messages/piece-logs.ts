import { defineMessages } from "../define.ts";

// The worker's log page 报工. Short, plain Chinese: she reads it on a small
// phone with flour on her hands; every action says what it did.
export const pieceLogMessages = defineMessages({
  "pieceLog.title": { "zh-CN": "报工", en: "Log pieces" },
  "pieceLog.back": { "zh-CN": "我的任务", en: "My tasks" },
  "pieceLog.summary": {
    "zh-CN": "共 {quantity}，已报 {logged}",
    en: "{quantity} in all, {logged} logged",
  },
  "pieceLog.remaining": { "zh-CN": "还可以报 {n}", en: "{n} left to log" },
  "pieceLog.full": {
    "zh-CN": "这个任务的件数已经报满了。",
    en: "Everything in this task has been logged.",
  },
  "pieceLog.quantity": { "zh-CN": "这次做好了多少？", en: "How many did you finish?" },
  "pieceLog.quantityEmpty": { "zh-CN": "请先填做好了多少。", en: "Enter how many you finished first." },
  "pieceLog.quantityHint": { "zh-CN": "只填数字，单位：{unit}", en: "A whole number of {unit}" },
  "pieceLog.step": { "zh-CN": "做的是哪道工序？", en: "Which step did you do?" },
  "pieceLog.stepOption": { "zh-CN": "{step}（还可报 {n}）", en: "{step} ({n} left)" },
  "pieceLog.photo": { "zh-CN": "拍张照片（可以不拍）", en: "Photo (optional)" },
  "pieceLog.submit": { "zh-CN": "提交报工", en: "Send" },
  "pieceLog.sending": { "zh-CN": "正在提交…", en: "Sending…" },
  "pieceLog.rate": { "zh-CN": "今天的单价：每{unit} {rate}", en: "Today's rate: {rate} per {unit}" },
  "pieceLog.stepRate": { "zh-CN": "{step}：每{unit} {rate}", en: "{step}: {rate} per {unit}" },
  "pieceLog.noRate": {
    "zh-CN": "单价还没定。照常报工，定了以后按报工那天的单价算。",
    en: "The rate is not set yet. Log as usual: you will be paid at the rate for the day you logged.",
  },
  "pieceLog.payNote": {
    "zh-CN": "收货、质检合格后按件计钱。",
    en: "You are paid for the pieces that pass the quality check after they are received.",
  },
  "pieceLog.created": {
    "zh-CN": "已记录 {n} {unit}，等协调员收货。",
    en: "Logged {n} {unit}. Your coordinator will count them when you hand them in.",
  },
  "pieceLog.replayed": {
    "zh-CN": "这次报工已经记录过了（{n} {unit}），没有重复记。",
    en: "This log was already recorded ({n} {unit}); it was not counted twice.",
  },
  "pieceLog.tooMany": {
    "zh-CN": "这个任务只剩 {n} {unit}可以报了。",
    en: "Only {n} {unit} are left to log in this task.",
  },
  "pieceLog.stepRequired": { "zh-CN": "请选择工序", en: "Choose the step" },
  "pieceLog.stepUnknown": {
    "zh-CN": "这道工序现在不能报工，请重新选择。",
    en: "This step cannot be logged now. Choose again.",
  },
  "pieceLog.notActive": {
    "zh-CN": "这个任务已经结束或取消，不能再报工。",
    en: "This task has ended or was cancelled: nothing more can be logged.",
  },
  "pieceLog.notFound": {
    "zh-CN": "找不到这个任务，可能已经取消或换给了别人。",
    en: "This task cannot be found: it may have been cancelled or given to someone else.",
  },
  "pieceLog.history": { "zh-CN": "这个任务的报工记录", en: "Logs for this task" },
  "pieceLog.none": { "zh-CN": "还没有报工。", en: "Nothing logged yet." },
  "pieceLog.entry": { "zh-CN": "{date} · {n} {unit}", en: "{date} · {n} {unit}" },
  "pieceLog.status.submitted": { "zh-CN": "待收货", en: "Waiting to be received" },
  "pieceLog.status.received": { "zh-CN": "已收货 {n} {unit}", en: "Received: {n} {unit}" },
  "pieceLog.status.cancelled": { "zh-CN": "已撤销", en: "Cancelled" },
  "pieceLog.countDiffers": {
    "zh-CN": "点数和报的不一样，协调员说：{reason}",
    en: "The count differs from your log. Your coordinator says: {reason}",
  },
  "pieceLog.changedBy": { "zh-CN": "协调员改过：{reason}", en: "Changed by your coordinator: {reason}" },
  "pieceLog.photoLink": { "zh-CN": "看照片", en: "See photo" },
  "pieceLog.correct": { "zh-CN": "改数量", en: "Change the number" },
  "pieceLog.correctTo": { "zh-CN": "改成", en: "Change to" },
  "pieceLog.correctAtMost": {
    "zh-CN": "这条最多只能改成 {n} {unit}。",
    en: "This log can be changed to at most {n} {unit}.",
  },
  "pieceLog.changedMeanwhile": {
    "zh-CN": "{date} 报的 {n} {unit}已经收货，不能再改了。有问题请找协调员。",
    en: "Your log of {n} {unit} on {date} has been received and can no longer be changed. Ask your coordinator.",
  },
  "pieceLog.corrected": { "zh-CN": "已改为 {n} {unit}。", en: "Changed to {n} {unit}." },
  "pieceLog.unchanged": { "zh-CN": "数量没有变。", en: "The number is the same." },
  "pieceLog.cancel": { "zh-CN": "撤销这条", en: "Cancel this log" },
  "pieceLog.cancelConfirm.title": { "zh-CN": "撤销这条报工？", en: "Cancel this log?" },
  "pieceLog.cancelConfirm.warning": {
    "zh-CN": "撤销后，{date} 报的 {n} {unit}不再算已报，可以重新报。",
    en: "The {n} {unit} you logged on {date} will no longer count as logged; you can log them again.",
  },
  "pieceLog.cancelConfirm.keep": { "zh-CN": "不撤销", en: "Keep it" },
  "pieceLog.cancelConfirm.submit": { "zh-CN": "确认撤销", en: "Cancel the log" },
  "pieceLog.cancelled": { "zh-CN": "已撤销 {n} {unit}的报工。", en: "The log of {n} {unit} is cancelled." },
  "pieceLog.notSubmitted": {
    "zh-CN": "这条报工已经收货，不能再改了。有问题请找协调员。",
    en: "This log has been received and can no longer be changed. Ask your coordinator.",
  },
  "pieceLog.openLog": { "zh-CN": "报工", en: "Log pieces" },
  "pieceLog.giveBack": { "zh-CN": "退回这个活", en: "Give this work back" },

  // The phone's queue (JavaScript on, no signal): shown and updated by public/outbox.js.
  "outbox.title": { "zh-CN": "待发送", en: "Waiting to send" },
  "outbox.hint": {
    "zh-CN": "没有网络，报工先存在手机上。有网后会自动发送，不会重复记。",
    en: "No connection: your log is kept on this phone and sent when you are online again, never twice.",
  },
  "outbox.pending": { "zh-CN": "待发送", en: "waiting to send" },
  "outbox.waiting": {
    "zh-CN": "还没发出去。会自动再发，不会重复记。",
    en: "Not sent yet. It is sent again by itself, never twice.",
  },
  "outbox.retry": { "zh-CN": "现在再试一次", en: "Try again now" },
  "outbox.sending": { "zh-CN": "正在发送…", en: "Sending…" },
  "outbox.failed": { "zh-CN": "没能记录：{reason}", en: "Not recorded: {reason}" },
  "outbox.remove": { "zh-CN": "删掉这条", en: "Remove" },
  "outbox.login": { "zh-CN": "请重新登录后再发送。", en: "Log in again to send it." },
  "outbox.otherWorker": {
    "zh-CN": "这条是在另一个账号下记的。用那个账号登录后会自动发送。",
    en: "This log was made under another account. It is sent when that account is logged in again.",
  },
});
