// Connecting a workspace to the local sandbox (the embedded mode does it on every start): the account
// points at the sandbox's address, and the sandbox learns the templates Meta would already hold.
import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/db/client";
import { endpointUrl } from "@/lib/flows/endpoint-keys";
import { WINDOW_MS } from "@/lib/inbox/window";
import { usesEndpoint } from "@/lib/flows/send";
import { saveAccount } from "@/lib/whatsapp/accounts";
import { DEFAULT_GRAPH_API_VERSION, type GraphVersionId } from "@/lib/whatsapp/graph-versions";
import { sandboxConfigSchema } from "./config";

export type SandboxCredentials = { accessToken: string; appSecret: string; verifyToken: string };

/** Made once per data folder, like the auth secret, so a restart keeps the connection working. */
export function sandboxCredentials(dataDir: string): SandboxCredentials {
  const file = path.join(dataDir, "sandbox.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8"));
  const credentials = {
    accessToken: `SANDBOX${randomBytes(24).toString("base64url")}`,
    appSecret: randomBytes(16).toString("hex"),
    verifyToken: randomBytes(12).toString("base64url"),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  return credentials;
}

/** Points the workspace's WhatsApp account at the sandbox; returns the templates to load into it. */
export async function connectWorkspaceToSandbox(
  workspaceId: string,
  sandboxUrl: string,
  credentials: SandboxCredentials,
) {
  const ids = sandboxConfigSchema.parse({ accessToken: "-", appSecret: "-" });
  const existing = await db.whatsAppAccount.findUnique({
    where: { workspaceId },
    select: { isSandbox: true, graphApiVersion: true },
  });
  if (existing && !existing.isSandbox) return []; // a real account was connected: leave it alone
  await saveAccount(
    workspaceId,
    {
      wabaId: ids.wabaId,
      phoneNumberId: ids.phoneNumberId,
      appId: ids.appId,
      graphApiBase: sandboxUrl,
      // The version an admin chose stays; a new sandbox, or one saved before versions were chosen, gets the default.
      graphApiVersion: (existing?.graphApiVersion ?? DEFAULT_GRAPH_API_VERSION) as GraphVersionId,
      accessToken: credentials.accessToken,
      appSecret: credentials.appSecret,
      verifyToken: credentials.verifyToken,
    },
    { isSandbox: true },
  );
  await db.whatsAppAccount.update({
    where: { workspaceId },
    data: {
      displayPhoneNumber: `+${ids.displayPhoneNumber}`,
      qualityRating: "GREEN",
      messagingLimitTier: ids.messagingLimit,
      marketingMessagesStatus: ids.marketingMessagesStatus,
      marketingMessagesStatusAt: new Date(),
    },
  });
  const templates = await db.template.findMany({
    where: { workspaceId, metaTemplateId: { not: null }, status: { notIn: ["DRAFT", "DELETED"] } },
    select: {
      metaTemplateId: true,
      name: true,
      language: true,
      category: true,
      components: true,
      status: true,
      quality: true,
    },
  });
  return templates.map((t) => ({ ...t, id: t.metaTemplateId }));
}

/**
 * What Meta holds of the workspace's flows, as the sandbox loads it again after a restart (POST /_sandbox/flows):
 * the flows created at publishing (an endpoint flow with the endpoint_uri publishing gave), and the registered
 * Flows public key.
 */
export async function workspaceFlows(workspaceId: string) {
  const [flows, key] = await Promise.all([
    db.flow.findMany({
      where: { workspaceId, metaFlowId: { not: null } },
      select: { metaFlowId: true, name: true, category: true, status: true, json: true },
    }),
    db.flowEndpointKey.findUnique({ where: { workspaceId }, select: { publicKeyPem: true, registeredAt: true } }),
  ]);
  return {
    flows: flows.map((f) => ({
      id: f.metaFlowId!,
      name: f.name,
      categories: [f.category],
      status: f.status,
      json: f.json,
      ...(usesEndpoint(f.json) ? { endpoint_uri: endpointUrl(workspaceId) } : {}),
    })),
    businessPublicKey: key?.registeredAt ? key.publicKeyPem : null,
  };
}

/**
 * When the workspace's contacts last wrote within the 24-hour window, as the sandbox loads it again after a
 * restart (POST /_sandbox/windows): Meta remembers it, so a conversation open in Parley is open there too.
 * A person is keyed as the sandbox keys them: by phone digits and by BSUID.
 */
export async function workspaceWindows(workspaceId: string, now = new Date()) {
  const conversations = await db.conversation.findMany({
    where: { workspaceId, lastInboundAt: { gt: new Date(now.getTime() - WINDOW_MS) } },
    select: { lastInboundAt: true, contact: { select: { phone: true, bsuid: true } } },
  });
  return conversations.flatMap(({ lastInboundAt, contact }) =>
    [contact.phone?.replace(/^\+/, ""), contact.bsuid]
      .filter((from): from is string => Boolean(from))
      .map((from) => ({ from, at: lastInboundAt!.toISOString() })),
  );
}
