// A process the launcher started ends with the launcher. Killed with SIGKILL (or crashed), the launcher cannot
// stop its children, and they would live on as orphans: holding the port, a stale database's connections and,
// with the pipe their output went to closed, spinning a core on EPIPE (seen: a web process at 100% CPU for half
// an hour after its launcher was killed). The launcher names itself in PARLEY_LAUNCHER_PID.
const CHECK_EVERY_MS = 1000;

export function exitWithLauncher(env: NodeJS.ProcessEnv = process.env): void {
  const launcher = Number(env.PARLEY_LAUNCHER_PID);
  if (!launcher) return; // started on its own (npm run worker, a container): nothing to follow
  setInterval(() => {
    if (process.ppid !== launcher) process.exit(0);
  }, CHECK_EVERY_MS).unref();
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(0);
    });
  }
}
