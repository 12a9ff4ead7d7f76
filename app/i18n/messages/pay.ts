import { defineMessages } from "../define.ts";

// Monthly settlement 月结 and payslips 工资条 (ADR 022): the coordinator's months,
// preview, adjustments, settle step, payslips, print page and query answers; the
// worker's 我的工资 pages.
export const payMessages = defineMessages({
  "coordinator.nav.pay": { "zh-CN": "工资", en: "Pay" },
  "coordinator.nav.payQueries": { "zh-CN": "{n} 条工资疑问待回复", en: "{n} pay queries to answer" },
  "worker.payLink": { "zh-CN": "我的工资", en: "My pay" },

  // Months
  "pay.title": { "zh-CN": "月结工资", en: "Monthly pay" },
  "pay.intro": {
    "zh-CN": "每月结束后结算：合格件 × 单价，加奖励和更正，扣个税和物料扣款。结算后这个月就锁定了。",
    en: "Settle each month once it has ended: passed pieces × rate, plus bonuses and corrections, minus tax and material deductions. Settling locks the month.",
  },
  "pay.openTitle": { "zh-CN": "待结算的月份", en: "Months to settle" },
  "pay.openNone": { "zh-CN": "最近几个月都已结算。", en: "The last few months are all settled." },
  "pay.preview": { "zh-CN": "预览", en: "Preview" },
  "pay.previewOf": { "zh-CN": "预览 {month}", en: "Preview {month}" },
  "pay.otherMonth": { "zh-CN": "其他月份", en: "Another month" },
  "pay.open": { "zh-CN": "打开", en: "Open" },
  "pay.currentMonth": { "zh-CN": "本月（{month}）到目前为止", en: "This month ({month}) so far" },
  "pay.settledTitle": { "zh-CN": "已结算的月份", en: "Settled months" },
  "pay.settledNone": { "zh-CN": "还没有结算过。", en: "Nothing has been settled yet." },
  "pay.month": { "zh-CN": "月份", en: "Month" },
  "pay.workers": { "zh-CN": "人数", en: "Workers" },
  "pay.gross": { "zh-CN": "应发", en: "Gross" },
  "pay.tax": { "zh-CN": "代扣个税", en: "Tax withheld" },
  "pay.charges": { "zh-CN": "物料扣款", en: "Deductions" },
  "pay.net": { "zh-CN": "实发", en: "Net pay" },
  "pay.openQueriesTitle": { "zh-CN": "工资疑问待回复（{n}）", en: "Pay queries to answer ({n})" },
  "pay.answer": { "zh-CN": "回复", en: "Answer" },

  // One month
  "pay.back": { "zh-CN": "返回月结", en: "Back to monthly pay" },
  "pay.monthTitle": { "zh-CN": "{month} 工资", en: "Pay for {month}" },
  "pay.state.open": { "zh-CN": "未结算", en: "Not settled" },
  "pay.state.notEnded": { "zh-CN": "本月未结束", en: "Month not ended" },
  "pay.state.settled": { "zh-CN": "已结算", en: "Settled" },
  "pay.previewIntro": {
    "zh-CN": "下面是结算后每个人的工资条，现在还可以添加奖励或更正。确认结算后不能再改。",
    en: "This is what each payslip will be. Bonuses and corrections can still be added; once settled, nothing changes.",
  },
  "pay.notEndedIntro": {
    "zh-CN": "这个月还没结束，只能预览，月底之后才能结算。",
    en: "This month has not ended: it can be previewed, and settled once it is over.",
  },
  "pay.previewTitle": { "zh-CN": "预览（{n} 人）", en: "Preview ({n} workers)" },
  "pay.previewNone": { "zh-CN": "这个月没有要发的工资。", en: "Nothing to pay this month." },
  "pay.worker": { "zh-CN": "手工者", en: "Worker" },
  "pay.pieceTotal": { "zh-CN": "计件工资", en: "Piece pay" },
  "pay.bonuses": { "zh-CN": "奖励", en: "Bonuses" },
  "pay.corrections": { "zh-CN": "更正", en: "Corrections" },
  "pay.totalsOf": { "zh-CN": "合计（{n} 人）", en: "Total ({n} workers)" },
  "pay.grossIs": { "zh-CN": "应发 {gross}", en: "Gross {gross}" },
  "pay.unpricedWarning": {
    "zh-CN": "有 {n} 件合格品没有单价，先给产品定好单价才能结算。",
    en: "{n} passed pieces have no rate: set the product's rate before settling.",
  },
  "pay.cannotSettle": {
    "zh-CN": "现在还不能结算（没有工资可发，或有件没有单价）。",
    en: "This month cannot be settled yet (nothing to pay, or pieces without a rate).",
  },
  "pay.settle": { "zh-CN": "结算 {month}…", en: "Settle {month}…" },
  "pay.confirmTitle": { "zh-CN": "确认结算 {month}？", en: "Settle {month}?" },
  "pay.confirmWarning": {
    "zh-CN":
      "结算会生成每个人的工资条并锁定 {month}：之后不能再给这个月加奖励或更正，错漏只能在下一个未结算的月份里更正。",
    en: "Settling writes every payslip and locks {month}: no bonus or correction can be added to it afterwards; a mistake is corrected in the next open month.",
  },
  "pay.netTotal": { "zh-CN": "实发合计", en: "Net total" },
  "pay.confirmSettle": { "zh-CN": "确认结算，实发合计 {net}", en: "Settle: net total {net}" },
  "pay.confirmBack": { "zh-CN": "先不结算", en: "Not now" },
  "pay.settling": { "zh-CN": "正在结算…", en: "Settling…" },
  "pay.settled": {
    "zh-CN": "已结算：{n} 张工资条，实发合计 {net}。",
    en: "Settled: {n} payslips, net total {net}.",
  },
  "pay.settledAgain": { "zh-CN": "这个月已经结算好了。", en: "This month is settled." },
  "pay.changed": {
    "zh-CN": "预览之后数据有变化，没有结算。现在是 {workers} 人，实发合计 {net}，请核对后再确认。",
    en: "The figures changed since the preview; nothing was settled. Now {workers} workers, net total {net}: check them and confirm again.",
  },
  "pay.alreadySettled": {
    "zh-CN": "这个月已经结算过了，不能再结一次。",
    en: "This month is already settled; it cannot be settled again.",
  },
  "pay.notEnded": { "zh-CN": "这个月还没结束，不能结算。", en: "This month has not ended; it cannot be settled yet." },
  "pay.badMonth": { "zh-CN": "月份不正确。", en: "That is not a valid month." },
  "pay.unpricedBlocks": {
    "zh-CN": "有合格品没有单价，不能结算。",
    en: "Some passed pieces have no rate; the month cannot be settled.",
  },
  "pay.nothingToSettle": { "zh-CN": "这个月没有要发的工资。", en: "There is nothing to pay for this month." },

  // Adjustments
  "pay.adjustmentsTitle": { "zh-CN": "奖励和更正", en: "Bonuses and corrections" },
  "pay.adjustmentsNone": { "zh-CN": "这个月还没有奖励或更正。", en: "No bonuses or corrections this month yet." },
  "pay.adjustTitle": { "zh-CN": "添加奖励或更正", en: "Add a bonus or a correction" },
  "pay.chooseWorkerOption": { "zh-CN": "请选择手工者…", en: "Choose a worker…" },
  "pay.chooseWorker": { "zh-CN": "请选择手工者", en: "Choose a worker" },
  "pay.kind": { "zh-CN": "类型", en: "Kind" },
  "pay.chooseKind": { "zh-CN": "请选择奖励或更正", en: "Choose bonus or correction" },
  "pay.bonus": { "zh-CN": "奖励", en: "Bonus" },
  "pay.correction": { "zh-CN": "更正", en: "Correction" },
  "pay.correctionOf": { "zh-CN": "更正 {month}", en: "Correction of {month}" },
  "pay.amountYuan": { "zh-CN": "金额（元）", en: "Amount (yuan)" },
  "pay.amountHint": {
    "zh-CN": "更正可以是负数，例如 -12.50 表示上月多发了。",
    en: "A correction may be negative, e.g. -12.50 when too much was paid.",
  },
  "pay.correctsMonth": { "zh-CN": "更正哪个月", en: "Month it corrects" },
  "pay.correctsMonthHint": { "zh-CN": "只有更正要填：已结算的月份。", en: "Corrections only: a settled month." },
  "pay.correctsMonthInvalid": { "zh-CN": "月份格式不正确", en: "Not a valid month" },
  "pay.correctsMonthRequired": { "zh-CN": "更正要写明更正哪个月", en: "Say which month the correction is for" },
  "pay.correctsUnsettled": {
    "zh-CN": "只能更正已经结算、并且早于本月的月份",
    en: "Only an earlier, settled month can be corrected",
  },
  "pay.reason": { "zh-CN": "原因", en: "Reason" },
  "pay.adjustSubmit": { "zh-CN": "添加", en: "Add" },
  "pay.bonusNotPositive": { "zh-CN": "奖励必须大于 0", en: "A bonus must be more than 0" },
  "pay.workerNotFound": { "zh-CN": "找不到这位手工者", en: "That worker was not found" },
  "pay.adjustFuture": {
    "zh-CN": "这个月还没到，不能加奖励或更正；请加到本月或之前未结算的月份。",
    en: "This month has not begun: add the bonus or correction to this month or an earlier open month.",
  },
  "pay.adjustTooOld": {
    "zh-CN": "这个月太久以前了（一年以上），不能加奖励或更正；请加到本月，用更正写明是哪个月的。",
    en: "This month is more than a year back: add the bonus or correction to this month, naming the month it corrects.",
  },
  "pay.adjustTooLarge": {
    "zh-CN": "一笔奖励或更正最多 ¥50,000.00",
    en: "A single bonus or correction is at most ¥50,000.00",
  },
  "pay.adjustSettled": {
    "zh-CN": "这个月已经结算，不能再加奖励或更正；请加到下一个未结算的月份。",
    en: "This month is settled: no bonus or correction can be added; add it to the next open month.",
  },
  "pay.bonusAdded": { "zh-CN": "已为 {name} 添加奖励 {amount}。", en: "Bonus of {amount} added for {name}." },
  "pay.correctionAdded": {
    "zh-CN": "已为 {name} 添加更正 {amount}。",
    en: "Correction of {amount} added for {name}.",
  },

  // A settled month
  "pay.settledIntro": {
    "zh-CN": "这个月已结算，工资条不会再变。之后的错漏在下一个未结算的月份里更正。",
    en: "This month is settled; its payslips do not change. A later mistake is corrected in the next open month.",
  },
  "pay.payslipsTitle": { "zh-CN": "工资条（{n}）", en: "Payslips ({n})" },
  "pay.acknowledged": { "zh-CN": "已确认", en: "Confirmed" },
  "pay.queries": { "zh-CN": "疑问", en: "Queries" },
  "pay.yes": { "zh-CN": "已确认", en: "Yes" },
  "pay.notYet": { "zh-CN": "未确认", en: "Not yet" },
  "pay.openQueries": { "zh-CN": "{n} 条待回复", en: "{n} to answer" },
  "pay.answeredQueries": { "zh-CN": "{n} 条已回复", en: "{n} answered" },
  "pay.outputsTitle": { "zh-CN": "打印和导出", en: "Print and export" },
  "pay.print": { "zh-CN": "打印工资条（A4）", en: "Print payslips (A4)" },
  "pay.exportPayslipsCsv": { "zh-CN": "导出工资条（CSV）", en: "Export payslips (CSV)" },
  "pay.exportPayslipsXlsx": { "zh-CN": "导出工资条（Excel）", en: "Export payslips (Excel)" },
  "pay.exportPaymentsCsv": { "zh-CN": "导出发放清单（CSV）", en: "Export payment list (CSV)" },

  // One payslip
  "pay.backToMonth": { "zh-CN": "返回 {month}", en: "Back to {month}" },
  "pay.slipTitle": { "zh-CN": "{name} · {month} 工资条", en: "{name} · payslip for {month}" },
  "pay.slipCaption": { "zh-CN": "{month} 工资明细", en: "Payslip lines for {month}" },
  "pay.item": { "zh-CN": "项目", en: "Item" },
  "pay.amount": { "zh-CN": "金额", en: "Amount" },
  "pay.noPieceLines": { "zh-CN": "这个月没有计件工资。", en: "No piece pay this month." },
  "pay.pieceLine": { "zh-CN": "计件", en: "Piece work" },
  "pay.lineFormula": { "zh-CN": "合格 {pieces} 件 × {rate}", en: "{pieces} passed × {rate}" },
  "pay.remuneration": { "zh-CN": "应发合计", en: "Gross pay" },
  "pay.taxWithheld": { "zh-CN": "代扣个税（劳务报酬）", en: "Tax withheld (labour remuneration)" },
  "pay.noWithholding": { "zh-CN": "个税：本工坊不代扣", en: "Tax: not withheld by this workshop" },
  "pay.materialDeduction": { "zh-CN": "物料扣款：{material}", en: "Material deduction: {material}" },
  "pay.acknowledgedAt": { "zh-CN": "已于 {at} 确认", en: "Confirmed {at}" },
  "pay.notAcknowledged": { "zh-CN": "手工者还没有确认。", en: "The worker has not confirmed it yet." },
  "pay.queriesTitle": { "zh-CN": "工资疑问", en: "Queries" },
  "pay.noQueries": { "zh-CN": "没有疑问。", en: "No queries." },
  "pay.askedAt": { "zh-CN": "{at} 提问", en: "Asked {at}" },
  "pay.answeredAt": { "zh-CN": "{at} 回复", en: "Answered {at}" },
  "pay.awaitingAnswer": { "zh-CN": "等待回复", en: "Waiting for an answer" },
  "pay.answerLabel": { "zh-CN": "回复", en: "Your answer" },
  "pay.answerSubmit": { "zh-CN": "发送回复", en: "Send the answer" },
  "pay.answered": { "zh-CN": "已回复，手工者能看到。", en: "Answered; the worker can see it." },
  "pay.alreadyAnswered": {
    "zh-CN": "这条疑问已经有人回复了。",
    en: "This query has already been answered.",
  },

  // Print
  "pay.printTitle": { "zh-CN": "{month} 工资条", en: "Payslip for {month}" },
  "pay.printHint": {
    "zh-CN": "{n} 张，每人一页，实发合计 {net}。用浏览器的“打印”可存为 PDF。",
    en: "{n} payslips, one per page, net total {net}. The browser's Print can save a PDF.",
  },
  "pay.phone": { "zh-CN": "手机号", en: "Phone" },
  "pay.signWorker": { "zh-CN": "本人签字", en: "Signature" },
  "pay.signDate": { "zh-CN": "日期", en: "Date" },

  // The worker's pages
  "pay.worker.title": { "zh-CN": "我的工资", en: "My pay" },
  "pay.worker.intro": {
    "zh-CN": "每月结算后，这里有您的工资条。点开看每一项是怎么算的。",
    en: "Your payslip appears here once the month is settled. Open it to see how each line was worked out.",
  },
  "pay.worker.none": {
    "zh-CN": "还没有工资条。月底结算后会出现在这里。",
    en: "No payslips yet. They appear here once a month is settled.",
  },
  "pay.worker.acknowledged": { "zh-CN": "已确认", en: "Confirmed" },
  "pay.worker.toAcknowledge": { "zh-CN": "待确认", en: "To confirm" },
  "pay.worker.backHome": { "zh-CN": "返回首页", en: "Back home" },
  "pay.worker.backList": { "zh-CN": "我的工资", en: "My pay" },
  "pay.worker.backSlip": { "zh-CN": "返回 {month} 工资条", en: "Back to the {month} payslip" },
  "pay.worker.slipTitle": { "zh-CN": "{month} 工资条", en: "Payslip for {month}" },
  "pay.worker.netLabel": { "zh-CN": "实发工资", en: "Net pay" },
  "pay.worker.lineHint": {
    "zh-CN": "点计件项目，可以看到是哪几次报工、哪天质检的。",
    en: "Tap a piece line to see the logs and checks behind it.",
  },
  "pay.worker.ackTitle": { "zh-CN": "确认工资", en: "Confirm your pay" },
  "pay.worker.ackHint": {
    "zh-CN": "核对没问题就点“我确认”。有疑问请在下面提问。",
    en: "If it is right, tap “I confirm”. If not, ask below.",
  },
  "pay.worker.acknowledge": { "zh-CN": "我确认", en: "I confirm" },
  "pay.worker.acknowledgedNow": { "zh-CN": "已确认，谢谢！", en: "Confirmed, thank you!" },
  "pay.worker.acknowledgedAlready": { "zh-CN": "您之前已经确认过了。", en: "You had already confirmed it." },
  "pay.worker.queryTitle": { "zh-CN": "有疑问？", en: "A question?" },
  "pay.worker.queryLabel": { "zh-CN": "写下您的问题", en: "Your question" },
  "pay.worker.queryHint": {
    "zh-CN": "最多 {max} 个字，协调员会回复。",
    en: "Up to {max} characters; the coordinator answers.",
  },
  "pay.worker.querySubmit": { "zh-CN": "发送问题", en: "Send the question" },
  "pay.worker.queryRaised": {
    "zh-CN": "问题已发送，协调员回复后会显示在这里。",
    en: "Sent. The answer will show here.",
  },

  // The trace of a piece line
  "pay.trace.intro": {
    "zh-CN": "下面是 {month} 质检合格、算进这一项的每一批，以及您当时的报工。",
    en: "Each lot passed in {month} that makes up this line, with the log you made.",
  },
  "pay.trace.logged": { "zh-CN": "{date} 报工 {n} 件", en: "Logged {n} on {date}" },
  "pay.trace.noLog": { "zh-CN": "报工记录不可用", en: "Log not available" },
  "pay.trace.checked": { "zh-CN": "{date} 质检", en: "Checked {date}" },
  "pay.trace.rework": { "zh-CN": "返工后合格", en: "Passed after rework" },
});
