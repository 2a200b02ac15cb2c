// The template service against the sandbox over HTTP: submit, edit limits, import, duplicate, languages, delete.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { saveAccount } from "@/lib/whatsapp/accounts";
import { createSandbox, type Sandbox } from "@/sandbox/server";
import { createWorkspace, uniqueMetaId } from "@/tests/factories";
import { sandboxLog } from "@/tests/whatsapp";
import { EMPTY_TEMPLATE, type TemplateInput } from "./schemas";
import {
  addLanguage,
  deleteTemplate,
  duplicateTemplate,
  getTemplateForBuilder,
  importTemplates,
  languageVersions,
  saveDraft,
  submitTemplate,
} from "./service";

let sandbox: Sandbox;
let base: string;
let ws: string;
let actor: string;

const input = (name: string): TemplateInput => ({
  ...EMPTY_TEMPLATE,
  name,
  body: { text: "Hi {{1}}, your table for {{2}} is ready.", samples: { "1": "Ana", "2": "two" } },
  buttons: [{ type: "QUICK_REPLY", text: "On my way" }],
});

beforeAll(async () => {
  const phoneNumberId = uniqueMetaId();
  sandbox = createSandbox({
    accessToken: "tok",
    appSecret: "sec",
    templateReviewMs: 0,
    webhooks: false,
    phoneNumberId,
  });
  base = `http://127.0.0.1:${await sandbox.listen(0)}`;
  const { workspace, users } = await createWorkspace(["MARKETER"]);
  ws = workspace.id;
  actor = users.MARKETER.id;
  await saveAccount(ws, {
    wabaId: "900000000000001",
    phoneNumberId,
    appId: "900000000000999",
    graphApiBase: `${base}/v23.0`,
    accessToken: "tok",
    appSecret: "sec",
    verifyToken: "v",
  });
});
afterAll(() => sandbox.close());

describe("templates through the sandbox", () => {
  it("submits a draft, and its edit goes back to review once approved", async () => {
    const id = await saveDraft(ws, actor, input("table_ready"));
    await submitTemplate(ws, actor, id);
    const submitted = await db.template.findUniqueOrThrow({ where: { id } });
    expect(submitted).toMatchObject({ status: "PENDING", metaTemplateId: expect.stringMatching(/^\d+$/) });
    expect(submitted.components).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: "BODY", example: { body_text: [["Ana", "two"]] } })]),
    );

    await db.template.update({ where: { id }, data: { status: "APPROVED" } }); // as the status webhook would
    expect((await getTemplateForBuilder(ws, id)).editsLeft).toEqual({ in30Days: 10, nextEditAt: null });
    await submitTemplate(ws, actor, id);
    await db.template.update({ where: { id }, data: { status: "APPROVED" } });
    const after = await getTemplateForBuilder(ws, id);
    expect(after.editsLeft?.in30Days).toBe(9);
    expect(after.editsLeft?.nextEditAt).not.toBeNull();
    await expect(submitTemplate(ws, actor, id)).rejects.toThrow(/^templates\.errors\.editTooSoon\|/);
  });

  it("uploads an image header's sample through Meta's resumable upload and sends its handle", async () => {
    const { uploadMedia } = await import("@/lib/media/service");
    const sharp = (await import("sharp")).default;
    const png = await sharp({ create: { width: 100, height: 50, channels: 3, background: "#ffffff" } })
      .png()
      .toBuffer();
    const asset = await uploadMedia(ws, actor, { name: "header.png", bytes: png });
    const id = await saveDraft(ws, actor, {
      ...input("with_picture"),
      header: { type: "IMAGE", mediaAssetId: asset.id },
    });
    await submitTemplate(ws, actor, id);
    const { entries } = (await (await fetch(`${base}/_sandbox/log`)).json()) as {
      entries: { path: string; body: unknown }[];
    };
    expect(
      entries.some((e) => e.path.endsWith("/uploads") && (e.body as { file_type?: string }).file_type === "image/png"),
    ).toBe(true);
    const header = (
      (await db.template.findUniqueOrThrow({ where: { id } })).components as {
        type: string;
        example?: { header_handle?: string[] };
      }[]
    )[0]!;
    expect(header).toMatchObject({
      type: "HEADER",
      format: "IMAGE",
      example: { header_handle: [expect.stringMatching(/^4::/)] },
    });
  });

  it("submits a carousel with each card's sample and a delivery window, and an edit sends the new window", async () => {
    const { uploadMedia } = await import("@/lib/media/service");
    const sharp = (await import("sharp")).default;
    const card = async (name: string, background: string) => {
      const png = await sharp({ create: { width: 100, height: 50, channels: 3, background } })
        .png()
        .toBuffer();
      const asset = await uploadMedia(ws, actor, { name, bytes: png });
      return {
        mediaAssetId: asset.id,
        body: `${name}, freshly roasted.`,
        samples: {},
        buttons: [{ type: "QUICK_REPLY" as const, text: "This one" }],
      };
    };
    const since = (await sandboxLog(base)).lastSeq;
    const id = await saveDraft(ws, actor, {
      ...input("winter_cards"),
      buttons: [],
      format: "CAROUSEL",
      cards: [await card("chestnut.png", "#6f4e37"), await card("orange.png", "#e8871e")],
      ttlSeconds: 86_400,
    });
    await submitTemplate(ws, actor, id);
    const created = (await sandboxLog(base, since)).entries.find((e) => e.path.endsWith("/message_templates"));
    const body = created!.body as {
      message_send_ttl_seconds: number;
      components: { type: string; cards?: unknown[] }[];
    };
    expect(body.message_send_ttl_seconds).toBe(86_400);
    const cards = body.components.find((c) => c.type === "CAROUSEL")!.cards as {
      components: { type: string; example?: { header_handle: string[] } }[];
    }[];
    // Each card's sample went through Meta's resumable upload; the handles differ.
    const handles = cards.map((c) => c.components[0]!.example!.header_handle[0]);
    expect(handles).toEqual([expect.stringMatching(/^4::/), expect.stringMatching(/^4::/)]);
    expect(new Set(handles).size).toBe(2);
    expect(await db.template.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "PENDING" });

    await db.template.update({ where: { id }, data: { status: "APPROVED" } }); // as the status webhook would
    const edited = (await sandboxLog(base)).lastSeq;
    await saveDraft(ws, actor, { ...(await getTemplateForBuilder(ws, id)).input, ttlSeconds: 3 * 86_400 }, id);
    await submitTemplate(ws, actor, id);
    const edit = (await sandboxLog(base, edited)).entries.find((e) => e.body && "components" in e.body);
    expect(edit?.body).toMatchObject({ message_send_ttl_seconds: 3 * 86_400 });
  });

  it("imports what the WhatsApp account holds", async () => {
    await fetch(`${base}/_sandbox/templates`, {
      method: "POST",
      body: JSON.stringify({
        templates: [
          {
            id: "9100000000777",
            name: "made_in_manager",
            language: "es_ES",
            category: "UTILITY",
            status: "APPROVED",
            components: [{ type: "BODY", text: "Tu pedido está listo." }],
          },
        ],
      }),
    });
    expect(await importTemplates(ws, actor)).toBeGreaterThanOrEqual(2);
    expect(await db.template.findFirst({ where: { workspaceId: ws, name: "made_in_manager" } })).toMatchObject({
      status: "APPROVED",
      language: "es_ES",
      metaTemplateId: "9100000000777",
    });
  });

  it("duplicates into a new draft and adds language versions under the same name", async () => {
    const id = await saveDraft(ws, actor, input("brunch_menu"));
    const copy = await duplicateTemplate(ws, actor, id);
    const again = await duplicateTemplate(ws, actor, id);
    expect(
      (await db.template.findMany({ where: { id: { in: [copy, again] } }, orderBy: { name: "asc" } })).map((t) => [
        t.name,
        t.status,
      ]),
    ).toEqual([
      ["brunch_menu_copy", "DRAFT"],
      ["brunch_menu_copy_2", "DRAFT"],
    ]);
    await addLanguage(ws, actor, id, "es_ES");
    expect((await languageVersions(ws, "brunch_menu")).map((v) => v.language)).toEqual(["en_US", "es_ES"]);
    await expect(addLanguage(ws, actor, id, "es_ES")).rejects.toThrow(
      'templates.errors.nameTaken|{"name":"brunch_menu","language":"es_ES"}',
    );
  });

  it("removes a draft, and deletes a submitted version at Meta while keeping it as DELETED", async () => {
    const draft = await saveDraft(ws, actor, input("never_sent"));
    await deleteTemplate(ws, actor, draft);
    expect(await db.template.count({ where: { id: draft } })).toBe(0);

    const sent = await saveDraft(ws, actor, input("gone_soon"));
    await submitTemplate(ws, actor, sent);
    await deleteTemplate(ws, actor, sent);
    expect((await db.template.findUniqueOrThrow({ where: { id: sent } })).status).toBe("DELETED");
    const list = (await (
      await fetch(`${base}/v23.0/900000000000001/message_templates`, { headers: { authorization: "Bearer tok" } })
    ).json()) as { data: { name: string }[] };
    expect(list.data.map((t) => t.name)).not.toContain("gone_soon");
  });
});
