// Settings → Webhooks as a caller without the UI would use it: admins only, the URL checked, the secret
// given only to an admin who asks, every change audited with a sentence a person reads.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { englishAuditSentence } from "@/tests/audit-words";
import { createWorkspace } from "@/tests/factories";
import { actAnonymously, actAs } from "@/tests/request-context";
import {
  createEndpointAction,
  deleteEndpointAction,
  revealSecretAction,
  rotateSecretAction,
  sendTestEventAction,
  setEndpointEnabledAction,
  updateEndpointAction,
} from "./actions";

beforeEach(() => actAnonymously());

const input = {
  url: "https://8.8.8.8/hooks/parley",
  description: "Order system",
  eventTypes: ["message.failed" as const],
};

describe("webhook endpoint actions", () => {
  it("are for admins only", async () => {
    const { workspace, users } = await createWorkspace(["ADMIN", "MARKETER", "MANAGER"]);
    expect(await createEndpointAction(input)).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    for (const role of ["MARKETER", "MANAGER"] as const) {
      await actAs(users[role].id, workspace.id);
      expect(await createEndpointAction(input)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    }
    await actAs(users.ADMIN.id, workspace.id);
    const created = await createEndpointAction(input);
    expect(created.ok).toBe(true);
    await actAs(users.MARKETER.id, workspace.id);
    const id = created.ok ? created.data.id : "";
    expect(await revealSecretAction({ id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  });

  it("check the URL and the event types, field by field", async () => {
    const { workspace, users } = await createWorkspace(["ADMIN"]);
    await actAs(users.ADMIN.id, workspace.id);
    const bad = await createEndpointAction({ url: "http://192.168.1.20/hook", eventTypes: [] });
    expect(bad).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(!bad.ok && bad.error.fieldErrors).toMatchObject({ eventTypes: [expect.stringContaining("at least one")] });
    const private_ = await createEndpointAction({ ...input, url: "https://192.168.1.20/hook" });
    expect(!private_.ok && private_.error.fieldErrors).toMatchObject({ url: [expect.stringContaining("private")] });
    const unknownType = await createEndpointAction({ ...input, eventTypes: ["message.exploded" as never] });
    expect(unknownType).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
  });

  it("audit every change, reveal the secret only on request, and keep other workspaces out", async () => {
    const { workspace, users } = await createWorkspace(["ADMIN"]);
    await actAs(users.ADMIN.id, workspace.id);
    const created = await createEndpointAction(input);
    if (!created.ok) throw new Error(created.error.message);
    const id = created.data.id;
    const revealed = await revealSecretAction({ id });
    const first = revealed.ok ? revealed.data.secret : "";
    expect(first).toMatch(/^whsec_/);
    const rotated = await rotateSecretAction({ id });
    expect(rotated.ok && rotated.data.secret).toMatch(/^whsec_/);
    expect(rotated.ok && rotated.data.secret).not.toBe(first);
    expect(await updateEndpointAction({ id, ...input, url: "https://8.8.4.4/hooks" })).toMatchObject({ ok: true });
    expect(await sendTestEventAction({ id })).toMatchObject({ ok: true });
    expect(await setEndpointEnabledAction({ id, enabled: false })).toMatchObject({ ok: true });

    const other = await createWorkspace(["ADMIN"]);
    await actAs(other.users.ADMIN.id, other.workspace.id);
    expect(await revealSecretAction({ id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await deleteEndpointAction({ id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });

    await actAs(users.ADMIN.id, workspace.id);
    expect(await deleteEndpointAction({ id })).toMatchObject({ ok: true });
    expect(await db.webhookEndpoint.count({ where: { id } })).toBe(0);
    const audit = await db.auditLog.findMany({ where: { workspaceId: workspace.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => englishAuditSentence(a.action, a.details as Record<string, unknown>))).toEqual([
      "Added the webhook endpoint https://8.8.8.8/hooks/parley (message.failed)",
      "Viewed the signing secret of the webhook endpoint https://8.8.8.8/hooks/parley",
      "Rotated the signing secret of the webhook endpoint https://8.8.8.8/hooks/parley",
      "Moved a webhook endpoint from https://8.8.8.8/hooks/parley to https://8.8.4.4/hooks (message.failed)",
      "Sent a test event to the webhook endpoint https://8.8.4.4/hooks",
      "Disabled the webhook endpoint https://8.8.4.4/hooks",
      "Deleted the webhook endpoint https://8.8.4.4/hooks",
    ]);
    // The secret appears in no audit entry.
    expect(JSON.stringify(audit.map((a) => a.details))).not.toContain("whsec_");
  });
});
