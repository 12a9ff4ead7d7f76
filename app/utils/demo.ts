// The demo data's accounts: seeded by prisma/seed.ts and listed on the login
// page, only when the app runs in demo/development mode (env.server.ts).
export const DEMO_PASSWORD = "qiaoshou123";

export const DEMO_WORKSHOP = { name: "民安华福社区巧手梦工坊", district: "九龙坡区 华岩镇" };
/**
 * Chongqing's part-time hourly minimum wage for its 29 districts (Jiulongpo,
 * where the demo workshop is, among them): 23 yuan/hour from 2025-01-01, with
 * 2,330 yuan/month full-time (the 12 counties: 22 yuan, 2,200 yuan).
 */
export const DEMO_MINIMUM_WAGE = {
  hourlyFen: 2_300n,
  source:
    "重庆市人民政府 2025-01-01 起执行：万州区等 29 个区非全日制用工小时最低工资 23 元（全日制月最低工资 2330 元）",
};

export const DEMO_ACCOUNTS = [
  { role: "admin", name: "区就业中心 李主任", phone: "13800000001" },
  { role: "coordinator", name: "王协调员", phone: "13800000002" },
  { role: "worker", name: "张秀英", phone: "13800000011" },
  { role: "worker", name: "刘晓燕", phone: "13800000012" },
  { role: "worker", name: "陈美华", phone: "13800000013" },
  { role: "partner", name: "赵经理（重庆山城香皂有限公司）", phone: "13800000021" },
] as const;
