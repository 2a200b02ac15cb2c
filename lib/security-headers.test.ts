// The headers next.config.mjs puts on every response: a CSP that still lets Next.js's inline bootstrap
// run, HSTS, and a Permissions-Policy that turns off features Parley never uses.
import path from "node:path";
import { describe, expect, it } from "vitest";

type Header = { key: string; value: string };
const configFile = path.resolve(import.meta.dirname, "../next.config.mjs");

async function headers(): Promise<Map<string, string>> {
  const config = (await import(configFile)) as {
    default: { headers: () => Promise<{ source: string; headers: Header[] }[]> };
  };
  const rules = await config.default.headers();
  expect(rules.map((r) => r.source)).toEqual(["/(.*)"]);
  return new Map(rules[0]!.headers.map((h) => [h.key.toLowerCase(), h.value]));
}

describe("security headers", () => {
  it("sends a Content-Security-Policy that locks everything but Next.js's inline scripts to this origin", async () => {
    const csp = (await headers()).get("content-security-policy") ?? "";
    const directives = new Map(
      csp
        .split(";")
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name!, values]),
    );
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("script-src")).toEqual(["'self'", "'unsafe-inline'"]); // no eval outside next dev
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
    expect(directives.get("base-uri")).toEqual(["'self'"]);
    expect(directives.get("form-action")).toEqual(["'self'"]);
    expect(directives.get("connect-src")).toEqual(["'self'"]);
  });

  it("sends HSTS and a Permissions-Policy", async () => {
    const all = await headers();
    expect(all.get("strict-transport-security")).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    for (const feature of ["camera", "microphone", "geolocation", "payment"])
      expect(all.get("permissions-policy")).toContain(`${feature}=()`);
    expect(all.get("x-frame-options")).toBe("DENY");
  });
});
