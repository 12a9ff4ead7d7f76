import { defineMessages } from "../define.ts";

// Receiving 收货 (coordinator) and QR labels. Chinese first, plain words: the
// coordinator often does this on a phone with a pile of soap in front of her.
export const receivingMessages = defineMessages({
  "coordinator.nav.receiving": { "zh-CN": "收货", en: "Receiving" },
  "coordinator.nav.receivingWaiting": { "zh-CN": "{n} 条报工待收货", en: "{n} logs to receive" },
  "coordinator.home.receivingTitle": { "zh-CN": "待收货的报工（{n}）", en: "Piece logs to receive ({n})" },
  "coordinator.home.receivingNone": { "zh-CN": "没有待收货的报工。", en: "No piece logs are waiting." },
  "coordinator.home.receivingLink": { "zh-CN": "去收货", en: "Go to receiving" },

  // The list
  "receiving.title": { "zh-CN": "收货", en: "Receiving" },
  "receiving.intro": {
    "zh-CN": "手工者报工后，在这里点数收货。收下的货等待质检。",
    en: "Count and receive the pieces workers have logged. Received pieces wait for the quality check.",
  },
  "receiving.none": { "zh-CN": "现在没有等待收货的报工。", en: "No piece logs are waiting to be received." },
  "receiving.orderHeading": { "zh-CN": "{product} · {partner}", en: "{product} · {partner}" },
  "receiving.orderLine": {
    "zh-CN": "{date} 交货 · {logs} 条报工，共 {pieces}",
    en: "Due {date} · {logs} logs, {pieces} in all",
  },
  "receiving.workerLine": { "zh-CN": "{logs} 条报工 · {pieces}", en: "{logs} logs · {pieces}" },
  "receiving.newest": { "zh-CN": "最近一条：{time}", en: "Latest: {time}" },
  "receiving.open": { "zh-CN": "点数收货", en: "Count and receive" },
  "receiving.openFor": { "zh-CN": "为 {name} 收货", en: "Receive from {name}" },

  // One assignment
  "receiving.back": { "zh-CN": "返回收货列表", en: "Back to receiving" },
  "receiving.assignmentLine": {
    "zh-CN": "{partner} · 派工 {quantity} · {date} 交件",
    en: "{partner} · {quantity} assigned · due {date}",
  },
  "receiving.orderLink": { "zh-CN": "查看订单", en: "View the order" },
  "receiving.labelLink": { "zh-CN": "打印标签", en: "Print label" },
  "receiving.waitingTitle": { "zh-CN": "待收货（{n}）", en: "To receive ({n})" },
  "receiving.waitingNone": {
    "zh-CN": "这项派工没有待收货的报工。",
    en: "No piece logs of this assignment are waiting.",
  },
  "receiving.logHeading": { "zh-CN": "报工 {quantity}", en: "Logged {quantity}" },
  "receiving.loggedOn": { "zh-CN": "{date} 报工", en: "Logged on {date}" },
  "receiving.sentAt": { "zh-CN": "{time} 提交", en: "sent {time}" },
  "receiving.step": { "zh-CN": "工序：{step}", en: "Step: {step}" },
  "receiving.rate": { "zh-CN": "单价 {rate}/{unit}", en: "{rate} per {unit}" },
  "receiving.noRate": { "zh-CN": "报工时没有单价", en: "No rate was set on the day it was logged" },
  "receiving.seePhoto": { "zh-CN": "看她拍的照片", en: "See her photo" },
  "receiving.counted": { "zh-CN": "点收数量", en: "Counted" },
  "receiving.countedHint": {
    "zh-CN": "按实际点到的数填写，不能多于报工数 {n}。",
    en: "What you counted; at most the {n} she logged.",
  },
  "receiving.reason": { "zh-CN": "数量不同的原因", en: "Why the count differs" },
  "receiving.reasonHint": {
    "zh-CN": "少于报工数时必填，手工者能看到。少收的件数退回给她，带来后可以再报工。",
    en: "Needed when you count fewer; she sees it. The pieces not counted go back to her task so she can log them again when she brings them.",
  },
  "receiving.receive": { "zh-CN": "收货", en: "Receive" },
  "receiving.receiveAll": {
    "zh-CN": "按报工数量全部收货（{logs} 条，共 {pieces}）",
    en: "Receive all as logged ({logs} logs, {pieces})",
  },
  "receiving.receiveAllHint": {
    "zh-CN": "只收上面列出的报工；之后新报的不包括在内。",
    en: "Receives only the logs listed above; any sent after you opened this page are not included.",
  },

  // Received lots
  "receiving.lotsTitle": { "zh-CN": "已收货", en: "Received" },
  "receiving.lotsNone": { "zh-CN": "还没有收过货。", en: "Nothing received yet." },
  "receiving.lotLine": {
    "zh-CN": "收 {quantity}（报工 {logged}）",
    en: "Received {quantity} (logged {logged})",
  },
  "receiving.lotReceived": { "zh-CN": "{time} 由 {name} 收货", en: "Received {time} by {name}" },
  "receiving.lotDifference": { "zh-CN": "差异原因：{reason}", en: "Difference: {reason}" },
  "receiving.lotChange": { "zh-CN": "更正/取消原因：{reason}", en: "Changed because: {reason}" },
  "lot.status.awaiting": { "zh-CN": "待质检", en: "Awaiting check" },
  "lot.status.checked": { "zh-CN": "已质检", en: "Checked" },
  "lot.status.cancelled": { "zh-CN": "已取消", en: "Cancelled" },
  "receiving.correct": { "zh-CN": "更正数量", en: "Correct the count" },
  "receiving.cancel": { "zh-CN": "取消收货", en: "Cancel the receipt" },
  "receiving.correctTitle": { "zh-CN": "更正点收数量", en: "Correct the count" },
  "receiving.correctWarning": {
    "zh-CN": "只有待质检的货可以更正。改少的件数退回给手工者，改多的件数从她剩余的报工中扣回。",
    en: "Only pieces waiting for the quality check can be corrected. Fewer pieces go back to her task; more are taken back from it.",
  },
  "receiving.correctSubmit": { "zh-CN": "保存更正", en: "Save the correction" },
  "receiving.changeReason": { "zh-CN": "原因", en: "Reason" },
  "receiving.changeReasonHint": {
    "zh-CN": "手工者能看到，也记入操作记录。",
    en: "She sees it; it is kept in the audit trail.",
  },
  "receiving.cancelTitle": { "zh-CN": "取消这次收货？", en: "Cancel this receipt?" },
  "receiving.cancelWarning": {
    "zh-CN": "这条报工和收下的货都会作废，{n}退回给手工者的派工，她可以重新报工。此操作不能撤销。",
    en: "The piece log and its lot are cancelled and {n} go back to her task, where she can log them again. This cannot be undone.",
  },
  "receiving.cancelSubmit": { "zh-CN": "确认取消收货", en: "Cancel the receipt" },
  "receiving.keep": { "zh-CN": "返回，不做更改", en: "Back, change nothing" },

  // Notices and refusals
  "receiving.received": {
    "zh-CN": "已收货 {n} {unit}（报工 {logged}）。",
    en: "Received {n} {unit} of the {logged} logged.",
  },
  "receiving.receivedShort": {
    "zh-CN": "已收货 {n} {unit}（报工 {logged}），少收的已退回她的派工。",
    en: "Received {n} {unit} of the {logged} logged; the pieces not counted went back to her task.",
  },
  "receiving.receivedAll": {
    "zh-CN": "已收货 {logs} 条报工，共 {n} {unit}。",
    en: "Received {logs} logs, {n} {unit} in all.",
  },
  "receiving.receivedAllAgain": { "zh-CN": "这些报工已收货。", en: "Those logs have been received." },
  "receiving.corrected": { "zh-CN": "已更正点收数量。", en: "The count has been corrected." },
  "receiving.cancelled": { "zh-CN": "已取消这次收货。", en: "The receipt has been cancelled." },
  "receiving.reasonRequired": {
    "zh-CN": "点收数量和报工不同，请写明原因",
    en: "The count differs from the log: give a reason",
  },
  "receiving.changeReasonRequired": { "zh-CN": "请写明原因", en: "Give a reason" },
  "receiving.countAboveLogged": {
    "zh-CN": "点收数量不能多于报工数",
    en: "The count cannot be more than she logged",
  },
  "receiving.notSubmitted": {
    "zh-CN": "这条报工已经收货或已被取消，页面已更新。",
    en: "This piece log has already been received or cancelled; the page is up to date now.",
  },
  "receiving.nothingToReceive": {
    "zh-CN": "列出的报工都已收货或已取消，页面已更新。",
    en: "The listed logs have all been received or cancelled; the page is up to date now.",
  },
  "receiving.notAwaiting": {
    "zh-CN": "这批货已经质检或已取消，不能再更改。",
    en: "These pieces have been checked or the receipt was cancelled: it can no longer be changed.",
  },
  "receiving.unchanged": { "zh-CN": "数量没有变化", en: "That is the count already" },
  "receiving.piecesLoggedAgain": {
    "zh-CN": "不能改多：少收的件数她已经重新报工了。请收下那条新报工。",
    en: "Cannot count more: she has logged the missing pieces again since. Receive that new log instead.",
  },

  // Labels
  "labels.title": { "zh-CN": "派工标签", en: "Assignment labels" },
  "labels.intro": {
    "zh-CN": "每项派工一张标签，A4 纸每页 8 张。贴在材料袋上，手工者扫码报工，协调员扫码收货。",
    en: "One label per assignment, 8 to an A4 page. Stick it on the bag of materials: the worker scans it to log pieces, the coordinator to receive them.",
  },
  "labels.print": { "zh-CN": "打印", en: "Print" },
  "labels.none": {
    "zh-CN": "这个订单还没有派工，没有可打印的标签。",
    en: "This order has no assignments yet, so there are no labels to print.",
  },
  "labels.back": { "zh-CN": "返回订单", en: "Back to the order" },
  "labels.printLink": { "zh-CN": "打印标签", en: "Print labels" },
  "labels.worker": { "zh-CN": "手工者", en: "Worker" },
  "labels.product": { "zh-CN": "产品", en: "Product" },
  "labels.quantity": { "zh-CN": "数量", en: "Quantity" },
  "labels.dueOn": { "zh-CN": "交件", en: "Due" },
  "labels.scan": { "zh-CN": "扫码报工 / 收货", en: "Scan to log / receive" },
  "labels.qrAlt": { "zh-CN": "二维码：{url}", en: "QR code: {url}" },
  "labels.single": { "zh-CN": "单张标签", en: "Single label" },
  "labels.allOfOrder": { "zh-CN": "这个订单的全部标签", en: "All labels of this order" },
});
