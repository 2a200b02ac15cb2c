// Meta's example requests and webhook deliveries (tests/whatsapp-reference, copied from shared/whatsapp).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const FIXTURES_DIR = path.resolve(import.meta.dirname, "../../tests/whatsapp-reference/fixtures");

export function fixtures(prefix: string): [string, unknown][] {
  return readdirSync(FIXTURES_DIR)
    .filter((f) => f.startsWith(prefix) && f.endsWith(".json"))
    .map((f) => [f, JSON.parse(readFileSync(path.join(FIXTURES_DIR, f), "utf8"))]);
}
