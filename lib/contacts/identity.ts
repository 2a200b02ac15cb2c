// How a person is known on WhatsApp since 2026 (docs/identity.md): a phone, a business-scoped user id (BSUID)
// or both, and perhaps a username. Pure helpers, shared by the server and the screens.

/** Meta's BSUID: a country code, a dot, then up to 128 letters and digits ("US.13491208655302741918"). */
export const BSUID_PATTERN = /^[A-Z]{2}\.[A-Za-z0-9]{1,128}$/;
/** A parent BSUID, the same person across an enterprise's portfolios ("US.ENT.11815799212886844830"). */
export const PARENT_BSUID_PATTERN = /^[A-Z]{2}\.ENT\.[A-Za-z0-9]{1,128}$/;

export function isBsuid(value: string): boolean {
  return BSUID_PATTERN.test(value) || PARENT_BSUID_PATTERN.test(value);
}

/** A username as stored: without the "@" a person may type before it. */
export function normaliseUsername(value: string | null | undefined): string | null {
  const name = value?.trim().replace(/^@/, "");
  return name ? name : null;
}

type Known = { phone: string | null; bsuid: string | null };

/**
 * Where the Cloud API sends a message for this contact: `to` with the phone when it is known (Meta prefers
 * `to` when both are given), else `recipient` with the BSUID. Null: the contact cannot be reached at all.
 */
export function recipientOf(contact: Known): { to: string } | { recipient: string } | null {
  if (contact.phone) return { to: contact.phone };
  if (contact.bsuid) return { recipient: contact.bsuid };
  return null;
}

/** How a contact is shown where a name does not fit: the phone, else "@username", else the BSUID. */
export function contactHandle(contact: Known & { username?: string | null }): string {
  return contact.phone ?? (contact.username ? `@${contact.username}` : (contact.bsuid ?? "?"));
}
