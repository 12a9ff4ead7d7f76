import { defineMessages } from "../define.ts";

/** Photos of finished pieces sent with a piece log (issue 8): the form field and why a photo was refused. */
export const photoMessages = defineMessages({
  "photo.field": { "zh-CN": "成品照片（可选）", en: "Photo of the pieces (optional)" },
  "photo.hint": {
    "zh-CN": "拍一张做好的成品。JPEG、PNG 或 WebP，最大 8 MB。",
    en: "Take a picture of the finished pieces. JPEG, PNG or WebP, up to 8 MB.",
  },
  "photo.view": { "zh-CN": "查看照片", en: "View photo" },
  "photo.tooLarge": {
    "zh-CN": "照片太大（最大 8 MB），请换一张",
    en: "The photo is too large (at most 8 MB). Please choose another",
  },
  "photo.notAnImage": {
    "zh-CN": "只能上传 JPEG、PNG 或 WebP 照片",
    en: "Only JPEG, PNG or WebP photos can be sent",
  },
  "photo.empty": {
    "zh-CN": "照片文件是空的，请重新选择",
    en: "The photo file is empty. Please choose it again",
  },
});
