import type { Page } from "@playwright/test";
import { expect, seriousViolations, signInAs, test } from "./fixtures";

/** The demo's "Loyalty double points" finished two days ago with a few failed messages; its people wrote back. */
async function landsOnHome(page: Page) {
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByRole("heading", { level: 1, name: "Home" })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home", exact: true }),
  ).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { name: "Sending now" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Needs someone" })).toBeVisible();
  // The week's numbers as a table, each measure a row.
  const week = page.getByRole("table", { name: "This week against last week" });
  for (const measure of ["Sent", "Delivered", "Read", "Replied", "Link clicks"])
    await expect(week.getByRole("rowheader", { name: measure, exact: true })).toBeVisible();
  return page.getByRole("region", { name: "Needs someone" });
}

const unread = /conversations? (is|are) waiting for an answer/;

test("an admin lands on a home that lists campaign failures, unread conversations, and has no accessibility problems", async ({
  page,
}) => {
  await signInAs(page, "ADMIN");
  const needs = await landsOnHome(page);
  await expect(
    needs.getByRole("link", { name: /“Loyalty double points” finished with \d+ failed messages?/ }),
  ).toBeVisible();
  await expect(needs.getByRole("link", { name: unread })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("a marketer's home leads to the unread conversations and shows no admin work", async ({ page }) => {
  await signInAs(page, "MARKETER");
  const needs = await landsOnHome(page);
  await expect(needs.locator('a[href^="/settings"]')).toHaveCount(0);
  await needs.getByRole("link", { name: unread }).click();
  await expect(page).toHaveURL(/\/inbox\?filter=unread$/);
});

test("a manager's home leads to a campaign's report and lists no inbox or admin work", async ({ page }) => {
  await signInAs(page, "MANAGER");
  const needs = await landsOnHome(page);
  await expect(needs.getByRole("link", { name: unread })).toHaveCount(0);
  await expect(needs.locator('a[href^="/settings"]')).toHaveCount(0);
  await needs.getByRole("link", { name: /“Loyalty double points” finished with/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Loyalty double points" })).toBeVisible();
});

test("on a phone the home fits the screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, "ADMIN");
  await expect(page.getByRole("heading", { level: 1, name: "Home" })).toBeVisible();
  const { scrollWidth, width } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    width: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(width);
});
