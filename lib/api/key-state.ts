// Whether an API key works now: shown in Settings → API (the server refuses by the same rule, lib/api/keys.ts).
export type ApiKeyState = "active" | "expired" | "revoked";

export function apiKeyState(key: { revokedAt: Date | null; expiresAt: Date | null }, now = new Date()): ApiKeyState {
  if (key.revokedAt) return "revoked";
  if (key.expiresAt && key.expiresAt <= now) return "expired";
  return "active";
}
