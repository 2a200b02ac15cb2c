// The connection against the sandbox over HTTP: requests go to the account's Graph API version, and the
// business portfolio's messaging limit is read (whatsapp_business_manager_messaging_limit) and stored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createSandbox, type Sandbox } from "@/sandbox/server";
import { createWorkspace, uniqueMetaId } from "@/tests/factories";
import { sandboxLog } from "@/tests/whatsapp";
import { getAccountSummary, refreshPhoneHealth, saveAccount } from "./accounts";

let sandbox: Sandbox;
let base: string;
let ws: string;

const phoneNumberId = uniqueMetaId();
const connection = {
  wabaId: "900000000000001",
  phoneNumberId,
  accessToken: "tok",
  appSecret: "sec",
  verifyToken: "v",
};

/** The paths the sandbox was asked for since `since`. */
const pathsSince = async (since: number) => (await sandboxLog(base, since)).entries.map((e) => e.path);
const lastSeq = async () => (await sandboxLog(base)).lastSeq;

beforeAll(async () => {
  sandbox = createSandbox({
    accessToken: "tok",
    appSecret: "sec",
    phoneNumberId,
    webhooks: false,
    messagingLimit: "TIER_2K",
  });
  base = `http://127.0.0.1:${await sandbox.listen(0)}`;
  ws = (await createWorkspace(["ADMIN"])).workspace.id;
});
afterAll(() => sandbox.close());

describe("the connection through the sandbox", () => {
  it("asks at the account's version and stores the portfolio's messaging limit", async () => {
    await saveAccount(ws, { ...connection, graphApiBase: base });
    const since = await lastSeq();
    const health = await refreshPhoneHealth(ws);
    expect(health?.whatsapp_business_manager_messaging_limit).toBe("TIER_2K");
    expect(await pathsSince(since)).toEqual([`/v25.0/${phoneNumberId}`, `/v25.0/${connection.wabaId}`]);
    expect(await getAccountSummary(ws)).toMatchObject({
      graphApiBase: base,
      graphApiVersion: "v25.0",
      messagingLimitTier: "TIER_2K",
    });

    // The portfolio grows: the next read stores the new limit, asked at the newly chosen version.
    await fetch(`${base}/_sandbox/config`, { method: "POST", body: JSON.stringify({ messagingLimit: "TIER_100K" }) });
    await saveAccount(ws, { ...connection, graphApiBase: base, graphApiVersion: "v26.0" });
    const next = await lastSeq();
    await refreshPhoneHealth(ws);
    expect(await pathsSince(next)).toEqual([`/v26.0/${phoneNumberId}`, `/v26.0/${connection.wabaId}`]);
    expect((await db.whatsAppAccount.findUniqueOrThrow({ where: { workspaceId: ws } })).messagingLimitTier).toBe(
      "TIER_100K",
    );
  });

  it("refuses a version Meta never released", async () => {
    const response = await fetch(`${base}/v99.0/${phoneNumberId}`, { headers: { authorization: "Bearer tok" } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 2500 } });
  });
});
