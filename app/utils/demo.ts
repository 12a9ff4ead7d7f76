// The demo data's accounts: seeded by prisma/seed.ts and listed on the login
// page, only when the app runs in demo/development mode (env.server.ts).
export const DEMO_PASSWORD = "qiaoshou123";

export const DEMO_WORKSHOP = { name: "民安华福社区巧手梦工坊", district: "九龙坡区 华岩镇" };
/** A second workshop, so that tenant isolation can be seen and tested. */
export const DEMO_OTHER_WORKSHOP = { name: "杨家坪街道巧手梦工坊", district: "九龙坡区 杨家坪街道" };

export const DEMO_ACCOUNTS = [
  { role: "admin", name: "区就业中心 李主任", phone: "13800000001" },
  { role: "coordinator", name: "王协调员", phone: "13800000002" },
  { role: "worker", name: "张秀英", phone: "13800000011" },
  { role: "worker", name: "刘晓燕", phone: "13800000012" },
  { role: "worker", name: "陈美华", phone: "13800000013" },
  { role: "partner", name: "赵经理（山城香皂）", phone: "13800000021" },
] as const;
