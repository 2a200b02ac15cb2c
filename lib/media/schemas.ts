// The media routes' query strings.
import { z } from "zod";
import { MEDIA_RULES, type MediaKind } from "./rules";

/** `?kind=IMAGE` narrows the library to one kind; an unknown kind lists everything, as no kind does. */
export const mediaListQuerySchema = z.object({
  kind: z
    .enum(Object.keys(MEDIA_RULES) as [MediaKind, ...MediaKind[]])
    .optional()
    .catch(undefined),
});

/** `?thumbnail=1` asks for the small version; any other value, the file itself. */
export const mediaFileQuerySchema = z.object({
  thumbnail: z
    .string()
    .optional()
    .transform((v) => v === "1"),
});
