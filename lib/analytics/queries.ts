import "server-only";
import { db } from "@/lib/db/client";

/** Headline numbers for the workspace, from indexed counts. */
export async function workspaceOverview(workspaceId: string) {
  const [contacts, optedIn, approvedTemplates, campaigns] = await Promise.all([
    db.contact.count({ where: { workspaceId } }),
    db.contactConsent.count({ where: { workspaceId, optedIn: true, consentList: { category: "MARKETING" } } }),
    db.template.count({ where: { workspaceId, status: "APPROVED" } }),
    db.campaign.count({ where: { workspaceId } }),
  ]);
  return { contacts, optedIn, approvedTemplates, campaigns };
}
