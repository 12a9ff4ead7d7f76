import { defineMessages } from "../define.ts";

export const authMessages = defineMessages({
  "login.title": { "zh-CN": "登录", en: "Log in" },
  "login.phone": { "zh-CN": "手机号", en: "Mobile number" },
  "login.password": { "zh-CN": "密码", en: "Password" },
  "login.submit": { "zh-CN": "登录", en: "Log in" },
  "login.submitting": { "zh-CN": "正在登录…", en: "Logging in…" },
  "login.wrongCredentials": {
    "zh-CN": "手机号或密码不对，请再试一次。忘记密码请找工坊协调员重置。",
    en: "Wrong mobile number or password. If you forgot your password, ask your coordinator to reset it.",
  },
  "login.accountIncomplete": {
    "zh-CN": "这个账号还没有设置好所属工坊或企业，请联系工坊协调员。",
    en: "This account is not linked to a workshop or firm yet. Please contact your coordinator.",
  },
  "login.locked": {
    "zh-CN": "尝试次数过多，请 {minutes} 分钟后再试。",
    en: "Too many attempts. Please try again in {minutes} minutes.",
  },
  "login.lockedNumber": {
    "zh-CN":
      "这个手机号最近在多个地方输错密码的次数太多，为保护账号，暂停在新设备上登录。请 {minutes} 分钟后再试，或用以前登录过的手机登录。",
    en: "Too many wrong passwords for this number from several places. To protect the account, logging in from a new device is paused: try again in {minutes} minutes, or use a phone you have logged in with before.",
  },
  "login.demoTitle": { "zh-CN": "演示账号（密码都是 {password}）", en: "Demo accounts (password {password} for all)" },
  "login.loggedOut": { "zh-CN": "您已退出登录。", en: "You have logged out." },
  "account.title": { "zh-CN": "我的账号", en: "My account" },
  "account.name": { "zh-CN": "姓名", en: "Name" },
  "account.phone": { "zh-CN": "手机号", en: "Mobile number" },
  "account.role": { "zh-CN": "身份", en: "Role" },
  "account.workshop": { "zh-CN": "所属工坊", en: "Workshop" },
  "account.changePassword": { "zh-CN": "修改密码", en: "Change password" },
  "account.currentPassword": { "zh-CN": "当前密码", en: "Current password" },
  "account.samePassword": {
    "zh-CN": "新密码不能和当前密码一样，请换一个",
    en: "The new password must differ from the current one",
  },
  "account.currentIsInitial": {
    "zh-CN": "就是纸条上的 10 位初始密码",
    en: "The 10-digit initial password on your slip",
  },
  "account.newPassword": { "zh-CN": "新密码", en: "New password" },
  "account.confirmPassword": { "zh-CN": "再输一次新密码", en: "New password again" },
  "account.passwordChanged": { "zh-CN": "密码已修改。", en: "Your password has been changed." },
  "account.wrongCurrentPassword": { "zh-CN": "当前密码不对", en: "The current password is wrong" },
  "account.passwordCheckLocked": {
    "zh-CN": "当前密码输错的次数太多，请 {minutes} 分钟后再试。忘记密码请找工坊协调员重置。",
    en: "Too many wrong current passwords. Please try again in {minutes} minutes. If you forgot it, ask your coordinator to reset it.",
  },
  "account.languageHint": { "zh-CN": "界面语言会记在您的账号上。", en: "Your language is remembered on your account." },
});
