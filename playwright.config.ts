import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// PARLEY_E2E_PORT lets two checkouts run their browser tests side by side.
const PORT = Number(process.env.PARLEY_E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;
// Debian's Chromium where the machine has it (Playwright cannot download its own there); Playwright's otherwise.
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
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
