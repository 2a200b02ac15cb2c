// `npm run ui-report`: what a person on a phone gets from the key pages of a running Parley (#21 point 9).
//
// Lighthouse 12 (the last line that runs on Node 20) with its default mobile preset (an emulated mid-range
// phone, 4x CPU slowdown, simulated slow 4G) on login, home, a campaign report, the template builder, the
// inbox and analytics, signed in as the demo admin. For each page: the performance and accessibility scores
// (targets 90 and 95), its first-load JavaScript gzipped (the scripts its HTML names, which every visit
// downloads before the page works; target at most 200 KB), all the JavaScript Lighthouse saw it load (with the
// chunks a page imports later, such as a report's charts), its main-thread work, and the errors it logs to the
// console (target none), and Lighthouse's benchmark of the machine's CPU, which the scores depend on.
//
// Start Parley first (`npm start`), then: npm run ui-report [-- http://localhost:3000]. Scores depend on the
// machine: run it on a quiet one. Each page is measured three times (UI_REPORT_RUNS) and the median run shown:
// one run's blocking time moves by a factor of two on the same build.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import lighthouse, { type Flags, type Result } from "lighthouse";
import { computeMedianRun } from "lighthouse/core/lib/median-run.js";
import { chromium } from "@playwright/test";
import { printTable, type Row } from "../bench/table.ts";
import { DEMO_USERS } from "../lib/seed/demo-users.ts";

const base = (process.argv[2] ?? process.env.APP_URL ?? "http://localhost:3000").replace(/\/+$/, "");
const admin = DEMO_USERS.find((u) => u.role === "ADMIN")!;
const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
const port = 9333;
/** Lighthouse runs per page (UI_REPORT_RUNS): the table shows the median run, by Lighthouse's computeMedianRun. */
const RUNS = Math.max(1, Number(process.env.UI_REPORT_RUNS ?? 3));

/**
 * Every page a signed-in person opens, for the table of first-load JavaScript per page (target at most 200 KB
 * each): `:name` is the first such link on the list page before it, from the demo's data.
 */
const EVERY_PAGE = [
  "/home",
  "/account",
  "/analytics",
  "/audiences/contacts",
  "/audiences/contacts/:contact",
  "/audiences/contacts/import",
  "/audiences/consent-lists",
  "/audiences/segments",
  "/audiences/segments/new",
  "/audiences/segments/:segment",
  "/campaigns",
  "/campaigns/new",
  "/campaigns/:campaign",
  "/campaigns/:campaign/recipients",
  "/developers",
  "/flows",
  "/flows/new",
  "/flows/:flow",
  "/flows/:flow/results",
  "/inbox",
  "/inbox/:conversation",
  "/inbox/quick-answers",
  "/journeys",
  "/journeys/new",
  "/journeys/:journey",
  "/journeys/:journey/report",
  "/settings/api",
  "/settings/audit-log",
  "/settings/flows",
  "/settings/pricing",
  "/settings/users",
  "/settings/webhooks",
  "/settings/whatsapp",
  "/settings/workspace",
  "/templates",
  "/templates/new",
  "/templates/:template",
];

/** The first-load table: each page of EVERY_PAGE, its ids taken from the links of the list before it. */
async function firstLoadOfEveryPage(cookie: string): Promise<Row[]> {
  const ids = new Map<string, string>();
  const rows: Row[] = [];
  for (const pattern of EVERY_PAGE) {
    const name = pattern.match(/:(\w+)/)?.[1];
    if (name && !ids.has(name)) {
      const list = pattern.slice(0, pattern.indexOf(":") - 1);
      const html = await (await fetch(`${base}${list}`, { headers: { cookie } })).text();
      const id = [...html.matchAll(new RegExp(`href="${list}/([\\w-]+)"`, "g"))]
        .map((m) => m[1]!)
        .find((found) => found !== "new" && found !== "import" && found !== "quick-answers");
      if (id) ids.set(name, id);
    }
    if (name && !ids.has(name)) {
      rows.push({ page: pattern, "first-load JS KB": "no link to one", "at most 200": "" });
      continue;
    }
    const path = name ? pattern.replace(`:${name}`, ids.get(name)!) : pattern;
    const kb = Math.round((await firstLoadBytes(`${base}${path}`, cookie)) / 1024);
    rows.push({ page: pattern, "first-load JS KB": kb, "at most 200": kb <= 200 ? "yes" : "NO" });
  }
  return rows;
}

/** The gzipped size of the scripts a page's HTML names: what a first visit downloads before the page works. */
async function firstLoadBytes(url: string, cookie?: string): Promise<number> {
  const html = await (await fetch(url, { headers: cookie ? { cookie } : {} })).text();
  // Modern browsers skip the nomodule polyfills, so they are not counted.
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !/\snomodule/i.test(tag));
  const sources = new Set(tags.flatMap((tag) => tag.match(/\ssrc="([^"]+)"/)?.[1] ?? []));
  const sizes = await Promise.all(
    [...sources].map(async (src) => gzipSync(Buffer.from(await (await fetch(new URL(src, url))).arrayBuffer())).length),
  );
  return sizes.reduce((sum, n) => sum + n, 0);
}

const health = await fetch(`${base}/api/health`).catch(() => null);
if (!health?.ok) {
  console.error(`No Parley answers at ${base}. Start it first (npm start), or pass its address.`);
  process.exit(1);
}

// One browser profile for everything. Lighthouse opens its tabs in it, so a signed-in page is measured with the
// session a person would have (Lighthouse's extraHeaders cookie did not reach the page: every signed-in page
// measured /login). Its own storage reset would sign the profile out, so the HTTP cache is cleared here instead.
const profile = mkdtempSync(join(tmpdir(), "parley-ui-report-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  args: [`--remote-debugging-port=${port}`, "--no-sandbox", "--disable-gpu"],
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  const rows: Row[] = [];
  let cookie: string | undefined;
  let report = "/campaigns";
  const pages: [string, () => string][] = [
    ["login", () => "/login"],
    ["home", () => "/home"],
    ["campaign report", () => report],
    ["template builder", () => "/templates/new"],
    ["inbox", () => "/inbox"],
    ["analytics", () => "/analytics"],
  ];
  for (const [name, pathOf] of pages) {
    if (name === "home") {
      // The login page is measured signed out; then sign in once, as a person would.
      await page.goto(`${base}/login`);
      await page.getByLabel("Email").fill(admin.email);
      await page.getByLabel("Password").fill(admin.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(/\/home$/);
      await page.goto(`${base}/campaigns`);
      report = (await page.locator('a[href^="/campaigns/c"]').first().getAttribute("href")) ?? report;
      cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
      await page.goto("about:blank");
    }
    const path = pathOf();
    const flags: Flags = {
      port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility"],
      disableStorageReset: true,
    };
    // Lighthouse's own advice on its variability: run it several times and read the median run.
    const runs: Result[] = [];
    for (let i = 0; i < RUNS; i++) {
      await cdp.send("Network.clearBrowserCache");
      runs.push((await lighthouse(`${base}${path}`, flags))!.lhr as Result);
    }
    const result = computeMedianRun(runs);
    const items = (id: string) =>
      ((result.audits[id]?.details as { items?: Record<string, unknown>[] } | undefined)?.items ?? []) as {
        resourceType?: string;
        transferSize?: number;
      }[];
    const scriptBytes = items("network-requests")
      .filter((r) => r.resourceType === "Script")
      .reduce((sum, r) => sum + (r.transferSize ?? 0), 0);
    rows.push({
      page: name,
      // The address Lighthouse ended on: a signed-in page that shows /login measured the wrong page.
      shown: new URL(result.finalDisplayedUrl).pathname,
      performance: Math.round((result.categories.performance?.score ?? 0) * 100),
      accessibility: Math.round((result.categories.accessibility?.score ?? 0) * 100),
      "first-load JS KB": Math.round((await firstLoadBytes(`${base}${path}`, cookie)) / 1024),
      "all JS KB": Math.round(scriptBytes / 1024),
      "main-thread work s": ((result.audits["mainthread-work-breakdown"]?.numericValue ?? 0) / 1000).toFixed(1),
      "LCP s": ((result.audits["largest-contentful-paint"]?.numericValue ?? 0) / 1000).toFixed(1),
      "TBT ms": Math.round(result.audits["total-blocking-time"]?.numericValue ?? 0),
      "console errors": items("errors-in-console").length,
      // Lighthouse's measure of this machine's CPU: its 4x slowdown assumes at least 1,000 (a fast desktop), and
      // below that it warns that the performance score suffers; a busy or small machine scores lower.
      "CPU benchmark": Math.round(result.environment.benchmarkIndex),
    });
  }
  const { version } = JSON.parse(readFileSync("node_modules/lighthouse/package.json", "utf8")) as { version: string };
  await printTable(
    `Key pages on a phone (Lighthouse ${version}, mobile preset, median of ${RUNS} runs) at ${base}`,
    rows,
  );
  await printTable(
    `First-load JavaScript of every page, gzipped, signed in as the admin`,
    await firstLoadOfEveryPage(cookie!),
  );
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
