// Ids that arrive in URLs. Parley's ids are cuids and hex UUIDs: letters, digits, - and _. Anything else
// (a NUL byte, which PostgreSQL refuses in text and which surfaced as a 500, a path, a megabyte of junk)
// cannot name a row, so it is answered as not found before any query.
import { z } from "zod";
import { NotFoundError, type NotFoundSubject } from "./errors";

export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** The id if it could be one, else NotFound for `what` (none: "That item was not found."). */
export function parseId(raw: unknown, what?: NotFoundSubject): string {
  const parsed = idSchema.safeParse(raw);
  if (!parsed.success) throw new NotFoundError(what);
  return parsed.data;
}

/** Text from outside: NUL is refused (PostgreSQL cannot store it in text), with a sentence that says so. */
export const hasNul = (value: string) => value.includes("\u0000");
export const NUL_MESSAGE = "Remove the invisible NUL character (\\0): it cannot be stored.";

/** A request URL carrying a NUL byte, raw or as %00: no page or route of Parley takes one. */
export const urlHasNul = (url: string) => /%00|\u0000/.test(url);
