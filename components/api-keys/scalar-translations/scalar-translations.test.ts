// Parley's Italian and Swedish for Scalar's interface cover every string of Scalar's English, with the same
// {placeholders}: a Scalar upgrade that adds or renames a string fails here rather than showing English (or a raw
// key) to an Italian or Swedish reader. The English is read from the installed Scalar, not copied.
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";
import { translations as italian } from "./it";
import { translations as swedish } from "./sv";

type Tree = { [key: string]: string | Tree };

/** Every string of a translation tree by its dot path ("operation.testRequest"). */
function strings(tree: Tree, prefix = ""): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const at = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") found.set(at, value);
    else for (const [inner, text] of strings(value, at)) found.set(inner, text);
  }
  return found;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

let english: Map<string, string>;

beforeAll(async () => {
  // Scalar's English as the reference renders it: @scalar/api-reference's locale, which merges the schema strings
  // of @scalar/blocks. Neither package exports its locales, so the file is found from the package Parley installs.
  const require = createRequire(import.meta.url);
  const reference = path.dirname(
    createRequire(require.resolve("@scalar/api-reference-react")).resolve("@scalar/api-reference"),
  );
  const file = path.join(reference, "features/localization/locales/en.js");
  const { en } = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { en: Tree };
  english = strings(en);
}, 30_000);

describe.each([
  ["Italian", italian],
  ["Swedish", swedish],
])("Scalar's interface in %s", (_, translation) => {
  test("has every string of Scalar's English, and nothing Scalar does not have", () => {
    const translated = strings(translation);
    expect(english.size).toBeGreaterThan(200);
    expect([...english.keys()].filter((key) => !translated.has(key))).toEqual([]);
    expect([...translated.keys()].filter((key) => !english.has(key))).toEqual([]);
  });

  test("keeps each string's placeholders", () => {
    const translated = strings(translation);
    for (const [key, text] of english) {
      expect(placeholders(translated.get(key) ?? ""), key).toEqual(placeholders(text));
    }
  });

  test("translates: a string is left in English only where it is a name or a keyword", () => {
    const translated = strings(translation);
    const same = [...english].filter(([key, text]) => translated.get(key) === text).map(([key]) => key);
    // Product names, HTTP and schema keywords, and words these languages borrow (Server, Webhook, Status...).
    expect(same.length).toBeLessThan(english.size / 8);
  });
});
