// `npm run bench -- import`: a 1,000,000-row contacts file checked, imported, and imported again.
//
// A real, durable PostgreSQL (embedded; fsync on) and the worker's own code (lib/imports/service.ts), each
// run in a process of its own started like the worker; its peak resident memory is reported.
// Rows: phone in mixed notations, name, two attributes, tags, opted in with a consent time; 1% invalid
// numbers and 1% duplicates, so the rejected-rows report is written too.
import { createReadStream, createWriteStream } from "node:fs";
import { once } from "node:events";
import path from "node:path";
import { Readable } from "node:stream";
import { spawnSync } from "node:child_process";
import type { ImportCounts } from "../lib/imports/model.ts";
import { root } from "../scripts/lib/schema-engine.ts";
import { withBenchDatabase } from "./database.ts";
import { printTable, type Row } from "./table.ts";

const NODE_TS = ["--import", "tsx", "--import", "./scripts/lib/allow-server-only.mjs"];
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
  await withBenchDatabase("import", async (sql, dataDir) => {
    await sql.query(
      `INSERT INTO "Workspace" (id, name, slug, "defaultCountry", "updatedAt") VALUES ('bench', 'Bench', 'bench', 'ES', now()), ('bench2', 'Bench 2', 'bench2', 'ES', now())`,
    );
    await sql.query(`INSERT INTO "ConsentList" (id, "workspaceId", name) VALUES ('promos', 'bench', 'Promotions')`);
    const source = path.join(dataDir, "source.csv");
    console.log(`Writing a ${ROWS.toLocaleString("en")}-row file…`);
    await writeFile(source);

    const { createImport } = await import("@/lib/imports/service");
    const { db } = await import("@/lib/db/client");
    const upload = async (workspaceId: string) =>
      (
        await createImport(
          workspaceId,
          "bench",
          "contacts.csv",
          Readable.toWeb(createReadStream(source)) as ReadableStream<Uint8Array>,
        )
      ).id;
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
    const contactsOnly = {
      ...mapping,
      columns: mapping.columns.map((c) => (["optedIn", "time"].includes(c.target) ? { target: "ignore" } : c)),
      consentListId: undefined,
    };
    const withConsent = await upload("bench");
    const withoutConsent = await upload("bench2");
    const size = (await db.contactImport.findUniqueOrThrow({ where: { id: withConsent } })).sizeBytes;

    const rows: Row[] = [];
    for (const [label, importId, mode, map] of [
      ["contacts + opt-ins: check (dry run, rolled back)", withConsent, "check", mapping],
      ["contacts + opt-ins: import into an empty workspace", withConsent, "import", mapping],
      // An import deletes its upload once its contacts are in (personal data): the same file is uploaded again.
      ["contacts + opt-ins: same file again (nothing changes)", await upload("bench"), "import", mapping],
      ["contacts only: import into an empty workspace", withoutConsent, "import", contactsOnly],
    ] as const) {
      await db.contactImport.update({ where: { id: importId }, data: { mapping: map } });
      // In a process of its own, started like the worker, so its memory is the import's and nothing else's.
      const child = spawnSync(process.execPath, [...NODE_TS, "bench/import-run.ts", importId, mode], {
        cwd: root,
        env: process.env,
        encoding: "utf8",
      });
      if (child.status !== 0) throw new Error(`Import run failed: ${child.stderr}`);
      const result = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as {
        counts: ImportCounts;
        seconds: number;
        peakRssMb: number;
      };
      const { counts, seconds } = result;
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
        "peak RSS MB": result.peakRssMb,
      });
    }
    await printTable(
      `Contact import: ${ROWS.toLocaleString("en")} rows, ${(Number(size) / 1e6).toFixed(0)} MB (durable PostgreSQL)`,
      rows,
    );
  });
}
