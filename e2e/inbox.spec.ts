import { buildVipCampaign, deliveryStateOf, expect, signInAs, test } from "./fixtures";

test("a marketer opens a reply to a campaign, answers with reply buttons inside the window, and sees the answer arrive", async ({
  page,
}) => {
  test.setTimeout(150_000);
  await signInAs(page, "MARKETER");
  // A campaign whose recipients answer: the sandbox's people reply to a share of what they read.
  await buildVipCampaign(page, "Inbox follow-up");
  await page.getByRole("button", { name: "Launch campaign" }).click();
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /^Send to/ })
    .click();
  await expect(page.getByRole("heading", { name: "Funnel" })).toBeVisible({ timeout: 20_000 });
  // The worker starts it moments later (a busy machine takes longer); only then is it a campaign one can reply to.
  await expect(page.getByText(/^(Sending|Completed)$/).first()).toBeVisible({ timeout: 60_000 });

  await page.goto("/inbox");
  await page.getByRole("combobox", { name: "Replied to campaign" }).click();
  await page.getByRole("option", { name: "Inbox follow-up" }).click();
  await expect(page).toHaveURL(/campaignId=/);
  const conversations = page.getByRole("navigation", { name: "Conversations" }).getByRole("link");
  await expect(conversations.first()).toBeVisible({ timeout: 60_000 }); // the list refreshes by itself
  await expect(page.getByTestId("inbox-unread")).toBeVisible({ timeout: 15_000 });
  await conversations.first().click();

  const thread = page.getByRole("region", { name: /Conversation with/ });
  await expect(thread.getByText(/Reply to campaign Inbox follow-up/).last()).toBeVisible();
  await expect(thread.getByRole("link", { name: "Inbox follow-up" }).last()).toBeVisible();
  await expect(thread.getByTestId("window-state")).toContainText("window open");
  // What the business sent is in the thread too: the campaign's message with its state, under today's divider.
  await expect(thread.getByRole("separator", { name: "Today" })).toBeVisible();
  await expect(thread.getByText("Campaign Inbox follow-up", { exact: true })).toBeVisible();
  // (The person's thread also holds older messages, some of which failed: this is the campaign's own.)
  const followUp = thread.locator("p", { has: page.getByText("Campaign Inbox follow-up", { exact: true }) });
  await expect(followUp.getByTestId("delivery-state")).toContainText(/Delivered|Read/);
  // The assignee is picked from a list that shows whole names.
  await thread.getByRole("combobox", { name: "Assigned to" }).click();
  await expect(page.getByRole("option", { name: "Nobody" })).toBeVisible();
  await page.getByRole("option").nth(1).click();
  await expect(thread.getByText("Assigned.")).toBeVisible();

  await thread.getByText("Reply buttons", { exact: true }).click();
  const message = thread.getByLabel("Message", { exact: true });
  // Too long a message is refused as it is typed. This first check also waits for the form's rules, which download
  // when it first validates (components/forms/lazy-zod-resolver.ts): typing on while they were still on their way
  // once lost the too-long button's error below (two workers on a busy machine), a race in the composer itself.
  await message.fill("x".repeat(1025));
  await expect(thread.getByText(/^Message: at most [\d,]+ characters/)).toBeVisible();
  await message.fill("Sorry to hear that! When should we call you?");
  await thread.getByRole("textbox", { name: "Button 1" }).fill("This morning");
  await thread.getByRole("textbox", { name: "Button 2" }).fill("This afternoon");
  await thread.getByRole("button", { name: "Add a button" }).click();
  await thread.getByRole("textbox", { name: "Button 3" }).fill("A much too long button title");
  await expect(thread.getByText("Button: at most 20 characters (WhatsApp's limit).")).toBeVisible();
  await thread.getByRole("textbox", { name: "Button 3" }).fill("Tomorrow");
  await thread.getByRole("button", { name: "Send" }).click();

  // Delivered, read, then the person taps one of the buttons: all without reloading.
  await expect(deliveryStateOf(thread, "Sorry to hear that! When should we call you?")).toContainText(
    /Delivered|Read/,
    { timeout: 30_000 },
  );
  await expect(thread.getByText(/Chose “(This morning|This afternoon|Tomorrow)”/)).toBeVisible({ timeout: 45_000 });
});

test("a manager reads conversations but has no composer, and cannot open the saved replies", async ({ page }) => {
  await signInAs(page, "MANAGER");
  await page.goto("/inbox");
  await page.getByRole("navigation", { name: "Conversations" }).getByRole("link").first().click();
  await expect(page.getByText("read only")).toBeVisible();
  await expect(page.getByRole("form", { name: "Reply" })).toHaveCount(0);
  await expect(page.getByLabel("Internal note (your team sees it; it is never sent)")).toHaveCount(0);
  const response = await page.goto("/inbox/quick-answers");
  expect(response?.status()).toBe(403);
});

test("deleting a saved reply asks first", async ({ page }) => {
  await signInAs(page, "MARKETER");
  const name = `Opening hours ${Date.now()}`;
  await page.goto("/inbox/quick-answers");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Reply", { exact: true }).fill("We open at 9, {{first_name}}.");
  await page.getByRole("button", { name: "Save reply" }).click();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toBeVisible();

  const remove = row.getByRole("button", { name: `Delete ${name}` });
  const confirm = page.getByRole("alertdialog", { name: `Delete ${name}` });
  await remove.click();
  await confirm.getByRole("button", { name: "Keep it" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(row).toBeVisible();

  await remove.click();
  await confirm.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Deleted." })).toBeVisible();
  await expect(row).toHaveCount(0);
});
