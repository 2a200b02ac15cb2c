import { expect, seriousViolations, signInAs, test } from "./fixtures";

// One test per page: axe takes seconds a page on a busy machine, and a failure names its page. The login page,
// the template builder and the other key pages are checked in every language by locales.spec.ts.
for (const path of [
  "/campaigns",
  "/audiences/contacts",
  "/audiences/consent-lists",
  "/settings/users",
  "/settings/audit-log",
  "/settings/whatsapp",
  "/settings/workspace",
  "/templates",
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
  // Every role lands on its home (lib/auth/permissions.ts, homeFor).
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByRole("heading", { name: "Home", exact: true })).toBeVisible();
});
