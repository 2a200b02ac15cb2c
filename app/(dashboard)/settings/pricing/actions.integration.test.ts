// Settings → Pricing as a caller without the UI would use it: admins only; a bad file is answered with its
// problems (line and reason) and imports nothing, never a 500; a good one becomes the card in effect, audited.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { cardInEffect } from "@/lib/pricing/cards";
import { priceStatuses } from "@/lib/pricing/costs";
import { applyVolumeTier } from "@/lib/pricing/volume-tiers";
import { createWorkspace, uniqueMetaId } from "@/tests/factories";
import { actAnonymously, actAs } from "@/tests/request-context";
import { importRateCardAction } from "./actions";

beforeEach(() => actAnonymously());

const file =
  "Market,Currency,Marketing,Utility,Authentication\nBrazil,BRL,0.3125,0.0340,0.0340\nOther,BRL,0.30,0.04,0.11\n";

describe("importing Meta's rate card", () => {
  it("is for admins only, refuses bad input with reasons, and audits the import", async () => {
    const { workspace, users } = await createWorkspace(["ADMIN", "MARKETER"]);
    await actAs(users.MARKETER.id, workspace.id);
    const input = { fileName: "brl.csv", text: file, effectiveFrom: "2026-11-01" };
    expect(await importRateCardAction(input)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });

    await actAs(users.ADMIN.id, workspace.id);
    const noDate = await importRateCardAction({ ...input, effectiveFrom: "someday" });
    expect(noDate).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(!noDate.ok && noDate.error.fieldErrors?.effectiveFrom?.[0]).toBe("Enter the date the rates take effect.");
    const noFile = await importRateCardAction({ ...input, fileName: "" });
    expect(!noFile.ok && noFile.error.fieldErrors?.fileName?.[0]).toBe("Choose the rate-card file first.");

    const bad = await importRateCardAction({ ...input, text: "Market,Marketing\nBrazil,0.31\nBrazil,0.32\n" });
    expect(bad).toEqual({
      ok: true,
      data: {
        ok: false,
        problems: [
          { line: 3, code: "duplicateMarket", values: { market: "Brazil" } },
          { line: null, code: "noCurrency" },
        ],
      },
    });
    expect(await db.priceCard.count({ where: { workspaceId: workspace.id } })).toBe(0);

    expect(await importRateCardAction(input)).toMatchObject({
      ok: true,
      data: { ok: true, rates: 6, unknownMarkets: [] },
    });
    const card = await cardInEffect(workspace.id, new Date("2026-11-15T00:00:00Z"));
    expect(card).toMatchObject({ workspaceId: workspace.id, currency: "BRL", effectiveFrom: "2026-11-01" });
    expect(card?.rates).toContainEqual({ market: "Brazil", category: "MARKETING", fromVolume: 0, rateMicros: 312500 });
    // Before its date, the shipped card still prices messages.
    expect((await cardInEffect(workspace.id, new Date("2026-10-31T00:00:00Z")))?.workspaceId).toBeNull();
    expect(
      await db.auditLog.findFirstOrThrow({
        where: { workspaceId: workspace.id, action: "pricing.rate_card_imported" },
      }),
    ).toMatchObject({ actorId: users.ADMIN.id, details: { fileName: "brl.csv", currency: "BRL", rates: 6 } });

    // The same date again replaces that card instead of adding a second.
    await importRateCardAction(input);
    expect(await db.priceCard.count({ where: { workspaceId: workspace.id } })).toBe(1);
  });

  it("lays Meta's own volume-tier file over the card in effect, and prices a message at the tier Meta announced", async () => {
    const { workspace, users } = await createWorkspace(["ADMIN"]);
    await actAs(users.ADMIN.id, workspace.id);
    // An excerpt of Meta's USD volume-tier file effective 1 April 2026: Argentina, Egypt, India, North America.
    const text = readFileSync(
      path.resolve(import.meta.dirname, "../../../../lib/pricing/testdata/meta-volume-tiers-usd-2026-04.csv"),
      "utf8",
    );
    // One unreadable rate, and nothing of the file is imported.
    const bad = text.replace("Tier rate,0.0286", "Tier rate,abc");
    expect(
      await importRateCardAction({ fileName: "USD_volume_tiers.csv", text: bad, effectiveFrom: "2026-11-01" }),
    ).toEqual({
      ok: true,
      data: {
        ok: false,
        problems: [
          {
            line: 20,
            code: "badAmount",
            values: { market: "India", column: "Authentication-International", value: "abc" },
          },
        ],
      },
    });
    expect(await db.priceCard.count({ where: { workspaceId: workspace.id } })).toBe(0);
    expect(
      await importRateCardAction({ fileName: "USD_volume_tiers.csv", text, effectiveFrom: "2026-11-01" }),
    ).toMatchObject({ ok: true, data: { ok: true, unknownMarkets: [] } });
    const card = (await cardInEffect(workspace.id, new Date("2026-11-15T00:00:00Z")))!;
    expect(card).toMatchObject({ workspaceId: workspace.id, currency: "USD", effectiveFrom: "2026-11-01" });
    // The file's markets and categories take its tiers; every other rate of the shipped card stays.
    expect(card.rates).toContainEqual({
      market: "India",
      category: "UTILITY",
      fromVolume: 25_000_000,
      rateMicros: 1300,
    });
    expect(card.rates).toContainEqual({ market: "India", category: "MARKETING", fromVolume: 0, rateMicros: 11_800 });
    expect(card.rates.filter((r) => r.market === "Spain")).not.toEqual([]);

    // Meta says the business reached India's second utility tier: an India utility message is priced there,
    // and an Egypt authentication-international one at that section's list rate.
    const at = new Date("2026-11-15T10:00:00Z");
    const [india, egypt] = [`wamid.${uniqueMetaId()}`, `wamid.${uniqueMetaId()}`];
    const pricing = (category: string) => ({ billable: true, pricing_model: "PMP", type: "regular", category });
    const costs = await db.$transaction(async (tx) => {
      await applyVolumeTier(
        tx,
        workspace.id,
        uniqueMetaId(),
        {
          effective_month: "2026-11",
          pricing_category: "UTILITY",
          region: "INDIA",
          tier: "25000001:50000000",
          tier_update_time: Math.floor(at.getTime() / 1000) - 60,
        },
        at,
      );
      return priceStatuses(tx, [
        { workspaceId: workspace.id, wamid: india, recipient: "919800000001", at, pricing: pricing("utility") },
        {
          workspaceId: workspace.id,
          wamid: egypt,
          recipient: "201000000001",
          at,
          pricing: pricing("authentication_international"),
        },
      ]);
    });
    expect(costs).toEqual(
      new Map([
        [india, 1300],
        [egypt, 65_000],
      ]),
    );
    expect(await db.messageCost.findUniqueOrThrow({ where: { wamid: india } })).toMatchObject({
      market: "India",
      costMicros: 1300,
      currency: "USD",
      cardId: card.id,
    });
  });
});
