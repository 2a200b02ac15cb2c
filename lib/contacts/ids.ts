import { randomBytes } from "node:crypto";

/** A new contact's id, for statements that insert contacts themselves (no Prisma default there). */
export const newContactId = () => `c${randomBytes(12).toString("hex")}`;
