import { expect, signInAs, test } from "./fixtures";

test("a manager is refused the admin pages on the server", async ({ page }) => {
  await signInAs(page, "MANAGER");
  for (const path of ["/settings/users", "/settings/audit-log", "/settings/whatsapp"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  }
});

test("a marketer is refused user management", async ({ page }) => {
  await signInAs(page, "MARKETER");
  const response = await page.goto("/settings/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("table", { name: "Workspace users" })).toHaveCount(0);
});

test("a manager reads templates and consent lists but gets no edit controls", async ({ page }) => {
  await signInAs(page, "MANAGER");
  await page.goto("/templates");
  await expect(page.getByRole("cell", { name: "summer_sale" })).toBeVisible();
  await page.goto("/audiences/consent-lists");
  await expect(page.getByRole("heading", { name: "Promotions" })).toBeVisible();
  await expect(page.getByRole("button", { name: /add|create|edit|new/i })).toHaveCount(0);
});
