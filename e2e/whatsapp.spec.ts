// Runs after the other specs, on its own (playwright.config.ts, "alone"): it switches the connection's Graph API version.
import { readFileSync } from "node:fs";
import { selectableVersions, versionStanding } from "../lib/whatsapp/graph-versions";
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
  await page.getByLabel("Phone number", { exact: true }).fill("+44 7400 900 999");
  await page.getByRole("combobox", { name: "Template" }).click();
  await page.getByRole("option", { name: "order_shipped · English (US)" }).click();
  await page.getByRole("button", { name: "Send test" }).click();
  await expect(
    page.getByText("+447400900999 (not a contact yet) has not opted in to utility (transactional) messages").first(),
  ).toBeVisible();

  // The demo's test phone opted in to order updates.
  await page.getByLabel("Phone number", { exact: true }).fill("+44 7400 900 555");
  await page.getByRole("button", { name: "Send test" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Accepted by WhatsApp" })).toBeVisible();

  // The sandbox signs and posts sent and delivered; the worker applies them; the page polls. The message's own
  // statuses show under the form, whatever else the workspace receives meanwhile.
  const own = page.getByRole("list", { name: "This message's statuses" });
  await expect(own.getByRole("listitem").filter({ hasText: "delivered" })).toBeVisible({ timeout: 20_000 });
  await expect(own.getByRole("listitem").first()).toContainText("sent");
});

test("an admin reads the portfolio's messaging limit and the marketing route in words and is warned before the Graph API version ends", async ({
  page,
}) => {
  await signInAs(page, "ADMIN");
  await page.goto("/settings/whatsapp");
  // The sandbox's business portfolio may reach 10,000 people a day (sandbox/config.ts, messagingLimit).
  await expect(page.getByText("Up to 10,000 people a day across your business portfolio")).toBeVisible();
  // The sandbox's business accepted the Marketing Messages API's terms (sandbox/config.ts, marketingMessagesStatus).
  await expect(
    page.getByText("On: marketing templates go through the Marketing Messages API, with Meta's delivery optimisation"),
  ).toBeVisible();
  // The demo speaks a current version, with its end day and no warning.
  await expect(page.getByText(/^Meta answers Graph API v25\.0 until /)).toBeVisible();
  // A person waits for the page to settle, and so does the test: the latest webhooks, above the connection form,
  // come after the page and push the form down, and a version list opened before would follow its button off screen.
  await expect(page.getByText("Loading the latest webhooks…")).toHaveCount(0);

  // The oldest version Meta still answers: in December 2026 that is v21.0, which ends on 21 January 2027,
  // within 90 days. Read from the same table as the page, so the test holds as the days pass.
  const now = new Date();
  const oldest = selectableVersions(now).at(-1)!;
  const choose = async (version: string) => {
    await page.getByRole("combobox", { name: "Graph API version" }).click();
    await page.getByRole("option", { name: new RegExp(`^${version.replace(".", "\\.")} \\(`) }).click();
    await page.getByRole("button", { name: "Save connection" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  };
  await choose(oldest.id);
  if (versionStanding(oldest.id, now).state === "ending") {
    await expect(page.getByRole("status").filter({ hasText: `Graph API ${oldest.id} stops working on` })).toContainText(
      "choose a newer version under “Change the connection”",
    );
  } else {
    await expect(page.getByText(`Meta answers Graph API ${oldest.id} until`)).toBeVisible();
  }
  // The test connection goes out at the chosen version and still works.
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Connected: Parley Sandbox" })).toBeVisible();

  // Back on a current version, the warning is gone.
  await choose("v25.0");
  await expect(page.getByText(/^Meta answers Graph API v25\.0 until /)).toBeVisible();
  await expect(page.getByText("stops working on")).toHaveCount(0);
});

test("a marketing template to a number that stopped marketing fails with 131050", async ({ page }) => {
  await signInAs(page, "ADMIN");
  await page.goto("/settings/whatsapp");
  // In the sandbox, numbers ending 0001 have stopped marketing messages in WhatsApp's settings; the demo's
  // second test phone opted in to Promotions in Parley, so Parley sends and Meta refuses.
  await page.getByLabel("Phone number", { exact: true }).fill("+34 610 99 0001");
  await page.getByRole("combobox", { name: "Template" }).click();
  await page.getByRole("option", { name: "summer_sale · English (US)" }).click();
  await page.getByRole("button", { name: "Send test" }).click();
  const own = page.getByRole("list", { name: "This message's statuses" });
  await expect(own.getByRole("listitem").filter({ hasText: "failed" })).toContainText("error 131050", {
    timeout: 20_000,
  });
});

test("the WhatsApp settings and their activity feed are admin only", async ({ page }) => {
  await signInAs(page, "MARKETER");
  expect((await page.goto("/settings/whatsapp"))?.status()).toBe(403);
  const api = await page.request.get("/api/v1/whatsapp/activity");
  expect(api.status()).toBe(403);
  const message = await page.request.get("/api/v1/whatsapp/activity/wamid.any");
  expect(message.status()).toBe(403);
});
