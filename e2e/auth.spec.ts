import { demoUser, expect, signIn, signInAs, test } from "./fixtures";

const NAV = {
  ADMIN: ["Home", "Campaigns", "Templates", "Audiences", "Inbox", "Analytics", "Settings"],
  MARKETER: ["Home", "Campaigns", "Templates", "Audiences", "Inbox", "Analytics"],
  MANAGER: ["Home", "Campaigns", "Templates", "Audiences", "Inbox", "Analytics"],
} as const;

for (const role of ["ADMIN", "MARKETER", "MANAGER"] as const) {
  test(`${role.toLowerCase()} signs in and sees their own navigation`, async ({ page }) => {
    await signInAs(page, role, { fresh: true });
    await expect(page).toHaveURL(/\/home$/);
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const label of NAV[role]) await expect(nav.getByRole("link", { name: label, exact: true })).toBeVisible();
    if (role !== "ADMIN") {
      await expect(nav.getByRole("link", { name: "Settings" })).toHaveCount(0);
      await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(0);
    } else {
      await expect(nav.getByRole("link", { name: "Users" })).toBeVisible();
    }
    await expect(page.getByRole("banner")).toContainText("Acme Coffee Co.");
    await expect(page.getByRole("banner")).toContainText(
      { ADMIN: "Admin", MARKETER: "Marketer", MANAGER: "Manager" }[role],
    );
  });
}

test("a wrong password gets a clear message and no session", async ({ page }) => {
  await signIn(page, demoUser("ADMIN").email, "not-the-password");
  await expect(
    page.getByRole("alert").filter({ hasText: "That email and password do not match an active account." }),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/campaigns");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fcampaigns/);
});

test("before the sign-in page has its code, signing in is inert and the password never reaches the address", async ({
  context,
}) => {
  // A slow phone: the page is drawn from the server and its scripts have not arrived (here, never do). A page of
  // the context's own, since the fixture's page waits for hydration after each goto.
  const page = await context.newPage();
  await page.route("**/_next/static/**/*.js", (route) => route.abort());
  await page.goto("/login");
  await page.getByLabel("Email").fill(demoUser("ADMIN").email);
  await page.getByLabel("Password").fill("a-secret-typed-early");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeDisabled();
  await page.getByLabel("Password").press("Enter");
  await expect(page.getByLabel("Password")).toHaveValue("a-secret-typed-early"); // still the same page, not sent
  expect(page.url()).not.toContain("a-secret-typed-early");
  await expect(page).toHaveURL(/\/login$/);
});

test("an anonymous visitor is sent to sign in and then back to the page they asked for", async ({ page }) => {
  await page.goto("/audiences/contacts");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Faudiences%2Fcontacts/);
  const user = demoUser("MARKETER");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Contacts" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Contacts" }).getByRole("row")).toHaveCount(51);
});

test("signing out ends the session, even for a copy of the cookie", async ({ page, context }) => {
  await signInAs(page, "MARKETER", { fresh: true });
  const before = await context.cookies();
  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await context.addCookies(before);
  await page.goto("/campaigns");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "Sign in to Parley" })).toBeVisible();
});
