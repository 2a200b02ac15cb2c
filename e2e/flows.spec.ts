// WhatsApp Flows, as a marketer uses them: an NPS survey built from the gallery (its question reworded, a problem
// shown on its field as they type), published through the sandbox's Flows API, put on a template's FLOW button,
// sent in a campaign; the sandbox's people complete it, the answers arrive in the results view, and the CSV has them.
import { readFileSync } from "node:fs";
import { choose, expect, seriousViolations, signInAs, test } from "./fixtures";

test("a marketer builds an NPS survey, sends it in a campaign, watches the answers arrive and exports them", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const suffix = String(Date.now() % 1_000_000);
  const flowName = `NPS ${suffix}`;
  const templateName = `nps_e2e_${suffix}`;
  await signInAs(page, "MARKETER");

  // From the gallery.
  await page.goto("/flows");
  await page.getByRole("link", { name: "New flow" }).first().click();
  await page.getByRole("textbox", { name: "Name" }).fill(flowName);
  await page.getByRole("radio", { name: /NPS survey/ }).check();
  await page.getByRole("button", { name: "Create and open the builder" }).click();
  await expect(page).toHaveURL(/\/flows\/[^/]+$/);

  // The form editor checks Meta's rules as they type, on the field at fault; the preview follows.
  const preview = page.getByRole("figure", { name: "Phone preview" });
  const question = page.getByRole("textbox", { name: "Question", exact: true }).first();
  await question.fill("How likely are you to recommend Acme to a friend, from 0 to 10?");
  await expect(page.getByText("At most 30 characters (now 63).")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save and publish" })).toBeDisabled();
  await question.fill("Your score, 0 to 10");
  await expect(page.getByText(/At most 30 characters/)).toHaveCount(0);
  await expect(preview.getByText("Your score, 0 to 10 *")).toBeVisible();
  await preview.getByRole("button", { name: "Send" }).click();
  await expect(preview.getByText("Sent ✓")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole("button", { name: "Save and publish" }).click();
  await expect(page.getByText("Published: it can now be sent.")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("Published", { exact: true })).toBeVisible();

  // A template opens it from a FLOW button; Meta (the sandbox) approves it.
  await page.goto("/templates/new");
  await page.getByLabel("Name", { exact: true }).fill(templateName);
  await page.getByLabel("Body text").fill("Hi {{1}}, how did we do? It takes ten seconds.");
  await page.getByLabel("Sample for {{1}}").fill("Ana");
  await page.getByRole("button", { name: "+ Open form" }).click();
  await page.getByLabel("Button 1 label").fill("Rate us");
  await choose(page, "Form 1", flowName);
  await expect(page.getByRole("figure", { name: "WhatsApp preview" }).getByRole("listitem")).toHaveText(["Rate us"]);
  await page.getByRole("button", { name: "Submit for approval" }).click();
  await expect(page).toHaveURL(/\/templates\/[a-z0-9]+$/);
  await expect(page.getByText("Approved", { exact: true })).toBeVisible({ timeout: 30_000 });

  // A campaign sends it to the VIP customers who opted in to promotions.
  await page.goto("/campaigns/new");
  await page.getByLabel("Name").fill(`Survey ${suffix}`);
  await choose(page, "Template", new RegExp(`^${templateName} \\(`));
  await choose(page, "Body {{1}}", "Contact field");
  await choose(page, "Consent list", "Promotions (marketing)");
  await page.getByRole("checkbox", { name: "VIP customers" }).first().check();
  await page.getByRole("button", { name: "Save and review" }).click();
  await expect(page.getByRole("heading", { name: `Survey ${suffix}` })).toBeVisible({ timeout: 20_000 });
  await page.getByRole("button", { name: "Launch campaign" }).click();
  const dialog = page.getByRole("dialog", { name: "Launch this campaign?" });
  await dialog.getByRole("button", { name: /^Send to \d+ recipients?$/ }).click();
  await expect(page.getByRole("heading", { name: "Funnel" })).toBeVisible({ timeout: 20_000 });

  // The answers arrive in the results view as people complete the form (the page refreshes itself).
  await page.goto("/flows");
  await page.getByRole("link", { name: flowName }).click();
  await page.getByRole("link", { name: "Answers and results" }).click();
  const answers = page.getByRole("table", { name: "Answers, newest first" }).getByRole("row");
  await expect.poll(() => answers.count(), { timeout: 150_000 }).toBeGreaterThan(3);
  await expect(page.getByRole("heading", { name: "Your score, 0 to 10" })).toBeVisible();
  await expect(page.getByText(/^NPS -?\d+$/)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // The CSV holds what the table shows: one row per answer, the question's answer by its key.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const csv = readFileSync(await (await download).path(), "utf8")
    .trim()
    .split("\r\n");
  expect(csv[0]).toBe("completed_at,contact_id,name,phone,campaign,score,reason");
  expect(csv.length - 1).toBeGreaterThanOrEqual(3);
  expect(csv[1]).toMatch(new RegExp(`,Survey ${suffix},\\d{1,2},`));
});
