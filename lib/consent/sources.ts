// Apart from the schemas (and zod), as the consent form lists them at render.
/** Sources an admin can record by hand; the others (keyword, WhatsApp setting, 131050, import) are automatic. */
export const MANUAL_SOURCES = ["ADMIN", "WEB_FORM", "SMS", "CHAT", "PHONE", "PAPER"] as const;
