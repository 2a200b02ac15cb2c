// The browser tests need Chromium. Debian's (/usr/bin/chromium) is used where present; otherwise
// Playwright's own, downloaded once with `npx playwright install chromium` where the network allows.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

const system = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
if (!system && !existsSync(chromium.executablePath())) {
  console.log(
    "No Chromium found: installing Playwright's (on Debian/Ubuntu as root, `apt-get install chromium` also works).",
  );
  execFileSync("npx", ["playwright", "install", "chromium"], { stdio: "inherit" });
}
