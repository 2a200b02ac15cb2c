// A child the launcher started ends when the launcher is killed outright (SIGKILL leaves it no chance to
// stop its children).
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("exitWithLauncher", () => {
  it("ends a child once its launcher is gone", { timeout: 20_000 }, async () => {
    // A stand-in launcher: starts a child that follows it, prints the child's pid, and waits.
    const child = `import { exitWithLauncher } from "./scripts/lib/follow-parent.ts"; exitWithLauncher(); setInterval(() => {}, 1000);`;
    const launcher = `
      const { spawn } = require("node:child_process");
      const c = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", ${JSON.stringify(child)}],
        { env: { ...process.env, PARLEY_LAUNCHER_PID: String(process.pid) }, stdio: ["ignore", "pipe", "pipe"] });
      console.log(c.pid);
      setInterval(() => {}, 1000);`;
    const parent = spawn(process.execPath, ["-e", launcher], { stdio: ["ignore", "pipe", "inherit"] });
    const childPid = Number(
      await new Promise<string>((resolve) => parent.stdout.once("data", (d: Buffer) => resolve(d.toString()))),
    );
    expect(alive(childPid)).toBe(true);
    parent.kill("SIGKILL");
    await expect.poll(() => alive(childPid), { timeout: 10_000, interval: 100 }).toBe(false);
  });
});
