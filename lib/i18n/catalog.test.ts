// Every language has exactly English's keys, and each message takes the same arguments (names and kinds:
// plural, select, number, date, rich-text tags) with ICU syntax that parses. Keys the code no longer uses are
// found by scripts/check-translations.ts (npm run lint); keys missing in English fail tsc.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { english, namespaces } from "./catalog";
import { locales } from "./config";

const root = path.resolve(import.meta.dirname, "../../messages");

function flatten(value: unknown, prefix = "", out: Record<string, string> = {}) {
  if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, out);
  } else out[prefix] = String(value);
  return out;
}

/** "count:plural", "name:argument", "link:tag", sorted: what a caller must pass, whatever the wording. */
function argumentsOf(elements: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.argument) out.add(`${element.value}:argument`);
    if (element.type === TYPE.number) out.add(`${element.value}:number`);
    if (element.type === TYPE.date || element.type === TYPE.time) out.add(`${element.value}:date`);
    if (element.type === TYPE.tag) {
      out.add(`${element.value}:tag`);
      argumentsOf(element.children, out);
    }
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      out.add(`${element.value}:${element.type === TYPE.plural ? "plural" : "select"}`);
      for (const option of Object.values(element.options)) argumentsOf(option.value, out);
    }
  }
  return out;
}

const signature = (message: string) => [...argumentsOf(parse(message))].sort();

const read = (locale: string, namespace: string) =>
  flatten(JSON.parse(readFileSync(path.join(root, locale, `${namespace}.json`), "utf8")));

describe("the message catalogs", () => {
  it("has one file per namespace in every language, and every English file in the catalog", () => {
    for (const locale of locales) {
      expect(readdirSync(path.join(root, locale)).sort(), locale).toEqual(
        namespaces.map((namespace) => `${namespace}.json`).sort(),
      );
    }
    expect(Object.keys(english).sort()).toEqual([...namespaces].sort());
  });

  for (const locale of locales.filter((l) => l !== "en")) {
    it(`gives ${locale} exactly English's keys, each with the same arguments`, () => {
      for (const namespace of namespaces) {
        const source = read("en", namespace);
        const target = read(locale, namespace);
        const missing = Object.keys(source).filter((key) => !(key in target));
        const extra = Object.keys(target).filter((key) => !(key in source));
        expect({ missing, extra }, `${locale}/${namespace}.json against English`).toEqual({ missing: [], extra: [] });
        for (const [key, message] of Object.entries(source)) {
          expect(signature(target[key]!), `${locale}/${namespace}.json ${key}: "${target[key]}"`).toEqual(
            signature(message),
          );
        }
      }
    });
  }

  it("tells a changed argument apart", () => {
    expect(signature("{count, plural, one {# message} other {# messages}}")).toEqual(["count:plural"]);
    expect(signature("Hola {name}")).not.toEqual(signature("Hola {nombre}"));
    expect(signature("<b>{n, number}</b>")).toEqual(["b:tag", "n:number"]);
  });
});
