// `npm run bench -- import`: a 1,000,000-row contacts file checked, imported, and imported again.
//
// A real, durable PostgreSQL (embedded; fsync on), the worker's own code (lib/imports/service.ts) in this
// process, and the peak memory of the process (maxRSS: everything, the file generator included).
// Rows: phone in mixed notations, name, two attributes, tags, opted in with a consent time; 1% invalid
// numbers and 1% duplicates, so the rejected-rows report is written too.
import { createReadStream, createWriteStream, rmSync } from "node:fs";
import { once } from "node:events";
import path from "node:path";
import { Readable } from "node:stream";
import pg from "pg";
import { startEmbeddedPostgres } from "../scripts/lib/embedded-postgres.ts";
import { applyMigrations, root } from "../scripts/lib/schema-engine.ts";
import { printTable, type Row } from "./table.ts";

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);

async function writeFile(file: string) {
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  await write("\ufeffphone;name;tier;city;tags;opted in;consent time\r\n");
  let chunk = "";
  for (let i = 0; i < ROWS; i++) {
    const n = String(10_000_000 + i).padStart(8, "0");
    let phone = i % 3 === 0 ? `+34 6${n}` : i % 3 === 1 ? `0034-6${n}` : `6${n}`;
    if (i % 100 === 42) phone = "12345";
    if (i % 100 === 43) phone = `+346${String(10_000_000 + i - 1).padStart(8, "0")}`;
    const name = i % 10 === 0 ? `"Pérez; ""Ana"" ${i}"` : `Person ${i}`;
    chunk += `${phone};${name};${["gold", "silver", "bronze"][i % 3]};${["Madrid", "Sevilla", "Bilbao", "Valencia"][i % 4]};"vip,newsletter";yes;2025-03-01 10:00\r\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = "";
    }
  }
  out.end(chunk);
  await once(out, "finish");
}

export async function benchImport() {
  const dataDir = path.join(root, ".data/bench-import");
  rmSync(dataDir, { recursive: true, force: true });
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg") });
  await postgres.createDatabase("parley");
  const url = postgres.url("parley");
  await applyMigrations(url);
  Object.assign(process.env, { DATABASE_URL: url, PARLEY_DATA_DIR: dataDir, PARLEY_EMBEDDED: "1" });
  const sql = new pg.Client({ connectionString: url });
  await sql.connect();
  try {
    await sql.query(`INSERT INTO "Workspace" (id, name, slug, "defaultCountry", "updatedAt") VALUES ('bench', 'Bench', 'bench', 'ES', now())`);
    await sql.query(`INSERT INTO "ConsentList" (id, "workspaceId", name) VALUES ('promos', 'bench', 'Promotions')`);
    const source = path.join(dataDir, "source.csv");
    console.log(`Writing a ${ROWS.toLocaleString("en")}-row file…`);
    await writeFile(source);

    const { createImport, runImport } = await import("@/lib/imports/service");
    const { db, disconnectDb } = await import("@/lib/db/client");
    const upload = await createImport("bench", "bench", "contacts.csv", Readable.toWeb(createReadStream(source)) as ReadableStream<Uint8Array>);
    const mapping = {
      columns: [
        { target: "phone" },
        { target: "name" },
        { target: "attribute", attribute: "tier" },
        { target: "attribute", attribute: "city" },
        { target: "tags" },
        { target: "optedIn" },
        { target: "time" },
      ],
      consentListId: "promos",
      proof: "Checkout box: Send me offers on WhatsApp",
    };
    const size = (await db.contactImport.findUniqueOrThrow({ where: { id: upload.id } })).sizeBytes;

    const contactsOnly = { ...mapping, columns: mapping.columns.map((c) => (["optedIn", "time"].includes(c.target) ? { target: "ignore" } : c)), consentListId: undefined };
    const rows: Row[] = [];
    console.log(`Process memory before the first run: ${Math.round(process.memoryUsage().rss / 1e6)} MB resident.`);
    for (const [label, mode, map] of [
      ["contacts only: import into an empty workspace", "import", contactsOnly],
      ["contacts + opt-ins: check (dry run, rolled back)", "check", mapping],
      ["contacts + opt-ins: import (contacts exist, opt-ins new)", "import", mapping],
      ["contacts + opt-ins: same file again (nothing changes)", "import", mapping],
    ] as const) {
      await db.contactImport.update({ where: { id: upload.id }, data: { mapping: map } });
      const started = performance.now();
      const counts = await runImport(upload.id, mode, null);
      const seconds = (performance.now() - started) / 1000;
      rows.push({
        run: label,
        rows: counts.rows,
        seconds: seconds.toFixed(1),
        "rows/s": Math.round(counts.rows / seconds),
        created: counts.created,
        updated: counts.updated,
        unchanged: counts.unchanged,
        rejected: counts.invalid + counts.duplicate,
        "opt-ins": counts.consent.optedIn,
        "MB/s": (Number(size) / 1e6 / seconds).toFixed(1),
        "peak RSS MB": Math.round(process.resourceUsage().maxRSS / 1024), // the whole process so far, Prisma and the file writer included
      });
    }
    await printTable(`Contact import: ${ROWS.toLocaleString("en")} rows, ${(Number(size) / 1e6).toFixed(0)} MB (durable PostgreSQL)`, rows);
    await disconnectDb();
    await (await import("@/lib/db/pg")).closePgPool();
  } finally {
    await sql.end();
    await postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
