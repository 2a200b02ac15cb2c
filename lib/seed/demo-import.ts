// The demo's finished contact import (Audiences → Import): the till system's loyalty export, which gave 36
// customers their tier four days ago. Its rows are read by the import's own row rules (lib/imports/rows.ts)
// and counted as the run counts them: three were left out (a number too short, a row without one, a
// customer listed twice), and their report was written where the run writes it. The upload itself is gone,
// as after every import. No consent columns: the counts of consent changes are zero.
import "server-only";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { csvLine } from "@/lib/csv";
import type { Prisma } from "@/lib/db/client";
import { defaultLocale } from "@/lib/i18n/config";
import { FILE_MODE, importFile } from "@/lib/imports/file";
import { reportWords } from "@/lib/imports/problems";
import { mapRow } from "@/lib/imports/rows";
import { noCounts, type RejectedRow } from "@/lib/imports/model";
import { importMappingSchema } from "@/lib/imports/schemas";

const HEADERS = ["Phone", "Name", "Loyalty tier"];
const IMPORTED_DAYS_AGO = 4;

type Customer = { phone: string; name: string; attributes: { loyaltyTier: string } };

/** The file's data rows: customers as the till exported them, with the three mistakes among them. */
function fileRows(customers: Customer[]): string[][] {
  const rows = customers.map((c) => [c.phone, c.name, c.attributes.loyaltyTier]);
  rows.splice(9, 0, ["+34 61 12", "Ines Costa", "silver"]);
  rows.splice(22, 0, ["", "Hugo Rossi", "gold"]);
  rows.push([...rows[4]!]);
  return rows;
}

export async function seedContactImport(
  tx: Prisma.TransactionClient,
  ws: string,
  c: { userId: string; customers: Customer[]; known: Set<string> },
) {
  const mapping = importMappingSchema.parse({
    columns: [{ target: "phone" }, { target: "name" }, { target: "attribute", attribute: "loyaltyTier" }],
  });
  const rows = fileRows(c.customers);
  const counts = { ...noCounts(), rows: rows.length };
  const rejects: RejectedRow[] = [];
  const firstRow = new Map<string, number>();
  rows.forEach((cells, i) => {
    const row = i + 2; // as a spreadsheet numbers it: the header is row 1
    const result = mapRow(cells, { mapping, defaultCountry: "ES", lists: new Map() });
    if (!result.ok) {
      counts.invalid++;
      return rejects.push({ row, problem: result.problem });
    }
    const phone = result.contact.phone!;
    const first = firstRow.get(phone);
    if (first !== undefined) {
      counts.duplicate++;
      return rejects.push({ row, problem: { code: "duplicate", first, phone } });
    }
    firstRow.set(phone, row);
    // Each was a customer already; the file gave them their tier.
    counts[c.known.has(phone) ? "updated" : "created"]++;
  });

  const uploadedAt = new Date(Date.now() - IMPORTED_DAYS_AGO * 86_400_000);
  const at = (seconds: number) => new Date(uploadedAt.getTime() + seconds * 1000);
  const file = [HEADERS, ...rows].map((cells) => cells.join(",") + "\r\n").join("");
  const created = await tx.contactImport.create({
    data: {
      workspaceId: ws,
      createdById: c.userId,
      fileName: "till-loyalty-export.csv",
      sizeBytes: Buffer.byteLength(file),
      headers: HEADERS,
      sample: rows.slice(0, 5),
      mapping,
      status: "DONE",
      progress: 1,
      counts,
      rejects,
      startedAt: at(95),
      finishedAt: at(97),
      createdAt: uploadedAt,
    },
    select: { id: true },
  });
  await writeReport(created.id, rows, rejects);
}

/** The rejected rows' report, as the run writes it in its runner's language: row, reason, then the row as it was. */
async function writeReport(id: string, rows: string[][], rejects: RejectedRow[]) {
  const words = await reportWords(defaultLocale);
  const lines = [
    csvLine([...words.columns, ...HEADERS]),
    ...rejects.map((r) => csvLine([r.row, words.describe(r.problem!), ...rows[r.row - 2]!])),
  ];
  const report = importFile(id, "rejected");
  await mkdir(path.dirname(report), { recursive: true, mode: 0o700 });
  await writeFile(report, lines.join(""), { mode: FILE_MODE });
}
