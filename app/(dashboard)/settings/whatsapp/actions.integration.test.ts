// The connection's API base URL: Meta's, one the operator allows, or the one stored (the sandbox's). The
// access token goes only where it was entered for: a new address asks for it again, and the change is audited.
// The Graph API version is chosen apart (lib/whatsapp/graph-versions): a connection saved with the version at
// the end of its address keeps working on it.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { encryptSecret } from "@/lib/crypto/secrets";
import { getAccountSummary, getCredentials, saveAccount } from "@/lib/whatsapp/accounts";
import { createWorkspace } from "@/tests/factories";
import { actAs } from "@/tests/request-context";
import { saveConnectionAction } from "./actions";

// Read by lib/env on first use, which comes after this line in this file's own module registry.
process.env.PARLEY_GRAPH_API_BASES = "https://graph-proxy.example.com/v23.0/";

const ids = { wabaId: "4440001", phoneNumberId: "5550001" };
const secrets = { accessToken: "EAAG-first-token", appSecret: "app-secret", verifyToken: "verify" };
let workspaceId: string;

beforeEach(async () => {
  const { workspace, users } = await createWorkspace(["ADMIN"]);
  workspaceId = workspace.id;
  ids.phoneNumberId = String(Number(ids.phoneNumberId) + 1); // unique per test
  await actAs(users.ADMIN.id, workspace.id);
});

describe("the connection's API base URL", () => {
  it.each([
    "https://evil.example/v23.0",
    "http://graph.facebook.com/v23.0",
    "https://graph.facebook.com.evil.example/v23.0",
    "https://graph.facebook.com/v23.0/../x",
  ])("refuses %s, so the token is never sent there", async (graphApiBase) => {
    const result = await saveConnectionAction({ ...ids, ...secrets, graphApiBase });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", fieldErrors: { graphApiBase: [expect.stringContaining("must be Meta's")] } },
    });
    expect(await db.whatsAppAccount.count({ where: { workspaceId } })).toBe(0);
  });

  it("takes Meta's, any version, and one the operator allows", async () => {
    expect(await saveConnectionAction({ ...ids, ...secrets, graphApiBase: "" })).toMatchObject({ ok: true });
    // A new connection speaks a current version.
    expect((await getCredentials(workspaceId))?.baseUrl).toBe("https://graph.facebook.com/v25.0");
    expect((await db.whatsAppAccount.findUniqueOrThrow({ where: { workspaceId } })).isSandbox).toBe(false);
    expect(
      await saveConnectionAction({ ...ids, ...secrets, graphApiBase: "https://graph.facebook.com/v24.0" }),
    ).toMatchObject({ ok: true });
    expect(
      await saveConnectionAction({ ...ids, ...secrets, graphApiBase: "https://graph-proxy.example.com/v23.0" }),
    ).toMatchObject({ ok: true });
    expect((await getCredentials(workspaceId))?.baseUrl).toBe("https://graph-proxy.example.com/v23.0");
  });

  it("asks for the access token again when it changes, and audits the change", async () => {
    expect(await saveConnectionAction({ ...ids, ...secrets })).toMatchObject({ ok: true });
    const moved = await saveConnectionAction({ ...ids, graphApiBase: "https://graph-proxy.example.com" });
    expect(moved).toMatchObject({
      ok: false,
      error: {
        code: "VALIDATION",
        fieldErrors: { accessToken: [expect.stringContaining("Paste the access token again")] },
      },
    });
    expect((await getCredentials(workspaceId))?.baseUrl).toBe("https://graph.facebook.com/v25.0");

    expect(
      await saveConnectionAction({
        ...ids,
        graphApiBase: "https://graph-proxy.example.com",
        accessToken: "EAAG-second-token",
      }),
    ).toMatchObject({ ok: true });
    expect(await getCredentials(workspaceId)).toMatchObject({
      baseUrl: "https://graph-proxy.example.com/v25.0",
      accessToken: "EAAG-second-token",
    });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { workspaceId, action: "whatsapp.connection_updated" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit.details).toMatchObject({
      changedSecrets: ["accessToken"],
      graphApiBase: { from: "https://graph.facebook.com", to: "https://graph-proxy.example.com" },
    });
    expect(JSON.stringify(audit.details)).not.toContain("EAAG");
  });

  it("changes the version without the token (same address), audits it, and refuses one that has ended", async () => {
    expect(await saveConnectionAction({ ...ids, ...secrets })).toMatchObject({ ok: true });
    expect(await saveConnectionAction({ ...ids, graphApiVersion: "v24.0" })).toMatchObject({ ok: true });
    expect(await getCredentials(workspaceId)).toMatchObject({
      baseUrl: "https://graph.facebook.com/v24.0",
      accessToken: secrets.accessToken,
    });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { workspaceId, action: "whatsapp.connection_updated" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit.details).toMatchObject({ graphApiVersion: { from: "v25.0", to: "v24.0" } });

    // v20.0 ended on 24 September 2026.
    expect(await saveConnectionAction({ ...ids, graphApiVersion: "v20.0" })).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", fieldErrors: { graphApiVersion: [expect.stringContaining("has ended")] } },
    });
    // A version Meta never released is not a choice at all.
    expect(await saveConnectionAction({ ...ids, graphApiVersion: "v99.0" as "v25.0" })).toMatchObject({
      ok: false,
      error: { code: "VALIDATION" },
    });
    expect((await getCredentials(workspaceId))?.baseUrl).toBe("https://graph.facebook.com/v24.0");
  });

  it("keeps a connection saved before versions were chosen on the version in its address", async () => {
    // As the migration leaves such a row: the version at the end of the address, no version of its own.
    await db.whatsAppAccount.create({
      data: {
        workspaceId,
        ...ids,
        graphApiBase: "https://graph.facebook.com/v23.0",
        accessTokenEncrypted: encryptSecret(secrets.accessToken),
        appSecretEncrypted: encryptSecret(secrets.appSecret),
        verifyTokenEncrypted: encryptSecret(secrets.verifyToken),
      },
    });
    expect((await getCredentials(workspaceId))?.baseUrl).toBe("https://graph.facebook.com/v23.0");
    expect(await getAccountSummary(workspaceId)).toMatchObject({
      graphApiBase: "https://graph.facebook.com",
      graphApiVersion: "v23.0",
    });
    // Saving the form as shown keeps it there, the token included.
    expect(
      await saveConnectionAction({ ...ids, graphApiBase: "https://graph.facebook.com", graphApiVersion: "v23.0" }),
    ).toMatchObject({ ok: true });
    expect(await getCredentials(workspaceId)).toMatchObject({
      baseUrl: "https://graph.facebook.com/v23.0",
      accessToken: secrets.accessToken,
    });
  });

  it("keeps the sandbox's address, set by the launcher, when an admin saves the form unchanged", async () => {
    await saveAccount(
      workspaceId,
      { ...ids, ...secrets, graphApiBase: "http://127.0.0.1:4010/v23.0" },
      { isSandbox: true },
    );
    expect(await saveConnectionAction({ ...ids, graphApiBase: "http://127.0.0.1:4010/v23.0" })).toMatchObject({
      ok: true,
    });
    expect(await getCredentials(workspaceId)).toMatchObject({
      baseUrl: "http://127.0.0.1:4010/v23.0",
      accessToken: secrets.accessToken,
    });
    // Still the sandbox, so the launcher keeps pointing it at the sandbox's port on the next start.
    expect((await db.whatsAppAccount.findUniqueOrThrow({ where: { workspaceId } })).isSandbox).toBe(true);
    // ...but not a move to another local address.
    expect(
      await saveConnectionAction({ ...ids, ...secrets, graphApiBase: "http://127.0.0.1:9999/v23.0" }),
    ).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
  });
});
