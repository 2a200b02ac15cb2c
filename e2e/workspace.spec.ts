// Runs after the other specs, on its own (playwright.config.ts, "alone"): approval and the cap hold every launch.
import { buildVipCampaign, expect, signInAs, test } from "./fixtures";

test("an admin asks for approval; a marketer's launch waits, and a manager who did not touch it approves it", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const admin = await browser.newPage();
  await signInAs(admin, "ADMIN");
  await admin.goto("/settings/workspace");
  const approval = admin.getByRole("checkbox", { name: /Campaigns need approval before they launch/ });
  const cap = admin.getByLabel("Marketing messages per person in 7 days");
  // A bad value is explained on its field and nothing is saved.
  await cap.fill("0");
  await admin.getByRole("button", { name: "Save rules" }).click();
  await expect(admin.getByText("At least 1 (leave it empty for no cap).")).toBeVisible();
  await cap.fill("5");
  await approval.check();
  await admin.getByRole("button", { name: "Save rules" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await admin.reload();
  await expect(approval).toBeChecked();
  await expect(cap).toHaveValue("5");
  try {
    const marketer = await browser.newPage();
    await signInAs(marketer, "MARKETER");
    await buildVipCampaign(marketer, "Needs four eyes");
    await marketer.getByRole("button", { name: "Request approval" }).click();
    const dialog = marketer.getByRole("dialog", { name: "Send this campaign for approval?" });
    await expect(dialog.getByText("Estimated cost")).toBeVisible();
    await dialog.getByRole("button", { name: /^Request approval for/ }).click();
    await expect(marketer.getByText("Sent for approval.")).toBeVisible();

    const manager = await browser.newPage();
    await signInAs(manager, "MANAGER");
    await manager.goto(marketer.url());
    await manager.getByRole("button", { name: "Approve and launch" }).click();
    await expect(manager.getByText("Approved: the campaign goes at its scheduled time.")).toBeVisible();
  } finally {
    // The rest of the suite launches without approval.
    await approval.uncheck();
    await cap.fill("");
    await admin.getByRole("button", { name: "Save rules" }).click();
    await expect(admin.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  }
});

test("the workspace rules are admin only", async ({ page }) => {
  await signInAs(page, "MARKETER");
  expect((await page.goto("/settings/workspace"))?.status()).toBe(403);
});
