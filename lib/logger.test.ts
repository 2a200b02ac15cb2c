import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { observabilityEnv } from "./env";
import { addLogContext, createLogger, withLogContext } from "./logger";

/** A logger writing into an array of parsed lines, as a log collector would read them. */
function capture(level: Parameters<typeof createLogger>[0]) {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger(level, stream), lines };
}

describe("logger", () => {
  it("writes one JSON line per call with level, time, message and the fields", () => {
    const { logger, lines } = capture("info");
    logger.info("campaign launched", { campaignId: "c1", count: 3 });
    expect(lines).toEqual([
      expect.objectContaining({ level: "info", message: "campaign launched", campaignId: "c1", count: 3 }),
    ]);
    expect(new Date(lines[0]!.time as string).toISOString()).toBe(lines[0]!.time);
  });

  it("honours the level: below it nothing is written", () => {
    const { logger, lines } = capture("warn");
    logger.debug("d");
    logger.info("i");
    logger.warn("w");
    logger.error("e");
    expect(lines.map((l) => l.level)).toEqual(["warn", "error"]);
    expect(logger.isLevelEnabled("info")).toBe(false);

    const quiet = capture("silent");
    quiet.logger.error("nothing");
    expect(quiet.lines).toEqual([]);
  });

  it("censors tokens, secrets and phone numbers by field name, at the top level and one level down", () => {
    const { logger, lines } = capture("info");
    logger.warn("call", {
      accessToken: "EAAG-secret",
      authorization: "Bearer pk_live_x",
      password: "hunter2",
      phone: "+4915112345678",
      to: "4915112345678",
      contact: { wa_id: "4915112345678", name: "Ada", appSecret: "s3cr3t" },
      workspaceId: "w1",
    });
    const line = JSON.stringify(lines[0]);
    for (const secret of ["EAAG-secret", "pk_live_x", "hunter2", "4915112345678", "s3cr3t"])
      expect(line).not.toContain(secret);
    expect(lines[0]).toMatchObject({
      accessToken: "[redacted]",
      phone: "[redacted]",
      to: "[redacted]",
      contact: { wa_id: "[redacted]", name: "Ada", appSecret: "[redacted]" },
      workspaceId: "w1",
    });
  });

  it("writes an error's name, message, stack, code and cause, with phone numbers taken out of the text", () => {
    const { logger, lines } = capture("info");
    const cause = Object.assign(new Error("connection reset"), { code: "ECONNRESET" });
    logger.error("send failed", { error: new Error("no WhatsApp account for +4915112345678", { cause }) });
    const error = lines[0]!.error as Record<string, unknown>;
    expect(error).toMatchObject({
      name: "Error",
      message: "no WhatsApp account for [phone]",
      cause: { message: "connection reset", code: "ECONNRESET" },
    });
    expect(error.stack).toMatch(/^Error: no WhatsApp account for \[phone\]\n\s+at /);
  });

  it("adds the ids of the request or job a line is written in, across awaits, and not outside it", async () => {
    const { logger, lines } = capture("info");
    await withLogContext({ requestId: "r1" }, async () => {
      addLogContext({ workspaceId: "w1" });
      await new Promise((resolve) => setImmediate(resolve));
      logger.info("inside");
      await withLogContext({ jobId: "j1" }, async () => logger.info("nested"));
    });
    logger.info("outside");
    expect(lines[0]).toMatchObject({ message: "inside", requestId: "r1", workspaceId: "w1" });
    expect(lines[1]).toMatchObject({ message: "nested", requestId: "r1", workspaceId: "w1", jobId: "j1" });
    expect(lines[2]).not.toHaveProperty("requestId");
  });

  it("reads LOG_LEVEL from the environment (info when unset) and explains a wrong one", () => {
    expect(observabilityEnv({}).LOG_LEVEL).toBe("info");
    expect(observabilityEnv({ LOG_LEVEL: "debug" }).LOG_LEVEL).toBe("debug");
    expect(() => observabilityEnv({ LOG_LEVEL: "verbose" })).toThrow(/LOG_LEVEL/);
  });
});
