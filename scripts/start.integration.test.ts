// The launcher's promises: a restart keeps the data, and a second start while one runs says so.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";
import { applyMigrations, root } from "./lib/schema-engine";

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("embedded PostgreSQL", () => {
  it("keeps its data across a stop and a start, with nothing left to migrate", async () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "parley-restart-")), "pg");
    const first = await startEmbeddedPostgres({ dataDir });
    await first.createDatabase("parley");
    expect((await applyMigrations(first.url("parley"))).length).toBeGreaterThan(0);
    await query(
      first.url("parley"),
      `INSERT INTO "Workspace" (id, name, slug, "updatedAt") VALUES ('w1', 'Kept', 'kept', now())`,
    );
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir });
    try {
      expect(await applyMigrations(second.url("parley"))).toEqual([]);
      expect(await query(second.url("parley"), `SELECT name FROM "Workspace" WHERE slug = 'kept'`)).toEqual([
        { name: "Kept" },
      ]);
    } finally {
      await second.stop();
    }
  });
});

describe("npm start", () => {
  it("refuses a second start on the same data folder and says where the first one runs", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "parley-lock-"));
    mkdirSync(dataDir, { recursive: true });
    // This test process stands in for the Parley that is already running.
    writeFileSync(
      path.join(dataDir, "parley.lock"),
      JSON.stringify({ pid: process.pid, url: "http://localhost:3999" }),
    );
    const run = promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "--import", "./scripts/lib/allow-server-only.mjs", "scripts/start.ts"],
      {
        cwd: root,
        env: { ...process.env, PARLEY_DATA_DIR: dataDir, DATABASE_URL: "" },
      },
    );
    await expect(run).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/Parley is already running \(process \d+\) at http:\/\/localhost:3999/),
    });
  });
});
