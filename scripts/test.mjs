// `npm test`: every check, stopping after the first phase that fails: lint, types and unit tests side by side;
// then the integration tests (embedded PostgreSQL) while the app is built for the next phase; then the browser
// tests (Chromium). Steps of one phase run at once because each is mostly one thread and the machine has more.
// A phase's first step prints as it goes; the others print their output whole as they end, so none interleaves. Ends with one line that counts every
// test: "Tests: N passed, N failed".
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

const reports = ".data/test-reports";
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const vitest = (project) => [
  "npx",
  [
    "vitest",
    "run",
    "--project",
    project,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${reports}/${project}.json`,
  ],
];
const phases = [
  [
    ["lint", ["npm", ["run", "-s", "lint"]]],
    ["typecheck", ["npm", ["run", "-s", "typecheck"]]],
    ["unit tests", vitest("unit")],
  ],
  [
    ["integration tests", vitest("integration")],
    ["app build", ["node", ["--import", "tsx", "scripts/build-app.ts"]]],
  ],
  [
    [
      "browser tests",
      ["npm", ["run", "-s", "test:e2e", "--", "--reporter=list,json"]],
      { PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/e2e.json` },
    ],
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
let exitCode = 0;
for (const phase of phases) {
  const results = await Promise.all(phase.map((step, i) => runStep(step, i === 0)));
  lines.push(...results.map((r) => r.line));
  const failedStep = results.find((r) => r.status !== 0);
  if (failedStep) {
    exitCode = failedStep.status;
    break;
  }
}
const { passed, failed } = counts();
console.log(`\n${lines.join("\n")}\n`);
console.log(`Tests: ${passed} passed, ${failed} failed`);
if (exitCode === 0 && failed > 0) exitCode = 1;
process.exit(exitCode);
