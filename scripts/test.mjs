// `npm test`: every check, in order, stopping at the first failure: lint, types, unit tests,
// integration tests (embedded PostgreSQL), browser tests (Chromium). Ends with one line that counts
// every test: "Tests: N passed, N failed".
import { spawnSync } from "node:child_process";
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
const steps = [
  ["lint", ["npm", ["run", "-s", "lint"]]],
  ["typecheck", ["npm", ["run", "-s", "typecheck"]]],
  ["unit tests", vitest("unit")],
  ["integration tests", vitest("integration")],
  [
    "browser tests",
    ["npm", ["run", "-s", "test:e2e", "--", "--reporter=list,json"]],
    { PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/e2e.json` },
  ],
];

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
for (const [name, [command, args], env] of steps) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const { status } = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  lines.push(`${status === 0 ? "✓" : "✗"} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (status !== 0) {
    exitCode = status ?? 1;
    break;
  }
}
const { passed, failed } = counts();
console.log(`\n${lines.join("\n")}\n`);
console.log(`Tests: ${passed} passed, ${failed} failed`);
if (exitCode === 0 && failed > 0) exitCode = 1;
process.exit(exitCode);
