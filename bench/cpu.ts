// Where a benchmark's CPU goes, from Linux's /proc: a process's own time, the PostgreSQL server's (its
// connections and their parallel workers), and the whole machine's. Clock ticks are 100 a second on Linux.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** /proc/<pid>/stat after "pid (comm) ": [1] ppid, [11] utime, [12] stime, [13] cutime, [14] cstime. */
const stat = (pid: number | string) => readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ").map(Number);

/** CPU seconds and resident memory of a process. */
export function usage(pid: number) {
  const s = stat(pid);
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return {
    cpu: (s[11]! + s[12]!) / 100,
    rssMb: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024,
  };
}

/** Busy and total clock ticks of the whole machine so far (all cores). */
export function machineBusy() {
  const [, ...t] = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).map(Number);
  const idle = t[3]! + t[4]!;
  return { busy: t.reduce((a, b) => a + b, 0) - idle, total: t.reduce((a, b) => a + b, 0) };
}

/**
 * CPU milliseconds the PostgreSQL server in `dataDir` (bench/database.ts) has used so far: its live processes
 * (connections, background processes) and those it has reaped (parallel workers). Undefined off Linux.
 */
export function postgresCpuMs(dataDir: string): number | undefined {
  try {
    const postmaster = readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[0]!;
    const own = stat(postmaster);
    let ticks = own[11]! + own[12]! + own[13]! + own[14]!;
    for (const pid of readdirSync("/proc")) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const child = stat(pid);
        if (String(child[1]) === postmaster) ticks += child[11]! + child[12]!;
      } catch {
        // ended while being read: the postmaster's cutime has it now
      }
    }
    return ticks * 10;
  } catch {
    return undefined;
  }
}
