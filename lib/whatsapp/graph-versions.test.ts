import { describe, expect, it } from "vitest";
import {
  accountVersion,
  DEFAULT_GRAPH_API_VERSION,
  GRAPH_VERSIONS,
  graphApiUrl,
  selectableVersions,
  splitGraphApiBase,
  versionStanding,
} from "./graph-versions";

const at = (iso: string) => new Date(iso);

describe("the version table", () => {
  it("lists Meta's versions newest first, each ending after the one before it, with a current default", () => {
    const ends = GRAPH_VERSIONS.map((v) => v.endsOn ?? "9999-12-31");
    expect([...ends].sort().reverse()).toEqual(ends);
    expect(GRAPH_VERSIONS.find((v) => v.id === "v23.0")?.endsOn).toBe("2027-10-08");
    expect(GRAPH_VERSIONS.find((v) => v.id === "v25.0")?.endsOn).toBe("2028-07-29");
    expect(Number(DEFAULT_GRAPH_API_VERSION.slice(1))).toBeGreaterThanOrEqual(25);
  });
});

describe("versionStanding", () => {
  it("is current until 90 days before the end, then ending, then ended from the end day", () => {
    expect(versionStanding("v23.0", at("2027-07-09T23:59:59Z"))).toEqual({ state: "current", endsOn: "2027-10-08" });
    expect(versionStanding("v23.0", at("2027-07-10T00:00:00Z"))).toEqual({
      state: "ending",
      endsOn: "2027-10-08",
      daysLeft: 90,
    });
    expect(versionStanding("v23.0", at("2027-10-07T12:00:00Z"))).toMatchObject({ state: "ending", daysLeft: 1 });
    expect(versionStanding("v23.0", at("2027-10-08T00:00:00Z"))).toEqual({ state: "ended", endsOn: "2027-10-08" });
  });

  it("has no end while Meta has not announced one, and does not know a version Meta never released", () => {
    expect(versionStanding("v26.0", at("2030-01-01T00:00:00Z"))).toEqual({ state: "current", endsOn: null });
    expect(versionStanding("v99.0", at("2026-12-01T00:00:00Z"))).toEqual({ state: "unknown" });
    expect(versionStanding(null, at("2026-12-01T00:00:00Z"))).toEqual({ state: "unknown" });
  });

  it("offers only the versions that have not ended", () => {
    const ids = selectableVersions(at("2026-12-01T00:00:00Z")).map((v) => v.id);
    expect(ids).toContain("v21.0");
    expect(ids).not.toContain("v20.0");
    expect(selectableVersions(at("2027-01-21T00:00:00Z")).map((v) => v.id)).not.toContain("v21.0");
  });
});

describe("an account's address and version", () => {
  it("splits a version typed at the end of the address from its host", () => {
    expect(splitGraphApiBase("https://graph.facebook.com/v23.0/")).toEqual({
      host: "https://graph.facebook.com",
      version: "v23.0",
    });
    expect(splitGraphApiBase("http://127.0.0.1:4010")).toEqual({ host: "http://127.0.0.1:4010", version: null });
    expect(splitGraphApiBase("https://graph.facebook.com/v23.0/../x").version).toBeNull();
  });

  it("uses the account's own version, else the one in an older address, else the default", () => {
    const host = "https://graph.facebook.com";
    expect(graphApiUrl({ graphApiBase: host, graphApiVersion: "v24.0" })).toBe(`${host}/v24.0`);
    expect(graphApiUrl({ graphApiBase: `${host}/v23.0`, graphApiVersion: null })).toBe(`${host}/v23.0`);
    expect(graphApiUrl({ graphApiBase: `${host}/v23.0`, graphApiVersion: "v25.0" })).toBe(`${host}/v25.0`);
    expect(accountVersion({ graphApiBase: host, graphApiVersion: null })).toBe(DEFAULT_GRAPH_API_VERSION);
  });
});
