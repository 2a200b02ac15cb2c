import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// PARLEY_E2E_PORT lets two checkouts run their browser tests side by side.
const PORT = Number(process.env.PARLEY_E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;
// Debian's Chromium where the machine has it (Playwright cannot download its own there); Playwright's otherwise.
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

// The specs share one server, one worker and one database seeded with the demo workspace. Two run at once, each
// file in a worker of its own with its tests in order: a spec owns what it creates (names with a suffix, its own
// contacts, keys and numbers) and asserts nothing another spec can change at the same moment. These few change
// or watch what the whole workspace shares, so they run afterwards, one at a time ("alone", which depends on
// "shared" and so starts when all of it has finished; --no-deps runs one of them without the rest):
// - workspace.spec.ts turns on "campaigns need approval" and a marketing cap: every other launch would wait.
// - whatsapp.spec.ts watches the workspace's latest twelve status webhooks, which a campaign sent beside it would
//   push out of view, and switches the connection's Graph API version.
const ALONE = [/workspace\.spec\.ts$/, /whatsapp\.spec\.ts$/];

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 2,
  projects: [
    { name: "shared", testIgnore: ALONE },
    { name: "alone", testMatch: ALONE, dependencies: ["shared"], workers: 1 },
  ],
  forbidOnly: true,
  retries: 0,
  // Headroom for a busy machine (the suite must pass while another CPU-heavy process runs): a passing test
  // takes no longer for it, and a test that waits on the worker or the sandbox gets three times its quiet time.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: systemChromium
      ? {
          executablePath: systemChromium,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--no-first-run",
          ],
        }
      : {},
  },
  webServer: {
    // The same launcher a newcomer runs, on a fresh throwaway data folder.
    command: "node --import tsx --import ./scripts/lib/allow-server-only.mjs scripts/start.ts --fresh",
    url: `${baseURL}/api/health`,
    env: {
      PARLEY_DATA_DIR: ".data/e2e",
      PORT: String(PORT),
      APP_URL: baseURL,
      DATABASE_URL: "",
      PARLEY_WEBHOOK_ALLOW_PRIVATE: "1", // the tests' webhook receivers listen on 127.0.0.1
    },
    timeout: 600_000, // a first build on a busy 2-core machine takes minutes
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
  },
});
