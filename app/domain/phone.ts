// Mainland China mobile numbers: the login name of every account.

export type PhoneResult = { ok: true; phone: string } | { ok: false; code: "required" | "invalidPhone" };

/**
 * Normalises what people type (spaces, dashes, full-width digits, a +86 or
 * 0086 prefix) to the 11-digit number, or says why it is not one.
 */
export function parseMobilePhone(input: string): PhoneResult {
  const text = input
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\-()（）]/g, "");
  if (text === "") return { ok: false, code: "required" };
  const digits = text.replace(/^(\+86|0086)/, "");
  if (!/^1[3-9]\d{9}$/.test(digits)) return { ok: false, code: "invalidPhone" };
  return { ok: true, phone: digits };
}

/** 138****5678: how a number is shown to people who do not need all of it. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
}
