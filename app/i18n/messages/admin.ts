import { defineMessages } from "../define.ts";

export const adminMessages = defineMessages({
  "admin.home.title": { "zh-CN": "工坊总览", en: "Workshops" },
  "admin.nav.workshops": { "zh-CN": "工坊", en: "Workshops" },
  "workshops.name": { "zh-CN": "工坊名称", en: "Workshop name" },
  "workshops.district": { "zh-CN": "所在街道 / 镇", en: "Street / town" },
  "workshops.add": { "zh-CN": "新建工坊", en: "New workshop" },
  "workshops.create": { "zh-CN": "创建工坊", en: "Create workshop" },
  "workshops.created": { "zh-CN": "已创建工坊 {name}。", en: "Workshop {name} created." },
  "workshops.none": { "zh-CN": "还没有工坊。", en: "No workshops yet." },
  "workshops.workers": { "zh-CN": "手工者", en: "Workers" },
  "workshops.coordinators": { "zh-CN": "协调员", en: "Coordinators" },
  "workshops.nameTaken": { "zh-CN": "已经有同名的工坊了", en: "A workshop with this name already exists" },
  "coordinators.add": { "zh-CN": "新建协调员账号", en: "New coordinator account" },
  "coordinators.create": { "zh-CN": "创建协调员", en: "Create coordinator" },
  "coordinators.created": { "zh-CN": "已为 {name} 创建协调员账号。", en: "Coordinator account created for {name}." },
  "coordinators.none": { "zh-CN": "这个工坊还没有协调员。", en: "This workshop has no coordinator yet." },
  "workshops.back": { "zh-CN": "返回工坊列表", en: "Back to workshops" },
});
