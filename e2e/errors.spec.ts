import { readFileSync } from "node:fs";
import type { ConsoleMessage, Page } from "@playwright/test";
import { LOCALE_COOKIE } from "../lib/i18n/config";
import { expect, signInAs, test } from "./fixtures";

// Every dashboard page that takes an id in its address (the other workspace's ids are covered by
// app/(dashboard)/unknown-ids.integration.test.ts: the demo has a single workspace), with its section's
// not-found heading and way back.
const PAGES_WITH_IDS: [path: string, heading: string, back: string][] = [
  ["/campaigns/:id", "Campaign not found", "Back to Campaigns"],
  ["/campaigns/:id/edit", "Campaign not found", "Back to Campaigns"],
  ["/campaigns/:id/recipients", "Campaign not found", "Back to Campaigns"],
  ["/audiences/segments/:id", "Not found in Audiences", "Back to Audiences"],
  ["/audiences/contacts/:id", "Not found in Audiences", "Back to Audiences"],
  ["/audiences/contacts/import/:id", "Not found in Audiences", "Back to Audiences"],
  ["/inbox/:id", "Conversation not found", "Back to the Inbox"],
  ["/templates/:id", "Template not found", "Back to Templates"],
  ["/settings/webhooks/:id", "Not found in Settings", "Back to Settings"],
];

/** A 404 inside the shell: its heading, the navigation still there, the section's way back and the dashboard's. */
async function expectSectionNotFound(
  page: Page,
  url: string,
  { heading, back, dashboard = "Back to your dashboard", nav = "Main" }: Record<string, string>,
) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: heading, exact: true })).toBeVisible();
  await expect(page.getByRole("main")).toHaveCount(1);
  await expect(page.getByRole("navigation", { name: nav, exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: back, exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: dashboard, exact: true })).toBeVisible();
}

test("an unknown or malformed id is a 404 inside the dashboard, with a way back", async ({ page }) => {
  test.setTimeout(120_000); // eighteen server renders on a busy machine
  await signInAs(page, "ADMIN");
  for (const [path, heading, back] of PAGES_WITH_IDS) {
    for (const id of ["cmunknown000000000000000", "not%20an%20id"]) {
      await expectSectionNotFound(page, path.replace(":id", id), { heading, back });
    }
  }
  await page.getByRole("link", { name: "Back to your dashboard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Home" })).toBeVisible();
});

test("an unknown campaign or flow is its section's 404 inside the shell, in the reader's language", async ({
  page,
}) => {
  await signInAs(page, "ADMIN");
  const unknown = "cmunknown000000000000000";
  await expectSectionNotFound(page, `/campaigns/${unknown}`, {
    heading: "Campaign not found",
    back: "Back to Campaigns",
  });
  // An address under the section that names no page at all is the section's 404 too, not the bare root one.
  await expectSectionNotFound(page, `/campaigns/${unknown}/no-such-page`, {
    heading: "Campaign not found",
    back: "Back to Campaigns",
  });
  await page.getByRole("link", { name: "Back to Campaigns", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Campaigns", exact: true })).toBeVisible();

  // In Spanish, from the catalog the page reads.
  const es = (namespace: string, path: string) =>
    path
      .split(".")
      .reduce<unknown>(
        (node, key) => (node as Record<string, unknown>)[key],
        JSON.parse(readFileSync(new URL(`../messages/es/${namespace}.json`, import.meta.url), "utf8")),
      ) as string;
  await page.context().addCookies([{ name: LOCALE_COOKIE, value: "es", domain: "localhost", path: "/" }]);
  await expectSectionNotFound(page, `/flows/${unknown}`, {
    heading: es("errors", "sections.flows.notFound"),
    back: es("errors", "sections.flows.back"),
    dashboard: es("errors", "page.backToDashboard"),
    nav: es("shell", "nav.label"),
  });
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await page.getByRole("link", { name: es("errors", "sections.flows.back"), exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: es("flows", "list.title"), exact: true })).toBeVisible();
});

test("an address that names no page is a branded 404 with a title", async ({ page }) => {
  await signInAs(page, "MARKETER");
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page).toHaveTitle(/^Page not found/);
  await expect(page.getByRole("link", { name: "Back to your dashboard" })).toBeVisible();
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("a made-up tracked link says so, readably, in a titled page", async ({ page }) => {
    const response = await page.goto("/r/made-up-ending");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "This link doesn't work" })).toBeVisible();
    await expect(page.getByText("Open it again from the WhatsApp message")).toBeVisible();
    await expect(page).toHaveTitle("This link doesn't work");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    const { scrollWidth, width, fontSize } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      width: window.innerWidth,
      fontSize: parseFloat(getComputedStyle(document.querySelector("main p")!).fontSize),
    }));
    expect(scrollWidth).toBeLessThanOrEqual(width);
    expect(fontSize).toBeGreaterThanOrEqual(16); // no zooming to read it
  });
});

test("a normal page logs no console error (the favicon is there)", async ({ page, request }) => {
  const errors: string[] = [];
  const record = (message: ConsoleMessage) => {
    if (message.type() === "error") errors.push(`${page.url()}: ${message.text()}`);
  };
  page.on("console", record);
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));

  await signInAs(page, "MARKETER");
  await page.goto("/campaigns");
  await expect(page.getByRole("heading", { level: 1, name: "Campaigns" })).toBeVisible();
  await page.waitForLoadState("load");
  expect(errors).toEqual([]);

  // The browser asks for the icons the page names, or for /favicon.ico when it names none: all are there.
  const named = await page
    .locator('link[rel~="icon"]')
    .evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
  expect(named.length).toBeGreaterThan(0);
  for (const href of [...named, "/favicon.ico"]) {
    const icon = await request.get(href);
    expect([href, icon.status(), icon.headers()["content-type"]?.startsWith("image/")]).toEqual([href, 200, true]);
  }
});
