// An audit entry's description (describe.ts) as a sentence, with the words a screen supplies: the message
// for its key, role names and calendar days in the reader's language. Free of any translation library, so
// the page passes next-intl's translator and the tests pass the English one.
import type { Role } from "@/lib/db/generated/enums";
import { isRole, type AuditDescription, type AuditKey } from "./describe";

export type AuditWords = {
  sentence: (key: AuditKey, values: Record<string, string | number>) => string;
  role: (role: Role) => string;
  day: (day: string) => string;
  /** Who an entry about a user names when it names nobody. */
  someone: string;
};

const ROLE_VALUES = new Set(["role", "fromRole", "toRole"]);

export function auditSentence({ key, values }: AuditDescription, words: AuditWords): string {
  const worded = Object.entries(values).map(([name, value]): [string, string | number] => {
    if (value === null) return [name, words.someone];
    if (ROLE_VALUES.has(name) && isRole(value)) return [name, words.role(value)];
    if (name === "expiresOn" && value !== "") return [name, words.day(String(value))];
    return [name, value];
  });
  return words.sentence(key, Object.fromEntries(worded));
}
