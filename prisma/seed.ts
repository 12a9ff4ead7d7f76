// Demo data: one workshop with a coordinator, three workers, one partner firm
// and two products, plus a district admin. Idempotent: it does nothing when
// the demo workshop exists. Run by `npm start` in demo mode, or `npm run db:seed`.
import { db, disconnectDb } from "../app/utils/db.server.ts";
import { hashPassword } from "../app/utils/password.server.ts";
import { recordAudit } from "../app/models/audit.server.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_WORKSHOP } from "../app/utils/demo.ts";

export async function seedDemo(): Promise<"seeded" | "present"> {
  const client = db();
  const existing = await client.workshop.findFirst({ where: { name: DEMO_WORKSHOP.name }, select: { id: true } });
  if (existing) return "present";
  const hash = await hashPassword(DEMO_PASSWORD);
  await client.$transaction(async (tx) => {
    const workshop = await tx.workshop.create({ data: { name: DEMO_WORKSHOP.name, district: DEMO_WORKSHOP.district } });
    const partner = await tx.partner.create({
      data: { workshopId: workshop.id, name: "重庆山城香皂有限公司", contactName: "赵经理", contactPhone: "13800000021" },
    });
    await tx.product.createMany({
      data: [
        { workshopId: workshop.id, name: "薰衣草手工皂 100g", unit: "piece", qualityStandard: "表面光滑无气泡，重量 100±3 g，标签端正" },
        { workshopId: workshop.id, name: "永生玫瑰礼盒", unit: "box", qualityStandard: "花形完整无折损，盒内无胶痕，丝带对称" },
      ],
    });
    for (const account of DEMO_ACCOUNTS) {
      const user = await tx.user.create({
        data: {
          role: account.role,
          name: account.name,
          phone: account.phone,
          workshopId: account.role === "admin" ? null : workshop.id,
          partnerId: account.role === "partner" ? partner.id : null,
          password: { create: { hash } },
        },
      });
      await recordAudit(tx, {
        actorId: null,
        workshopId: user.workshopId,
        action: "user.create",
        entityType: "User",
        entityId: user.id,
        after: { role: account.role, name: account.name, phone: account.phone, source: "demo seed" },
      });
    }
  });
  return "seeded";
}

if (import.meta.url === `file://${process.argv[1]}`) {
  seedDemo()
    .then((outcome) => {
      console.log(outcome === "seeded" ? "Demo data created." : "Demo data already present.");
      console.log(`Demo logins (password ${DEMO_PASSWORD}):`);
      for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(12)} ${a.phone}  ${a.name}`);
    })
    .finally(() => disconnectDb());
}
