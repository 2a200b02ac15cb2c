import { readdirSync } from "node:fs";
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

// Dependencies point one way. lib/ is layered: the platform (first row: database, jobs, HTTP, logging,
// configuration, crypto and small helpers) imports no domain, and each domain imports only the platform and
// the domains in the rows before its own. So no two domains can import each other, directly or round a
// loop. A new folder or file in lib/ goes into the row after the highest one it imports (lint fails until it
// is placed). app/ and components/ sit above all of lib/; sandbox/ (the Cloud API stand-in) beside them.
const LAYERS = [
  [
    ...["client-ip", "csv", "errors", "logger", "env", "ids", "utils", "fetch-json", "not-found", "search-params"],
    ...["db", "crypto", "http", "jobs", "observability", "i18n"],
  ],
  ["auth"],
  ["audit"],
  ["actions"],
  ["users"],
  ["contacts"],
  ["media"],
  ["segments"],
  ["whatsapp"],
  ["pricing"],
  ["outbound-webhooks"],
  ["events"],
  ["consent"],
  ["identity"],
  ["flows"],
  ["templates"],
  ["api"],
  ["campaigns"],
  ["analytics"],
  ["inbox"],
  ["webhooks"],
  ["dispatch"],
  ["messages"],
  ["journeys"],
  ["imports"],
  ["workspace"],
  ["seed"],
  ["worker"],
  ["home"],
];
const layered = LAYERS.flat();
const unplaced = readdirSync(new URL("./lib", import.meta.url), { withFileTypes: true })
  .filter((e) => e.isDirectory() || (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)))
  .map((e) => e.name.replace(/\.tsx?$/, ""))
  .filter((name) => !layered.includes(name));
if (unplaced.length) throw new Error(`eslint.config.mjs: place ${unplaced.join(", ")} in LAYERS (lib/ is layered).`);
const lib = (domain) => [`@/lib/${domain}`, `@/lib/${domain}/*`];
const layerRules = LAYERS.map((row, i) => ({
  files: row.flatMap((domain) => [`lib/${domain}.ts`, `lib/${domain}.tsx`, `lib/${domain}/**/*.{ts,tsx}`]),
  ignores: ["**/*.test.ts"], // a test may set up its case through any layer
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          {
            group: ["@/app/*", "@/components/*", "@/sandbox/*"],
            message: "lib/ must not import from app/, components/ or sandbox/.",
          },
          ...(i === LAYERS.length - 1
            ? []
            : [
                {
                  group: LAYERS.slice(i + 1)
                    .flat()
                    .flatMap(lib),
                  message: `${row.length > 1 ? "The platform" : `lib/${row[0]}`} must not import a domain above it (LAYERS in eslint.config.mjs).`,
                },
              ]),
        ],
      },
    ],
  },
}));

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    "dist/**", // scripts/build-dist.mjs output (bundles)
    ".data/**",
    "lib/db/generated/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
  ]),
  {
    // Type-aware rules: promises must be awaited or handled on purpose.
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  ...layerRules,
  {
    // A cycle between files of one domain, or of the platform, is a design smell too.
    files: ["lib/**/*.ts", "lib/**/*.tsx"],
    ignores: ["**/*.test.ts"],
    rules: { "import/no-cycle": ["error", { ignoreExternal: true }] },
  },
]);
