import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, signInAs, test } from "./fixtures";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes.map((n) => `${n.target.join(" ")} ${n.any[0]?.message ?? ""}`).join("; ")})`,
    );
}

test("the login page has no serious accessibility problems", async ({ page }) => {
  await page.goto("/login");
  expect(await seriousViolations(page)).toEqual([]);
});

// One test per page: axe takes seconds a page on a busy machine, and a failure names its page.
for (const path of [
  "/campaigns",
  "/audiences/contacts",
  "/audiences/consent-lists",
  "/settings/users",
  "/settings/audit-log",
  "/settings/whatsapp",
  "/settings/workspace",
  "/templates",
  "/templates/new",
]) {
  test(`${path} has no serious accessibility problems`, async ({ page }) => {
    await signInAs(page, "ADMIN");
    await page.goto(path);
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test("the sign-in form works from the keyboard alone", async ({ page }) => {
  await page.goto("/login");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Email")).toBeFocused();
  await page.keyboard.type("marketer@parley.demo");
  await page.keyboard.press("Tab");
  await page.keyboard.type("parley-marketer-demo");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Campaigns" })).toBeVisible();
});
