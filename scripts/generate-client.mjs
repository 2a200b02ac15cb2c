// Generates the Prisma client into lib/db/generated. `prisma generate` needs no native engine, but the
// CLI tries to download one unless PRISMA_SCHEMA_ENGINE_BINARY names an existing file (ENVIRONMENT.md).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath; // any existing file will do for `generate`
}
execFileSync(process.execPath, [require.resolve("prisma/build/index.js"), "generate"], { stdio: "inherit", env });
