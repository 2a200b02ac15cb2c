// Contact imports: upload, map, check (a dry run that writes nothing), import. Checking and importing run
// as a job in the worker and stream the file: rows are validated in JavaScript, copied into a temporary
// table with COPY, then written with a few set-based statements per chunk. Importing the same file twice
// changes nothing: contacts are upserted only where a value differs, consent only where its state changes.
import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable, type Writable } from "node:stream";
import { once } from "node:events";
import { pipeline } from "node:stream/promises";
import type { PoolClient } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { recordAudit } from "@/lib/audit/service";
import { can } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/guard";
import { identityHash } from "@/lib/contacts/privacy";
import { csvLine } from "@/lib/csv";
import { logger } from "@/lib/logger";
import { db, type Prisma } from "@/lib/db/client";
import { pgPool } from "@/lib/db/pg";
import { AppError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { defaultLocale, type Locale } from "@/lib/i18n/config";
import { messageKey } from "@/lib/i18n/message-key";
import { sendJob } from "@/lib/jobs/engine";
import {
  consentEventsWanted,
  emitBulkConsentEvents,
  type BulkConsentChange,
} from "@/lib/outbound-webhooks/domain-events";
import { importJob } from "./jobs";
import { csvErrorMessage, detectFormat, FILE_MODE, importFile, readRecords } from "./file";
import { reportWords, type RowProblem } from "./problems";
import { cleanCell, mapRow, type ImportedContact } from "./rows";
import { CONSENT_TARGETS, noCounts, type ColumnTarget, type ImportCounts, type RejectedRow } from "./model";
import { importMappingSchema, usesConsent, type ImportMapping } from "./schemas";

export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;
const REJECTS_KEPT = 100; // shown on the page; the full list is in the downloadable report
const CHUNK_ROWS = 25_000;
const LANES = 3; // database connections applying chunks at once

export type ImportMode = "check" | "import";

// ---------------------------------------------------------------- upload and mapping

/** Stores an uploaded file, reads its header and first rows, and suggests what each column is. */
export async function createImport(
  workspaceId: string,
  userId: string,
  fileName: string,
  body: ReadableStream<Uint8Array>,
) {
  const id = randomUUID().replaceAll("-", "");
  const file = importFile(id);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  let size = 0;
  try {
    await pipeline(
      Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>),
      async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          size += chunk.length;
          if (size > MAX_IMPORT_BYTES)
            throw new ValidationError(
              messageKey("audiences.errors.import.tooLarge", { mb: MAX_IMPORT_BYTES / 1024 / 1024 }),
            );
          yield chunk;
        }
      },
      createWriteStream(file, { mode: FILE_MODE }),
    );
    if (size === 0) throw new ValidationError(messageKey("audiences.errors.import.empty"));
    const { headers, sample } = await readHead(file);
    if (headers.length < 1 || headers.every((h) => !h))
      throw new ValidationError(messageKey("audiences.errors.import.noHeader"));
    const created = await db.contactImport.create({
      data: {
        id,
        workspaceId,
        createdById: userId,
        fileName: fileName.slice(0, 200) || "contacts.csv",
        sizeBytes: size,
        headers,
        sample,
      },
      select: { id: true },
    });
    return created;
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
}

async function readHead(file: string): Promise<{ headers: string[]; sample: string[][] }> {
  const { format } = await detectFormat(file);
  const records: string[][] = [];
  try {
    for await (const record of readRecords(file, format)) {
      records.push(record.map(cleanCell));
      if (records.length > 5) break;
    }
  } catch (error) {
    throw new ValidationError(
      // The parser's own words (English) say what it met; the sentence around them is the reader's.
      csvErrorMessage(error) ??
        messageKey("audiences.errors.import.notCsv", {
          reason: error instanceof Error ? error.message : String(error),
        }),
    );
  }
  const [headers = [], ...sample] = records;
  return { headers: headers.map((h) => h.slice(0, 100)), sample };
}

const GUESSES: [RegExp, ColumnTarget][] = [
  [/^(phone|mobile|cell|msisdn|whats ?app|tel|telephone|number|phone ?number|wa_?id)$/i, "phone"],
  [/^(bsuid|user[ _]?id|whats ?app ?user ?id|wa[ _]?user[ _]?id)$/i, "bsuid"],
  [/^(username|user ?name|whats ?app ?user ?name|handle)$/i, "username"],
  [/^(name|full ?name|contact|contact ?name|first ?name)$/i, "name"],
  [/^(locale|language|lang)$/i, "locale"],
  [/^(time ?zone|tz|timezone)$/i, "timeZone"],
  [/^(tags?|labels?)$/i, "tags"],
  [/^(opted ?in|opt[-_ ]?in|consent|subscribed|marketing ?consent)$/i, "optedIn"],
  [/^(list|consent ?list)$/i, "list"],
  [/^(source|consent ?source)$/i, "source"],
  [/^(consent ?(time|date)|opted ?in ?(at|on)|consented ?at|opt[-_ ]?in ?date)$/i, "time"],
  [/^(proof|wording|consent ?(text|wording|proof))$/i, "proof"],
];

/** A first guess at the mapping, from the column names; unknown columns become attributes. */
export function suggestMapping(headers: string[], canEditConsent: boolean): ImportMapping["columns"] {
  const taken = new Set<ColumnTarget>();
  return headers.map((header) => {
    const guess = GUESSES.find(([pattern, target]) => pattern.test(header.trim()) && !taken.has(target))?.[1];
    if (guess && (canEditConsent || !CONSENT_TARGETS.includes(guess))) {
      taken.add(guess);
      return { target: guess };
    }
    const key = header
      .trim()
      .replace(/[^a-zA-Z0-9_]+/g, "_")
      .replace(/^[^a-zA-Z]+|_+$/g, "")
      .slice(0, 40);
    return key ? { target: "attribute" as const, attribute: key } : { target: "ignore" as const };
  });
}

export async function getImport(workspaceId: string, id: string) {
  const row = await db.contactImport.findFirst({ where: { id, workspaceId } });
  if (!row) throw new NotFoundError("import");
  return {
    ...row,
    sizeBytes: Number(row.sizeBytes),
    sample: row.sample as string[][],
    mapping: row.mapping as ImportMapping | null,
    counts: row.counts as ImportCounts | null,
    rejects: row.rejects as RejectedRow[],
  };
}

export async function listImports(workspaceId: string) {
  return db.contactImport.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "desc" },
    take: 10,
    select: { id: true, fileName: true, status: true, counts: true, createdAt: true },
  });
}

/**
 * Starts a check (dry run) or the import itself as a job. An import needs a finished check of the same
 * mapping first, so what is written is what the check showed. A second click while it runs changes nothing.
 */
/** Queues a check or an import of an upload; `locale` is the language its rejected rows' report is written in. */
export async function startImportRun(
  user: CurrentUser,
  id: string,
  mode: ImportMode,
  mapping: ImportMapping,
  locale: Locale = defaultLocale,
) {
  const current = await getImport(user.workspaceId, id);
  if (mapping.columns.length !== current.headers.length)
    throw new ValidationError(messageKey("audiences.errors.import.mappingColumns"));
  if (usesConsent(mapping) && !can(user.role, "consent.edit")) {
    throw new ForbiddenError(messageKey("audiences.errors.import.consentAdminsOnly"));
  }
  if (mapping.consentListId) {
    const list = await db.consentList.findFirst({
      where: { id: mapping.consentListId, workspaceId: user.workspaceId },
      select: { id: true },
    });
    if (!list)
      throw new ValidationError(messageKey("audiences.errors.import.noSuchList"), {
        consentListId: [messageKey("audiences.errors.consent.chooseList")],
      });
  }
  // Stored JSONB orders keys its own way: compare both as the schema writes them.
  const checkedMapping = current.mapping && JSON.stringify(importMappingSchema.parse(current.mapping));
  if (mode === "import" && (current.status !== "CHECKED" || checkedMapping !== JSON.stringify(mapping))) {
    throw new ConflictError(messageKey("audiences.errors.import.checkFirst"));
  }
  if (
    !(await stat(importFile(id)).then(
      () => true,
      () => false,
    ))
  ) {
    throw new ConflictError(messageKey("audiences.errors.import.fileDeleted"));
  }
  const from = mode === "check" ? (["UPLOADED", "CHECKED", "DONE", "FAILED"] as const) : (["CHECKED"] as const);
  const started = await db.$transaction(async (tx: Prisma.TransactionClient) => {
    const { count } = await tx.contactImport.updateMany({
      where: { id, workspaceId: user.workspaceId, status: { in: [...from] } },
      data: {
        status: mode === "check" ? "CHECKING" : "IMPORTING",
        mapping,
        progress: 0,
        error: null,
        startedAt: new Date(),
        finishedAt: null,
      },
    });
    if (count === 1) {
      await sendJob(importJob, { importId: id, mode, actorId: user.userId, locale }, tx, {
        workspaceId: user.workspaceId,
      });
    }
    return count === 1;
  });
  if (!started)
    throw new ConflictError(
      messageKey(mode === "check" ? "audiences.errors.import.busyCheck" : "audiences.errors.import.busyImport"),
    );
}

/** The rejected rows report (row number, reason, the row as it was), or null when there is none. */
export async function rejectedReport(workspaceId: string, id: string): Promise<{ file: string; name: string } | null> {
  const row = await getImport(workspaceId, id);
  const file = importFile(row.id, "rejected");
  const exists = await stat(file).then(
    () => true,
    () => false,
  );
  return exists ? { file, name: `${row.fileName.replace(/\.[^.]+$/, "")}-rejected-rows.csv` } : null;
}

// ---------------------------------------------------------------- the run (in the worker)

const STAGING = `
  CREATE TEMP TABLE IF NOT EXISTS import_rows (
    id text NOT NULL, phone text, bsuid text, username text, name text, locale text, time_zone text, attributes jsonb NOT NULL, tags text[] NOT NULL,
    list_id text, opted_in boolean, source text, occurred_at timestamptz, proof text)`;

const COPY_ESCAPED = /[\\\t\n\r]/g;

/** A value for COPY's text format. */
function copyValue(value: string | boolean | null | undefined): string {
  if (value == null) return "\\N";
  const text = String(value);
  if (text.search(COPY_ESCAPED) < 0) return text; // nearly every value: no copy made
  return text.replace(COPY_ESCAPED, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}

/** A text[] literal: {"a","b"}. */
function arrayLiteral(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, "\\$&")}"`).join(",")}}`;
}

/** `id` is the contact's id if the row turns out to be new: unique per run, and cheaper made here than in SQL. */
function copyLine(id: string, c: ImportedContact): string {
  const consent = c.consent;
  return (
    [
      id,
      c.phone,
      c.bsuid,
      c.username,
      c.name,
      c.locale,
      c.timeZone,
      JSON.stringify(c.attributes),
      arrayLiteral(c.tags),
      consent?.listId,
      consent?.optedIn,
      consent?.source,
      consent?.time?.toISOString(),
      consent?.proof,
    ]
      .map(copyValue)
      .join("\t") + "\n"
  );
}

/**
 * One chunk's rows as COPY text, encoded to bytes as each row is read. Kept as strings until the chunk is
 * sent, rows outlive the young generation's collections and pile up in the old one (the heap grew by about
 * a chunk's size per chunk until a full collection); bytes in a buffer used again for a later chunk don't.
 */
class ChunkBuffer {
  private bytes = Buffer.allocUnsafe(1024 * 1024); // grows to a chunk's size with the first chunks
  private length = 0;
  rows = 0;

  add(line: string) {
    const room = line.length * 3; // UTF-8 takes at most 3 bytes per UTF-16 unit
    if (this.length + room > this.bytes.length) {
      const larger = Buffer.allocUnsafe(Math.max(2 * this.bytes.length, this.length + room));
      this.bytes.copy(larger, 0, 0, this.length);
      this.bytes = larger;
    }
    this.length += this.bytes.write(line, this.length);
    this.rows++;
  }

  /** The rows added since the last clear(), without a copy. */
  contents(): Buffer {
    return this.bytes.subarray(0, this.length);
  }

  clear() {
    this.length = 0;
    this.rows = 0;
  }
}

async function write(stream: Writable, text: string) {
  if (!stream.write(text)) await once(stream, "drain");
}

/**
 * Reads, validates and writes a file. Parsing (JavaScript) and writing (PostgreSQL) overlap: while the
 * database applies one chunk of rows, the next chunk is being read.
 */
/** Runs a check or an import; the rejected rows' report is written in `locale`, the language of whoever ran it. */
export async function runImport(
  importId: string,
  mode: ImportMode,
  actorId: string | null,
  locale: Locale = defaultLocale,
): Promise<ImportCounts> {
  const record = await db.contactImport.findUnique({
    where: { id: importId },
    include: { workspace: { select: { defaultCountry: true } } },
  });
  if (!record?.mapping) throw new Error(`Import ${importId} has no mapping`);
  const mapping = importMappingSchema.parse(record.mapping);
  const workspaceId = record.workspaceId;
  const file = importFile(importId);
  const size = Number(record.sizeBytes);

  const setProgress = (progress: number) => db.contactImport.update({ where: { id: importId }, data: { progress } });
  const lists = new Map(
    (await db.consentList.findMany({ where: { workspaceId }, select: { id: true, name: true } })).map((l) => [
      l.name.toLowerCase(),
      l.id,
    ]),
  );
  const suppressed = new Set(
    (await db.suppression.findMany({ where: { workspaceId }, select: { identityHash: true } })).map(
      (s) => s.identityHash,
    ),
  );
  const counts = noCounts();
  const rejects: RejectedRow[] = [];
  const words = await reportWords(locale);
  const reportFile = importFile(importId, "rejected");
  await rm(reportFile, { force: true });
  let report: Writable | undefined;
  const reject = async (row: number, problem: RowProblem, cells: string[]) => {
    if (rejects.length < REJECTS_KEPT) rejects.push({ row, problem });
    const reason = words.describe(problem);
    if (!report) {
      report = createWriteStream(reportFile, { mode: FILE_MODE });
      // A run that fails destroys the report while writes may still be queued; their late error must not
      // become an uncaught exception that ends the worker. Awaited writes and the finish still see errors.
      report.on("error", (error) => logger.warn("the rejected rows' report stopped", { importId, error }));
      await write(report, csvLine([...words.columns, ...record.headers]));
    }
    await write(report, csvLine([row, reason, ...cells]));
  };

  // Several connections ("lanes") apply chunks side by side while this process reads the next one, so
  // the database's work spreads over the machine's cores and one lane's waits (WAL, locks) cost nothing.
  // Each lane holds one transaction until the end: a check rolls them all back (its counts are exact: they
  // come from the very statements of the import), an import commits them all.
  const lanes = await Promise.all(Array.from({ length: LANES }, () => pgPool().connect()));
  const busy: Promise<void>[] = lanes.map(() => Promise.resolve());
  const now = new Date();
  const idPrefix = `c${randomBytes(8).toString("hex")}`;
  let chunks = 0;
  // The chunk being read, and each lane's last chunk: a lane's buffer is free again once its chunk is applied.
  let chunk = new ChunkBuffer();
  const sent = lanes.map(() => new ChunkBuffer());
  const flush = async () => {
    const lane = chunks % lanes.length;
    await busy[lane]; // that lane's previous chunk first; the other lanes keep working meanwhile
    [chunk, sent[lane]] = [sent[lane]!, chunk];
    chunk.clear();
    busy[lane] = applyChunk(lanes[lane]!, sent[lane]!.contents(), { workspaceId, actorId, now }, counts);
    busy[lane].catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
    chunks++;
  };
  try {
    for (const lane of lanes) {
      await lane.query(STAGING);
      await lane.query("BEGIN");
      // Each contact's copy of its consent (Contact.optedInListIds) is kept by the import's own statements,
      // not by the trigger on ContactConsent: new contacts get it when created, existing ones with their change.
      await lane.query("SET LOCAL parley.consent_copy = 'kept'");
    }
    const { format } = await detectFormat(file);
    const firstRow = new Map<number, number>();
    const firstRowOfUser = new Map<string, number>(); // rows with a WhatsApp user id: few, so keyed by the string
    let lastReported = 0;
    let index = 0;
    for await (const cells of readRecords(file, format, (bytes) => {
      if (bytes - lastReported > size / 50) {
        lastReported = bytes;
        setProgress((0.95 * bytes) / size).catch(() => {}); // the bar may lag; the run goes on
      }
    })) {
      if (index++ === 0) continue; // the header
      const row = index; // as a spreadsheet numbers it: the header is row 1
      if (cells.every((cell) => !cell.trim())) continue;
      counts.rows++;
      const result = mapRow(cells, { mapping, defaultCountry: record.workspace.defaultCountry, lists });
      if (!result.ok) {
        counts.invalid++;
        await reject(row, result.problem, cells);
        continue;
      }
      const { phone, bsuid } = result.contact;
      // E.164 has at most 15 digits: exact as a number, and far smaller than a string
      const key = phone ? Number(phone.slice(1)) : undefined;
      const first = key === undefined ? undefined : firstRow.get(key);
      const firstOfUser = bsuid === undefined ? undefined : firstRowOfUser.get(bsuid);
      if (first !== undefined || firstOfUser !== undefined) {
        counts.duplicate++;
        await reject(
          row,
          first !== undefined
            ? { code: "duplicate", first, phone: phone! }
            : { code: "duplicateUser", first: firstOfUser!, bsuid: bsuid! },
          cells,
        );
        continue;
      }
      if (key !== undefined) firstRow.set(key, row);
      if (bsuid !== undefined) firstRowOfUser.set(bsuid, row);
      const erased = (identifier: string | undefined) =>
        identifier !== undefined && suppressed.has(identityHash(workspaceId, identifier));
      if (suppressed.size > 0 && (erased(phone) || erased(bsuid))) {
        counts.suppressed++;
        await reject(row, { code: "erased" }, cells);
        continue;
      }
      chunk.add(copyLine(idPrefix + row.toString(36), result.contact));
      if (chunk.rows === CHUNK_ROWS) await flush();
    }
    if (chunk.rows > 0) await flush();
    await Promise.all(busy);
    for (const lane of lanes) await lane.query(mode === "check" ? "ROLLBACK" : "COMMIT");
    // A check leaves every row it wrote behind as dead rows; clear them now rather than slow the import.
    if (mode === "check") await lanes[0]!.query(`VACUUM "Contact", "ContactConsent", "ConsentEvent"`);
    // After an import, fresh statistics at once (autovacuum would take a while): segment counts and a
    // campaign launched right after must not be planned for the tables as they were before.
    else await lanes[0]!.query(`ANALYZE "Contact", "ContactConsent"`);
    if (report) {
      report.end();
      await once(report, "finish");
    }
  } catch (error) {
    await Promise.allSettled(busy);
    await Promise.allSettled(lanes.map((lane) => lane.query("ROLLBACK")));
    const message = csvErrorMessage(error);
    throw message ? new ValidationError(message) : error;
  } finally {
    report?.destroy();
    for (const lane of lanes) lane.release();
  }

  await db.$transaction(async (tx: Prisma.TransactionClient) => {
    await tx.contactImport.update({
      where: { id: importId },
      data: { status: mode === "check" ? "CHECKED" : "DONE", progress: 1, counts, rejects, finishedAt: new Date() },
    });
    if (mode === "import") {
      await recordAudit(
        workspaceId,
        actorId,
        {
          action: "contacts.imported",
          targetType: "import",
          targetId: importId,
          details: { file: record.fileName, ...counts },
        },
        tx,
      );
    }
  });
  // The upload is personal data Parley no longer needs once its contacts are in (the rejected rows'
  // report stays, for the person to fix and upload them).
  if (mode === "import") await rm(file, { force: true });
  return counts;
}

/**
 * A run that failed for good: the page shows why (`error` holds the reason, a message key the page translates
 * into "The file could not be processed: …"); the file can be checked again. An unexpected error is logged,
 * and the page says only that.
 */
export async function failImport(importId: string, error: unknown) {
  if (!(error instanceof AppError)) logger.error("a contact import failed", { importId, error });
  const reason = error instanceof AppError ? error.message : messageKey("audiences.errors.import.unexpected");
  const before = await db.contactImport.findUnique({ where: { id: importId }, select: { status: true } });
  await db.contactImport.update({
    where: { id: importId },
    data: { status: "FAILED", error: reason.slice(0, 1000), finishedAt: new Date() },
  });
  // A failed import, or a file that cannot be read whatever the mapping, is not kept: it is personal
  // data, and the person uploads it again once fixed. A check that failed otherwise keeps the file, so
  // it can be checked again with another mapping.
  if (before?.status === "IMPORTING" || error instanceof ValidationError)
    await rm(importFile(importId), { force: true });
}

type Run = { workspaceId: string; actorId: string | null; now: Date };

async function applyChunk(client: PoolClient, rows: Buffer, c: Run, counts: ImportCounts) {
  await client.query("TRUNCATE import_rows");
  const copy = client.query(copyFrom("COPY import_rows FROM STDIN"));
  copy.end(rows);
  await once(copy, "finish");

  // Contacts: new ones inserted; existing ones updated only where the file adds or changes something.
  // Empty cells never erase what is known; tags and attributes are merged. A row with a phone is matched on
  // the phone, a row with only a WhatsApp user id (BSUID) on that. A BSUID another contact already holds
  // stays with it: the two records are merged when a message names both (lib/identity/merge.ts).
  const upsert = (key: "phone" | "bsuid", rows: string) => `
       INSERT INTO "Contact" (id, "workspaceId", phone, bsuid, username, name, locale, "timeZone", attributes, tags, "optedInListIds", "createdAt", "updatedAt")
       SELECT id, $1, phone,
              ${key === "bsuid" ? "bsuid" : `CASE WHEN bsuid IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Contact" x WHERE x."workspaceId" = $1 AND x.bsuid = r.bsuid) THEN bsuid END`},
              username, name, locale, time_zone, attributes, tags,
              -- its copy of its consent: what the statement below decides for a new contact (no earlier opt-out)
              CASE WHEN opted_in AND list_id IS NOT NULL THEN ARRAY[list_id] ELSE '{}' END, $2, $2
       FROM import_rows r WHERE ${rows}
       ON CONFLICT ("workspaceId", ${key}) DO UPDATE SET
         bsuid = COALESCE("Contact".bsuid, EXCLUDED.bsuid),
         username = COALESCE(EXCLUDED.username, "Contact".username),
         name = COALESCE(EXCLUDED.name, "Contact".name),
         locale = COALESCE(EXCLUDED.locale, "Contact".locale),
         "timeZone" = COALESCE(EXCLUDED."timeZone", "Contact"."timeZone"),
         attributes = "Contact".attributes || EXCLUDED.attributes,
         tags = "Contact".tags || ARRAY(SELECT t FROM unnest(EXCLUDED.tags) t WHERE t <> ALL ("Contact".tags)),
         "updatedAt" = $2
       WHERE (EXCLUDED.bsuid IS NOT NULL AND "Contact".bsuid IS NULL)
          OR (EXCLUDED.username IS NOT NULL AND EXCLUDED.username IS DISTINCT FROM "Contact".username)
          OR (EXCLUDED.name IS NOT NULL AND EXCLUDED.name IS DISTINCT FROM "Contact".name)
          OR (EXCLUDED.locale IS NOT NULL AND EXCLUDED.locale IS DISTINCT FROM "Contact".locale)
          OR (EXCLUDED."timeZone" IS NOT NULL AND EXCLUDED."timeZone" IS DISTINCT FROM "Contact"."timeZone")
          OR NOT ("Contact".attributes @> EXCLUDED.attributes)
          OR NOT ("Contact".tags @> EXCLUDED.tags)
       RETURNING (xmax = 0) AS created`;
  const contacts = await client.query<{ created: number; updated: number; total: number }>(
    `WITH by_phone AS (${upsert("phone", "phone IS NOT NULL")}),
     by_user AS (${upsert("bsuid", "phone IS NULL")}),
     up AS (SELECT created FROM by_phone UNION ALL SELECT created FROM by_user)
     SELECT (SELECT count(*) FROM import_rows)::int AS total,
            count(*) FILTER (WHERE created)::int AS created,
            count(*) FILTER (WHERE NOT created)::int AS updated
     FROM up`,
    [c.workspaceId, c.now],
  );
  const { created, updated, total } = contacts.rows[0]!;
  counts.created += created;
  counts.updated += updated;
  counts.unchanged += total - created - updated;

  // Rows are looked up one by one through the unique indexes, never by scanning every contact. Table
  // statistics can't be trusted mid-import (the other lane's rows are invisible to ANALYZE until commit), so
  // the plan is pinned: each lookup is its own subquery (OFFSET 0 keeps the planner from merging it into a
  // join it would misjudge) on a key that names one row.
  await client.query("SET LOCAL enable_seqscan = off");

  // Consent: an event only where the state changes. An opt-in never overrides an opt-out (of this list,
  // or, for a marketing list, a global STOP: it covers marketing only, docs/consent.md) unless the file dates
  // the consent after it.
  // Each change is a contact.opted_in / contact.opted_out webhook event for endpoints that take them; the
  // statement returns the changes only then (most workspaces have none, and a million rows is a large answer).
  const sql = {
    $queryRawUnsafe: async <T>(text: string, ...values: unknown[]) => (await client.query(text, values)).rows as T,
  };
  const wanted = await consentEventsWanted(sql, c.workspaceId);
  const consent = await client.query<{
    outcome: keyof ImportCounts["consent"] | null;
    n: number;
    changes: (Omit<BulkConsentChange, "occurredAt"> & { occurredAt: string })[] | null;
  }>(
    `WITH src AS (
       SELECT c.id AS contact_id, c.id <> r.id AS existed, r.list_id, r.opted_in, r.source::"ConsentSource" AS source, r.proof,
              COALESCE(r.occurred_at, $2) AS occurred_at, r.occurred_at IS NOT NULL AS dated
       FROM import_rows r
       CROSS JOIN LATERAL (SELECT id FROM "Contact" WHERE "workspaceId" = $1 AND phone = r.phone
                           UNION ALL
                           SELECT id FROM "Contact" WHERE r.phone IS NULL AND "workspaceId" = $1 AND bsuid = r.bsuid OFFSET 0) c
       WHERE r.list_id IS NOT NULL),
     decided AS (
       SELECT s.*, CASE
         WHEN s.opted_in AND cc."optedIn" THEN 'unchanged'
         WHEN NOT s.opted_in AND cc."optedIn" = false THEN 'unchanged'
         WHEN NOT s.opted_in THEN 'optedOut'
         WHEN cc."optedIn" = false AND (NOT s.dated OR s.occurred_at <= cc."changedAt") THEN 'keptOptedOut'
         WHEN g.action = 'OPT_OUT' AND (NOT s.dated OR s.occurred_at <= g."occurredAt") THEN 'keptOptedOut'
         ELSE 'optedIn' END AS outcome
       FROM src s
       -- a contact this import created has no earlier consent: nothing to look up
       LEFT JOIN LATERAL (SELECT "optedIn", "changedAt" FROM "ContactConsent"
                          WHERE s.existed AND "contactId" = s.contact_id AND "consentListId" = s.list_id OFFSET 0) cc ON true
       LEFT JOIN LATERAL (SELECT action, "occurredAt" FROM "ConsentEvent"
                          WHERE s.existed AND "workspaceId" = $1 AND "contactId" = s.contact_id AND "consentListId" IS NULL
                            AND EXISTS (SELECT 1 FROM "ConsentList" WHERE id = s.list_id AND category = 'MARKETING')
                          ORDER BY "occurredAt" DESC, id DESC LIMIT 1) g ON true),
     events AS (
       INSERT INTO "ConsentEvent" ("workspaceId", "contactId", "consentListId", action, source, proof, "actorId", "occurredAt", "recordedAt")
       SELECT $1, contact_id, list_id, (CASE WHEN outcome = 'optedIn' THEN 'OPT_IN' ELSE 'OPT_OUT' END)::"ConsentAction",
              source, proof, $3, occurred_at, $2
       FROM decided WHERE outcome IN ('optedIn', 'optedOut')
       RETURNING "contactId", "consentListId", action, source, "occurredAt"),
     state AS (
       INSERT INTO "ContactConsent" ("contactId", "consentListId", "workspaceId", "optedIn", "changedAt")
       SELECT contact_id, list_id, $1, outcome = 'optedIn', occurred_at FROM decided WHERE outcome IN ('optedIn', 'optedOut')
       ON CONFLICT ("contactId", "consentListId") DO UPDATE SET "optedIn" = EXCLUDED."optedIn", "changedAt" = EXCLUDED."changedAt"),
     copy AS (
       UPDATE "Contact" c SET "optedInListIds" = CASE WHEN d.outcome = 'optedIn'
         THEN parley_consent_copy(c."optedInListIds", ARRAY[d.list_id], '{}') ELSE parley_consent_copy(c."optedInListIds", '{}', ARRAY[d.list_id]) END
       FROM decided d WHERE c.id = d.contact_id AND d.existed AND d.outcome IN ('optedIn', 'optedOut'))
     SELECT outcome, count(*)::int AS n, NULL AS changes FROM decided GROUP BY outcome
     UNION ALL
     SELECT NULL, NULL, json_agg(json_build_object('contactId', e."contactId", 'phone', k.phone, 'bsuid', k.bsuid, 'optedIn', e.action = 'OPT_IN',
         'source', e.source, 'occurredAt', e."occurredAt", 'list', json_build_object('id', l.id, 'name', l.name, 'category', l.category))
         ORDER BY e."occurredAt")
     FROM events e JOIN "Contact" k ON k.id = e."contactId" JOIN "ConsentList" l ON l.id = e."consentListId"
     WHERE $4::boolean`,
    [c.workspaceId, c.now, c.actorId, wanted],
  );
  for (const { outcome, n, changes } of consent.rows) {
    if (outcome) counts.consent[outcome] += n;
    if (changes) {
      const inOrder = changes.map((change) => ({ ...change, occurredAt: new Date(change.occurredAt) }));
      await emitBulkConsentEvents(sql, c.workspaceId, inOrder);
    }
  }
}
