import {
  ADDRESS_POLICY,
  PHONE_POLICY,
  afterFailure,
  lockRemainingMs,
  type ThrottlePolicy,
} from "../domain/login-throttle.ts";
import { db } from "../utils/db.server.ts";

function keys(phone: string, address: string): { key: string; policy: ThrottlePolicy }[] {
  return [
    { key: `phone:${phone}`, policy: PHONE_POLICY },
    { key: `addr:${address}`, policy: ADDRESS_POLICY },
  ];
}

/** Milliseconds until this phone/address may try again (0 = now). */
export async function loginLockRemaining(phone: string, address: string, now: Date): Promise<number> {
  const rows = await db().loginThrottle.findMany({ where: { key: { in: keys(phone, address).map((k) => k.key) } } });
  return Math.max(0, ...rows.map((r) => lockRemainingMs(r, now)));
}

export async function recordLoginFailure(phone: string, address: string, now: Date): Promise<void> {
  await db().$transaction(async (tx) => {
    for (const { key, policy } of keys(phone, address)) {
      const current = await tx.loginThrottle.findUnique({ where: { key } });
      const next = afterFailure(current, now, policy);
      await tx.loginThrottle.upsert({ where: { key }, create: { key, ...next }, update: next });
    }
  });
}

export async function recordLoginSuccess(phone: string): Promise<void> {
  await db().loginThrottle.deleteMany({ where: { key: `phone:${phone}` } });
}
