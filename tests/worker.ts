// The real worker process (`scripts/worker.ts`) for crash tests: short leases, so a killed one's claims are
// settled within seconds. Every process started is kept in `children`, for the test to kill at the end.
import { spawn, type ChildProcess } from "node:child_process";

export function startWorker(name: string, children: ChildProcess[]): ChildProcess {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--import", "./scripts/lib/allow-server-only.mjs", "scripts/worker.ts"],
    {
      env: {
        ...process.env,
        PARLEY_WORKER_ID: name,
        PARLEY_RECLAIM_SECONDS: "3",
        PARLEY_LEASE_SECONDS: "3",
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  children.push(child);
  return child;
}
