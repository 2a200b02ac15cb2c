// The sandbox over real HTTP, through Parley's own client: it refuses what Meta would refuse, with
// Meta's codes, and answers with signed webhooks in Meta's shapes.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifySignature } from "@/lib/webhooks/signature";
import { createWhatsAppClient, WhatsAppApiError } from "@/lib/whatsapp/client";
import { parseChange, webhookPayloadSchema } from "@/lib/whatsapp/schemas";
import { createSandbox, type Sandbox } from "./server";

const secret = "sandbox-test-secret";
const token = "sandbox-test-token";
let sandbox: Sandbox;
let base: string;
let receiver: Server;
const received: { signed: boolean; body: unknown }[] = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      received.push({
        signed: verifySignature(raw, req.headers["x-hub-signature-256"] as string, secret),
        body: JSON.parse(raw.toString()),
      });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  sandbox = createSandbox({
    accessToken: token,
    appSecret: secret,
    webhookUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
    timeScale: 0.001,
    templateReviewMs: 50,
    readShare: 1,
    duplicateRate: 0,
  });
  base = `http://127.0.0.1:${await sandbox.listen(0)}`;
});

afterAll(async () => {
  await sandbox.close();
  receiver.close();
});

const client = () =>
  createWhatsAppClient({
    baseUrl: `${base}/v23.0`,
    wabaId: "900000000000001",
    phoneNumberId: "900000000000101",
    accessToken: token,
    appId: "900000000000999",
  });

async function until<T>(find: () => T | undefined, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error("timed out waiting for a webhook");
    await new Promise((r) => setTimeout(r, 20));
  }
}

const changes = () =>
  received.flatMap((r) => webhookPayloadSchema.parse(r.body).entry.flatMap((e) => e.changes.map(parseChange)));
const statusesFor = (wamid: string) =>
  changes()
    .flatMap((c) => (c.field === "messages" ? (c.value.statuses ?? []) : []))
    .filter((s) => s.id === wamid);

async function errorOf(promise: Promise<unknown>): Promise<WhatsAppApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WhatsAppApiError) return error;
    throw error;
  }
  throw new Error("expected a WhatsAppApiError");
}

const sale = (to: string, params = ["Ana", "25%"]) => ({
  messaging_product: "whatsapp" as const,
  to,
  type: "template" as const,
  template: {
    name: "spring_sale",
    language: { code: "en_US" },
    components: [{ type: "body" as const, parameters: params.map((text) => ({ type: "text" as const, text })) }],
  },
});

describe("templates", () => {
  it("approve after review, with a signed status webhook", async () => {
    const created = await client().createTemplate({
      name: "spring_sale",
      language: "en_US",
      category: "MARKETING",
      components: [
        { type: "BODY", text: "Hi {{1}}, spring sale: {{2}} off today.", example: { body_text: [["Ana", "25%"]] } },
        { type: "BUTTONS", buttons: [{ type: "QUICK_REPLY", text: "Show me deals" }] },
      ],
    });
    expect(created.status).toBe("PENDING");
    const update = await until(() =>
      changes().find((c) => c.field === "message_template_status_update" && c.value.message_template_id === created.id),
    );
    expect(update.value).toMatchObject({ event: "APPROVED" });
    expect(received.every((r) => r.signed)).toBe(true);
    const list = await client().listTemplates();
    expect(list.data.find((t) => t.name === "spring_sale")?.status).toBe("APPROVED");
  });

  it("reject on the documented trigger with Meta's reason", async () => {
    const created = await client().createTemplate({
      name: "demo_reject_promotional",
      language: "en_US",
      category: "UTILITY",
      components: [{ type: "BODY", text: "Your order has shipped." }],
    });
    const update = await until(() =>
      changes().find((c) => c.field === "message_template_status_update" && c.value.message_template_id === created.id),
    );
    expect(update.value).toMatchObject({ event: "REJECTED", reason: "PROMOTIONAL" });
  });

  it("refuse a broken template at once, naming the field and the limit", async () => {
    const error = await errorOf(
      client().createTemplate({
        name: "too_long",
        language: "en_US",
        category: "MARKETING",
        components: [{ type: "BODY", text: "x".repeat(1025) }],
      }),
    );
    expect(error.code).toBe(100);
    expect(error.details).toBe("BODY text: at most 1024 characters (has 1025)");
  });
});

describe("messages", () => {
  it("send, then sent, delivered and read webhooks carrying the callback data and pricing", async () => {
    const response = await client().sendMessage({ ...sale("34610000201"), biz_opaque_callback_data: "pm:m1" });
    const wamid = response.messages[0]!.id;
    const statuses = await until(() => {
      const s = statusesFor(wamid);
      return s.length === 3 ? s : undefined;
    });
    expect(statuses.map((s) => s.status).sort()).toEqual(["delivered", "read", "sent"]);
    expect(statuses.every((s) => s.biz_opaque_callback_data === "pm:m1")).toBe(true);
    expect(statuses.find((s) => s.status === "delivered")?.pricing?.category).toBe("marketing");
  });

  it("fail undeliverable numbers with 131026 and marketing to US numbers with 131049", async () => {
    const notOnWhatsApp = (await client().sendMessage(sale("34610000000"))).messages[0]!.id;
    const us = (await client().sendMessage(sale("14155550100"))).messages[0]!.id;
    const codeOf = (wamid: string) =>
      until(() => statusesFor(wamid).find((s) => s.status === "failed")?.errors?.[0]?.code);
    expect(await codeOf(notOnWhatsApp)).toBe(131026);
    expect(await codeOf(us)).toBe(131049);
  });

  it("refuse what Meta refuses, with Meta's codes", async () => {
    const wrongToken = createWhatsAppClient({
      baseUrl: `${base}/v23.0`,
      wabaId: "900000000000001",
      phoneNumberId: "900000000000101",
      accessToken: "nope",
    });
    expect((await errorOf(wrongToken.sendMessage(sale("34610000202")))).code).toBe(190);
    expect(
      (
        await errorOf(
          client().sendMessage({
            ...sale("34610000202"),
            template: { ...sale("x").template, name: "no_such_template" },
          }),
        )
      ).code,
    ).toBe(132001);
    expect((await errorOf(client().sendMessage(sale("34610000202", ["only one"])))).code).toBe(132000);
    // A payload the client itself would refuse, sent raw: 4 reply buttons.
    const raw = await fetch(`${base}/v23.0/900000000000101/messages`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({
        messaging_product: "whatsapp",
        recipient_type: "individual",
        to: "34610000202",
        type: "interactive",
        interactive: {
          type: "button",
          body: { text: "Pick" },
          action: { buttons: [1, 2, 3, 4].map((i) => ({ type: "reply", reply: { id: `b${i}`, title: `B${i}` } })) },
        },
      }),
    });
    expect(raw.status).toBe(400);
    // Held to Meta's OpenAPI operation first (sandbox/contract.ts): a value out of bounds is 131009.
    expect((await raw.json()).error).toMatchObject({
      code: 131009,
      type: "OAuthException",
      error_data: { details: expect.stringContaining("interactive.action") },
    });
  });

  it("refuse a free-form message outside the 24-hour window with a 131047 failure", async () => {
    const wamid = (
      await client().sendMessage({
        messaging_product: "whatsapp",
        to: "34610000203",
        type: "text",
        text: { body: "Hello!" },
      })
    ).messages[0]!.id;
    expect(await until(() => statusesFor(wamid).find((s) => s.status === "failed")?.errors?.[0]?.code)).toBe(131047);
  });

  it("keep the windows it is given after a restart: a person who wrote an hour ago gets a free-form reply, one who wrote 25 hours ago does not", async () => {
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
    const loaded = await fetch(`${base}/_sandbox/windows`, {
      method: "POST",
      body: JSON.stringify({
        windows: [
          { from: "34610000214", at: hoursAgo(1) },
          { from: "ES.13491208655302741999", at: hoursAgo(1) },
          { from: "34610000215", at: hoursAgo(25) },
          { from: "34610000216", at: "not a time" },
        ],
      }),
    });
    expect(await loaded.json()).toEqual({ loaded: 3 });
    const reply = async (recipient: { to: string } | { recipient: string }) =>
      (await client().sendMessage({ messaging_product: "whatsapp", ...recipient, type: "text", text: { body: "Hi!" } }))
        .messages[0]!.id;
    const [open, openByUserId, closed] = await Promise.all([
      reply({ to: "34610000214" }),
      reply({ recipient: "ES.13491208655302741999" }),
      reply({ to: "34610000215" }),
    ]);
    expect(await until(() => statusesFor(open).find((s) => s.status === "delivered")?.status)).toBe("delivered");
    expect(await until(() => statusesFor(openByUserId).find((s) => s.status === "delivered")?.status)).toBe(
      "delivered",
    );
    expect(await until(() => statusesFor(closed).find((s) => s.status === "failed")?.errors?.[0]?.code)).toBe(131047);
  });

  it("enforce the pair rate and the throughput per number", async () => {
    await fetch(`${base}/_sandbox/config`, {
      method: "POST",
      body: JSON.stringify({ pairBurst: 2, throughputPerSecond: 5 }),
    });
    const codes: (number | "ok")[] = [];
    for (let i = 0; i < 3; i++)
      codes.push(
        await client()
          .sendMessage(sale("34610000204"))
          .then(
            () => "ok" as const,
            (e: WhatsAppApiError) => e.code,
          ),
      );
    expect(codes).toEqual(["ok", "ok", 131056]);
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        client()
          .sendMessage(sale(`3461000030${i % 10}${i}`))
          .then(
            () => "ok" as const,
            (e: WhatsAppApiError) => e,
          ),
      ),
    );
    const limited = burst.filter((r) => r !== "ok") as WhatsAppApiError[];
    expect(limited.length).toBeGreaterThan(0);
    expect(limited.every((e) => e.code === 130429 && e.classification.action === "back_off")).toBe(true);
    await fetch(`${base}/_sandbox/config`, {
      method: "POST",
      body: JSON.stringify({ pairBurst: 45, throughputPerSecond: 80 }),
    });
  });

  it("keeps a log of what it received", async () => {
    const { entries } = (await (await fetch(`${base}/_sandbox/log?since=0`)).json()) as {
      entries: { path: string; status: number; body: { to?: string } }[];
    };
    const sent = entries.filter(
      (e) => e.path.endsWith("/messages") && e.status === 200 && e.body?.to === "34610000201",
    );
    expect(sent).toHaveLength(1);
  });

  it("uploads a header sample through the resumable upload API", async () => {
    const handle = await client().uploadHeaderHandle({
      bytes: Buffer.from("fake-jpeg-bytes"),
      mimeType: "image/jpeg",
      fileName: "sale.jpg",
    });
    expect(handle).toMatch(/^4::/);
    const health = await client().getPhoneNumberHealth();
    expect(health).toMatchObject({ quality_rating: "GREEN", throughput: { level: "STANDARD" } });
  });
});

describe("fault mode", () => {
  const text = (to: string) => ({
    messaging_product: "whatsapp" as const,
    to,
    type: "text" as const,
    text: { body: "Hello" },
  });
  const phones = Array.from({ length: 40 }, (_, i) => `346100005${String(i).padStart(2, "0")}`);

  /** Each recipient's outcome through a client that waits `sendTimeoutMs`, and the sandbox's own log. */
  async function run(faults: { failShare: number; hangShare: number; hangMs: number }, sendTimeoutMs: number) {
    const faulty = createSandbox({
      accessToken: token,
      appSecret: secret,
      webhooks: false,
      throughputPerSecond: 1000,
      faults,
    });
    const url = `http://127.0.0.1:${await faulty.listen(0)}`;
    const c = createWhatsAppClient(
      { baseUrl: `${url}/v23.0`, wabaId: "900000000000001", phoneNumberId: "900000000000101", accessToken: token },
      { sendTimeoutMs },
    );
    const started = Date.now();
    const outcomes = await Promise.all(
      phones.map((p) =>
        c.sendMessage(text(p)).then(
          () => "ok",
          (e: WhatsAppApiError) => (e.status === 0 ? "no answer" : `${e.status}:${e.code}:${e.classification.action}`),
        ),
      ),
    );
    const ms = Date.now() - started;
    const { entries } = (await (await fetch(`${url}/_sandbox/log`)).json()) as {
      entries: { status: number; body: { to?: string } }[];
    };
    const closing = Date.now();
    await faulty.close();
    return {
      outcomes,
      ms,
      accepted: entries.filter((e) => e.status === 200).map((e) => e.body.to),
      closeMs: Date.now() - closing,
    };
  }

  it("answers a seeded share of sends with Meta's transient errors and holds back another share, the same way every run", async () => {
    // The client waits 3 s: long enough for every prompt answer on a busy machine, far short of the 60 s hold.
    const faults = { failShare: 0.2, hangShare: 0.2, hangMs: 60_000 };
    const first = await run(faults, 3000);
    const failed = first.outcomes.filter((o) => o.startsWith("500:"));
    const unanswered = first.outcomes.filter((o) => o === "no answer");
    expect(failed.length).toBeGreaterThan(2);
    expect(unanswered.length).toBeGreaterThan(2);
    expect(failed.every((o) => /^500:(1|2|131000):retry$/.test(o))).toBe(true);
    // A held-back send was accepted all the same: only its answer never came within the client's deadline.
    expect(first.accepted.sort()).toEqual(phones.filter((_, i) => !first.outcomes[i]!.startsWith("500:")));
    // The held sends ended at the client's deadline, not at the sandbox's 60 s; closing does not wait for them.
    expect(first.ms).toBeLessThan(20_000);
    expect(first.closeMs).toBeLessThan(20_000);
    expect((await run(faults, 3000)).outcomes).toEqual(first.outcomes);
  });

  it("answers a held-back send after hangMs to a client that waits long enough", async () => {
    const { outcomes, ms } = await run({ failShare: 0, hangShare: 1, hangMs: 400 }, 5000);
    expect(outcomes.every((o) => o === "ok")).toBe(true);
    expect(ms).toBeGreaterThanOrEqual(400);
  });
});
