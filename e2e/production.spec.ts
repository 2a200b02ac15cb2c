// The compiled web process, as the container image runs it (docs/operations.md): `node dist/web.mjs` with
// NODE_ENV=production on the `next build` output, against a fresh PostgreSQL migrated by `node dist/migrate.mjs`.
// It lives in the browser phase because only then does a build exist (the launcher made it for the other specs);
// scripts/production.integration.test.ts covers migrate and the worker earlier in CI.
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { freePort, startEmbeddedPostgres } from "../scripts/lib/embedded-postgres";
import { root } from "../scripts/lib/paths";
import { productionEnv, startProcess } from "../scripts/lib/production-process";

const run = promisify(execFile);

test("the production commands serve Parley: migrate, then the compiled web process", async ({ request }) => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "parley-production-"));
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), ephemeral: true });
  try {
    await postgres.createDatabase("parley");
    const port = await freePort();
    const env = productionEnv({
      DATABASE_URL: postgres.url("parley"),
      HOST: "127.0.0.1",
      PORT: String(port),
      APP_URL: `http://localhost:${port}`,
      PARLEY_DATA_DIR: path.join(dataDir, "files"),
    });
    await run(process.execPath, ["scripts/build-dist.mjs"], { cwd: root });
    const migrate = await run(process.execPath, ["dist/migrate.mjs"], { cwd: root, env });
    expect(migrate.stdout).toContain("Applied migrations:");

    const web = startProcess(["dist/web.mjs"], env);
    try {
      await web.waitForOutput(/web ready on/, 60_000);
      const base = `http://127.0.0.1:${port}`;
      // The container's health check.
      await expect(run(process.execPath, ["dist/healthcheck.mjs", "web"], { cwd: root, env })).resolves.toBeTruthy();
      expect(await (await request.get(`${base}/api/health`)).json()).toEqual({ ok: true, database: "up" });

      // A page and its static assets, with the built configuration's headers.
      const login = await request.get(`${base}/login`);
      expect(login.status()).toBe(200);
      expect(login.headers()["x-powered-by"]).toBeUndefined();
      expect(login.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
      const asset = (await login.text()).match(/\/_next\/static\/[^"]+\.(?:js|css)/)?.[0];
      expect(asset).toBeTruthy();
      expect((await request.get(`${base}${asset}`)).status()).toBe(200);

      // The webhook fast path (scripts/web.ts) answers before Next.js, with a reason.
      const webhook = await request.post(`${base}/api/webhooks/whatsapp`, { data: {} });
      expect(webhook.status()).toBe(400);
      expect(await webhook.text()).toContain("names no account");
    } finally {
      expect(await web.stop()).toEqual({ code: 0, signal: null });
    }
  } finally {
    await postgres.stop();
  }
});
