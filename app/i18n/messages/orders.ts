import { defineMessages } from "../define.ts";

// Partner firms, orders, assignments and claiming (coordinator, partner, worker).
// Chinese first, short and plain: workers read these on small phones.
export const orderMessages = defineMessages({
  "orders.declineReasonRequired": { "zh-CN": "拒绝订单请写明原因", en: "Give a reason for declining" },

  // Order status
  "order.status.pending": { "zh-CN": "待确认", en: "Waiting for the workshop" },
  "order.status.accepted": { "zh-CN": "已接单", en: "Accepted" },
  "order.status.declined": { "zh-CN": "已拒绝", en: "Declined" },
  "order.status.cancelled": { "zh-CN": "已取消", en: "Cancelled" },
  "order.status.completed": { "zh-CN": "已完成", en: "Completed" },

  // Orders: shared by the partner's and the coordinator's pages
  "orders.title": { "zh-CN": "订单", en: "Orders" },
  "orders.product": { "zh-CN": "产品", en: "Product" },
  "orders.quantity": { "zh-CN": "数量", en: "Quantity" },
  "orders.dueOn": { "zh-CN": "交货日期", en: "Due date" },
  "orders.unitPrice": { "zh-CN": "协议单价", en: "Agreed price per piece" },
  "orders.value": { "zh-CN": "订单金额", en: "Order value" },
  "orders.status": { "zh-CN": "状态", en: "Status" },
  "orders.progress": { "zh-CN": "进度", en: "Progress" },
  "orders.partner": { "zh-CN": "合作企业", en: "Partner firm" },
  "orders.notes": { "zh-CN": "备注", en: "Notes" },
  "orders.orderedAt": { "zh-CN": "下单时间", en: "Ordered" },
  "orders.none": { "zh-CN": "还没有订单。", en: "No orders yet." },
  "orders.noneWithStatus": { "zh-CN": "没有这个状态的订单。", en: "No orders with this status." },
  "orders.all": { "zh-CN": "全部", en: "All" },
  "orders.filter": { "zh-CN": "按状态筛选", en: "Filter by status" },
  "orders.back": { "zh-CN": "返回订单列表", en: "Back to orders" },
  "orders.quantityOf": { "zh-CN": "{n} {unit}", en: "{n} {unit}" },
  "orders.workshopNote": { "zh-CN": "工坊说明", en: "Note from the workshop" },
  "orders.progressLabel": {
    "zh-CN": "共 {quantity}：已派工 {assigned}，已自领 {claimed}，待领取 {open}，未安排 {notGivenOut}",
    en: "{quantity} in all: {assigned} assigned, {claimed} claimed, {open} open for claiming, {notGivenOut} not given out",
  },
  "orders.assigned": { "zh-CN": "已派工", en: "Assigned" },
  "orders.claimed": { "zh-CN": "已自领", en: "Claimed" },
  "orders.open": { "zh-CN": "待领取", en: "Open for claiming" },
  "orders.remaining": { "zh-CN": "未安排", en: "Not given out" },
  "orders.handedIn": { "zh-CN": "已交件", en: "Handed in" },
  "orders.passed": { "zh-CN": "合格", en: "Passed" },
  "orders.delivered": { "zh-CN": "已交付", en: "Delivered" },
  "orders.countsLater": {
    "zh-CN": "交件、质检和交付的数字会在手工者报工、质检后更新。",
    en: "Handed-in, passed and delivered counts fill in as workers log pieces and pieces are checked.",
  },

  // Partner: placing and cancelling
  "orders.new.title": { "zh-CN": "下单", en: "Place an order" },
  "orders.new.link": { "zh-CN": "下新订单", en: "Place a new order" },
  "orders.new.choose": { "zh-CN": "请选择产品", en: "Choose a product" },
  "orders.new.option": { "zh-CN": "{name}（{price}/{unit}）", en: "{name} ({price} per {unit})" },
  "orders.new.dueHint": { "zh-CN": "不能早于今天", en: "Today or later" },
  "orders.new.priceHint": {
    "zh-CN": "按下单时的协议单价结算，工坊确认后开始生产。",
    en: "Charged at the agreed price at the time of ordering; work starts once the workshop accepts.",
  },
  "orders.new.noOffers": {
    "zh-CN": "工坊还没有为贵公司开放可订的产品，请联系工坊协调员。",
    en: "The workshop has not offered your firm any products yet. Please contact its coordinator.",
  },
  "orders.new.submit": { "zh-CN": "提交订单", en: "Place order" },
  "orders.new.submitting": { "zh-CN": "正在提交…", en: "Placing…" },
  "orders.placed": {
    "zh-CN": "订单已提交，等待工坊确认。",
    en: "Order placed. Waiting for the workshop to accept it.",
  },
  "orders.notOffered": {
    "zh-CN": "这个产品现在不能订购，请重新选择",
    en: "This product cannot be ordered now; choose another",
  },
  "orders.cancel": { "zh-CN": "取消订单", en: "Cancel order" },
  "orders.cancelHint": {
    "zh-CN": "工坊确认之前可以取消。",
    en: "You can cancel until the workshop accepts the order.",
  },
  "orders.cancelled": { "zh-CN": "订单已取消。", en: "Order cancelled." },
  "orders.cancelConfirm.title": { "zh-CN": "要取消这张订单吗？", en: "Cancel this order?" },
  "orders.cancelConfirm.warning": {
    "zh-CN": "取消后不能恢复，工坊不会再处理它；如果还需要，要重新下单。",
    en: "A cancelled order cannot be restored and the workshop will not work on it; to order again, place a new order.",
  },
  "orders.cancelConfirm.submit": { "zh-CN": "确认取消订单", en: "Yes, cancel the order" },
  "orders.cancelConfirm.keep": { "zh-CN": "不取消，返回", en: "No, keep the order" },
  "orders.notPending": {
    "zh-CN": "工坊已经处理了这张订单，不能再取消。",
    en: "The workshop has already dealt with this order; it can no longer be cancelled.",
  },

  // Coordinator: deciding
  "orders.decide": { "zh-CN": "确认订单", en: "Decide" },
  "orders.accept": { "zh-CN": "接受订单", en: "Accept order" },
  "orders.acceptNote": { "zh-CN": "备注（可不填）", en: "Note (optional)" },
  "orders.decline": { "zh-CN": "拒绝订单", en: "Decline order" },
  "orders.declineReason": { "zh-CN": "拒绝原因", en: "Reason for declining" },
  "orders.acceptedNotice": {
    "zh-CN": "已接受订单，现在可以派工或开放自领了。",
    en: "Order accepted. You can now assign the work or open it for claiming.",
  },
  "orders.declinedNotice": { "zh-CN": "已拒绝订单。", en: "Order declined." },
  "orders.declineConfirm.title": { "zh-CN": "要拒绝这张订单吗？", en: "Decline this order?" },
  "orders.declineConfirm.warning": {
    "zh-CN": "拒绝后不能撤销，{partner}会看到您写的原因。",
    en: "Declining cannot be undone; {partner} will see the reason you give.",
  },
  "orders.declineConfirm.submit": { "zh-CN": "确认拒绝订单", en: "Yes, decline the order" },
  "orders.declineConfirm.keep": { "zh-CN": "返回，不拒绝", en: "Back, do not decline" },
  "orders.alreadyDecided": {
    "zh-CN": "这张订单已经处理过了（可能刚被企业取消）。",
    en: "This order has already been dealt with (the firm may just have cancelled it).",
  },

  // Coordinator: giving the work out
  "orders.remainingLine": { "zh-CN": "还有 {n} {unit}未安排。", en: "{n} {unit} not given out yet." },
  "orders.waitingInPool": {
    "zh-CN": "都已安排，但还有 {n} {unit}在自领池里等人领取。",
    en: "All given out, but {n} {unit} still wait in the open pool for workers to claim.",
  },
  "orders.allWithWorkers": {
    "zh-CN": "全部 {n} {unit}都已派工或被领走。",
    en: "All {n} {unit} are assigned or claimed.",
  },
  "orders.pool.title": { "zh-CN": "开放给手工者自领", en: "Open for workers to claim" },
  "orders.pool.hint": {
    "zh-CN": "手工者可以在手机「接活」里领取。现在待领取 {n} {unit}。",
    en: "Workers can claim these from “Find work” on their phones. {n} {unit} open now.",
  },
  "orders.pool.quantity": { "zh-CN": "开放数量", en: "Pieces to open" },
  "orders.pool.open": { "zh-CN": "开放自领", en: "Open for claiming" },
  "orders.pool.takeBackQuantity": { "zh-CN": "收回数量", en: "Pieces to take back" },
  "orders.pool.takeBack": { "zh-CN": "收回", en: "Take back" },
  "orders.pool.opened": { "zh-CN": "已开放 {n} {unit}供手工者自领。", en: "{n} {unit} opened for claiming." },
  "orders.pool.closed": { "zh-CN": "已从自领池收回 {n} {unit}。", en: "{n} {unit} taken back from the open pool." },
  "orders.exceedsOrder": {
    "zh-CN": "超过了剩余数量：只有 {n} {unit}未安排",
    en: "More than is left: only {n} {unit} not given out yet",
  },
  "orders.exceedsOpen": {
    "zh-CN": "自领池里只有 {n} {unit}没被领走，最多收回这么多",
    en: "Only {n} {unit} in the open pool are unclaimed; you can take back at most that",
  },
  "orders.notAccepted": {
    "zh-CN": "只有已接单的订单才能派工或开放自领。",
    en: "Only accepted orders can be assigned or opened for claiming.",
  },
  "orders.workerNotFound": {
    "zh-CN": "找不到这位手工者（可能已停用），请重新选择",
    en: "This worker cannot be found (she may be deactivated); choose another",
  },

  // Assignments
  "assignments.title": { "zh-CN": "派工和自领记录", en: "Assigned and claimed work" },
  "assignments.none": { "zh-CN": "还没有派工，也没有人自领。", en: "Nothing assigned or claimed yet." },
  "assignments.assign": { "zh-CN": "派给手工者", en: "Assign to a worker" },
  "assignments.worker": { "zh-CN": "手工者", en: "Worker" },
  "assignments.chooseWorker": { "zh-CN": "请选择手工者", en: "Choose a worker" },
  "assignments.quantity": { "zh-CN": "数量", en: "Quantity" },
  "assignments.dueOn": { "zh-CN": "交件日期", en: "Due" },
  "assignments.source": { "zh-CN": "来源", en: "Source" },
  "assignments.source.assigned": { "zh-CN": "派工", en: "Assigned" },
  "assignments.workerOption": { "zh-CN": "{name}（尾号 {tail}）", en: "{name} (phone …{tail})" },
  "assignments.source.claimed": { "zh-CN": "自领", en: "Claimed" },
  "assignments.status": { "zh-CN": "状态", en: "Status" },
  "assignments.status.active": { "zh-CN": "进行中", en: "In progress" },
  "assignments.status.done": { "zh-CN": "已完成", en: "Done" },
  "assignments.status.cancelled": { "zh-CN": "已取消", en: "Cancelled" },
  "assignments.submit": { "zh-CN": "派工", en: "Assign" },
  "assignments.created": { "zh-CN": "已派工 {n} {unit}。", en: "Assigned {n} {unit}." },
  "assignments.noWorkers": {
    "zh-CN": "还没有可派工的手工者，请先在「手工者」里添加。",
    en: "No active workers yet. Add them under Workers first.",
  },

  // Worker: claiming open work
  "claim.title": { "zh-CN": "接活", en: "Find work" },
  "claim.none": { "zh-CN": "现在没有可领的活，晚点再来看看。", en: "No open work right now. Check again later." },
  "claim.open": { "zh-CN": "可领 {n} {unit}", en: "{n} {unit} open" },
  "claim.due": { "zh-CN": "{date} 前交", en: "Due {date}" },
  "claim.rate": { "zh-CN": "每{unit} {rate}", en: "{rate} per {unit}" },
  "claim.noRate": { "zh-CN": "单价待定", en: "Rate not set yet" },
  "claim.quantity": { "zh-CN": "领多少", en: "How many" },
  "claim.submit": { "zh-CN": "领取", en: "Claim" },
  "claim.submitting": { "zh-CN": "正在领取…", en: "Claiming…" },
  "claim.claimed": { "zh-CN": "已领取 {n} {unit}「{product}」", en: "Claimed {n} {unit} of {product}" },
  "claim.onlyLeft": { "zh-CN": "只剩 {n} {unit}可领", en: "Only {n} {unit} left" },
  "claim.gone": { "zh-CN": "这批活已经领完了", en: "This work has all been taken" },
  "claim.expired": {
    "zh-CN": "页面过期了，请重新打开「接活」再领。",
    en: "This page has expired. Open “Find work” again and claim once more.",
  },

  // Partner firms (coordinator)
  "partners.title": { "zh-CN": "合作企业", en: "Partner firms" },
  "partners.name": { "zh-CN": "企业名称", en: "Firm name" },
  "partners.contactName": { "zh-CN": "联系人", en: "Contact person" },
  "partners.contactPhone": { "zh-CN": "联系电话", en: "Contact phone" },
  "partners.accounts": { "zh-CN": "账号", en: "Accounts" },
  "partners.offers": { "zh-CN": "可订产品", en: "Products offered" },
  "partners.none": { "zh-CN": "还没有合作企业。", en: "No partner firms yet." },
  "partners.add": { "zh-CN": "新增合作企业", en: "Add a partner firm" },
  "partners.create": { "zh-CN": "添加企业", en: "Add firm" },
  "partners.created": {
    "zh-CN": "已添加 {name}。接下来可以为它建账号、开放产品。",
    en: "{name} added. Next, create its login and offer it products.",
  },
  "partners.nameTaken": { "zh-CN": "已经有同名的企业了", en: "There is already a firm with this name" },
  "partners.back": { "zh-CN": "返回合作企业列表", en: "Back to partner firms" },
  "partners.archived": { "zh-CN": "已停用", en: "Archived" },
  "partners.accountsTitle": { "zh-CN": "企业登录账号", en: "Firm logins" },
  "partners.noAccounts": {
    "zh-CN": "还没有账号，企业需要账号才能下单。",
    en: "No logins yet: the firm needs one to place orders.",
  },
  "partners.addAccount": { "zh-CN": "新建企业账号", en: "New firm login" },
  "partners.initialPasswordHint": {
    "zh-CN": "请告诉对方，并提醒登录后修改。",
    en: "Tell them, and ask them to change it after logging in.",
  },
  "partners.createAccount": { "zh-CN": "创建账号", en: "Create login" },
  "partners.accountCreated": { "zh-CN": "已为 {name} 创建账号。", en: "Login created for {name}." },
  "partners.offersTitle": { "zh-CN": "可订产品与协议单价", en: "Products offered and agreed prices" },
  "partners.noOffers": { "zh-CN": "还没有给这家企业开放产品。", en: "No products offered to this firm yet." },
  "partners.product": { "zh-CN": "产品", en: "Product" },
  "partners.price": { "zh-CN": "协议单价", en: "Agreed price" },
  "partners.priceInput": { "zh-CN": "协议单价（元/件）", en: "Agreed price (yuan per piece)" },
  "partners.priceHint": {
    "zh-CN": "最多 4 位小数。改价只影响以后的订单，已下的订单不变。",
    en: "Up to 4 decimals. A new price applies to later orders only.",
  },
  "partners.chooseProduct": { "zh-CN": "请选择产品", en: "Choose a product" },
  "partners.noProducts": {
    "zh-CN": "还没有产品，请先在「产品」里添加。",
    en: "No products yet. Add them under Products first.",
  },
  "partners.setOffer": { "zh-CN": "开放产品或改价", en: "Offer a product or change its price" },
  "partners.saveOffer": { "zh-CN": "保存单价", en: "Save price" },
  "partners.offerSaved": { "zh-CN": "已保存协议单价。", en: "Agreed price saved." },
  "partners.withdraw": { "zh-CN": "停止供应", en: "Withdraw" },
  "partners.withdrawn": {
    "zh-CN": "已停止向这家企业供应该产品。需要时可在下面重新开放并填写单价。",
    en: "The product is no longer offered to this firm. To offer it again, set a price below.",
  },
  "partners.offerGone": { "zh-CN": "这个产品已经停止供应了。", en: "This product is no longer offered." },
  "partners.productUnavailable": {
    "zh-CN": "这个产品不能开放（可能已停用，或企业已停用）",
    en: "This product cannot be offered (it or the firm may be archived)",
  },
});
