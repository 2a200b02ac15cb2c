// TanStack Query keys for the media library (see lib/inbox/query-keys.ts for the pattern).
import type { MediaKind } from "./rules";

export const mediaKeys = {
  all: ["media"] as const,
  list: (kind: MediaKind) => [...mediaKeys.all, kind] as const,
};
