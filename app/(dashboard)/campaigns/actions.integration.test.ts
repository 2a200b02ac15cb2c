// The campaign actions as a caller without the UI would use them: roles, workspace, approval, and
// launches refused with their reason.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { buildPreflight, loadPlan } from "@/lib/campaigns/plan";
import { db } from "@/lib/db/client";
import { loadMessages } from "@/lib/i18n/catalog";
import { englishTranslator, translatorFor } from "@/lib/i18n/translator";
import { campaignInput, sandboxWorkspace, type SandboxWorkspace } from "@/tests/campaigns";
import { createWorkspace, jobsOf } from "@/tests/factories";
import { actAnonymously, actAs } from "@/tests/request-context";
import {
  approveCampaignAction,
  cancelCampaignAction,
  launchCampaignAction,
  pauseCampaignAction,
  rejectCampaignAction,
  saveCampaignAction,
} from "./actions";

let ws: SandboxWorkspace;
const startJobs = async (campaignId: string) =>
  (await jobsOf(ws.workspace.id, "campaigns.start")).filter((j) => j.payload.campaignId === campaignId);
beforeEach(() => actAnonymously());
afterAll(() => ws?.sandbox.close());

async function draft(as: "MARKETER" | "ADMIN" = "MARKETER", overrides = {}) {
  await actAs(ws.users[as].id, ws.workspace.id);
  const saved = await saveCampaignAction({ campaign: campaignInput(ws, overrides) });
  if (!saved.ok) throw new Error(saved.error.message);
  return saved.data.id;
}

describe("campaign actions", () => {
  it("let managers change nothing, and nobody reach another workspace's campaign", async () => {
    ws = await sandboxWorkspace({ contacts: 10 });
    const id = await draft();
    await actAs(ws.users.MANAGER.id, ws.workspace.id);
    expect(await saveCampaignAction({ campaign: campaignInput(ws) })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    expect(await launchCampaignAction({ id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await pauseCampaignAction({ id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await cancelCampaignAction({ id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });

    const other = await createWorkspace(["MARKETER"]);
    await actAs(other.users.MARKETER.id, other.workspace.id);
    expect(await launchCampaignAction({ id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await saveCampaignAction({ id, campaign: campaignInput(ws) })).toMatchObject({
      ok: false,
      error: { code: "VALIDATION" },
    });
    actAnonymously();
    expect(await launchCampaignAction({ id })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect((await db.campaign.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");
  });

  it("refuse a launch with the reason when something blocks it, and a change once launched", async () => {
    await db.template.update({ where: { id: ws.template.id }, data: { status: "PAUSED" } });
    const blocked = await db.campaign.create({
      data: {
        workspaceId: ws.workspace.id,
        name: "Blocked",
        consentListId: ws.list.id,
        templateId: ws.template.id,
        variableMapping: { templateName: "promo", fallbackLanguage: "en_US" },
      },
    });
    await actAs(ws.users.MARKETER.id, ws.workspace.id);
    const refused = await launchCampaignAction({ id: blocked.id });
    expect(refused).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    if (!refused.ok) expect(refused.error.message).toMatch(/cannot launch yet: its pre-flight report says what/);
    // The reason is a finding of the pre-flight report, which the campaign's page puts in the reader's words.
    expect((await buildPreflight(await loadPlan(ws.workspace.id, blocked.id))).blockers).toContainEqual({
      code: "fallbackNotApproved",
      values: { language: "en_US", template: "promo", status: "PAUSED" },
    });
    await db.template.update({ where: { id: ws.template.id }, data: { status: "APPROVED" } });

    const id = await draft();
    expect(await launchCampaignAction({ id })).toMatchObject({
      ok: true,
      data: { status: "SCHEDULED", alreadyLaunched: false },
    });
    expect(await launchCampaignAction({ id })).toMatchObject({ ok: true, data: { alreadyLaunched: true } });
    expect(await saveCampaignAction({ id, campaign: campaignInput(ws, { name: "Changed" }) })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT" },
    });
    const stored = await db.campaign.findUniqueOrThrow({ where: { id } });
    expect(stored.name).toBe("Autumn promo");
    expect(stored.preflight).toMatchObject({ willSend: 10, blockers: [] });
  });

  it("wait for a manager's approval when the workspace asks, and never let an author approve their own", async () => {
    await db.workspace.update({ where: { id: ws.workspace.id }, data: { requireApproval: true } });
    const id = await draft("ADMIN");
    expect(await launchCampaignAction({ id })).toMatchObject({ ok: true, data: { status: "AWAITING_APPROVAL" } });
    expect(await startJobs(id)).toHaveLength(0);
    expect(await approveCampaignAction({ id })).toMatchObject({
      ok: false,
      error: {
        code: "FORBIDDEN",
        message: "Four eyes: someone who did not create, edit or submit this campaign approves it.",
      },
    });
    await actAs(ws.users.MARKETER.id, ws.workspace.id);
    expect(await approveCampaignAction({ id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });

    await actAs(ws.users.MANAGER.id, ws.workspace.id);
    expect(await approveCampaignAction({ id })).toMatchObject({ ok: true });
    expect(await db.campaign.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "SCHEDULED",
      approvedById: ws.users.MANAGER.id,
    });
    expect(await startJobs(id)).toHaveLength(1);
    expect(await approveCampaignAction({ id })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });

    const second = await draft();
    await launchCampaignAction({ id: second });
    await actAs(ws.users.MANAGER.id, ws.workspace.id);
    expect(await rejectCampaignAction({ id: second, reason: "Wrong discount" })).toMatchObject({ ok: true });
    const sentBack = await db.campaign.findUniqueOrThrow({ where: { id: second } });
    expect(sentBack.status).toBe("DRAFT");
    // Its author reads why in their language (the reason itself as the manager wrote it).
    expect(englishTranslator.message(sentBack.statusReason!)).toBe("Sent back: Wrong discount");
    expect(translatorFor("pt", await loadMessages("pt")).message(sentBack.statusReason!)).toBe(
      "Devolvida: Wrong discount",
    );
  });

  it("four eyes means four: nobody who edited the campaign approves it, however it was submitted", async () => {
    await db.workspace.update({ where: { id: ws.workspace.id }, data: { requireApproval: true } });
    const id = await draft("MARKETER");
    await actAs(ws.users.ADMIN.id, ws.workspace.id);
    expect(
      await saveCampaignAction({ id, campaign: campaignInput(ws, { name: "Edited by the admin" }) }),
    ).toMatchObject({ ok: true });
    await actAs(ws.users.MARKETER.id, ws.workspace.id);
    expect(await launchCampaignAction({ id })).toMatchObject({ ok: true, data: { status: "AWAITING_APPROVAL" } });
    await actAs(ws.users.ADMIN.id, ws.workspace.id);
    expect(await approveCampaignAction({ id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    await actAs(ws.users.MANAGER.id, ws.workspace.id);
    expect(await approveCampaignAction({ id })).toMatchObject({ ok: true });
  });
});
