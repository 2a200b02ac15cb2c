// sendRouted when the route cannot be looked up: the message still leaves, through /messages, rather than
// failing before it left (which the dispatcher would have to hold as in doubt).
import { describe, expect, it, vi } from "vitest";
import type { WhatsAppClient } from "./client";
import { sendRouted } from "./marketing";

vi.mock("@/lib/db/client", () => ({
  db: {
    whatsAppAccount: { findUnique: () => Promise.reject(new Error("Connection terminated unexpectedly")) },
    template: { findUnique: () => Promise.reject(new Error("Connection terminated unexpectedly")) },
  },
}));

describe("sendRouted", () => {
  it("sends through /messages when the database cannot say where a marketing template goes", async () => {
    const answer = { messaging_product: "whatsapp", contacts: [], messages: [{ id: "wamid.1" }] };
    const client = {
      sendMessage: vi.fn().mockResolvedValue(answer),
      sendMarketingMessage: vi.fn(),
    } as unknown as WhatsAppClient;
    const response = await sendRouted(client, "ws-db-away", {
      messaging_product: "whatsapp",
      to: "34610000001",
      type: "template",
      template: { name: "promo", language: { code: "en_US" } },
    });
    expect(response).toBe(answer);
    expect(client.sendMessage).toHaveBeenCalledTimes(1);
    expect(client.sendMarketingMessage).not.toHaveBeenCalled();
  });
});
