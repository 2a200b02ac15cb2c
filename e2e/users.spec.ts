import { expect, signIn, signInAs, test } from "./fixtures";

test("an admin adds a user, changes their role, deactivates them, and reads it all in the audit log", async ({
  page,
  browser,
}) => {
  await signInAs(page, "ADMIN");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();

  // Bad input is explained per field and nothing is created.
  await page.getByRole("button", { name: "Add user" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a user" });
  await dialog.getByLabel("Email").fill("not-an-email");
  await dialog.getByRole("button", { name: "Add user" }).click();
  await expect(dialog.getByText("Enter the person's name.")).toBeVisible();
  await expect(dialog.getByText("Enter a valid email address.")).toBeVisible();

  await dialog.getByLabel("Name").fill("Nina Newhire");
  await dialog.getByLabel("Email").fill("nina@parley.demo");
  await dialog.getByRole("combobox", { name: "Role" }).click();
  await page.getByRole("option", { name: "Marketer" }).click();
  await dialog.getByRole("button", { name: "Add user" }).click();
  const password = (await dialog.getByTestId("temporary-password").textContent())!.trim();
  expect(password.length).toBeGreaterThanOrEqual(12);
  await page.keyboard.press("Escape");

  const row = page.getByRole("row", { name: /Nina Newhire/ });
  await expect(row).toContainText("nina@parley.demo");

  // The new user can sign in with the one-time password.
  const other = await browser.newContext();
  const ninaPage = await other.newPage();
  await signIn(ninaPage, "nina@parley.demo", password);
  await expect(ninaPage.getByRole("button", { name: "Account menu for Nina Newhire" })).toBeVisible();

  await row.getByRole("combobox", { name: "Role of Nina Newhire" }).click();
  await page.getByRole("option", { name: "Manager" }).click();
  await expect(row.getByRole("combobox", { name: "Role of Nina Newhire" })).toHaveText("Manager");
  await row.getByRole("button", { name: "Deactivate Nina Newhire" }).click();
  await expect(row.getByText("Deactivated")).toBeVisible();

  // Deactivation ends Nina's open session at once.
  await ninaPage.goto("/campaigns");
  await expect(ninaPage).toHaveURL(/\/login/);
  await other.close();

  await page.getByRole("link", { name: "Audit log" }).click();
  const log = page.getByRole("table", { name: "Audit log" });
  // Each change, with who made it (found by its words: a spec running beside this one writes the log too).
  for (const change of [
    "Added nina@parley.demo as Marketer",
    "Changed nina@parley.demo from Marketer to Manager",
    "Deactivated nina@parley.demo",
  ])
    await expect(log.getByRole("row").filter({ hasText: change })).toContainText("Ada Admin");
});

test("the last admin cannot demote themselves", async ({ page }) => {
  await signInAs(page, "ADMIN");
  await page.goto("/settings/users");
  await page.getByRole("combobox", { name: "Role of Ada Admin" }).click();
  await page.getByRole("option", { name: "Marketer" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /at least one active admin/ })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Role of Ada Admin" })).toHaveText("Admin");
});
