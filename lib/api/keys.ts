// API keys: "pk_<12 prefix chars>_<43 secret chars>". The whole key is shown once; Parley keeps its SHA-256
// (the key is 256 random bits, so a slow hash would add nothing) and the prefix, which finds the row.
import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { recordAudit } from "@/lib/audit/service";
import { db } from "@/lib/db/client";
import { pgPool } from "@/lib/db/pg";
import { NotFoundError } from "@/lib/errors";
import type { ApiScope } from "./scopes";

const KEY_PATTERN = /^(pk_[A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

export type ApiCaller = { keyId: string; workspaceId: string; scopes: ApiScope[]; prefix: string };

export async function createApiKey(
  workspaceId: string,
  actorId: string | null,
  input: { name: string; scopes: ApiScope[]; expiresAt: Date | null },
): Promise<{ id: string; key: string; prefix: string }> {
  const prefix = `pk_${randomBytes(9).toString("base64url").replace(/[-_]/g, "x").slice(0, 12)}`;
  const key = `${prefix}_${randomBytes(32).toString("base64url")}`;
  const row = await db.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: {
        workspaceId,
        name: input.name,
        prefix,
        secretHash: sha256(key),
        scopes: input.scopes,
        expiresAt: input.expiresAt,
        createdById: actorId,
      },
    });
    await recordAudit(
      workspaceId,
      actorId,
      {
        action: "api_key.created",
        targetType: "api_key",
        targetId: created.id,
        details: { name: input.name, prefix, scopes: input.scopes, expiresAt: input.expiresAt?.toISOString() ?? null },
      },
      tx,
    );
    return created;
  });
  return { id: row.id, key, prefix };
}

export function listApiKeys(workspaceId: string) {
  return db.apiKey.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      prefix: true,
      scopes: true,
      expiresAt: true,
      lastUsedAt: true,
      revokedAt: true,
      createdAt: true,
    },
  });
}

export async function revokeApiKey(workspaceId: string, actorId: string | null, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({
      where: { id, workspaceId },
      select: { prefix: true, name: true, revokedAt: true },
    });
    if (!key) throw new NotFoundError("apiKey");
    if (key.revokedAt) return;
    await tx.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordAudit(
      workspaceId,
      actorId,
      {
        action: "api_key.revoked",
        targetType: "api_key",
        targetId: id,
        details: { name: key.name, prefix: key.prefix },
      },
      tx,
    );
  });
}

export type KeyRefusal = "missing" | "malformed" | "unknown" | "revoked" | "expired";

/** The caller a presented key stands for, or why it stands for no one. Looked up on every call: a revoke counts at once. */
export async function authenticateApiKey(
  presented: string | null,
): Promise<ApiCaller | { refused: KeyRefusal; keyId?: string; workspaceId?: string }> {
  // null: no Authorization header at all; "" (a header that holds no Bearer token) is malformed.
  if (presented === null) return { refused: "missing" };
  const match = KEY_PATTERN.exec(presented);
  if (!match) return { refused: "malformed" };
  // On node-postgres: every public API call asks this first, and Prisma's per-query cost would double it.
  const { rows } = await pgPool().query<{
    id: string;
    workspaceId: string;
    secretHash: string;
    scopes: string[];
    expiresAt: Date | null;
    revokedAt: Date | null;
    lastUsedAt: Date | null;
    prefix: string;
  }>({
    name: "parley_api_key",
    text: `SELECT id, "workspaceId", "secretHash", scopes, "expiresAt", "revokedAt", "lastUsedAt", prefix FROM "ApiKey" WHERE prefix = $1`,
    values: [match[1]!],
  });
  const row = rows[0];
  if (!row || !timingSafeEqual(Buffer.from(row.secretHash), Buffer.from(sha256(presented))))
    return { refused: "unknown" };
  const denied = { keyId: row.id, workspaceId: row.workspaceId };
  if (row.revokedAt) return { refused: "revoked", ...denied };
  if (row.expiresAt && row.expiresAt <= new Date()) return { refused: "expired", ...denied };
  // Last used, to the minute: one write a minute per key, not one per call.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    void db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } }).catch(() => {});
  }
  return { keyId: row.id, workspaceId: row.workspaceId, scopes: row.scopes as ApiScope[], prefix: row.prefix };
}
