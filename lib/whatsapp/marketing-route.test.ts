import { describe, expect, it } from "vitest";
import { endpointFor, marketingStatusKind } from "./marketing-route";
import type { SendMessageRequest } from "./schemas";

const template = (extra: Partial<SendMessageRequest> = {}): SendMessageRequest =>
  ({
    messaging_product: "whatsapp",
    to: "34610000001",
    type: "template",
    template: { name: "promo", language: { code: "en_US" } },
    ...extra,
  }) as SendMessageRequest;
const onboarded = { onboarded: true, category: "MARKETING" };

describe("endpointFor", () => {
  it("sends a marketing template of an onboarded account to the Marketing Messages API", () => {
    expect(endpointFor(template(), onboarded)).toBe("marketing_messages");
  });

  it("sends everything else through /messages", () => {
    expect(endpointFor(template(), { onboarded: false, category: "MARKETING" })).toBe("messages");
    expect(endpointFor(template(), { onboarded: true, category: "UTILITY" })).toBe("messages");
    expect(endpointFor(template(), { onboarded: true, category: null })).toBe("messages");
    expect(endpointFor(template({ context: { message_id: "wamid.1" } }), onboarded)).toBe("messages");
    expect(endpointFor(template({ to: undefined, recipient: "US.1349120865" }), onboarded)).toBe("messages");
    expect(
      endpointFor({ messaging_product: "whatsapp", to: "34610000001", type: "text", text: { body: "hi" } }, onboarded),
    ).toBe("messages");
  });
});

describe("marketingStatusKind", () => {
  it.each([
    [null, "unread"],
    ["ONBOARDED", "onboarded"],
    ["REFUSED", "refused"],
    ["ELIGIBLE", "eligible"],
    ["PENDING_VALID_PAYMENT_METHOD", "pending"],
    ["INELIGIBLE_COUNTRY_NOT_SUPPORTED", "ineligible"],
    ["SOMETHING_NEW", "other"],
  ])("%s is %s", (status, kind) => {
    expect(marketingStatusKind(status)).toBe(kind);
  });
});
