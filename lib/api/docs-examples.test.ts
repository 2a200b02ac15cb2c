// The curl examples of docs/api.md are what a newcomer pastes into a shell: each body must be one the
// operation it is sent to accepts, so a renamed field fails here rather than for them.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_PREFIX } from "./operation";
import { ALL_OPERATIONS } from "./operations";

const doc = readFileSync(path.resolve(import.meta.dirname, "../../docs/api.md"), "utf8");

/** Each `curl -X METHOD "$PARLEY_URL/api/public/v1/…" … -d '…'` of the document, shell variables filled in. */
function curlExamples() {
  const examples: { method: string; path: string; body: unknown }[] = [];
  for (const [, method, url, data] of doc.matchAll(
    /curl -sS -X (\w+) "\$PARLEY_URL([^"]+)"[\s\S]*?-d '((?:[^']|'"[^"]*"')*)'/g,
  )) {
    const json = data!.replace(/'"\$[A-Z_]+"'/g, "cm0000000000000000000000a");
    examples.push({
      method: method!,
      path: url!.replace(API_PREFIX, "").replace(/\$[A-Z_]+/g, "{id}"),
      body: JSON.parse(json),
    });
  }
  return examples;
}

describe("docs/api.md", () => {
  it("has curl examples for the three most common calls, each accepted by its operation", () => {
    const examples = curlExamples();
    expect(examples.map((e) => `${e.method} ${e.path}`)).toEqual([
      "PUT /contacts",
      "POST /contacts/{id}/consent",
      "POST /messages",
    ]);
    for (const example of examples) {
      const op = ALL_OPERATIONS.find((o) => o.method === example.method && o.path === example.path);
      expect(op, `${example.method} ${example.path}`).toBeDefined();
      const parsed = op!.body!.safeParse(example.body);
      expect(parsed.error?.issues ?? [], `${example.method} ${example.path}`).toEqual([]);
    }
  });
});
