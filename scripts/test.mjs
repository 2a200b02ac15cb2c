// `npm test`: every check, stopping after the first phase that fails. Phase one: types and unit tests.
// Phase two: the integration tests (embedded PostgreSQL) then lint, and beside them the app's build followed by the
// browser tests (Chromium; their own PostgreSQL, sandbox and ports). Tracks of a phase run at once because
// each is mostly one thread or waiting, and because every test must hold on a busy machine anyway. A phase's
// first track prints as it goes; the others print their output whole as each step ends, so none interleaves.
// Ends with one line that counts every test: "Tests: N passed, N failed".
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

const reports = ".data/test-reports";
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

/** Vitest on the projects `pattern` names, its JSON report in `<report>.json`. */
const vitest = (report, pattern) => [
  "npx",
  [
    "vitest",
    "run",
    "--project",
    pattern,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${reports}/${report}.json`,
  ],
];
const lint = ["lint", ["npm", ["run", "-s", "lint"]]];
const typecheck = ["typecheck", ["npm", ["run", "-s", "typecheck"]]];
const unit = ["unit tests", vitest("unit", "unit")];
// Both integration projects (vitest.config.ts): the files sharing one module registry, then those with their own.
const integration = ["integration tests", vitest("integration", "integration*")];
const build = ["app build", ["node", ["--import", "tsx", "scripts/build-app.ts"]]];
const browser = [
  "browser tests",
  ["npm", ["run", "-s", "test:e2e", "--", "--reporter=list,json"]],
  { PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/e2e.json` },
];
// Each phase: tracks that run at once; each track: steps in order, stopping at a failure.
// Lint runs after the integration tests, in the minutes the browser tests still need (they are the longer
// track): in phase one it held the other checks back by a minute.
const phases = [
  [[typecheck], [unit]],
  [
    [integration, lint],
    [build, browser],
  ],
];

/** Runs one step; unless `streamed`, its output is held until it ends. */
function runStep([name, [command, args], env], streamed) {
  const started = Date.now();
  if (streamed) console.log(`\n▶ ${name}`);
  const child = spawn(command, args, {
    stdio: streamed ? "inherit" : ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env },
  });
  const output = [];
  child.stdout?.on("data", (chunk) => output.push(chunk));
  child.stderr?.on("data", (chunk) => output.push(chunk));
  return new Promise((resolve) => {
    child.on("close", (code, signal) => {
      if (!streamed) process.stdout.write(`\n▶ ${name}\n${Buffer.concat(output).toString()}`);
      const status = code ?? (signal ? 1 : 0);
      resolve({
        status,
        line: `${status === 0 ? "✓" : "✗"} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
      });
    });
  });
}

function counts() {
  let passed = 0;
  let failed = 0;
  for (const name of ["unit", "integration"]) {
    const file = `${reports}/${name}.json`;
    if (!existsSync(file)) continue;
    const report = JSON.parse(readFileSync(file, "utf8"));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
  }
  const e2e = `${reports}/e2e.json`;
  if (existsSync(e2e)) {
    const { stats } = JSON.parse(readFileSync(e2e, "utf8"));
    passed += stats.expected + stats.flaky;
    failed += stats.unexpected;
  }
  return { passed, failed };
}

const lines = [];
async function runTrack(steps, streamed) {
  for (const step of steps) {
    const { status, line } = await runStep(step, streamed);
    lines.push(line);
    if (status !== 0) return status;
  }
  return 0;
}
let exitCode = 0;
for (const phase of phases) {
  const statuses = await Promise.all(phase.map((track, i) => runTrack(track, i === 0)));
  exitCode = statuses.find((status) => status !== 0) ?? 0;
  if (exitCode) break;
}
const { passed, failed } = counts();
console.log(`\n${lines.join("\n")}\n`);
console.log(`Tests: ${passed} passed, ${failed} failed`);
if (exitCode === 0 && failed > 0) exitCode = 1;
process.exit(exitCode);
