// Prisma CLI configuration. Migrations are applied by scripts/db.ts (the schema engine as WebAssembly),
// so the CLI is only used for `prisma generate` here; elsewhere `prisma migrate deploy` works on the same folder.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
});
