// What the HTTP layer answers when it refuses a request before the app sees
// it: a short message in both languages (the request was not read, so its
// language cookie was not either), as a small HTML page for a browser that
// asked for a page, else as plain text. Also thrown by readFormData when an
// action is reached with a body it cannot read. Pure (dictionaries only).
import { translate, type MessageKey } from "../i18n/index.ts";
import { FORM_BODY_LIMIT } from "./body.ts";

export type RefusalReason = "crossSite" | "tooLarge" | "unsupported" | "malformed" | "badHost";

const TEXTS: Record<RefusalReason, { title: MessageKey; body: MessageKey }> = {
  crossSite: { title: "http.crossSiteTitle", body: "http.crossSite" },
  tooLarge: { title: "http.tooLargeTitle", body: "http.tooLarge" },
  unsupported: { title: "http.unsupportedTitle", body: "http.unsupported" },
  malformed: { title: "http.malformedTitle", body: "http.malformed" },
  badHost: { title: "http.badHostTitle", body: "http.badHost" },
};

export type Refusal = { status: number; contentType: string; body: string };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Whether the request is a browser asking for a page (not a `?_data=`/`.data` fetch or a script). */
export function wantsPage(url: string, accept: string | undefined): boolean {
  const path = url.split(/[?#]/, 1)[0] ?? "";
  if (/[?&]_data=/.test(url) || path.endsWith(".data")) return false;
  return (accept ?? "").toLowerCase().includes("text/html");
}

export function refusal(
  status: number,
  reason: RefusalReason,
  options: { page: boolean; limit?: number } = { page: false },
): Refusal {
  const { title, body } = TEXTS[reason];
  const params = { max: Math.floor((options.limit ?? FORM_BODY_LIMIT) / 1024) };
  const zh = { title: translate("zh-CN", title), body: translate("zh-CN", body, params) };
  const en = { title: translate("en", title), body: translate("en", body, params) };
  if (!options.page) {
    return {
      status,
      contentType: "text/plain; charset=utf-8",
      body: `${status} ${zh.title} / ${en.title}\n${zh.body}\n${en.body}\n`,
    };
  }
  const html =
    `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${status} ${escapeHtml(zh.title)}</title></head><body>` +
    `<h1>${escapeHtml(zh.title)}</h1><p>${escapeHtml(zh.body)}</p>` +
    `<h2 lang="en">${escapeHtml(en.title)}</h2><p lang="en">${escapeHtml(en.body)}</p>` +
    `<p><a href="/">${escapeHtml(translate("zh-CN", "errorPage.backHome"))} / ` +
    `<span lang="en">${escapeHtml(translate("en", "errorPage.backHome"))}</span></a></p>` +
    `</body></html>`;
  return { status, contentType: "text/html; charset=utf-8", body: html };
}

/** A refusal as a fetch Response (for code inside the app, e.g. readFormData). */
export function refusalResponse(status: number, reason: RefusalReason): Response {
  const { body, contentType } = refusal(status, reason, { page: false });
  return new Response(body, { status, headers: { "Content-Type": contentType } });
}
