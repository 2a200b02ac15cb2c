import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/tests/factories";
import { getAccountSummary, getCredentials, saveAccount } from "./accounts";

describe("WhatsApp account secrets", () => {
  const token = "EAAGsecret-token-0123456789";

  it("are encrypted at rest and only ever shown masked", async () => {
    const { workspace } = await createWorkspace(["ADMIN"]);
    await saveAccount(workspace.id, {
      wabaId: "1110001",
      phoneNumberId: "2220001",
      accessToken: token,
      appSecret: "app-secret-xyz",
      verifyToken: "verify-abc",
    });
    const row = await db.whatsAppAccount.findUniqueOrThrow({ where: { workspaceId: workspace.id } });
    const stored = JSON.stringify(row);
    for (const secret of [token, "app-secret-xyz", "verify-abc"]) expect(stored).not.toContain(secret);
    const summary = await getAccountSummary(workspace.id);
    expect(JSON.stringify(summary)).not.toContain(token);
    expect(summary?.accessTokenMasked).toBe("EAAG…6789");
    expect((await getCredentials(workspace.id))?.accessToken).toBe(token);
  });

  it("keep the stored secrets when an edit leaves them empty", async () => {
    const { workspace } = await createWorkspace(["ADMIN"]);
    await saveAccount(workspace.id, {
      wabaId: "1110002",
      phoneNumberId: "2220002",
      accessToken: token,
      appSecret: "s",
      verifyToken: "v",
    });
    await saveAccount(workspace.id, {
      wabaId: "1110002",
      phoneNumberId: "2220003",
      accessToken: "",
      appSecret: "",
      verifyToken: "",
    });
    const credentials = await getCredentials(workspace.id);
    expect(credentials).toMatchObject({ phoneNumberId: "2220003", accessToken: token });
  });
});
