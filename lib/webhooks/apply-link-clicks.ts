// Meta's link-click webhooks (user_actions, marketing_messages_link_click; Marketing Messages API only). Meta
// names no message and no person, only a click id it also appends to the opened address: when that address is
// Parley's tracked link, the redirect ties the click id to its message (lib/campaigns/links.ts), and the click
// is counted once, as the message's tracked open. Either may arrive first: each fills in its own columns.
import type { Prisma } from "@/lib/db/client";
import type { ParsedChange } from "@/lib/whatsapp/schemas";

type UserActions = NonNullable<Extract<ParsedChange, { field: "messages" }>["value"]["user_actions"]>;

export async function applyLinkClicks(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  actions: UserActions,
  at: Date,
) {
  for (const action of actions) {
    const data = action.marketing_messages_link_click_data;
    if (action.action_type !== "marketing_messages_link_click" || !data?.click_id) continue;
    const reported = {
      component: data.click_component ?? null,
      productId: data.product_id ?? null,
      clickedAt: action.timestamp ?? at,
    };
    await tx.marketingLinkClick.upsert({
      where: { workspaceId_clickId: { workspaceId, clickId: data.click_id } },
      create: { workspaceId, clickId: data.click_id, ...reported },
      update: reported,
    });
  }
}
