// A carousel whose cards' links count clicks, sent through the sandbox on the Marketing Messages API: each card's
// link carries Parley's signed ending naming its card; the person's tap, which Meta also reports by webhook,
// is counted once on the message with its card, and the report shows it under that card.
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/r/[token]/route";
import { dashboard } from "@/lib/analytics/dashboard";
import { campaignReport } from "@/lib/analytics/report";
import { foldAll } from "@/lib/analytics/rollups";
import { db } from "@/lib/db/client";
import { uploadMedia } from "@/lib/media/service";
import { refreshPhoneHealth } from "@/lib/whatsapp/accounts";
import {
  approvedTemplate,
  campaignInput,
  dispatchUntil,
  launch,
  sandboxWorkspace,
  type SandboxWorkspace,
} from "@/tests/campaigns";
import { drain, sandboxLog } from "@/tests/whatsapp";
import { readLinkToken, trackedLinkBase } from "./links";
import { buildPreflight, loadPlan } from "./plan";
import { recipientPreviews } from "./queries";
import { recipientsCsv } from "./recipients";
import { saveCampaign } from "./service";

let ws: SandboxWorkspace;
let campaignId: string;
let media: string[];
const today = new Date().toISOString().slice(0, 10);
const clicks = () =>
  db.marketingLinkClick.findMany({ where: { workspaceId: ws.workspace.id }, orderBy: { createdAt: "asc" } });
const open = (token: string, clickId?: string) =>
  GET(new Request(`http://localhost/r/${token}${clickId ? `?click_id=${clickId}` : ""}`), {
    params: Promise.resolve({ token }),
  });

const card = (text: string) => ({
  components: [
    { type: "HEADER", format: "IMAGE", example: { header_handle: ["h"] } },
    { type: "BODY", text },
    {
      type: "BUTTONS",
      buttons: [
        { type: "QUICK_REPLY", text: "More like this" },
        { type: "URL", text: "Shop", url: `${trackedLinkBase()}{{1}}`, example: ["sample"] },
      ],
    },
  ],
});

/** The link endings the sandbox took, per message: the URL parameters of each card of each carousel sent. */
async function sentEndings() {
  const { entries } = (await sandboxLog(ws.base)) as {
    entries: {
      path: string;
      status: number;
      body?: {
        template?: { components?: { type: string; cards?: { card_index: number; components: unknown[] }[] }[] };
      };
    }[];
  };
  return entries
    .filter((e) => e.path.endsWith("/marketing_messages") && e.status === 200)
    .map((e) =>
      (e.body?.template?.components?.find((c) => c.type === "carousel")?.cards ?? []).map((c) => {
        const url = c.components.find((p) => (p as { sub_type?: string }).sub_type === "url") as
          { parameters: { text: string }[] } | undefined;
        return url?.parameters[0]?.text ?? "";
      }),
    );
}

beforeAll(async () => {
  // Both readers tap a card's link: the sandbox reports each tap by webhook, as Meta does.
  ws = await sandboxWorkspace({ contacts: 2, sandbox: { readShare: 1, linkClickShare: 1 } });
  await refreshPhoneHealth(ws.workspace.id); // onboarded: marketing goes through the Marketing Messages API
  await approvedTemplate(ws.workspace.id, ws.base, {
    name: "winter_cards",
    category: "MARKETING",
    components: [
      { type: "BODY", text: "Hi {{1}}, our winter blends are in.", example: { body_text: [["Ana"]] } },
      { type: "CAROUSEL", cards: [card("Chestnut & cocoa."), card("Spiced orange.")] },
    ],
  });
  const png = await sharp({ create: { width: 800, height: 418, channels: 3, background: "#6f4e37" } })
    .png()
    .toBuffer();
  const [chestnut, orange] = await Promise.all(
    ["chestnut.png", "orange.png"].map((name) =>
      uploadMedia(ws.workspace.id, ws.users.MARKETER.id, { name, bytes: png }),
    ),
  );
  campaignId = await launch(ws, {
    name: "Winter cards",
    templateName: "winter_cards",
    variables: {
      "body:1": { source: "field", value: "first_name", fallback: "there" },
      "card:0:button:1": { source: "tracked", value: "https://shop.example.com/chestnut", fallback: "" },
      "card:1:button:1": { source: "tracked", value: "https://shop.example.com/orange", fallback: "" },
    },
    cardMediaIds: (media = [chestnut!.id, orange!.id]),
  });
  await dispatchUntil(campaignId);
  const deadline = Date.now() + 20_000;
  while ((await clicks()).length < 2) {
    if (Date.now() > deadline) throw new Error(`only ${(await clicks()).length} link clicks arrived`);
    await drain();
    await new Promise((r) => setTimeout(r, 50));
  }
});
afterAll(() => ws.sandbox.close());

describe("a carousel's tracked card links", () => {
  it("are sent with signed endings that name the message, the card and the button", async () => {
    const messages = await db.message.findMany({ where: { campaignId }, select: { id: true } });
    const endings = await sentEndings();
    expect(endings).toHaveLength(2);
    const read = endings.map((cards) => cards.map((token) => readLinkToken(token)));
    for (const cards of read) {
      expect(cards.map((c) => [c?.card, c?.button])).toEqual([
        [0, 1],
        [1, 1],
      ]);
      expect(new Set(cards.map((c) => c?.messageId)).size).toBe(1);
    }
    expect(read.map((cards) => cards[0]!.messageId).sort()).toEqual(messages.map((m) => m.id).sort());
  });

  it("count a tap once, on its message and card, with Meta's report of it", async () => {
    const [first, second] = await sentEndings();
    const [tapOne, tapTwo] = await clicks();
    expect((await dashboard(ws.workspace.id, { from: today, to: today })).metaClicks).toEqual({
      reported: 2,
      tracked: 0,
    });

    // The first person taps card 2's link, the second card 1's: the phone opens each with Meta's click id.
    const opened = await open(first![1]!, tapOne!.clickId);
    expect([opened.status, opened.headers.get("location")]).toEqual([302, "https://shop.example.com/orange"]);
    expect((await open(second![0]!, tapTwo!.clickId)).headers.get("location")).toBe(
      "https://shop.example.com/chestnut",
    );
    // The first person opens card 2's link again, then card 1's: still one click, on card 2.
    expect((await open(first![1]!)).status).toBe(302);
    expect((await open(first![0]!, "a-second-tap")).headers.get("location")).toBe("https://shop.example.com/chestnut");

    const firstId = readLinkToken(first![1]!)!.messageId;
    expect(
      await db.message.findUniqueOrThrow({ where: { id: firstId }, select: { linkCard: true, linkButton: true } }),
    ).toEqual({
      linkCard: 1,
      linkButton: 1,
    });
    expect((await db.marketingLinkClick.findUniqueOrThrow({ where: { id: tapOne!.id } })).messageId).toBe(firstId);

    await foldAll();
    const report = await campaignReport(ws.workspace.id, campaignId);
    expect(report.funnel.clicked).toBe(2);
    expect(report.buttons.filter((b) => b.cardNumber).map((b) => [b.cardNumber, b.label, b.count])).toEqual([
      [1, "Shop", 1],
      [2, "Shop", 1],
    ]);
    // Meta's reports of these taps are the tracked opens, not more clicks.
    expect((await dashboard(ws.workspace.id, { from: today, to: today })).metaClicks).toEqual({
      reported: 2,
      tracked: 2,
    });
  });

  it("are tracked links in the pre-flight check and the recipients' previews; a card link that does not count clicks is not", async () => {
    const user = ws.userOf("MARKETER");
    const variables = {
      "body:1": { source: "field" as const, value: "first_name", fallback: "there" },
      "card:0:button:1": { source: "tracked" as const, value: "https://shop.example.com/chestnut", fallback: "" },
      "card:1:button:1": { source: "tracked" as const, value: "https://shop.example.com/orange", fallback: "" },
    };
    const { id } = await saveCampaign(
      user,
      campaignInput(ws, { templateName: "winter_cards", variables, cardMediaIds: media }),
    );
    const report = await buildPreflight(await loadPlan(ws.workspace.id, id));
    expect(report.blockers).toEqual([]);
    const [preview] = await recipientPreviews(ws.workspace.id, id);
    expect(preview!.message.cards.map((c) => c.buttons[1]!.url)).toEqual([
      "https://shop.example.com/chestnut",
      "https://shop.example.com/orange",
    ]);

    // A carousel whose card links are the shop's own addresses: Parley cannot count their clicks.
    await approvedTemplate(ws.workspace.id, ws.base, {
      name: "plain_cards",
      category: "MARKETING",
      components: [
        { type: "BODY", text: "Hi {{1}}, our winter blends are in.", example: { body_text: [["Ana"]] } },
        {
          type: "CAROUSEL",
          cards: [0, 1].map(() => ({
            components: [
              { type: "HEADER", format: "IMAGE", example: { header_handle: ["h"] } },
              {
                type: "BUTTONS",
                buttons: [{ type: "URL", text: "Shop", url: "https://shop.example.com/{{1}}", example: ["x"] }],
              },
            ],
          })),
        },
      ],
    });
    const plain = await saveCampaign(
      user,
      campaignInput(ws, {
        templateName: "plain_cards",
        variables: {
          "body:1": variables["body:1"],
          "card:0:button:0": variables["card:0:button:1"],
          "card:1:button:0": { source: "constant", value: "orange" },
        },
        cardMediaIds: media,
      }),
    );
    expect((await buildPreflight(await loadPlan(ws.workspace.id, plain.id))).blockers).toEqual([
      { code: "untrackable", values: { slot: "card:0:button:0", link: `${trackedLinkBase()}{{1}}` } },
    ]);
  });

  it("names the card in the clicked recipients' export", async () => {
    const csv = await (await recipientsCsv(ws.workspace.id, campaignId, { stage: "clicked" })).text();
    const [header, ...rows] = csv.trim().split("\r\n");
    const columns = header!.split(",");
    const cell = (row: string, name: string) => row.split(",")[columns.indexOf(name)];
    expect(rows.map((row) => [cell(row, "link"), cell(row, "linkCard")]).sort()).toEqual([
      ["2", "1"],
      ["2", "2"],
    ]);
  });
});
