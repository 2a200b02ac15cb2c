import { buildVipCampaign, expect, signInAs, test } from "./fixtures";

test("a manager reads the dashboard and a campaign report, drills into who read it, exports, and can change nothing", async ({
  page,
}) => {
  await signInAs(page, "MANAGER");
  await page.getByRole("link", { name: "Analytics" }).click();
  await expect(page.getByRole("heading", { name: "Trends" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Daily sends, deliveries/ })).toBeVisible();
  // The demo is on the Marketing Messages API: Meta's reported link taps, the tracked ones counted once.
  await expect(page.getByRole("heading", { name: "Link taps Meta reported" })).toBeVisible();
  await expect(
    page.getByText(
      /^Meta reported [\d,]+ taps on links in marketing messages: [\d,]+ on Parley's tracked links, already counted once in the click rate/,
    ),
  ).toBeVisible();

  // Every chart has its table: the trend table lists the demo's sends on the days they happened.
  await page.getByText("Show as a table: Trends").click();
  const days = page.getByRole("table", { name: "Per day" });
  await expect(days.getByRole("row")).toHaveCount(31); // header + the last 30 days
  const [trend] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export CSV of Trends" }).click(),
  ]);
  expect(trend.suggestedFilename()).toMatch(/^trend-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);

  // Campaigns compared, then the campaign's report.
  await page.getByText("Show as a table: Campaigns compared").click();
  await page
    .getByRole("table", { name: "Campaigns in the period" })
    .getByRole("link", { name: "Summer sale launch" })
    .click();
  await expect(page.getByRole("heading", { name: "Funnel" })).toBeVisible();
  const read = Number((await page.getByTestId("funnel-read").locator("strong").textContent())!.replace(/\D/g, ""));
  expect(read).toBeGreaterThan(0);
  // Each funnel note names what it is a share of: deliveries of the attempts, reads of the deliveries; a
  // quick-reply tap is a reply, and the click rate counts tracked-link opens.
  const delivered = (await page.getByTestId("funnel-delivered").locator("strong").textContent())!;
  await expect(page.getByTestId("funnel-delivered")).toContainText(/% of [\d,]+ attempted \(sent or failed\)/);
  await expect(page.getByTestId("funnel-read")).toContainText(`of ${delivered} delivered`);
  await expect(page.getByTestId("funnel-replied")).toContainText("typed an answer or tapped a quick reply");
  await expect(
    page.getByText("Opened a tracked link, of delivered (a quick-reply tap counts as a reply)"),
  ).toBeVisible();
  await expect(page.getByRole("table", { name: /Failures, by Meta's error code/ })).toContainText("131026");
  await expect(page.getByRole("table", { name: /Buttons/ })).toContainText("Shop now");

  // No launch, edit or approval control for a manager on a campaign...
  for (const name of [/Launch/, /Edit/, /Pause/, /Cancel/, /Duplicate/])
    await expect(page.getByRole("button", { name })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Edit/ })).toHaveCount(0);

  // ...drill into "Read": exactly the people the funnel counted, exportable, and no segment to make from it.
  await page.getByRole("list", { name: "Funnel" }).getByRole("link", { name: "Read" }).click();
  await expect(page.getByRole("heading", { name: `Read: ${read}` })).toBeVisible();
  await expect(page.getByRole("table", { name: "Read: contacts" }).getByRole("row")).toHaveCount(
    Math.min(read, 50) + 1,
  );
  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export CSV" }).click(),
  ]);
  expect(csv.suggestedFilename()).toBe("summer-sale-launch-read.csv");
  await expect(page.getByRole("button", { name: /segment/i })).toHaveCount(0);

  await page.goto("/campaigns/new");
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
});

test("a manager calling the launch action directly is refused", async ({ browser }) => {
  // A marketer builds a draft and clicks Launch; the request (the server action's id and arguments) is
  // held back and replayed with a manager's session.
  const marketer = await browser.newPage();
  await signInAs(marketer, "MARKETER");
  await buildVipCampaign(marketer, "Replayed launch");
  const url = marketer.url();
  let captured: { headers: Record<string, string>; body: string } | null = null;
  await marketer.route(url, async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.headers()["next-action"]) {
      captured = { headers: request.headers(), body: request.postData() ?? "" };
      return route.abort();
    }
    return route.continue();
  });
  await marketer.getByRole("button", { name: "Launch campaign" }).click();
  await marketer
    .getByRole("dialog")
    .getByRole("button", { name: /^Send to/ })
    .click();
  await expect.poll(() => captured).not.toBeNull();

  const manager = await browser.newPage();
  await signInAs(manager, "MANAGER");
  const { headers, body } = captured!;
  const response = await manager.request.post(url, {
    headers: {
      "next-action": headers["next-action"]!,
      "content-type": headers["content-type"] ?? "text/plain;charset=UTF-8",
      accept: "text/x-component",
    },
    data: body,
  });
  expect(await response.text()).toContain("FORBIDDEN");
  await manager.goto(url);
  await expect(manager.getByText("Draft", { exact: true })).toBeVisible(); // still a draft: nothing was launched
});
