// Demo data: one workshop with a coordinator, three workers, one partner firm
// and two products, plus a district admin. Idempotent: it does nothing when
// the demo workshop exists. Run by `npm start` in demo mode, or `npm run db:seed`.
import { db, disconnectDb } from "../app/infra/db.server.ts";
import { hashPassword } from "../app/infra/password.server.ts";
import { recordAudit } from "../app/models/audit.server.ts";
import { addDefaultReasons } from "../app/models/quality.server.ts";
import { DEMO_ACCOUNTS, DEMO_MINIMUM_WAGE, DEMO_PASSWORD, DEMO_WORKSHOP } from "../app/utils/demo.ts";

export async function seedDemo(): Promise<"seeded" | "present"> {
  if (process.env.NODE_ENV === "production" && process.env.PIECEWORK_DEMO !== "1") {
    throw new Error("Refusing to seed demo accounts (known password) in production without PIECEWORK_DEMO=1.");
  }
  const client = db();
  const existing = await client.workshop.findFirst({ where: { name: DEMO_WORKSHOP.name }, select: { id: true } });
  if (existing) return "present";
  const hash = await hashPassword(DEMO_PASSWORD);
  await client.$transaction(async (tx) => {
    const workshop = await tx.workshop.create({
      data: {
        name: DEMO_WORKSHOP.name,
        district: DEMO_WORKSHOP.district,
        hourlyMinimumWageFen: DEMO_MINIMUM_WAGE.hourlyFen,
        minimumWageSource: DEMO_MINIMUM_WAGE.source,
      },
    });
    await addDefaultReasons(tx, workshop.id);
    const partner = await tx.partner.create({
      data: {
        workshopId: workshop.id,
        name: "重庆山城香皂有限公司",
        contactName: "赵经理",
        contactPhone: "13800000021",
      },
    });
    const soap = await tx.product.create({
      data: {
        workshopId: workshop.id,
        name: "薰衣草手工皂 100g",
        unit: "piece",
        qualityStandard: "表面光滑无气泡，重量 100±3 g，标签端正",
        standardMinutesE2: 600, // 6 minutes per piece (time test)
        lossAllowanceE2: 300, // 3 %
      },
    });
    const roses = await tx.product.create({
      data: {
        workshopId: workshop.id,
        name: "永生玫瑰礼盒",
        unit: "box",
        qualityStandard: "花形完整无折损，盒内无胶痕，丝带对称",
        standardMinutesE2: 1500, // 15 minutes per box
        lossAllowanceE2: 200, // 2 %
      },
    });
    const material = async (name: string, unit: string, unitCostE4: bigint) =>
      tx.material.create({ data: { workshopId: workshop.id, name, unit, unitCostE4 } });
    const soapBase = await material("皂基", "kg", 280_000n); // 28.00 yuan/kg
    const lavenderOil = await material("薰衣草精油", "ml", 8_000n); // 0.80 yuan/ml
    const soapBox = await material("手工皂包装盒", "piece", 12_000n); // 1.20 yuan
    const rose = await material("永生玫瑰花头", "piece", 65_000n); // 6.50 yuan
    const giftBox = await material("礼盒", "box", 80_000n); // 8.00 yuan
    const ribbon = await material("丝带", "m", 3_000n); // 0.30 yuan/m
    await tx.bomLine.createMany({
      data: [
        { workshopId: workshop.id, productId: soap.id, materialId: soapBase.id, quantityPerPieceE3: 105n }, // 0.105 kg
        { workshopId: workshop.id, productId: soap.id, materialId: lavenderOil.id, quantityPerPieceE3: 2_000n }, // 2 ml
        { workshopId: workshop.id, productId: soap.id, materialId: soapBox.id, quantityPerPieceE3: 1_000n }, // 1 box
        { workshopId: workshop.id, productId: roses.id, materialId: rose.id, quantityPerPieceE3: 3_000n },
        { workshopId: workshop.id, productId: roses.id, materialId: giftBox.id, quantityPerPieceE3: 1_000n },
        { workshopId: workshop.id, productId: roses.id, materialId: ribbon.id, quantityPerPieceE3: 500n }, // 0.5 m
      ],
    });
    await tx.partnerOffer.createMany({
      data: [
        { workshopId: workshop.id, partnerId: partner.id, productId: soap.id, priceE4: 68_000n }, // 6.80 yuan/piece
        { workshopId: workshop.id, partnerId: partner.id, productId: roses.id, priceE4: 180_000n }, // 18.00 yuan/box
      ],
    });
    const people = new Map<string, string>();
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
      await recordAudit(
        tx,
        { userId: null, workshopId: user.workshopId },
        {
          action: "user.create",
          entityType: "User",
          entityId: user.id,
          after: { role: account.role, name: account.name, phone: account.phone, source: "demo seed" },
        },
      );
      people.set(account.role, user.id);
    }
    const coordinatorId = people.get("coordinator") ?? "";
    // Piece rates from 2026-01-01: soap 2.50/piece (25.00/h at 6 min: above the
    // 23.00 minimum, under the 120 % fair target 27.60, so the page warns);
    // rose box 7.00/box (28.00/h at 15 min: fair).
    await tx.pieceRate.createMany({
      data: [
        {
          workshopId: workshop.id,
          productId: soap.id,
          rateE4: 25_000n,
          effectiveOn: "2026-01-01",
          reason: "2026 年初定价（计时测试 6 分钟/块）",
          setById: coordinatorId,
        },
        {
          workshopId: workshop.id,
          productId: roses.id,
          rateE4: 70_000n,
          effectiveOn: "2026-01-01",
          reason: "2026 年初定价（计时测试 15 分钟/盒）",
          setById: coordinatorId,
        },
      ],
    });
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
