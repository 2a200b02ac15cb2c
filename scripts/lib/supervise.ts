// Keeps a child process running: when it exits without being asked to, it is started again after a
// back-off (1 s, 2 s, 4 s … capped at 30 s; back to 1 s once a run has lasted a minute), so one crash,
// or a crash loop while the database is away, never takes the rest of the product down with it.
// Only stop() ends it for good. The launcher (scripts/start.ts) supervises web, worker and sandbox.
import type { ChildProcess } from "node:child_process";

export type BackOff = { initialMs: number; maxMs: number; healthyAfterMs: number };

export const DEFAULT_BACKOFF: BackOff = { initialMs: 1_000, maxMs: 30_000, healthyAfterMs: 60_000 };

/** The wait before restart number `attempt` (0 for the first restart after a healthy run). */
export function restartDelayMs(attempt: number, backOff: BackOff = DEFAULT_BACKOFF): number {
  return Math.min(backOff.initialMs * 2 ** Math.min(attempt, 30), backOff.maxMs);
}

export type ExitReport = {
  label: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  ranMs: number;
  restartInMs: number;
  restarts: number;
};

export type SupervisorOptions = {
  label: string;
  /** Starts the process (a new one each time). */
  start: () => ChildProcess;
  backOff?: Partial<BackOff>;
  /** Told of every unasked-for exit, with the wait before the restart (the launcher prints it). */
  onExit?: (report: ExitReport) => void;
  /** Told of every start after the first. */
  onRestart?: (child: ChildProcess, restarts: number) => void;
  /** How long stop() waits after SIGTERM before SIGKILL. */
  killAfterMs?: number;
};

export type Supervised = {
  readonly label: string;
  /** The process running now (or the last one, while a restart is pending). */
  readonly child: ChildProcess;
  readonly restarts: number;
  /** Stops the process for good: SIGTERM, SIGKILL if it lingers; no restart after. */
  stop(): Promise<void>;
};

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

export function supervise(options: SupervisorOptions): Supervised {
  const backOff = { ...DEFAULT_BACKOFF, ...options.backOff };
  let child: ChildProcess;
  let startedAt = 0;
  let attempt = 0;
  let restarts = 0;
  let stopping = false;
  let pending: NodeJS.Timeout | undefined;

  function launch() {
    startedAt = Date.now();
    child = options.start();
    const current = child;
    // A process that cannot even be spawned reports 'error' and then (usually) 'exit'; treat it as an exit.
    let handled = false;
    const onGone = (code: number | null, signal: NodeJS.Signals | null) => {
      if (handled) return;
      handled = true;
      if (stopping || current !== child) return;
      const ranMs = Date.now() - startedAt;
      if (ranMs >= backOff.healthyAfterMs) attempt = 0;
      const restartInMs = restartDelayMs(attempt, backOff);
      attempt++;
      options.onExit?.({ label: options.label, code, signal, ranMs, restartInMs, restarts });
      pending = setTimeout(() => {
        pending = undefined;
        if (stopping) return;
        restarts++;
        launch();
        options.onRestart?.(child, restarts);
      }, restartInMs);
    };
    current.once("exit", onGone);
    current.once("error", () => setImmediate(() => onGone(current.exitCode ?? 1, current.signalCode)));
  }

  launch();

  return {
    label: options.label,
    get child() {
      return child;
    },
    get restarts() {
      return restarts;
    },
    async stop() {
      stopping = true;
      if (pending) clearTimeout(pending);
      const current = child;
      if (exited(current) || current.pid === undefined) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => current.kill("SIGKILL"), options.killAfterMs ?? 10_000);
        current.once("exit", () => {
          clearTimeout(timer);
          resolve();
        });
        current.kill("SIGTERM");
      });
    },
  };
}
