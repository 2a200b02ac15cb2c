// The contact fields a campaign variable can take its value from, without zod: the campaign builder and
// the journey step inspector list them at render, and lib/campaigns/render.ts checks them (schemas.ts too).

/** Contact fields a variable can take its value from (their names: messages, campaigns.contactField). */
export const CONTACT_FIELDS = ["first_name", "name", "phone", "locale"] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];
/** A list lookup: `in` on an object would take "__proto__" or "constructor" as a contact field. */
export const isContactField = (value: string): value is ContactField =>
  (CONTACT_FIELDS as readonly string[]).includes(value);
