// The admin's places (ADR 024): a town/street 镇街, a community 村居 of a town, and the
// community a workshop belongs to. One schema per form.
import * as z from "zod/mini";
import { choiceField, requiredText } from "./fields.ts";

export const PLACE_NAME_MAX = 40;

export const createTownSchema = z.object({
  name: requiredText(PLACE_NAME_MAX),
});
export type CreateTownForm = z.input<typeof createTownSchema>;

export const createCommunitySchema = z.object({
  townId: choiceField("district.chooseTown"),
  name: requiredText(PLACE_NAME_MAX),
});
export type CreateCommunityForm = z.input<typeof createCommunitySchema>;

export const setPlaceSchema = z.object({
  communityId: choiceField("district.chooseCommunity"),
});
export type SetPlaceForm = z.input<typeof setPlaceSchema>;
