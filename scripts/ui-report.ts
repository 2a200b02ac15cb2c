// `npm run ui-report`: what a person on a phone gets from the key pages of a running Parley (#21 point 9).
//
// Lighthouse 12 (the last line that runs on Node 20) with its default mobile preset (an emulated mid-range
// phone, 4x CPU slowdown, simulated slow 4G) on login, home, a campaign report, the template builder, the
// inbox and analytics, signed in as the demo admin. For each page: the performance and accessibility scores
// (targets 90 and 95), its first-load JavaScript gzipped (the scripts its HTML names, which every visit
// downloads before the page works; target at most 200 KB), its HTML gzipped (with the data React hydrates
// from), all the JavaScript Lighthouse saw it load (with the chunks a page imports later, such as a report's
// charts), its main-thread work, and the errors it logs to the
// console (target none), and Lighthouse's benchmark of the machine's CPU, which the scores depend on. Then two
// tables of every page: its first-load JavaScript, and what axe finds there in each of Parley's languages.
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
import AxeBuilder from "@axe-core/playwright";
import { chromium } from "@playwright/test";
import { printTable, type Row } from "../bench/table.ts";
import { LOCALE_COOKIE, locales } from "../lib/i18n/config.ts";
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
  "/audiences/contacts/import/:import",
  "/audiences/consent-lists",
  "/audiences/segments",
  "/audiences/segments/new",
  "/audiences/segments/:segment",
  "/campaigns",
  "/campaigns/new",
  "/campaigns/:campaign",
  "/campaigns/:campaign/edit",
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
  "/settings/webhooks/:endpoint",
  "/settings/whatsapp",
  "/settings/workspace",
  "/templates",
  "/templates/new",
  "/templates/:template",
];

/**
 * Each page of EVERY_PAGE as an address, its id taken from the links of the list before it: the first that
 * shows the page itself rather than redirecting (only a draft campaign has an edit page). Undefined: no link.
 */
async function everyPage(cookie: string): Promise<{ pattern: string; path: string | undefined }[]> {
  const candidates = new Map<string, string[]>();
  const pages = [];
  for (const pattern of EVERY_PAGE) {
    const name = pattern.match(/:(\w+)/)?.[1];
    if (!name) {
      pages.push({ pattern, path: pattern });
      continue;
    }
    if (!candidates.has(name)) {
      const list = pattern.slice(0, pattern.indexOf(":") - 1);
      const html = await (await fetch(`${base}${list}`, { headers: { cookie } })).text();
      // A link may carry a query (the inbox's keeps the list's filters) or go further (a draft's /edit): the id ends at ", ? or /.
      const found = [...html.matchAll(new RegExp(`href="${list}/([\\w-]+)["?/]`, "g"))]
        .map((m) => m[1]!)
        .filter((id) => id !== "new" && id !== "import" && id !== "quick-answers");
      candidates.set(name, [...new Set(found)]);
    }
    let path: string | undefined;
    for (const id of candidates.get(name)!) {
      const tried = pattern.replace(`:${name}`, id);
      const answer = await fetch(`${base}${tried}`, { headers: { cookie }, redirect: "manual" });
      await answer.body?.cancel();
      if (answer.status === 200) {
        path = tried;
        break;
      }
    }
    pages.push({ pattern, path });
  }
  return pages;
}

/** The gzipped size of the page's HTML (with the data React hydrates from, inline), in KB. */
async function htmlKb(url: string, cookie?: string): Promise<number> {
  const html = await (await fetch(url, { headers: cookie ? { cookie } : {} })).text();
  return Math.round(gzipSync(Buffer.from(html)).length / 1024);
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
  const flags: Flags = {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance", "accessibility"],
    disableStorageReset: true,
  };
  // One run thrown away first: the browser's first Lighthouse run also measures the browser warming up (the login
  // page, measured first, read a CPU benchmark of about 1,100 where every page after it read 2,000 or more).
  await lighthouse(`${base}/login`, flags);
  for (const [name, pathOf] of pages) {
    if (name === "home") {
      // The login page is measured signed out; then sign in once, as a person would.
      await page.goto(`${base}/login`);
      await page.locator("html[data-hydrated]").waitFor(); // as a person waits for the page: Sign in is inert before
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
      "HTML KB": await htmlKb(`${base}${path}`, cookie),
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
  const signedIn = await everyPage(cookie!);
  const firstLoad: Row[] = [];
  for (const { pattern, path } of signedIn) {
    const kb = path === undefined ? undefined : Math.round((await firstLoadBytes(`${base}${path}`, cookie)) / 1024);
    firstLoad.push({
      page: pattern,
      "first-load JS KB": kb ?? "no link to one",
      "at most 200": kb === undefined ? "" : kb <= 200 ? "yes" : "NO",
    });
  }
  await printTable(`First-load JavaScript of every page, gzipped, signed in as the admin`, firstLoad);

  // axe on every page in every language (target: nothing found, whatever its impact). The login page is
  // checked signed out; the others signed in as the admin, the language chosen by Parley's locale cookie.
  const session = await context.cookies();
  const findings: string[] = [];
  const axeRows: Row[] = [];
  for (const { pattern, path } of [{ pattern: "/login", path: "/login" }, ...signedIn]) {
    const row: Row = { page: pattern };
    for (const locale of locales) {
      if (!path) {
        row[locale] = "no link";
        continue;
      }
      await context.clearCookies();
      await context.addCookies([
        ...(pattern === "/login" ? [] : session),
        { name: LOCALE_COOKIE, value: locale, url: base },
      ]);
      await page.goto(`${base}${path}`, { waitUntil: "networkidle" });
      const { violations } = await new AxeBuilder({ page }).analyze();
      row[locale] = violations.length;
      for (const v of violations)
        findings.push(`${locale} ${path}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join("; ")}`);
    }
    axeRows.push(row);
  }
  await context.clearCookies();
  await context.addCookies(session);
  await printTable(`axe findings on every page in every language (any impact; target 0)`, axeRows);
  for (const finding of findings) console.log(finding);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
