// Test helpers for the production commands (scripts/production.integration.test.ts, e2e/production.spec.ts):
// the environment an operator gives a container, and a child process one can wait on by its output.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { root } from "./paths.ts";

/** NODE_ENV=production with fresh secrets and nothing inherited but PATH: as a container starts. */
export function productionEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_ENV: "production",
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    ENCRYPTION_KEY: randomBytes(32).toString("hex"),
    ...extra,
  };
}

export type Started = {
  /** Resolves when stdout or stderr so far matches; rejects at the deadline or if the process exits first. */
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<void>;
  /** Checks `condition` until it holds; rejects at the deadline or if the process exits first. */
  until(condition: () => Promise<boolean>, timeoutMs: number): Promise<void>;
  output(): string;
  /** SIGTERM, then SIGKILL after 15 s; resolves with how it ended. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

export function startProcess(args: string[], env: NodeJS.ProcessEnv): Started {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => {
      resolve({ code, signal });
      notify();
    }),
  );
  for (const stream of [child.stdout, child.stderr]) {
    stream.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      notify();
    });
  }
  const describe = () => `${args.join(" ")}; its output:\n${output}`;

  return {
    output: () => output,
    waitForOutput(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const done = (error?: Error) => {
          clearTimeout(timer);
          listeners.delete(check);
          if (error) reject(error);
          else resolve();
        };
        const check = () => {
          if (pattern.test(output)) done();
          else if (child.exitCode !== null || child.signalCode !== null)
            done(new Error(`exited before printing ${pattern}: ${describe()}`));
        };
        const timer = setTimeout(
          () => done(new Error(`no ${pattern} within ${timeoutMs} ms: ${describe()}`)),
          timeoutMs,
        );
        listeners.add(check);
        check();
      });
    },
    async until(condition, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (!(await condition())) {
        if (child.exitCode !== null) throw new Error(`exited while waiting: ${describe()}`);
        if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms: ${describe()}`);
        // A short pause between checks of a condition (not a guess at how long something takes).
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const kill = setTimeout(() => child.kill("SIGKILL"), 15_000);
        const result = await exited;
        clearTimeout(kill);
        return result;
      }
      return exited;
    },
  };
}
