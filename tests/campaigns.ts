// Integration-test helpers for campaigns: a workspace connected to its own sandbox (whose signed webhooks
// reach the real receiver), opted-in contacts made in one statement, and the dispatcher run to the end.
import { randomInt } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { launchCampaign, saveCampaign } from "@/lib/campaigns/service";
import type { CampaignFormValues } from "@/lib/campaigns/schemas";
import { campaignInputSchema } from "@/lib/campaigns/schemas";
import { db, type Prisma, type Role } from "@/lib/db/client";
import { createDispatcher } from "@/lib/dispatch/dispatcher";
import { forgetWebhookSecrets } from "@/lib/webhooks/ingest";
import { handleWebhookPost } from "@/lib/webhooks/node-handler";
import { saveAccount } from "@/lib/whatsapp/accounts";
import type { SandboxConfigInput } from "@/sandbox/config";
import { createSandbox, type Sandbox } from "@/sandbox/server";
import { createWorkspace, currentUser, runQueuedJobs } from "./factories";
import { APP_SECRET, drain, sandboxLog } from "./whatsapp";
import type { CurrentUser } from "@/lib/auth/sessions";

export const PROMO_COMPONENTS = [
  { type: "BODY", text: "Hi {{1}}, {{2}} off this week.", example: { body_text: [["Ana", "20%"]] } },
  {
    type: "BUTTONS",
    buttons: [
      { type: "QUICK_REPLY", text: "Show me" },
      { type: "URL", text: "Shop", url: "https://shop.example.com/{{1}}", example: ["x"] },
    ],
  },
];

/** One webhook receiver for every test file's sandboxes (the real signature check and durable insert). */
let receiver: { server: Server; url: string } | null = null;
async function webhookUrl() {
  if (!receiver) {
    const server = createServer((req, res) => void handleWebhookPost(req, res));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    receiver = { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/whatsapp` };
  }
  return receiver.url;
}

/** An APPROVED template in the workspace, and the same one held by its sandbox (as Meta would hold it). */
export async function approvedTemplate(
  workspaceId: string,
  base: string,
  t: {
    name: string;
    category: "MARKETING" | "UTILITY" | "AUTHENTICATION";
    components: unknown[];
    metaTemplateId?: string;
  },
) {
  const template = await db.template.create({
    data: {
      workspaceId,
      name: t.name,
      language: "en_US",
      category: t.category,
      components: t.components as Prisma.InputJsonValue,
      status: "APPROVED",
      metaTemplateId: t.metaTemplateId ?? `8${Date.now()}${randomInt(1000)}`,
    },
  });
  await fetch(`${base}/_sandbox/templates`, {
    method: "POST",
    body: JSON.stringify({
      templates: [
        {
          id: template.metaTemplateId,
          name: t.name,
          language: "en_US",
          category: t.category,
          components: t.components,
          status: "APPROVED",
        },
      ],
    }),
  });
  return template;
}

export type SandboxWorkspace = Awaited<ReturnType<typeof sandboxWorkspace>>;

export async function sandboxWorkspace(
  options: { contacts?: number; sandbox?: Partial<SandboxConfigInput>; roles?: Role[]; throughput?: number } = {},
) {
  const { workspace, users } = await createWorkspace(options.roles ?? ["ADMIN", "MARKETER", "MANAGER"]);
  const n = randomInt(1e9, 9e9);
  const ids = { wabaId: `5${n}`, phoneNumberId: `6${n}` };
  const sandbox: Sandbox = createSandbox({
    accessToken: "tok",
    appSecret: APP_SECRET,
    ...ids,
    webhookUrl: await webhookUrl(),
    timeScale: 0.02,
    throughputPerSecond: options.throughput ?? 1000,
    notOnWhatsAppShare: 0,
    stoppedMarketingShare: 0,
    replyShare: 0,
    buttonTapShare: 0,
    stopShare: 0,
    userPreferencesStopShare: 0,
    duplicateRate: 0,
    outOfOrderRate: 0,
    ...options.sandbox,
  });
  const base = `http://127.0.0.1:${await sandbox.listen(0)}`;
  await saveAccount(workspace.id, {
    ...ids,
    graphApiBase: `${base}/v23.0`,
    accessToken: "tok",
    appSecret: APP_SECRET,
    verifyToken: "v",
  });
  await db.whatsAppAccount.update({
    where: { workspaceId: workspace.id },
    data: { throughputPerSecond: options.throughput ?? 1000, messagingLimitTier: "TIER_100K" },
  });
  forgetWebhookSecrets();
  const template = await approvedTemplate(workspace.id, base, {
    name: "promo",
    category: "MARKETING",
    components: PROMO_COMPONENTS,
    metaTemplateId: `7${n}`,
  });
  const list = await db.consentList.create({ data: { workspaceId: workspace.id, name: "Promotions" } });
  if (options.contacts)
    await addOptedInContacts(workspace.id, list.id, options.contacts, `+3462${String(n).slice(0, 3)}`);
  const userOf = (role: Role): CurrentUser => currentUser(workspace, users[role], role);
  const number = { ...ids, displayPhoneNumber: "15550100100" };
  return { workspace, users, userOf, sandbox, base, list, template, number };
}

/** `count` contacts opted in to the list, numbers `prefix` + 4 digits (in one statement). */
export async function addOptedInContacts(workspaceId: string, listId: string, count: number, prefix: string) {
  await db.$executeRaw`
    WITH c AS (
      INSERT INTO "Contact" (id, "workspaceId", phone, name, locale, "timeZone", "updatedAt")
      SELECT gen_random_uuid()::text, ${workspaceId}, ${prefix} || lpad((i + 2)::text, 5, '0'), 'Person ' || i, 'en_US', 'Europe/Madrid', now()
      FROM generate_series(1, ${count}) i
      RETURNING id
    )
    INSERT INTO "ContactConsent" ("contactId", "consentListId", "workspaceId", "optedIn", "changedAt")
    SELECT id, ${listId}, ${workspaceId}, true, now() FROM c`;
}

export function campaignInput(ws: SandboxWorkspace, overrides: Partial<CampaignFormValues> = {}) {
  return campaignInputSchema.parse({
    name: "Autumn promo",
    templateName: "promo",
    fallbackLanguage: "en_US",
    consentListId: ws.list.id,
    variables: {
      "body:1": { source: "field", value: "first_name", fallback: "there" },
      "body:2": { source: "constant", value: "20%" },
      "button:1": { source: "constant", value: "autumn" },
    },
    schedule: { mode: "now" },
    quietHours: { enabled: false, start: "21:00", end: "09:00" },
    ...overrides,
  });
}

/** Saves and launches a campaign as the marketer, and runs its start job. */
export async function launch(ws: SandboxWorkspace, overrides: Partial<CampaignFormValues> = {}) {
  const user = ws.userOf("MARKETER");
  const { id } = await saveCampaign(user, campaignInput(ws, overrides));
  await launchCampaign(user, id);
  await runQueuedJobs(ws.workspace.id);
  return id;
}

/**
 * A dispatcher as a worker runs it, under its own worker id (its lease, its claims, its sender numbers),
 * serving only the test's own workspaces: the files share one database, and a test never sends another's.
 */
export function startDispatcher(workspaceIds: string[], workerId = `test-worker-${randomInt(1e9)}`) {
  return createDispatcher(workerId, { workspaceIds });
}

export async function counts(campaignId: string): Promise<Record<string, number>> {
  const rows = await db.message.groupBy({ by: ["state"], where: { campaignId }, _count: true });
  return Object.fromEntries(rows.map((r) => [r.state, r._count]));
}

/** Runs dispatch rounds (and webhook processing) until the campaign leaves SENDING or time runs out. */
export async function dispatchUntil(
  campaignId: string,
  done: () => Promise<boolean> = async () =>
    (await db.campaign.findUniqueOrThrow({ where: { id: campaignId } })).status !== "SENDING",
  timeoutMs = 20_000,
) {
  const { workspaceId } = await db.campaign.findUniqueOrThrow({
    where: { id: campaignId },
    select: { workspaceId: true },
  });
  const dispatcher = startDispatcher([workspaceId]);
  const deadline = Date.now() + timeoutMs;
  try {
    while (!(await done())) {
      if (Date.now() > deadline)
        throw new Error(`campaign ${campaignId} did not finish: ${JSON.stringify(await counts(campaignId))}`);
      const more = await dispatcher.round();
      await drain();
      if (!more) await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await dispatcher.close();
  }
}

type LogEntry = {
  path: string;
  status: number;
  body: { to?: string; biz_opaque_callback_data?: string; type?: string };
};

/** What the sandbox accepted: one entry per message it took (status 200). */
export async function acceptedSends(base: string) {
  const entries = (await sandboxLog(base)).entries as LogEntry[];
  return entries.filter((e) => e.path.endsWith("/messages") && e.status === 200 && e.body?.type === "template");
}
