// The signed ending of a tracked link: a message's own button (the form every link already sent has) and a
// carousel card's button, each read back as what it names, and nothing else accepted.
import { describe, expect, it, vi } from "vitest";

vi.mock("@/lib/env", () => ({
  env: () => ({ AUTH_SECRET: "a-test-secret-of-enough-length-000", APP_URL: "https://parley.test/" }),
}));
vi.mock("@/lib/db/client", () => ({ db: {} }));

const { linkToken, readLinkToken, trackedLinkBase, trackedSlot } = await import("./links");

const id = "cmig0x5k20000abcd1234efgh";

describe("tracked link tokens", () => {
  it("reads back a message's own button in the form links already sent have", () => {
    const token = linkToken(id, 1);
    expect(token).toMatch(new RegExp(`^${id}\\.1\\.[A-Za-z0-9_-]{16}$`));
    expect(readLinkToken(token)).toEqual({ messageId: id, button: 1 });
    expect(trackedSlot(readLinkToken(token)!)).toBe("button:1");
  });

  it("reads back a carousel card's button, naming the card", () => {
    const token = linkToken(id, 1, 3);
    expect(token).toMatch(new RegExp(`^${id}\\.3\\.1\\.[A-Za-z0-9_-]{16}$`));
    expect(readLinkToken(token)).toEqual({ messageId: id, button: 1, card: 3 });
    expect(trackedSlot(readLinkToken(token)!)).toBe("card:3:button:1");
    expect(readLinkToken(linkToken(id, 0, 0))).toEqual({ messageId: id, button: 0, card: 0 });
  });

  it("refuses a forged or altered ending, and one form's signature on the other", () => {
    const own = linkToken(id, 1);
    const card = linkToken(id, 1, 3);
    const signatureOf = (token: string) => token.slice(-16);
    for (const bad of [
      `${id}.2.${signatureOf(own)}`, // another button, same signature
      `${id}.4.1.${signatureOf(card)}`, // another card
      `${id}.3.1.${signatureOf(own)}`, // the own button's signature on a card
      `${id}.1.${signatureOf(card)}`, // the card's signature on the own button
      `${id}.12.1.${signatureOf(card)}`, // no card 12
      `${id}.1`,
      "nonsense",
    ])
      expect(readLinkToken(bad), bad).toBeNull();
  });

  it("starts template addresses at the app's /r/ without a doubled slash", () => {
    expect(trackedLinkBase()).toBe("https://parley.test/r/");
  });
});
