// Mainland China mobile numbers: the login name of every account.

export type PhoneResult = { ok: true; phone: string } | { ok: false; code: "required" | "invalidPhone" };

/**
 * Full-width digits to ASCII, and the spaces, dashes and brackets people type
 * between digits removed. Only visible spacing: a tab, a line break or any
 * other control character inside the number stays and makes it invalid
 * (leading and trailing whitespace is trimmed, as in every text field).
 */
function compact(input: string): string {
  return input
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[ \u00a0\u3000\-－()（）]/g, "");
}

/**
 * Normalises what people type (spaces, dashes, full-width digits, a +86 or
 * 0086 prefix) to the 11-digit number, or says why it is not one.
 */
export function parseMobilePhone(input: string): PhoneResult {
  const text = compact(input);
  if (text === "") return { ok: false, code: "required" };
  const digits = text.replace(/^(\+86|0086)/, "");
  if (!/^1[3-9]\d{9}$/.test(digits)) return { ok: false, code: "invalidPhone" };
  return { ok: true, phone: digits };
}

// Mainland landlines: a trunk "0" and an area code, then the local number that
// does not start with 0: after 010 and 020-029 eight digits, after a four-digit
// code (0xxx from 03 to 09, e.g. 0571, 0755) seven or eight. The area code is
// unambiguous without a dash: 01 is always 010, 02 always 02x, 03-09 always
// four digits.
const LANDLINE = /^(?:(0(?:10|2\d))([1-9]\d{7})|(0[3-9]\d{2})([1-9]\d{6,7}))$/;
// Nationwide service numbers firms print on their papers: 400/800 + 7 digits.
const SERVICE = /^([48]00)(\d{3})(\d{4})$/;

/**
 * A contact phone as people write it: a mainland mobile number (as its 11
 * digits), a landline with its area code ("023-12345678"; "+86 23 1234 5678"
 * and "(023)12345678" too) or a 400/800 service number ("400-820-8820").
 * Extensions, foreign and short numbers are refused.
 */
export function parseContactPhone(input: string): PhoneResult {
  const mobile = parseMobilePhone(input);
  if (mobile.ok || mobile.code === "required") return mobile;
  const text = compact(input).replace(/^(\+86|0086)(?=[1-9])/, "0");
  const landline = LANDLINE.exec(text);
  if (landline) return { ok: true, phone: `${landline[1] ?? landline[3]}-${landline[2] ?? landline[4]}` };
  const service = SERVICE.exec(text);
  if (service) return { ok: true, phone: `${service[1]}-${service[2]}-${service[3]}` };
  return { ok: false, code: "invalidPhone" };
}

/** 138****5678: how a number is shown to people who do not need all of it. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
}
