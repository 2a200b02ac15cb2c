// Settings → Pricing as a caller without the UI would use it: admins only; a bad file is answered with its
// problems (line and reason) and imports nothing, never a 500; a good one becomes the card in effect, audited.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { cardInEffect } from "@/lib/pricing/cards";
import { createWorkspace } from "@/tests/factories";
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
});
