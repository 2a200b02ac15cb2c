import path from "node:path";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // Outside Next.js, "server-only" would throw on import; tests are server code.
  "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
};

// Integration tests: one throwaway database (tests/integration-global-setup.ts) shared by the files of both
// projects, which run one after another.
const integration: TestProjectInlineConfiguration["test"] = {
  include: ["{lib,app,scripts,prisma,sandbox}/**/*.integration.test.ts"],
  environment: "node",
  globalSetup: ["tests/integration-global-setup.ts"],
  setupFiles: ["tests/integration-setup.ts"],
  fileParallelism: false,
  testTimeout: 60_000,
  hookTimeout: 60_000,
};
// Integration test files that need modules of their own: they set the environment that lib/env reads once, mock
// a module that others import, or point lib/ at a database of their own.
const OWN_MODULES = [
  "app/(dashboard)/settings/whatsapp/actions.integration.test.ts",
  "app/r/[[]token]/route.integration.test.ts",
  "lib/api/rate-limit.integration.test.ts",
  "lib/dispatch/faults.integration.test.ts",
];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["{lib,components,scripts,sandbox}/**/*.test.ts"],
          exclude: ["**/*.integration.test.ts", "node_modules/**"],
          environment: "node",
          // Headroom for a busy machine: the media-limit test builds 100 MB files, 6 s under load (5 s default).
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          ...integration,
          name: "integration",
          exclude: [...OWN_MODULES, "node_modules/**"],
          // One module registry for every file: importing the app afresh for each one took about 5 of the
          // suite's minutes. The files in OWN_MODULES keep their own.
          isolate: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        resolve: { alias },
        test: { ...integration, name: "integration-own-modules", include: OWN_MODULES, sequence: { groupOrder: 2 } },
      },
    ],
  },
});
