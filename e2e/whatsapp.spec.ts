import { readFileSync } from "node:fs";
import { expect, signInAs, test } from "./fixtures";

test("an admin tests the sandbox connection, sends a test message and watches its webhooks arrive", async ({
  page,
}) => {
  await signInAs(page, "ADMIN");
  await page.goto("/settings/whatsapp");
  await expect(page.getByText("Sandbox: no real messages leave this machine")).toBeVisible();
  // The access token and app secret never reach the browser, not even in the page's data.
  const secrets = JSON.parse(readFileSync(".data/e2e/sandbox.json", "utf8")) as {
    accessToken: string;
    appSecret: string;
  };
  const html = await page.content();
  expect(html).not.toContain(secrets.accessToken);
  expect(html).not.toContain(secrets.appSecret);

  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Connected: Parley Sandbox" })).toBeVisible();

  // A wrong number is explained on the field and nothing is sent.
  await page.getByLabel("Phone number", { exact: true }).fill("12");
  await page.getByRole("button", { name: "Send test" }).click();
  await expect(page.getByText("Enter the number in international format")).toBeVisible();

  // A test is a real message: it goes only to a contact opted in for the template's purpose (lib/consent).
  await page.getByLabel("Phone number", { exact: true }).fill("+44 7700 900 999");
  await page.getByRole("combobox", { name: "Template" }).click();
  await page.getByRole("option", { name: "order_shipped (en_US)" }).click();
  await page.getByRole("button", { name: "Send test" }).click();
  await expect(
    page.getByText("+447700900999 (not a contact yet) has not opted in to utility (transactional) messages").first(),
  ).toBeVisible();

  // The demo's test phone opted in to order updates.
  await page.getByLabel("Phone number", { exact: true }).fill("+44 7700 900 555");
  await page.getByRole("button", { name: "Send test" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Accepted by WhatsApp" })).toBeVisible();

  // The sandbox signs and posts sent and delivered; the worker applies them; the page polls.
  const statuses = page.getByRole("table", { name: "Latest message statuses" });
  await expect(
    statuses.getByRole("row").filter({ hasText: "+447700900555" }).filter({ hasText: "delivered" }),
  ).toBeVisible({ timeout: 20_000 });
  await expect(
    statuses.getByRole("row").filter({ hasText: "+447700900555" }).filter({ hasText: "sent" }),
  ).toBeVisible();
});

test("a marketing template to a number that stopped marketing fails with 131050", async ({ page }) => {
  await signInAs(page, "ADMIN");
  await page.goto("/settings/whatsapp");
  // In the sandbox, numbers ending 0001 have stopped marketing messages in WhatsApp's settings; the demo's
  // second test phone opted in to Promotions in Parley, so Parley sends and Meta refuses.
  await page.getByLabel("Phone number", { exact: true }).fill("+34 610 990 0001");
  await page.getByRole("combobox", { name: "Template" }).click();
  await page.getByRole("option", { name: "summer_sale (en_US)" }).click();
  await page.getByRole("button", { name: "Send test" }).click();
  const statuses = page.getByRole("table", { name: "Latest message statuses" });
  await expect(statuses.getByRole("row").filter({ hasText: "+346109900001" })).toContainText("error 131050", {
    timeout: 20_000,
  });
});

test("the WhatsApp settings and their activity feed are admin only", async ({ page }) => {
  await signInAs(page, "MARKETER");
  expect((await page.goto("/settings/whatsapp"))?.status()).toBe(403);
  const api = await page.request.get("/api/v1/whatsapp/activity");
  expect(api.status()).toBe(403);
});
