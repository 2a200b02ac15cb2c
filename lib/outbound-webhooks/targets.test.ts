import { describe, expect, it } from "vitest";
import { englishTranslator } from "@/lib/i18n/translator";
import { checkUrlSyntax, guardedLookup, isPublicAddress, type TargetPolicy } from "./targets";

const STRICT: TargetPolicy = { allowPrivate: false, allowedHosts: [] };

describe("webhook targets", () => {
  it("classifies addresses: only global unicast is public", () => {
    for (const ip of ["8.8.8.8", "2606:4700:4700::1111", "93.184.216.34"]) expect(isPublicAddress(ip), ip).toBe(true);
    for (const ip of [
      "127.0.0.1",
      "10.0.0.1",
      "172.16.5.4",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "224.0.0.1",
      "255.255.255.255",
      "::1",
      "::",
      "fe80::1",
      "fc00::1",
      "::ffff:127.0.0.1",
      "::ffff:10.0.0.1",
      "not an address",
    ])
      expect(isPublicAddress(ip), ip).toBe(false);
  });

  it("wants https, no credentials, and no private address or local name in the URL", () => {
    expect(checkUrlSyntax("https://hooks.example.com/parley", STRICT).ok).toBe(true);
    expect(checkUrlSyntax("https://8.8.8.8/x", STRICT).ok).toBe(true);
    const refused = (url: string, policy = STRICT) => {
      const r = checkUrlSyntax(url, policy);
      return r.ok ? null : englishTranslator.message(r.reason);
    };
    expect(refused("http://hooks.example.com/")).toMatch(/https/);
    expect(refused("ftp://hooks.example.com/")).toMatch(/https/);
    expect(refused("hooks.example.com")).toMatch(/full URL/);
    expect(refused("https://user:pw@hooks.example.com/")).toMatch(/user name and password/);
    expect(refused("https://127.0.0.1/")).toMatch(/private/);
    expect(refused("https://2130706433/")).toMatch(/127\.0\.0\.1.*private/); // the same address written as a number
    expect(refused("https://[::ffff:7f00:1]/")).toMatch(/private/);
    expect(refused("https://localhost:8080/")).toMatch(/local name/);
    expect(refused("https://intranet/")).toMatch(/local name/);
  });

  it("lets an operator allow named hosts, or private targets and http altogether", () => {
    const hosts: TargetPolicy = { allowPrivate: false, allowedHosts: ["hooks.internal", "10.0.0.5"] };
    expect(checkUrlSyntax("http://hooks.internal/x", hosts).ok).toBe(true);
    expect(checkUrlSyntax("https://10.0.0.5/x", hosts).ok).toBe(true);
    expect(checkUrlSyntax("https://10.0.0.6/x", hosts).ok).toBe(false);
    expect(checkUrlSyntax("http://127.0.0.1:3999/x", { allowPrivate: true, allowedHosts: [] }).ok).toBe(true);
  });

  it("refuses a connection to a name that resolves to a private address (checked at connect time)", async () => {
    const lookup = guardedLookup(STRICT);
    const result = await new Promise<{ error: (Error & { code?: string }) | null }>((resolve) =>
      lookup("localhost", {}, (error) => resolve({ error })),
    );
    expect(result.error?.code).toBe("EPRIVATEADDRESS");
    const allowed = await new Promise<{ error: Error | null; address: unknown }>((resolve) =>
      guardedLookup({ allowPrivate: true, allowedHosts: [] })("localhost", {}, (error, address) =>
        resolve({ error, address }),
      ),
    );
    expect(allowed.error).toBeNull();
    expect(String(allowed.address)).toMatch(/^(127\.0\.0\.1|::1)$/);
  });
});
