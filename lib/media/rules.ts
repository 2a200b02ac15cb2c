// What WhatsApp takes as template header media: the type, recognised by the file's own bytes, and its size.
// The hints people read are in the catalogs (templates.media.hint.*).
import { messageKey } from "@/lib/i18n/message-key";

export const MEDIA_RULES = {
  IMAGE: { types: ["image/jpeg", "image/png"], maxBytes: 5 * 1024 * 1024 },
  VIDEO: { types: ["video/mp4", "video/3gpp"], maxBytes: 16 * 1024 * 1024 },
  DOCUMENT: { types: ["application/pdf"], maxBytes: 100 * 1024 * 1024 },
} as const;
export type MediaKind = keyof typeof MEDIA_RULES;

/** The type the bytes say they are (a file's name or declared type can lie). */
export function sniffType(bytes: Uint8Array): string | null {
  const at = (offset: number, ...values: number[]) => values.every((v, i) => bytes[offset + i] === v);
  if (at(0, 0xff, 0xd8, 0xff)) return "image/jpeg";
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (at(0, 0x25, 0x50, 0x44, 0x46, 0x2d)) return "application/pdf";
  if (at(4, 0x66, 0x74, 0x79, 0x70)) {
    const brand = String.fromCharCode(...bytes.slice(8, 11));
    return brand.startsWith("3g") ? "video/3gpp" : "video/mp4";
  }
  return null;
}

export type MediaCheck = { ok: true; kind: MediaKind; mimeType: string } | { ok: false; message: string };

export function checkMedia(fileName: string, bytes: Uint8Array): MediaCheck {
  const mimeType = sniffType(bytes);
  const kind = (Object.keys(MEDIA_RULES) as MediaKind[]).find((k) =>
    (MEDIA_RULES[k].types as readonly string[]).includes(mimeType ?? ""),
  );
  if (!mimeType || !kind) {
    return {
      ok: false,
      message: messageKey("templates.media.refused.notHeaderFile", { file: fileName }),
    };
  }
  const rule = MEDIA_RULES[kind];
  if (bytes.length > rule.maxBytes) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    return {
      ok: false,
      message: messageKey("templates.media.refused.tooLarge", {
        file: fileName,
        kind,
        max: mb(rule.maxBytes),
        size: mb(bytes.length),
      }),
    };
  }
  return { ok: true, kind, mimeType };
}
