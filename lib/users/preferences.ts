// A member's own language and time zone (the Account page). Null follows their browser.
import "server-only";
import { db } from "@/lib/db/client";
import type { PreferencesInput } from "./schemas";

export type Preferences = { locale: string | null; timeZone: string | null };

export async function ownPreferences(userId: string): Promise<Preferences> {
  return db.user.findUniqueOrThrow({ where: { id: userId }, select: { locale: true, timeZone: true } });
}

export async function saveOwnPreferences(userId: string, input: PreferencesInput): Promise<Preferences> {
  return db.user.update({
    where: { id: userId },
    data: { locale: input.locale || null, timeZone: input.timeZone || null },
    select: { locale: true, timeZone: true },
  });
}
