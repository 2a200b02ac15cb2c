// The campaign builder starts from what the template was approved with: its header file and its
// click-counting links; the review's previews show that header file.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { EMPTY_TEMPLATE } from "@/lib/templates/schemas";
import { campaignInput, PROMO_COMPONENTS, sandboxWorkspace, type SandboxWorkspace } from "@/tests/campaigns";
import { trackedLinkBase } from "./links";
import { builderChoices, recipientPreviews } from "./queries";
import { saveCampaign } from "./service";

let ws: SandboxWorkspace;
afterAll(() => ws?.sandbox.close());

describe("the template's header file in the campaign", () => {
  it("is offered as the campaign's header and shown in every recipient's preview", async () => {
    ws = await sandboxWorkspace({ contacts: 5 });
    const w = ws.workspace.id;
    const image = await db.mediaAsset.create({
      data: {
        workspaceId: w,
        kind: "IMAGE",
        fileName: "spring-blend.png",
        mimeType: "image/png",
        sizeBytes: 1000,
        storageKey: "test/spring-blend.png",
      },
    });
    const tracked = `${trackedLinkBase()}{{1}}`;
    await db.template.update({
      where: { id: ws.template.id },
      data: {
        components: [
          { type: "HEADER", format: "IMAGE", example: { header_handle: ["h"] } },
          PROMO_COMPONENTS[0]!,
          {
            type: "BUTTONS",
            buttons: [
              { type: "QUICK_REPLY", text: "Show me" },
              { type: "URL", text: "Shop", url: tracked, example: ["sample"] },
            ],
          },
        ],
        draft: { ...EMPTY_TEMPLATE, name: "promo", header: { type: "IMAGE", mediaAssetId: image.id } },
      },
    });

    const choices = await builderChoices(w);
    const promo = choices.templates.find((t) => t.name === "promo")!;
    expect(promo.headerMediaId).toBe(image.id);
    expect(promo.slots.find((s) => s.key === "button:1")?.url).toBe(tracked);

    const { id } = await saveCampaign(
      ws.userOf("MARKETER"),
      campaignInput(ws, {
        headerMediaId: promo.headerMediaId!,
        variables: {
          "body:1": { source: "field", value: "first_name", fallback: "there" },
          "body:2": { source: "constant", value: "20%", fallback: "" },
          "button:1": { source: "tracked", value: "https://shop.example.com/spring", fallback: "" },
        },
      }),
    );
    const previews = await recipientPreviews(w, id);
    expect(previews).toHaveLength(3);
    for (const p of previews)
      expect(p.headerMedia).toEqual({ kind: "IMAGE", id: image.id, fileName: "spring-blend.png" });
  });
});
