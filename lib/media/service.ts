// The media library: header images, videos and documents for templates. Files are checked by their
// bytes and size, stored behind MediaStorage, and images get a thumbnail for the library and the preview.
import "server-only";
import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { recordAudit } from "@/lib/audit/service";
import { db } from "@/lib/db/client";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { checkMedia, type MediaKind } from "./rules";
import { mediaStorage } from "./storage";

const thumbnailKey = (storageKey: string) => `${storageKey}.thumb.webp`;

export async function uploadMedia(workspaceId: string, actorId: string, file: { name: string; bytes: Uint8Array }) {
  const check = checkMedia(file.name, file.bytes);
  if (!check.ok) throw new ValidationError(check.message, { file: [check.message] });
  const storageKey = `${workspaceId}/${randomUUID()}`;
  const storage = mediaStorage();
  await storage.put(storageKey, file.bytes);
  if (check.kind === "IMAGE") {
    try {
      await storage.put(
        thumbnailKey(storageKey),
        await sharp(file.bytes).resize(480, 480, { fit: "inside" }).webp({ quality: 80 }).toBuffer(),
      );
    } catch {
      await storage.remove(storageKey);
      throw new ValidationError(messageKey("templates.media.refused.unreadableImage", { file: file.name }));
    }
  }
  const asset = await db.mediaAsset.create({
    data: {
      workspaceId,
      kind: check.kind,
      fileName: file.name.slice(0, 200),
      mimeType: check.mimeType,
      sizeBytes: file.bytes.length,
      storageKey,
    },
    select: { id: true, kind: true, fileName: true, mimeType: true, sizeBytes: true, createdAt: true },
  });
  await recordAudit(workspaceId, actorId, {
    action: "media.uploaded",
    targetType: "media",
    targetId: asset.id,
    details: { fileName: asset.fileName },
  });
  return asset;
}

export function listMedia(workspaceId: string, kind?: MediaKind) {
  return db.mediaAsset.findMany({
    where: { workspaceId, ...(kind ? { kind } : {}) },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: { id: true, kind: true, fileName: true, mimeType: true, sizeBytes: true, createdAt: true },
  });
}
export type MediaItem = Awaited<ReturnType<typeof listMedia>>[number];

async function assetOrThrow(workspaceId: string, id: string) {
  const asset = await db.mediaAsset.findFirst({
    where: { id, workspaceId },
    select: { kind: true, fileName: true, mimeType: true, storageKey: true },
  });
  if (!asset) throw new NotFoundError("mediaFile");
  return asset;
}

/** The file's bytes (or its thumbnail's), for serving and for Meta's upload. */
export async function readMedia(workspaceId: string, id: string, thumbnail = false) {
  const asset = await assetOrThrow(workspaceId, id);
  const useThumbnail = thumbnail && asset.kind === "IMAGE";
  return {
    fileName: asset.fileName,
    mimeType: useThumbnail ? "image/webp" : asset.mimeType,
    bytes: await mediaStorage().get(useThumbnail ? thumbnailKey(asset.storageKey) : asset.storageKey),
  };
}
