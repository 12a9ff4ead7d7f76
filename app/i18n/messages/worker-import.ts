import { defineMessages } from "../define.ts";

// Importing a community's workers from a sheet (issue 10, ADR 025): the upload
// page, the preview, the refusals, the one-time password sheet, and the nudge
// to choose her own password at first login.
export const workerImportMessages = defineMessages({
  "import.link": { "zh-CN": "从表格批量导入", en: "Import from a sheet" },
  "import.title": { "zh-CN": "批量导入手工者", en: "Import workers" },
  "import.intro": {
    "zh-CN":
      "上传 Excel（.xlsx）或 CSV 表格，每行一人：姓名、手机号，备注可不填。一次最多 {max} 行。先看预览，确认后才创建账号。",
    en: "Upload an Excel (.xlsx) or CSV sheet, one person per row: name, phone and an optional note. Up to {max} rows at once. You see a preview first; no account is created until you confirm.",
  },
  "import.columns": {
    "zh-CN": "第一行是表头：姓名、手机号、备注（也可写 name、phone、note）。",
    en: "The first row holds the headings: name, phone, note (or 姓名, 手机号, 备注).",
  },
  "import.templates": { "zh-CN": "下载模板：", en: "Download a template:" },
  "import.templateXlsx": { "zh-CN": "Excel 模板（.xlsx）", en: "Excel template (.xlsx)" },
  "import.templateCsv": { "zh-CN": "CSV 模板", en: "CSV template" },
  "import.templateName": { "zh-CN": "手工者导入模板", en: "worker-import-template" },
  "import.file": { "zh-CN": "表格文件", en: "Sheet file" },
  "import.fileHint": {
    "zh-CN": ".xlsx 或 .csv，不超过 {kb} KB。中文 Excel 存的 CSV（GBK）也可以。",
    en: ".xlsx or .csv, at most {kb} KB. A CSV saved by Chinese Excel (GBK) is fine too.",
  },
  "import.upload": { "zh-CN": "上传并预览", en: "Upload and preview" },
  "import.uploading": { "zh-CN": "正在读取…", en: "Reading…" },
  "import.back": { "zh-CN": "返回手工者列表", en: "Back to the workers" },
  "import.noFile": { "zh-CN": "请选择一个表格文件", en: "Choose a sheet file" },

  "import.refused.empty": { "zh-CN": "文件是空的，请重新选择", en: "The file is empty. Please choose another" },
  "import.refused.tooLarge": {
    "zh-CN": "文件太大（最多 {kb} KB）。请只保留姓名、手机号、备注三列，或分成几份导入",
    en: "The file is too large (at most {kb} KB). Keep only the name, phone and note columns, or split it",
  },
  "import.refused.notASheet": {
    "zh-CN": "这不是表格文件。请上传 .xlsx 或 .csv 文件",
    en: "This is not a sheet. Please upload an .xlsx or .csv file",
  },
  "import.refused.oldExcel": {
    "zh-CN": "这是旧版 Excel（.xls）文件。请在 Excel 里“另存为” .xlsx 或 CSV 后再上传",
    en: "This is an old Excel file (.xls). Save it as .xlsx or CSV in Excel, then upload it",
  },
  "import.refused.badEncoding": {
    "zh-CN": "无法识别文件的文字编码。请在 Excel 里另存为“CSV UTF-8”或 .xlsx 后再上传",
    en: "The file's text encoding is not recognised. Save it as “CSV UTF-8” or .xlsx in Excel, then upload it",
  },
  "import.refused.badCsv": {
    "zh-CN": "CSV 格式有误（引号不成对）。请在 Excel 里重新另存为 CSV 或 .xlsx",
    en: "The CSV is malformed (unmatched quotes). Save it again as CSV or .xlsx in Excel",
  },
  "import.refused.noColumns": {
    "zh-CN": "没有找到“姓名”和“手机号”两列。第一行应是表头：姓名、手机号、备注",
    en: "No “name” and “phone” columns found. The first row must hold the headings: name, phone, note",
  },
  "import.refused.noRows": { "zh-CN": "表格里没有人员", en: "The sheet lists nobody" },
  "import.refused.tooManyRows": {
    "zh-CN": "一次最多导入 {max} 行。请把表格分成几份",
    en: "At most {max} rows at once. Please split the sheet",
  },
  "import.refused.tooManyColumns": {
    "zh-CN": "表格的列太多，不像人员名单。请用模板",
    en: "The sheet has too many columns to be a list of people. Please use the template",
  },
  "import.refused.tooManyUploads": {
    "zh-CN": "24 小时内最多上传 {n} 份表格，已经到了上限。请明天再试，或联系管理员。",
    en: "At most {n} sheets can be uploaded in 24 hours and that limit is reached. Please try again tomorrow or contact the administrator.",
  },
  "import.refused.zipBomb": {
    "zh-CN": "这个 Excel 文件解压后过大或结构异常，已拒绝。请用模板重新保存",
    en: "This Excel file unpacks too large or is malformed, so it was refused. Please save it again from the template",
  },

  "import.preview.title": { "zh-CN": "导入预览", en: "Import preview" },
  "import.preview.file": { "zh-CN": "文件：{name}", en: "File: {name}" },
  "import.preview.summary": {
    "zh-CN": "共 {total} 行：{ok} 行可以导入，{errors} 行有问题（不会导入）。",
    en: "{total} {total:row|rows}: {ok} can be imported, {errors} {errors:has|have} a problem (not imported).",
  },
  "import.preview.expires": {
    "zh-CN": "这份预览保留到 {time}，过期请重新上传。",
    en: "This preview is kept until {time}; after that, upload the sheet again.",
  },
  "import.preview.errorsTitle": { "zh-CN": "有问题的行（不会导入）", en: "Rows with a problem (not imported)" },
  "import.preview.okTitle": { "zh-CN": "可以导入的行", en: "Rows to import" },
  "import.preview.fixHint": {
    "zh-CN": "有问题的行可以先不管：确认后只导入没问题的行。要导入它们，请改好表格后再上传一次。",
    en: "You can leave the rows with a problem: confirming imports only the good rows. To import them too, fix the sheet and upload it again.",
  },
  "import.preview.nothing": {
    "zh-CN": "没有可以导入的行。请改好表格后重新上传。",
    en: "No row can be imported. Fix the sheet and upload it again.",
  },
  "import.col.line": { "zh-CN": "行号", en: "Line" },
  "import.col.name": { "zh-CN": "姓名", en: "Name" },
  "import.col.phone": { "zh-CN": "手机号", en: "Phone" },
  "import.col.note": { "zh-CN": "备注", en: "Note" },
  "import.col.row": { "zh-CN": "本行", en: "Row" },
  "import.col.problem": { "zh-CN": "问题", en: "Problem" },
  "import.problem": { "zh-CN": "{field}：{message}", en: "{field}: {message}" },
  "import.confirm": { "zh-CN": "确认导入 {n} 人", en: "Import {n} {n:worker|workers}" },
  "import.confirmHint": {
    "zh-CN": "确认后为这 {n} 人创建账号，并显示每人的初始密码。密码只显示这一次，请准备打印。",
    en: "Confirming creates {n} {n:account|accounts} and shows each one's initial password. The passwords are shown only once: be ready to print them.",
  },
  "import.confirming": { "zh-CN": "正在创建账号，请稍候…", en: "Creating the accounts, please wait…" },
  "import.discard": { "zh-CN": "放弃这次导入", en: "Discard this import" },

  "import.row.formula": {
    "zh-CN": "单元格里是公式，请改成直接填写的文字",
    en: "A cell holds a formula; type the value itself instead",
  },
  "import.row.formulaText": { "zh-CN": "不能以 = + - @ 开头", en: "Must not begin with = + - @" },
  "import.row.duplicate": { "zh-CN": "与第 {line} 行的手机号重复", en: "Same number as line {line}" },
  "import.row.registered": { "zh-CN": "这个手机号已经有账号", en: "This number already has an account" },

  "import.notFound": {
    "zh-CN": "这次导入已经完成、已放弃或已过期。初始密码只显示一次；忘记的，请在手工者页面为她重设密码。",
    en: "This import was already done, discarded or has expired. Initial passwords are shown only once; for a lost one, reset her password on her page.",
  },
  "import.changed": {
    "zh-CN": "预览之后情况有变化（例如有手机号刚刚注册了账号），这次没有导入任何人。请看更新后的预览，再确认一次。",
    en: "Something changed since the preview (e.g. a number was just registered), so nobody was imported. Look at the updated preview and confirm again.",
  },
  "import.problem.changed": {
    "zh-CN": "确认之后情况有变化（例如有手机号刚刚注册了账号），这次没有导入任何人。请看更新后的预览，再确认一次。",
    en: "Something changed after you confirmed (e.g. a number was just registered), so nobody was imported. Look at the updated preview and confirm again.",
  },
  "import.problem.failed": {
    "zh-CN": "上次导入出错了，没有创建任何账号。请再确认一次；如果还是不行，请联系管理员。",
    en: "The last attempt failed and created no account. Confirm again; if it fails again, contact the administrator.",
  },
  "import.problem.interrupted": {
    "zh-CN": "上次导入被中断了（例如服务器重启），没有创建任何账号。请再确认一次。",
    en: "The last attempt was interrupted (e.g. the server restarted) and created no account. Please confirm again.",
  },
  "import.started": {
    "zh-CN": "已开始导入。正在为每个人生成初始密码，请稍候。",
    en: "The import has started. Each person's initial password is being made; please wait.",
  },
  "import.notStarted": {
    "zh-CN": "这次导入已经在进行或已经结束，本页显示它现在的情况。",
    en: "This import is already under way or finished; this page shows where it stands.",
  },
  "import.open.title": { "zh-CN": "还没完成的导入", en: "Imports still open" },
  "import.open.staged": {
    "zh-CN": "等待确认（{time} 前有效）",
    en: "Waiting for your confirmation (until {time})",
  },
  "import.open.done": {
    "zh-CN": "已创建 {n} 个账号，密码单还没打开：请在 {time} 前打开并打印",
    en: "{n} accounts created; the password sheet is not opened yet: open and print it before {time}",
  },
  "import.open.banner": {
    "zh-CN": "有 {n} 份导入的初始密码单还没打开，过期后需要逐个重设密码。",
    en: "{n} imports have an initial password sheet not yet opened; once it expires each password must be reset.",
  },
  "import.open.go": { "zh-CN": "去看看", en: "Open them" },
  "import.running.title": { "zh-CN": "正在创建账号", en: "Creating the accounts" },
  "import.running.progress": {
    "zh-CN": "已生成 {done} / {total} 个初始密码",
    en: "{done} of {total} initial passwords made",
  },
  "import.running.hint": {
    "zh-CN": "每个密码都要加密保存，2,000 人大约需要一到两分钟。本页会自动刷新，完成后可以打开密码单。",
    en: "Each password is stored with a slow hash: 2,000 people take a minute or two. This page refreshes itself; when it is done you can open the password sheet.",
  },
  "import.running.queued": {
    "zh-CN": "正在开始；如果前面还有别的导入，会等它们做完再开始。本页会自动刷新。",
    en: "Starting; if other imports are ahead of it, it begins when they are done. This page refreshes itself.",
  },
  "import.running.refresh": { "zh-CN": "刷新", en: "Refresh" },
  "import.done.title": { "zh-CN": "导入完成", en: "Import done" },
  "import.done.summary": {
    "zh-CN": "已创建 {n} 个手工者账号（{time}）。",
    en: "{n} worker {n:account was|accounts were} created ({time}).",
  },
  "import.done.open": { "zh-CN": "打开初始密码单（只能打开一次）", en: "Open the initial passwords (once only)" },
  "import.done.openHint": {
    "zh-CN":
      "密码单只显示一次：打开后请马上打印。{time} 之前没有打开的话，密码单会被删除，需要在手工者页面为每个人重设密码。",
    en: "The sheet is shown only once: print it as soon as it opens. If it is not opened by {time}, it is deleted and each person's password has to be reset on her page.",
  },
  "import.done.shown": {
    "zh-CN": "初始密码单已于 {time} 打开过，不能再显示。丢失了的，请在手工者页面为她重设密码。",
    en: "The initial passwords were opened at {time} and cannot be shown again. For a lost one, reset her password on her page.",
  },
  "import.nothingToImport": {
    "zh-CN": "没有可以导入的行。",
    en: "No row can be imported.",
  },
  "import.discarded": { "zh-CN": "已放弃这次导入，没有创建账号。", en: "Import discarded; no account was created." },
  "import.readAs": {
    "zh-CN": "已按 {encoding} 编码读取。",
    en: "Read as {encoding}.",
  },

  "import.sheet.title": { "zh-CN": "初始密码单", en: "Initial passwords" },
  "import.sheet.done": { "zh-CN": "已创建 {n} 个手工者账号。", en: "{n} worker {n:account|accounts} created." },
  "import.sheet.once": {
    "zh-CN":
      "这些初始密码只显示这一次：刷新或离开本页后不会再显示。请现在打印（Ctrl+P 或浏览器菜单里的“打印”），沿虚线剪开，把纸条交给本人。",
    en: "These initial passwords are shown only this once: reloading or leaving this page will not show them again. Print now (Ctrl+P or Print in the browser menu), cut along the dashed lines and hand each slip to its person.",
  },
  "import.sheet.skipped": {
    "zh-CN": "有 {n} 行有问题，没有导入。",
    en: "{n} {n:row|rows} had a problem and {n:was|were} not imported.",
  },
  "import.sheet.slipTitle": { "zh-CN": "巧手计件 · 登录信息", en: "巧手 Piecework · your login" },
  "import.sheet.name": { "zh-CN": "姓名", en: "Name" },
  "import.sheet.phone": { "zh-CN": "手机号（登录账号）", en: "Phone (your login)" },
  "import.sheet.password": { "zh-CN": "初始密码", en: "Initial password" },
  "import.sheet.loginAt": { "zh-CN": "登录网址", en: "Log in at" },
  "import.sheet.change": {
    "zh-CN": "初始密码 {date} 前有效。第一次登录后请设置自己的密码，并收好或撕掉这张纸条。",
    en: "The initial password works until {date}. After your first login, choose your own password, then keep this slip safe or tear it up.",
  },
  "import.sheet.print": { "zh-CN": "打印密码单", en: "Print the slips" },
  "import.sheet.toWorkers": { "zh-CN": "查看手工者列表", en: "See the workers" },

  "import.initialExpired": {
    "zh-CN": "初始密码已经过期（导入后 14 天内没有登录）。请找协调员为您重设密码。",
    en: "This initial password has expired (nobody logged in within 14 days of the import). Ask your coordinator to reset your password.",
  },
  "import.choosePassword": {
    "zh-CN": "欢迎！您现在用的是初始密码，请先设置一个自己的密码。",
    en: "Welcome! You are using your initial password: please choose your own first.",
  },
});
