import { LOCALE_COOKIE } from "../lib/i18n/config";
import { allViolations, expect, signInAs, test } from "./fixtures";

/** How long a test waits for Scalar to draw the reference. */
const SCALAR_RENDERS = 60_000;

test("an admin creates an API key, sees it once, and tries it from the API reference", async ({ page }, testInfo) => {
  test.setTimeout(120_000); // a key's whole life and the reference's first render on a busy machine
  // Everything the reference needs is bundled: no request may leave this origin, and the CSP refuses nothing.
  const elsewhere: string[] = [];
  const cspErrors: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (!["http:", "https:"].includes(url.protocol)) return;
    if (url.origin !== new URL(testInfo.project.use.baseURL!).origin) elsewhere.push(request.url());
  });
  page.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) cspErrors.push(message.text());
  });

  await signInAs(page, "ADMIN");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API", exact: true }).click();
  await expect(page.getByRole("heading", { name: "API", exact: true })).toBeVisible();

  // Bad input is explained per field.
  await page.getByRole("button", { name: "Create key" }).click();
  const dialog = page.getByRole("dialog", { name: "Create an API key" });
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(dialog.getByText("Enter a name that says which system uses the key")).toBeVisible();
  await expect(dialog.getByText("Choose at least one scope")).toBeVisible();

  const name = `Shop orders ${Date.now()}`;
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("checkbox", { name: /Read contacts/ }).check();
  await dialog.getByRole("checkbox", { name: /Send messages/ }).check();
  await dialog.getByRole("button", { name: "Create key" }).click();

  const shown = page.getByRole("dialog", { name: "Copy your new API key" });
  await expect(shown.getByText("This is the only time you will see this key")).toBeVisible();
  const key = await shown.getByLabel("API key").inputValue();
  expect(key).toMatch(/^pk_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
  const prefix = key.slice(0, 15);
  await shown.getByRole("button", { name: "I have copied it" }).click();

  const row = page.getByRole("table", { name: "API keys" }).getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText(`${prefix}_…`);
  await expect(row).toContainText("contacts:read");
  await expect(row).toContainText("Active");

  // The key works, and it is never shown again: not after closing, not after a reload.
  const response = await page.request.get("/api/public/v1/contacts?limit=1", {
    headers: { authorization: `Bearer ${key}` },
  });
  expect(response.status()).toBe(200);
  await page.reload();
  await expect(row).toContainText(`${prefix}_…`);
  expect(await page.content()).not.toContain(key.slice(16));

  // The reference lists the operations, from the served OpenAPI document.
  await page.getByRole("link", { name: "API reference" }).click();
  await expect(page.getByRole("heading", { name: "API reference", exact: true })).toBeVisible();
  const reference = page.getByTestId("api-reference");
  // Scalar renders in 4 s on a quiet machine; in CI, beside the integration tests, once in more than 20.
  await expect(reference.getByRole("heading", { name: "Parley public API", level: 1 })).toBeVisible({
    timeout: SCALAR_RENDERS,
  });
  for (const summary of [
    "Send a message to one contact",
    "Create or update a contact by phone number or WhatsApp user id",
    "Record an opt-in or an opt-out",
  ]) {
    await expect(reference.getByRole("link", { name: new RegExp(`^${summary} HTTP Method`) })).toBeVisible();
  }

  // "Test request" with the key: the call goes to this same origin and is answered.
  await reference.getByRole("link", { name: /^List the workspace's consent lists HTTP Method/ }).click();
  await reference.getByRole("button", { name: "Test Request (get /consent-lists)" }).click();
  const client = page.getByRole("dialog", { name: "API Client" });
  await client.getByRole("textbox", { name: "Bearer Token" }).fill(key);
  const answered = page.waitForResponse(
    (r) => r.url().endsWith("/api/public/v1/consent-lists") && r.request().method() === "GET",
  );
  await client.getByRole("button", { name: /^Send get request to .*\/api\/public\/v1\/consent-lists$/i }).click();
  const tried = await answered;
  expect(new URL(tried.url()).origin).toBe(new URL(testInfo.project.use.baseURL!).origin);
  expect(tried.request().headers()["authorization"]).toBe(`Bearer ${key}`);
  expect(tried.status()).toBe(200);
  await page.screenshot({ path: testInfo.outputPath("api-reference-try-it.png") });

  expect(cspErrors).toEqual([]);
  expect(elsewhere).toEqual([]);
});

test("a marketer cannot open Settings → API, but can read the API reference", async ({ page }) => {
  // One render of the reference and two axe reads of it; in CI, beside the integration tests, this test's first
  // version (three reads, and a second render in Swedish) passed 180 s.
  test.setTimeout(180_000);
  await signInAs(page, "MARKETER");
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API", exact: true }),
  ).toHaveCount(0);
  const response = await page.goto("/settings/api");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("table", { name: "API keys" })).toHaveCount(0);

  // The account menu leads anyone signed in to the reference.
  await page.goto("/home");
  await page.getByRole("button", { name: /^Account menu for / }).click();
  await page.getByRole("menuitem", { name: "API reference" }).click();
  await expect(page).toHaveURL(/\/developers$/);
  await expect(page.getByRole("heading", { name: "API reference", exact: true })).toBeVisible();
  await expect(page.getByText("To get an API key, ask an admin of this workspace.")).toBeVisible();
  await expect(
    page.getByTestId("api-reference").getByRole("link", { name: /^Send a message to one contact HTTP Method/ }),
  ).toBeVisible({ timeout: SCALAR_RENDERS });
  // A page of its own, outside the dashboard's shell: Scalar's <main> is the page's only one, and axe finds
  // nothing at all (inside the shell it found a main within a main), on a phone either, where Scalar adds a
  // <header> (its menu bar) of its own.
  await expect(page.getByRole("main")).toHaveCount(1);
  expect(await allViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("banner").getByRole("button", { name: "Open Menu" })).toBeVisible();
  expect(await allViolations(page)).toEqual([]);
  await page.getByRole("region", { name: "API reference" }).getByRole("link", { name: "Back to Parley" }).click();
  await expect(page).toHaveURL(/\/home$/);

  // An address under /developers that names no page is Parley's 404, not an error.
  const unknown = await page.goto("/developers/nope");
  expect(unknown?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found", exact: true })).toBeVisible();
});

test("in Swedish, the API reference's own interface is Swedish too", async ({ page }, testInfo) => {
  test.setTimeout(180_000); // Scalar's render and an axe read, on a busy machine
  // Scalar ships no Swedish; Parley's translation loads with it: its menu button, the sidebar's links,
  // "Test Request" and the client it opens, where the test above saw English.
  await signInAs(page, "MARKETER");
  await page.context().addCookies([{ name: LOCALE_COOKIE, value: "sv", domain: "localhost", path: "/" }]);
  await page.goto("/developers");
  await expect(page.getByRole("heading", { name: "API-referens", exact: true })).toBeVisible();
  const reference = page.getByTestId("api-reference");
  await reference
    .getByRole("link", { name: /^List the workspace's consent lists HTTP-metod/ })
    .click({ timeout: SCALAR_RENDERS });
  await expect(reference.getByRole("button", { name: "Testa anropet (get /consent-lists)" })).toBeVisible();
  await expect(reference.getByRole("button", { name: /^Test Request/ })).toHaveCount(0);
  await expect(reference.getByRole("heading", { name: "Svar", exact: true }).first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("api-reference-sv.png") });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("banner").getByRole("button", { name: "Öppna menyn" })).toBeVisible();
  expect(await allViolations(page)).toEqual([]);
  // The API client that "Testa anropet" opens speaks Swedish too.
  await page.setViewportSize({ width: 1280, height: 800 });
  await reference.getByRole("button", { name: "Testa anropet (get /consent-lists)" }).click();
  const client = page.getByRole("dialog", { name: "API-klient" });
  await expect(
    client.getByRole("button", { name: /^Skicka get-anrop till .*\/api\/public\/v1\/consent-lists$/i }),
  ).toBeVisible();
});
