import { z } from "zod";
import { messageKey } from "@/lib/i18n/message-key";
import { GRAPH_VERSION_IDS } from "./graph-versions";

const id = (field: "wabaId" | "phoneNumberId" | "appId") =>
  z
    .string()
    .trim()
    .regex(/^\d{5,20}$/, { message: messageKey("settings.errors.whatsapp.id", { field }) });

/** The connection form. Secrets may be left empty when editing: the stored ones are kept. */
export const accountSchema = z.object({
  wabaId: id("wabaId"),
  phoneNumberId: id("phoneNumberId"),
  appId: z.union([z.literal(""), id("appId")]).optional(),
  graphApiBase: z
    .union([
      z.literal(""),
      z.url({
        protocol: /^https?$/,
        message: messageKey("settings.errors.whatsapp.apiBase"),
      }),
    ])
    .optional(),
  /** One of Meta's versions Parley knows (lib/whatsapp/graph-versions); empty: keep the account's. */
  graphApiVersion: z.union([z.literal(""), z.enum(GRAPH_VERSION_IDS)]).optional(),
  accessToken: z.string().trim().max(1000).optional(),
  appSecret: z.string().trim().max(200).optional(),
  verifyToken: z.string().trim().max(200).optional(),
});
export type AccountInput = z.infer<typeof accountSchema>;

export const testMessageSchema = z.object({
  to: z
    .string()
    .trim()
    .transform((v) => v.replace(/[\s()-]/g, ""))
    .pipe(z.string().regex(/^\+?[1-9]\d{6,14}$/, { message: messageKey("settings.errors.whatsapp.phone") })),
  templateId: z.string().min(1, { message: messageKey("settings.errors.whatsapp.template") }),
});
export type TestMessageInput = z.infer<typeof testMessageSchema>;
