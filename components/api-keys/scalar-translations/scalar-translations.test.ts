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
  // of @scalar/blocks, and under "apiClient" the strings of the API client that "Test Request" opens. No package
  // exports its locales, so the files are found from the packages Parley installs.
  const fromReact = createRequire(createRequire(import.meta.url).resolve("@scalar/api-reference-react"));
  const reference = fromReact.resolve("@scalar/api-reference");
  const client = createRequire(reference).resolve("@scalar/api-client/style.css");
  const load = async (dist: string, file: string) =>
    ((await import(/* @vite-ignore */ pathToFileURL(path.join(path.dirname(dist), file)).href)) as { en: Tree }).en;
  const [en, apiClient] = await Promise.all([
    load(reference, "features/localization/locales/en.js"),
    load(client, "v2/features/localization/translations.js"),
  ]);
  english = strings({ ...en, apiClient });
}, 30_000);

describe.each([
  ["Italian", italian],
  ["Swedish", swedish],
])("Scalar's interface in %s", (_, translation) => {
  test("has every string of Scalar's English, and nothing Scalar does not have", () => {
    const translated = strings(translation);
    expect(english.size).toBeGreaterThan(500);
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
