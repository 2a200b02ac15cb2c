import { buildVipCampaign, expect, signInAs, test } from "./fixtures";

const count = async (page: import("@playwright/test").Page, stage: string) =>
  Number((await page.getByTestId(`funnel-${stage}`).locator("strong").innerText()).replace(/,/g, ""));

test("a marketer builds a campaign to a segment, reads the pre-flight report, launches, and watches it deliver and get read", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAs(page, "MARKETER");
  await page.goto("/campaigns");
  await page.getByRole("link", { name: "New campaign" }).first().click();
  await expect(page).toHaveURL(/\/campaigns\/new$/);
  await buildVipCampaign(page, "VIP shipping notice");

  // The review: three real recipients' messages and the pre-flight report, before anything is sent.
  await expect(page.getByRole("heading", { name: "As three recipients will read it" })).toBeVisible();
  await expect(page.getByText(/Your order #10423 has shipped and should arrive by Friday/).first()).toBeVisible();
  await expect(page.getByText("Ready to launch")).toBeVisible();
  const willSend = Number(
    (await page.locator("dt", { hasText: "Will be sent" }).locator("+ dd").innerText()).replace(/,/g, ""),
  );
  expect(willSend).toBeGreaterThan(50);

  // Launch asks first: who gets it and what it costs, then sends on confirmation.
  await page.getByRole("button", { name: "Launch campaign" }).click();
  const dialog = page.getByRole("dialog", { name: "Launch this campaign?" });
  await expect(dialog.locator("dt", { hasText: "Recipients" }).locator("+ dd")).toHaveText(
    willSend.toLocaleString("en-US"),
  );
  await expect(dialog.locator("dt", { hasText: "Estimated cost" }).locator("+ dd")).toHaveText(/^\$\d/);
  await dialog.getByRole("button", { name: `Send to ${willSend.toLocaleString("en-US")} recipients` }).click();
  await expect(page.getByRole("heading", { name: "Funnel" })).toBeVisible({ timeout: 20_000 });
  // Counters rise while it sends, without a reload, until it completes and the reads come in.
  await expect.poll(() => count(page, "delivered"), { timeout: 30_000 }).toBeGreaterThan(0);
  await expect(page.getByText("Completed", { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect.poll(() => count(page, "delivered"), { timeout: 30_000 }).toBeGreaterThan(willSend * 0.9);
  await expect.poll(() => count(page, "read"), { timeout: 45_000 }).toBeGreaterThan(willSend * 0.4);
  // Everyone was tried: sent, or refused by WhatsApp (the sandbox, like Meta, has people not on WhatsApp).
  const failed = Number((await page.getByTestId("funnel-failed").innerText()).replace(/,/g, ""));
  expect((await count(page, "sent")) + failed).toBe(willSend);
});

test("a marketer deletes a draft only after saying so in a dialog", async ({ page }) => {
  await signInAs(page, "MARKETER");
  await buildVipCampaign(page, "Draft to delete");
  await page.getByRole("button", { name: "Delete draft" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Delete this draft?" });
  await confirm.getByRole("button", { name: "Keep it" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Draft to delete" })).toBeVisible();
  await page.getByRole("button", { name: "Delete draft" }).click();
  await confirm.getByRole("button", { name: "Delete draft" }).click();
  await expect(page).toHaveURL(/\/campaigns$/);
  await expect(page.getByRole("link", { name: "Draft to delete" })).toHaveCount(0);
});
