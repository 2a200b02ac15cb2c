import { describe, expect, it } from "vitest";
import { webListenAddress } from "./listen";

describe("webListenAddress", () => {
  it("listens on loopback only unless told otherwise", () => {
    expect(webListenAddress({})).toEqual({ host: "127.0.0.1", port: 3000, probeHost: "127.0.0.1" });
    expect(webListenAddress({ HOST: " ", PORT: "3100" })).toMatchObject({ host: "127.0.0.1", port: 3100 });
  });

  it("takes HOST when it is set, and probes where it answers", () => {
    expect(webListenAddress({ HOST: "0.0.0.0" })).toMatchObject({ host: "0.0.0.0", probeHost: "127.0.0.1" });
    expect(webListenAddress({ HOST: "10.0.0.5" })).toMatchObject({ host: "10.0.0.5", probeHost: "10.0.0.5" });
    expect(webListenAddress({ HOST: "::1" })).toMatchObject({ host: "::1", probeHost: "[::1]" });
  });
});
