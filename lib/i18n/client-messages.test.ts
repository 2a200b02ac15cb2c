// Each part of the app sends the browser only the messages it lists (client-messages.ts). This reads the code
// as the bundler would: from a part's route files, through every import (dynamic ones too), it collects the
// namespaces Client Components ask for (useTranslations("…")) and the keys any reachable code makes with
// messageKey("…"), which a Client Component may be handed to translate. A part missing one fails here, before a
// person sees a key instead of words.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { english } from "./catalog";
import { CLIENT_MESSAGES, pickMessages, type ClientPart } from "./client-messages";

const ROOT = resolve(import.meta.dirname, "../..");
const DASHBOARD = join(ROOT, "app/(dashboard)");

const isDirectory = (path: string) => statSync(path).isDirectory();
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (isDirectory(path)) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith("@/")
    ? join(ROOT, spec.slice(2))
    : spec.startsWith(".")
      ? resolve(dirname(from), spec)
      : null;
  if (!base) return null;
  for (const ending of ["", ".tsx", ".ts", "/index.tsx", "/index.ts"])
    if (existsSync(base + ending) && !isDirectory(base + ending)) return base + ending;
  return null;
}

const sources = new Map<string, string>();
const source = (file: string) => sources.get(file) ?? sources.set(file, readFileSync(file, "utf8")).get(file)!;
const importsOf = (file: string) =>
  [...source(file).matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^import\s+)["']([^"']+)["']/gm)].flatMap(
    (m) => resolveImport(file, m[1]!) ?? [],
  );
const USE_CLIENT = /^(\s*\/\/[^\n]*\n)*\s*["']use client["']/;

/** What the code reached from these route files needs in the browser: namespaces and key paths. */
function needs(entries: string[]): Set<string> {
  const reached = new Map<string, boolean>(); // file → rendered in the browser
  const stack = entries.map((file) => ({ file, client: false }));
  while (stack.length) {
    const { file, client: parentClient } = stack.pop()!;
    const client = parentClient || USE_CLIENT.test(source(file));
    if (reached.get(file) === true || reached.get(file) === client) continue;
    reached.set(file, client || (reached.get(file) ?? false));
    for (const next of importsOf(file)) stack.push({ file: next, client });
  }
  const paths = new Set<string>();
  for (const [file, client] of reached) {
    if (client) for (const m of source(file).matchAll(/\buseTranslations\(\s*"([^"]+)"\s*\)/g)) paths.add(m[1]!);
    // A key handed over: its namespace and first part ("campaigns.statusReason.pausedByMeta" → campaigns.statusReason).
    for (const m of source(file).matchAll(/\bmessageKey\(\s*[`"]([A-Za-z]+\.[A-Za-z]+)/g)) paths.add(m[1]!);
  }
  return paths;
}

const covers = (list: readonly string[], path: string) =>
  list.some((listed) => path === listed || path.startsWith(`${listed}.`));

const sections = readdirSync(DASHBOARD).filter((name) => isDirectory(join(DASHBOARD, name)));
/** The route files each part's provider wraps: the dashboard's sections are the folders of app/(dashboard). */
function entriesOf(part: ClientPart): string[] {
  if (part === "root")
    return [
      ...readdirSync(join(ROOT, "app"))
        .filter((name) => /\.tsx?$/.test(name))
        .map((name) => join(ROOT, "app", name)),
      ...["(auth)", "r", "developers"].flatMap((dir) => sourceFiles(join(ROOT, "app", dir))),
    ];
  if (part === "dashboard") return ["layout.tsx", "error.tsx", "not-found.tsx"].map((name) => join(DASHBOARD, name));
  return sourceFiles(join(DASHBOARD, part));
}

describe("the messages each part of the app sends to the browser", () => {
  it("has a part for every section of the dashboard, whose layout provides it", () => {
    for (const section of sections) {
      expect(Object.keys(CLIENT_MESSAGES), section).toContain(section);
      expect(source(join(DASHBOARD, section, "layout.tsx")), section).toContain(`<ClientMessages part="${section}">`);
    }
  });

  for (const part of Object.keys(CLIENT_MESSAGES) as ClientPart[])
    it(`lists what ${part} translates in the browser`, () => {
      const missing = [...needs(entriesOf(part))].filter((path) => !covers(CLIENT_MESSAGES[part], path));
      expect(missing, `add these to CLIENT_MESSAGES.${part} in lib/i18n/client-messages.ts`).toEqual([]);
    });

  it("names only paths the catalog has", () => {
    for (const [part, paths] of Object.entries(CLIENT_MESSAGES))
      for (const path of paths)
        expect(
          path.split(".").reduce<unknown>((tree, key) => (tree as Record<string, unknown>)?.[key], english),
          `${part}: ${path}`,
        ).toBeDefined();
  });

  it("picks whole namespaces and parts of others, at their places", () => {
    const picked = pickMessages(english, ["auth", "campaigns.purpose", "campaigns.errors", "templates.media.refused"]);
    expect(Object.keys(picked).sort()).toEqual(["auth", "campaigns", "templates"]);
    expect(picked.auth).toBe(english.auth);
    expect(picked.campaigns).toEqual({ purpose: english.campaigns.purpose, errors: english.campaigns.errors });
    expect(picked.templates).toEqual({ media: { refused: english.templates.media.refused } });
    // A part of a namespace picked whole changes nothing, and the catalog is never written to.
    const before = JSON.stringify(english.home);
    expect(pickMessages(english, ["home", "home.needs"]).home).toBe(english.home);
    expect(JSON.stringify(english.home)).toBe(before);
  });

  it("sends a page far less than the whole catalog", () => {
    const size = (value: unknown) => JSON.stringify(value).length;
    expect(size(pickMessages(english, CLIENT_MESSAGES.root))).toBeLessThan(size(english) / 5);
  });
});
