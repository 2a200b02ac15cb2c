// Per-key rate limits as a caller lives with them: beyond PARLEY_API_RATE_PER_SECOND calls in a window the
// answer is 429 with Retry-After and RateLimit-* headers; once the window has passed, calls succeed again.
import { afterAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { createApiKey } from "@/lib/api/keys";
import { defineOperation } from "@/lib/api/operation";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/tests/factories";

const LIMIT = 3;
// Read by lib/env on first use, which comes after this (each test file has its own modules).
vi.hoisted(() => {
  process.env.PARLEY_API_RATE_PER_SECOND = "3";
});
afterAll(() => {
  delete process.env.PARLEY_API_RATE_PER_SECOND;
});

const pingOp = defineOperation({
  id: "testPing",
  method: "GET",
  path: "/ping",
  scope: "analytics:read",
  tag: "Test",
  summary: "Ping",
  response: z.object({ ok: z.boolean() }),
});
const ping = apiRoute(pingOp, async () => ({ ok: true }));
const call = (key: string) =>
  ping(new Request("http://localhost/api/public/v1/ping", { headers: { authorization: `Bearer ${key}` } }), {
    params: Promise.resolve({}),
  });

describe("rate limits", () => {
  it("answer calls beyond the limit with 429 and when to retry, then let calls through after the window", async () => {
    const { workspace } = await createWorkspace(["ADMIN"]);
    const { id, key } = await createApiKey(workspace.id, null, {
      name: "Busy",
      scopes: ["analytics:read"],
      expiresAt: null,
    });

    // Sent together so they fall in one or two windows: at most LIMIT pass in each.
    const answers = await Promise.all(Array.from({ length: LIMIT * 3 }, () => call(key)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(LIMIT);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(LIMIT * 2);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);

    const passed = answers.find((r) => r.status === 200)!;
    expect(passed.headers.get("ratelimit-limit")).toBe(String(LIMIT));
    expect(Number(passed.headers.get("ratelimit-remaining"))).toBeLessThan(LIMIT);
    expect(passed.headers.get("retry-after")).toBeNull();

    const refused = answers.find((r) => r.status === 429)!;
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect(await refused.json()).toMatchObject({
      status: 429,
      code: "rate_limited",
      detail: expect.stringContaining(`${LIMIT} calls`),
    });
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(refused.headers.get("ratelimit-limit")).toBe(String(LIMIT));
    expect(refused.headers.get("ratelimit-remaining")).toBe("0");
    expect(Number(refused.headers.get("ratelimit-reset"))).toBeGreaterThanOrEqual(1);

    // Wait until the limiter's window for this key has ended (its row in PostgreSQL says when), then call.
    const windowEnd = async () =>
      (await db.$queryRaw<{ expire: bigint | null }[]>`SELECT expire FROM "ApiRateLimit" WHERE key = ${`key:${id}`}`)[0]
        ?.expire;
    await expect.poll(async () => Number(await windowEnd()) <= Date.now(), { timeout: 5000, interval: 50 }).toBe(true);
    const again = await call(key);
    expect(again.status).toBe(200);
    expect(again.headers.get("ratelimit-remaining")).toBe(String(LIMIT - 1));
  });

  it("count each key on its own", async () => {
    const { workspace } = await createWorkspace(["ADMIN"]);
    const busy = await createApiKey(workspace.id, null, { name: "Busy", scopes: ["analytics:read"], expiresAt: null });
    const quiet = await createApiKey(workspace.id, null, {
      name: "Quiet",
      scopes: ["analytics:read"],
      expiresAt: null,
    });
    const answers = await Promise.all(Array.from({ length: LIMIT * 3 }, () => call(busy.key)));
    expect(answers.some((r) => r.status === 429)).toBe(true);
    expect((await call(quiet.key)).status).toBe(200);
  });
});
