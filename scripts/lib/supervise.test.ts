// The launcher's supervision: a child that dies is started again after a back-off, and only stop() ends it.
import { spawn, type ChildProcess } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { restartDelayMs, supervise, type ExitReport, type Supervised } from "./supervise";

const running: Supervised[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

/** A node process that runs until killed (or exits at once with `code`). */
const child = (code?: number) => () =>
  spawn(process.execPath, ["-e", code === undefined ? "setInterval(() => {}, 1000)" : `process.exit(${code})`], {
    stdio: "ignore",
  });

function watch(options: Parameters<typeof supervise>[0]) {
  const exits: ExitReport[] = [];
  const waiters: { restarts: number; resolve: (c: ChildProcess) => void }[] = [];
  const supervised = supervise({
    ...options,
    onExit: (report) => exits.push(report),
    onRestart: (c, restarts) => waiters.filter((w) => w.restarts <= restarts).forEach((w) => w.resolve(c)),
  });
  running.push(supervised);
  /** Resolves with the process of restart number `n`. */
  const restarted = (n: number) =>
    new Promise<ChildProcess>((resolve) =>
      supervised.restarts >= n ? resolve(supervised.child) : waiters.push({ restarts: n, resolve }),
    );
  return { supervised, exits, restarted };
}

const spawned = (c: ChildProcess) =>
  new Promise<void>((resolve) => (c.pid ? resolve() : c.once("spawn", () => resolve())));

describe("restartDelayMs", () => {
  it("doubles from 1 s and stops at 30 s", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 40].map((n) => restartDelayMs(n))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
  });
});

describe("supervise", () => {
  it("starts a killed child again, and the new one runs", async () => {
    const { supervised, exits, restarted } = watch({ label: "worker", start: child(), backOff: { initialMs: 20 } });
    const first = supervised.child;
    await spawned(first);
    first.kill("SIGKILL");
    const second = await restarted(1);
    await spawned(second);
    expect(second.pid).not.toBe(first.pid);
    expect(second.exitCode).toBeNull();
    expect(exits).toEqual([
      expect.objectContaining({ label: "worker", signal: "SIGKILL", restartInMs: 20, restarts: 0 }),
    ]);
  });

  it("backs off while a child keeps failing, and resets after a healthy run", async () => {
    const { exits, restarted } = watch({
      label: "web",
      start: child(3),
      backOff: { initialMs: 10, maxMs: 40, healthyAfterMs: 60_000 },
    });
    await restarted(5); // five exits reported, each before its restart
    expect(exits.slice(0, 5).map((e) => [e.code, e.restartInMs])).toEqual([
      [3, 10],
      [3, 20],
      [3, 40],
      [3, 40],
      [3, 40],
    ]);

    const healthy = watch({
      label: "sandbox",
      start: child(3),
      backOff: { initialMs: 10, maxMs: 40, healthyAfterMs: 0 },
    });
    await healthy.restarted(3);
    expect(healthy.exits.slice(0, 3).map((e) => e.restartInMs)).toEqual([10, 10, 10]);
  });

  it("stops for good when asked: no restart after stop()", async () => {
    const { supervised, exits } = watch({ label: "worker", start: child(), backOff: { initialMs: 10 } });
    const only = supervised.child;
    await spawned(only);
    await supervised.stop();
    expect(only.signalCode).toBe("SIGTERM");
    expect(exits).toEqual([]);
    expect(supervised.restarts).toBe(0);
  });
});
