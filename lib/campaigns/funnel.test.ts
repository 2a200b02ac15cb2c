import { describe, expect, it } from "vitest";
import { englishTranslator } from "@/lib/i18n/translator";
import { buttonBreakdown, failuresOf, funnelOf, ratesOf, totalsOf } from "./funnel";

describe("the funnel read from rollup keys", () => {
  it("targets everyone in one of the four exclusive groups, and rates divide by the stage before", () => {
    const funnel = funnelOf(
      totalsOf([
        { key: "pending", n: 5 },
        { key: "sent", n: 80 },
        { key: "failed", n: 10 },
        { key: "skipped", n: 5 },
        { key: "delivered", n: 72 },
        { key: "read", n: 36 },
        { key: "replied", n: 9 },
        { key: "clicked", n: 18 },
        { key: "opted_out", n: 2 },
        { key: "error:131026", n: 10 },
        { key: "sent", n: 10n }, // rows of several days add up
      ]),
    );
    expect(funnel).toMatchObject({ targeted: 110, sent: 90, delivered: 72, optedOut: 2 });
    expect(ratesOf(funnel)).toEqual({ delivery: 0.72, read: 0.5, reply: 0.125, click: 0.25, optOut: 2 / 72 });
    expect(ratesOf(funnelOf({}))).toEqual({ delivery: null, read: null, reply: null, click: null, optOut: null });
    expect(
      totalsOf(
        [
          { key: "error:131026", n: 3 },
          { key: "sent", n: 1 },
        ],
        "error:",
      ),
    ).toEqual({ "131026": 3 });
  });

  it("lists taps and link opens in the template's button order, then any other payload", () => {
    const buttons = [
      { type: "QUICK_REPLY", text: "Show me" },
      { type: "URL", text: "Shop" },
      { type: "PHONE_NUMBER", text: "Call" },
    ];
    expect(buttonBreakdown(buttons, { "Show me": 4, "promo-7": 2 }, { "1": 9 })).toEqual([
      { label: "Show me", kind: "Quick reply", count: 4 },
      { label: "Shop", kind: "Link (tracked opens)", count: 9 },
      { label: "promo-7", kind: "Quick reply (payload)", count: 2 },
    ]);
  });

  it("numbers a button the template gave no text, for the page to name it in the reader's language", () => {
    expect(buttonBreakdown([{ type: "QUICK_REPLY" }, { type: "URL" }], {}, {})).toEqual([
      { label: "Button 1", unnamed: 1, kind: "Quick reply", count: 0 },
      { label: "Link 2", unnamed: 2, kind: "Link (tracked opens)", count: 0 },
    ]);
  });

  it("lists each carousel card's tracked link opens after the message's own buttons, by card", () => {
    const card = [
      { type: "QUICK_REPLY", text: "More like this" },
      { type: "URL", text: "Shop" },
    ];
    expect(buttonBreakdown([], {}, { "card:0:1": 2, "card:2:1": 5 }, [card, card, card])).toEqual([
      { label: "Shop", kind: "Link (tracked opens)", count: 2, cardNumber: 1 },
      { label: "Shop", kind: "Link (tracked opens)", count: 0, cardNumber: 2 },
      { label: "Shop", kind: "Link (tracked opens)", count: 5, cardNumber: 3 },
    ]);
  });

  it("explains failures by Meta's code, and unconfirmed sends as their own kind", () => {
    const failures = failuresOf({ "error:131026": 3, "error:unconfirmed": 2, "error:none": 1, sent: 9 });
    expect(failures.map((f) => [f.code, f.count])).toEqual([
      [131026, 3],
      [null, 2],
      [null, 1],
    ]);
    const english = englishTranslator.message;
    expect(english(failures[0]!.reason)).toMatch(/^Undeliverable/);
    expect(english(failures[0]!.advice)).toMatch(/^Nothing to do/);
    expect(english(failures[1]!.reason)).toMatch(/^Unconfirmed/);
    expect(english(failures[1]!.advice)).toMatch(/Not sent again/);
    expect(english(failures[2]!.reason)).toBe("Failed without an error code.");
  });
});
