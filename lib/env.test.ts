import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const url = "postgresql://u:p@127.0.0.1:5432/parley";
const secrets = { AUTH_SECRET: "x".repeat(40), ENCRYPTION_KEY: "ab".repeat(32) };

describe("parseEnv", () => {
  it("stops a production start that lacks a secret, naming it", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: url, AUTH_SECRET: secrets.AUTH_SECRET })).toThrow(
      /Missing required environment variable\(s\) in production: ENCRYPTION_KEY/,
    );
  });

  it("accepts a complete production environment as given", () => {
    const env = parseEnv({ NODE_ENV: "production", DATABASE_URL: url, ...secrets });
    expect(env.AUTH_SECRET).toBe(secrets.AUTH_SECRET);
    expect(env.APP_URL).toBe("http://localhost:3000");
  });

  it("generates the embedded mode's secrets once and reuses them", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "parley-env-"));
    const first = parseEnv({ DATABASE_URL: url, PARLEY_DATA_DIR: dir });
    const second = parseEnv({ DATABASE_URL: url, PARLEY_DATA_DIR: dir });
    expect(first.AUTH_SECRET).toHaveLength(43);
    expect(first.ENCRYPTION_KEY).toMatch(/^[0-9a-f]{64}$/);
    expect(second.AUTH_SECRET).toBe(first.AUTH_SECRET);
    expect(JSON.parse(readFileSync(path.join(dir, "secrets.json"), "utf8")).ENCRYPTION_KEY).toBe(first.ENCRYPTION_KEY);
  });

  it("explains a malformed value", () => {
    expect(() => parseEnv({ DATABASE_URL: "not a url", ...secrets })).toThrow(/DATABASE_URL must be a postgresql/);
    expect(() => parseEnv({ DATABASE_URL: url, ...secrets, ENCRYPTION_KEY: "short" })).toThrow(/64 hex characters/);
    expect(() => parseEnv({ DATABASE_URL: url, ...secrets, PARLEY_TRUSTED_PROXIES: "lb.internal" })).toThrow(
      /PARLEY_TRUSTED_PROXIES: "lb.internal" is not an IP address/,
    );
  });

  it("trusts no proxy unless told", () => {
    expect(parseEnv({ DATABASE_URL: url, ...secrets }).PARLEY_TRUSTED_PROXIES.check("127.0.0.1")).toBe(false);
    expect(
      parseEnv({ DATABASE_URL: url, ...secrets, PARLEY_TRUSTED_PROXIES: "10.0.0.0/8" }).PARLEY_TRUSTED_PROXIES.check(
        "10.1.2.3",
      ),
    ).toBe(true);
  });
});
