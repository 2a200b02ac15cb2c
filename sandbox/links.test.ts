import { describe, expect, it } from "vitest";
import { linkAddresses } from "./links";

const buttons = (url: string) => ({
  type: "BUTTONS",
  buttons: [
    { type: "QUICK_REPLY", text: "More" },
    { type: "URL", text: "Shop", url },
  ],
});
const urlParameter = (index: number, text: string) => ({
  type: "button",
  sub_type: "url",
  index: String(index),
  parameters: [{ type: "text", text }],
});

describe("the addresses a template message's link buttons open", () => {
  it("fills the message's own link with the send's ending", () => {
    expect(
      linkAddresses([{ type: "BODY", text: "Hi" }, buttons("https://app.test/r/{{1}}")], [urlParameter(1, "m1.1.sig")]),
    ).toEqual(["https://app.test/r/m1.1.sig"]);
  });

  it("fills each carousel card's link with that card's ending", () => {
    const template = [
      { type: "BODY", text: "Swipe" },
      {
        type: "CAROUSEL",
        cards: [0, 1].map(() => ({
          components: [{ type: "HEADER", format: "IMAGE" }, buttons("https://app.test/r/{{1}}")],
        })),
      },
    ];
    const sent = [
      { type: "body", parameters: [] },
      {
        type: "carousel",
        cards: [
          { card_index: 1, components: [urlParameter(1, "m1.1.1.sig")] },
          { card_index: 0, components: [urlParameter(1, "m1.0.1.sig")] },
        ],
      },
    ];
    expect(linkAddresses(template, sent)).toEqual(["https://app.test/r/m1.0.1.sig", "https://app.test/r/m1.1.1.sig"]);
  });

  it("leaves a static address as it is, and a missing ending empty", () => {
    expect(linkAddresses([buttons("https://shop.test/sale")], undefined)).toEqual(["https://shop.test/sale"]);
    expect(linkAddresses([buttons("https://shop.test/{{1}}")], [])).toEqual(["https://shop.test/"]);
  });
});
