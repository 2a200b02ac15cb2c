// For pages: an id that names nothing (unknown, another workspace's, or not an id at all) shows the
// 404 page. A NotFoundError thrown through a page rendered the error page with a 500 instead.
import "server-only";
import { notFound } from "next/navigation";
import { NotFoundError } from "./errors";
import { parseId } from "./ids";

/** The page's `[id]`, or the 404 page when it cannot be an id. */
export function pageId(raw: string): string {
  try {
    return parseId(raw);
  } catch {
    notFound();
  }
}

/** The loaded item, or the 404 page when the lookup said NotFound. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

/**
 * A section's catch-all page (app/(dashboard)/<section>/[...rest]/page.tsx). Only the root not-found
 * answers an address that matches no route, outside the dashboard's layout; a catch-all under the section
 * turns it into notFound() there, which the section's not-found.tsx shows inside the shell.
 */
export function unknownAddress(): never {
  notFound();
}
