import { defineMessages } from "../define.ts";

/** What the HTTP layer (app/http) answers before a page could: refusals of writes and bodies. */
export const httpMessages = defineMessages({
  "http.crossSiteTitle": { "zh-CN": "请求被拒绝", en: "Request refused" },
  "http.crossSite": {
    "zh-CN": "只能从本网站的页面提交表单。请打开本网站后再试一次。",
    en: "Forms can only be sent from this site's own pages. Open the site and try again.",
  },
  "http.tooLargeTitle": { "zh-CN": "内容太大", en: "Too large" },
  "http.tooLarge": {
    "zh-CN": "提交的内容太大了（最多 {max} KB）。请减少内容后再试。",
    en: "What was sent is too large (at most {max} KB). Send less and try again.",
  },
  "http.unsupportedTitle": { "zh-CN": "无法处理的内容", en: "Unsupported content" },
  "http.unsupported": {
    "zh-CN": "这里只接受网页表单提交的内容。",
    en: "Only web form submissions are accepted here.",
  },
  "http.malformedTitle": { "zh-CN": "内容有误", en: "Malformed content" },
  "http.malformed": {
    "zh-CN": "提交的表单内容无法读取。请刷新页面后再提交一次。",
    en: "The form that was sent could not be read. Reload the page and send it again.",
  },
  "http.badHostTitle": { "zh-CN": "请求有误", en: "Bad request" },
  "http.badHost": {
    "zh-CN": "请求的网址无效。",
    en: "The address of the request is not valid.",
  },
});
