// `npm run lint` step: every key in the English catalog is used somewhere in the code (missing keys already
// fail tsc, and lib/i18n/catalog.test.ts holds the other languages to English's keys and arguments).
//
// @lingual/i18n-check reads the code (useTranslations / getTranslations and their t, t.rich, t.has calls);
// its key names are the full paths ("account.preferences.title"), so the per-namespace files are joined here
// under their namespace first. Keys it cannot see are counted as used when:
// - they sit under a key the code builds at run time (t(`status.${status}`)): the tool marks that prefix
//   dynamic and skips it;
// - the code names them in full as a string literal anywhere: messageKey("errors.notFound") (lib/i18n/
//   message-key.ts), or t("errors.checkFields") on the wrappers' translator over every namespace; or builds
//   them from a full prefix in a template literal (`home.needs.quality.${rating}`);
// - they are listed in DYNAMIC below, with the reason.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { checkUnusedKeys } from "@lingual/i18n-check";

/** Prefixes read by code the tool cannot follow. */
const DYNAMIC: string[] = [
  // lib/auth/permissions.ts NAVIGATION carries these keys; components/shell/sidebar.tsx shows them.
  "shell.nav.*",
  // app/r/[token]/link-problem.ts translates with createTranslator (a route handler, by Accept-Language).
  "links.*",
  // components/forms/starter-gallery.tsx is given its namespace by the new-journey and new-flow pages.
  "journeys.new.*",
  // components/journeys/trigger-label.ts is given the journeys list's translator (the builder's has the same keys).
  "journeys.trigger.*",
  "flows.new.*",
];

const root = path.resolve(import.meta.dirname, "..");
const english = path.join(root, "messages/en");

function flatten(value: unknown, prefix: string, out: Record<string, unknown>) {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, out);
  } else out[prefix] = value;
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const content: Record<string, unknown> = {};
for (const file of readdirSync(english).filter((name) => name.endsWith(".json"))) {
  flatten(JSON.parse(readFileSync(path.join(english, file), "utf8")), file.replace(/\.json$/, ""), content);
}
const files = ["app", "components", "lib"].flatMap((dir) => sourceFiles(path.join(root, dir)));
const keyed = new Set(
  files.flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/["'`]([\w-]+(?:\.[\w-]+)+)["'`|]/g)].map((match) => match[1]!),
  ),
);
// Full keys built at run time in a template literal (messageKey(`home.needs.quality.${rating}`)): their prefix.
const builtPrefixes = files.flatMap((file) =>
  [...readFileSync(file, "utf8").matchAll(/`([\w-]+(?:\.[\w-]+)+)\.\$\{/g)].map((match) => `${match[1]!}.`),
);
const result = await checkUnusedKeys([{ reference: null, name: "en", content }], files, {
  format: "next-intl",
  checks: ["unused"],
  ignore: DYNAMIC,
});
const unused = (result?.en ?? []).filter(
  (key) => !keyed.has(key) && !builtPrefixes.some((prefix) => key.startsWith(prefix)),
);
if (unused.length) {
  console.error(`Translation keys no code uses (remove them from all six languages, or see this script):`);
  for (const key of unused) console.error(`  ${key}`);
  process.exit(1);
}
