import { defineMessages } from "../define.ts";

export const workerMessages = defineMessages({
  "worker.greeting": { "zh-CN": "{name}，您好", en: "Hello, {name}" },
  "worker.tasks": { "zh-CN": "我的任务", en: "My tasks" },
  "worker.noTasks": {
    "zh-CN": "暂时没有任务。协调员派工后会显示在这里。",
    en: "No tasks yet. Work assigned to you by your coordinator will appear here.",
  },
  "worker.nav.tasks": { "zh-CN": "任务", en: "Tasks" },
  "worker.nav.claim": { "zh-CN": "接活", en: "Find work" },
  "worker.nav.pay": { "zh-CN": "收入", en: "Pay" },
  "worker.workshopLine": { "zh-CN": "{workshop}", en: "{workshop}" },
  "worker.task.due": { "zh-CN": "{date} 前交", en: "Due {date}" },
  "worker.task.overdue": { "zh-CN": "已超期", en: "Overdue" },
  "worker.task.today": { "zh-CN": "今天交", en: "Due today" },
  "worker.task.rate": { "zh-CN": "每{unit} {rate}", en: "{rate} per {unit}" },
  "worker.task.noRate": { "zh-CN": "单价待定", en: "Rate not set yet" },
  "worker.task.estimate": { "zh-CN": "预计 {amount}", en: "About {amount}" },
  "worker.task.estimateHint": {
    "zh-CN": "按现在的单价估算，以合格件数为准",
    en: "At today's rate; you are paid for passed pieces",
  },
  "worker.task.done": { "zh-CN": "已完成", en: "Done" },
  "worker.task.claimed": { "zh-CN": "自领", en: "Claimed" },
  "worker.findWork": { "zh-CN": "去接活", en: "Find work" },
});
