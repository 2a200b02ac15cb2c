// Prisma CLI configuration. Migrations are applied by dist/migrate.mjs / `npm run db:migrate` (the schema
// engine as WebAssembly), so the CLI is only used for `prisma generate` here; where Prisma's native engine can be
// downloaded, `npx prisma migrate deploy` applies the same folder to DATABASE_URL (docs/operations.md).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  // Read by migrate commands only; unset is fine for `prisma generate`.
  datasource: { url: process.env.DATABASE_URL },
});
