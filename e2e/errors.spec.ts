import type { ConsoleMessage } from "@playwright/test";
import { expect, signInAs, test } from "./fixtures";

// Every dashboard page that takes an id in its address (the other workspace's ids are covered by
// app/(dashboard)/unknown-ids.integration.test.ts: the demo has a single workspace).
const PAGES_WITH_IDS = [
  "/campaigns/:id",
  "/campaigns/:id/edit",
  "/campaigns/:id/recipients",
  "/audiences/segments/:id",
  "/audiences/contacts/:id",
  "/audiences/contacts/import/:id",
  "/inbox/:id",
  "/templates/:id",
  "/settings/webhooks/:id",
];

test("an unknown or malformed id is a 404 inside the dashboard, with a way back", async ({ page }) => {
  test.setTimeout(120_000); // eighteen server renders on a busy machine
  await signInAs(page, "ADMIN");
  for (const path of PAGES_WITH_IDS) {
    for (const id of ["cmunknown000000000000000", "not%20an%20id"]) {
      const url = path.replace(":id", id);
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
      // Inside the shell: the navigation is still there, and one link leads home.
      await expect(page.getByRole("main")).toHaveCount(1);
      await expect(page.getByRole("link", { name: "Back to your dashboard" })).toBeVisible();
    }
  }
  await page.getByRole("link", { name: "Back to your dashboard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Home" })).toBeVisible();
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
