import type { Page } from "@playwright/test";
import sharp from "sharp";
import { LANGUAGES } from "../lib/templates/languages";
import { choose, expect, signInAs, test } from "./fixtures";

const coffeePng = () =>
  sharp({ create: { width: 800, height: 418, channels: 3, background: { r: 111, g: 78, b: 55 } } })
    .png()
    .toBuffer();

async function buildTemplate(page: Page, name: string) {
  await page.goto("/templates");
  await page.getByRole("link", { name: "New template" }).click();
  await expect(page.getByRole("heading", { name: "New template" })).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await choose(page, "Header type", "Text");
  await page.getByLabel("Header text").fill("Spring at Acme");
  await page.getByLabel("Body text").fill("Hi {{1}}, our *spring blend* is here: get {{2}} off this week.");
  await page.getByLabel("Sample for {{1}}").fill("Ana");
  await page.getByLabel("Sample for {{2}}").fill("20%");
  await page.getByRole("button", { name: "+ Quick reply" }).click();
  await page.getByLabel("Button 1 label").fill("Show me deals");
  await page.getByRole("button", { name: "+ Quick reply" }).click();
  // A new button waits for the person: no "required" before anything is typed, once they leave it empty.
  await expect(page.getByLabel("Button 1 label")).toHaveValue("Show me deals"); // the first was checked meanwhile
  await expect(page.getByText("Button 2 label: required.")).toHaveCount(0);
  await page.getByLabel("Button 2 label").focus();
  await page.getByLabel("Body text").focus();
  await expect(page.getByText("Button 2 label: required.")).toBeVisible();
  await page.getByLabel("Button 2 label").fill("Stop promotions");
  await expect(page.getByText("Button 2 label: required.")).toHaveCount(0);
  await page.getByRole("button", { name: "+ Visit website" }).click();
  await page.getByLabel("Button 3 label").fill("Shop now");
  await page.getByLabel("Button 3 URL").fill("https://shop.example.com/spring/{{1}}");
  await page.getByLabel("Button 3 sample suffix").fill("ana-42");
}

test("a marketer builds a template with an image header, checks the preview, submits it and sees it approved", async ({
  page,
}) => {
  await signInAs(page, "MARKETER");
  await buildTemplate(page, "spring_offer_e2e");
  await choose(page, "Header type", "Image");

  // The media library refuses what WhatsApp would refuse, then takes the image.
  await page
    .getByLabel("Upload image")
    .setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not an image") });
  await expect(
    page.getByRole("alert").filter({ hasText: "notes.txt: not a file WhatsApp takes as a header" }),
  ).toBeVisible();
  await page
    .getByLabel("Upload image")
    .setInputFiles({ name: "spring-blend.png", mimeType: "image/png", buffer: await coffeePng() });
  await expect(page.getByRole("radio", { name: "spring-blend.png" })).toHaveAttribute("aria-checked", "true");

  // The limits are enforced as you type, naming the field and the limit.
  await page.getByLabel("Button 1 label").fill("A label far longer than twenty-five");
  await expect(page.getByText("Button 1 label: at most 25 characters (35 now).")).toBeVisible();
  await page.getByLabel("Button 1 label").fill("Show me deals");

  const preview = page.getByRole("figure", { name: "WhatsApp preview" });
  await expect(preview.getByRole("img", { name: "Header image" })).toBeVisible();
  await expect(preview.getByTestId("preview-body")).toHaveText(
    "Hi Ana, our spring blend is here: get 20% off this week.",
  );
  await expect(preview.locator("b")).toHaveText("spring blend");
  await expect(preview.getByRole("listitem")).toHaveText(["Show me deals", "Stop promotions", "Shop now"]);
  await expect(page.getByText("WhatsApp desktop will not show this template")).toBeVisible();

  // "Count clicks" where the link is made: the address becomes Parley's tracked link, the one Meta reviews.
  await page.getByRole("checkbox", { name: "Count clicks" }).check();
  await expect(page.getByLabel("Button 3 URL")).toHaveValue(/\/r\/\{\{1\}\}$/);
  await expect(page.getByLabel("Button 3 URL")).toHaveAttribute("readonly", "");
  await expect(page.getByLabel("Button 3 sample suffix")).toHaveCount(0);

  // Channel advice, as you type: an urgent notice is better sent by SMS or a call as well (advice, not a block).
  const advice = page.getByRole("region", { name: "Is WhatsApp the right channel?" });
  await expect(advice).toHaveCount(0);
  await page
    .getByLabel("Body text")
    .fill("Hi {{1}}, our *spring blend* is here: get {{2}} off this week. Urgent: only 100 bags left.");
  await expect(advice).toContainText("This reads as an urgent notice (“urgent”)");
  await expect(advice).toContainText("Send urgent notices by SMS or a call as well");

  await page.getByRole("button", { name: "Submit for approval" }).click();
  await expect(page).toHaveURL(/\/templates\/[a-z0-9]+$/);
  await expect(page.getByText("Approved", { exact: true })).toBeVisible({ timeout: 20_000 });

  await page.goto("/templates?q=spring_offer_e2e");
  await expect(page.getByRole("row", { name: /spring_offer_e2e/ })).toContainText("Approved");

  // A campaign of it starts with the template's image and its click-counting link as a tracked link...
  await page.goto("/campaigns/new");
  await page.getByLabel("Name").fill("Spring blend e2e");
  await choose(page, "Template", /^spring_offer_e2e \(/);
  await expect(page.getByRole("combobox", { name: "Header image" })).toHaveText("spring-blend.png");
  await expect(page.getByText("The template's own file, as Meta approved it.")).toBeVisible();
  await expect(page.getByRole("img", { name: "Header image" })).toBeVisible();
  await expect(page.locator("#var-button-2-source")).toHaveText("A tracked link (Parley counts the opens)");
  await expect(page.getByText("Parley counts who opens it, then sends them to this address.")).toBeVisible();
  await page.locator("#var-button-2-value").fill("https://shop.example.com/spring");
  await choose(page, "Body {{1}}", "Contact field");
  await choose(page, "Body {{2}}", "The same text for everyone");
  await page.locator("#var-body-2-value").fill("20%");
  await choose(page, "Consent list", "Promotions (marketing)");
  await page.getByRole("button", { name: "Save and review" }).click();
  await expect(page.getByRole("heading", { name: "Spring blend e2e" })).toBeVisible({ timeout: 20_000 });

  // ...every recipient's preview shows the image, the link is tracked without a blocker, and pre-flight
  // repeats the channel advice as a warning.
  const previews = page.getByRole("region", { name: "As three recipients will read it" });
  await expect(previews.getByRole("img", { name: "Header image" })).toHaveCount(3);
  await expect(page.getByText(/cannot be tracked/)).toHaveCount(0);
  await expect(page.getByText(/This reads as an urgent notice \(“urgent”\)/)).toBeVisible();
});

test("a template Meta rejects shows the reason and can be edited again", async ({ page }) => {
  await signInAs(page, "MARKETER");
  await buildTemplate(page, "spring_reject_promotional");
  await page.getByRole("button", { name: "Submit for approval" }).click();
  await expect(
    page
      .getByRole("alert")
      .filter({ hasText: "Rejected by Meta. Meta read it as promotional, which its category does not allow." }),
  ).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByRole("button", { name: "Submit for approval" })).toBeEnabled();
  await page.goto("/templates?status=REJECTED");
  await expect(page.getByRole("row", { name: /spring_reject_promotional/ })).toContainText(
    "Meta read it as promotional, which its category does not allow. Change it and submit it again.",
  );
});

test("the builder's language list answers the keyboard, closed or open, with every language", async ({ page }) => {
  // The kit's select holds only its choice until first used (components/ui/select-view.tsx): reaching it by Tab
  // and typing a letter, as on a native select, must still pick the next language starting with it.
  await signInAs(page, "MARKETER");
  await page.goto("/templates/new");
  const language = page.getByRole("combobox", { name: "Language", exact: true });
  await expect(language).toBeEnabled(); // its code has loaded
  await expect(language).toHaveText("English (US) (en_US)");
  await page.getByRole("combobox", { name: "Category", exact: true }).focus();
  await page.keyboard.press("Tab");
  await expect(language).toBeFocused();
  await page.keyboard.press("s");
  await expect(language).toHaveText("Serbian (sr)");
  await expect(language).toHaveAttribute("aria-expanded", "false");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("option")).toHaveCount(LANGUAGES.length);
  await expect(page.getByRole("option", { selected: true })).toHaveText("Serbian (sr)");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(language).toHaveText("Slovak (sk)");
});

test("a manager sees templates read-only and cannot open the builder", async ({ page }) => {
  await signInAs(page, "MANAGER");
  await page.goto("/templates");
  await expect(page.getByRole("link", { name: "New template" })).toHaveCount(0);
  await page.getByRole("link", { name: "summer_sale" }).click();
  await expect(page.getByLabel("Body text")).toBeDisabled();
  await expect(page.getByRole("button", { name: /Submit/ })).toHaveCount(0);
  expect((await page.goto("/templates/new"))?.status()).toBe(403);
});

test("a marketer adds a language version, duplicates and deletes a template", async ({ page }) => {
  await signInAs(page, "MARKETER");
  await page.goto("/templates");
  await page.getByRole("link", { name: "order_shipped" }).click();
  await choose(page, "Language to add", /\(es_ES\)$/);
  await page.getByRole("button", { name: "Add language" }).click();
  await expect(page.getByRole("navigation", { name: "Language versions" }).getByRole("link")).toHaveText([
    "English (US) · approved",
    "Spanish (Spain) · draft",
  ]);

  await page.getByRole("button", { name: "Duplicate" }).click();
  await expect(page.getByRole("heading", { name: "order_shipped_copy" })).toBeVisible();
  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("dialog")).toContainText("This draft was never submitted");
  await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(/\/templates$/);
  await expect(page.getByRole("link", { name: "order_shipped_copy" })).toHaveCount(0);
  await expect(page.getByRole("row", { name: /order_shipped/ })).toContainText("Spanish (Spain)");
});

test("a marketer builds a carousel of two cards, Meta approves it, and a campaign of it sends each card's image and link (card 1's counting clicks)", async ({
  page,
}) => {
  test.setTimeout(150_000);
  await signInAs(page, "MARKETER");
  await page.goto("/templates/new");
  await page.getByLabel("Name", { exact: true }).fill("winter_carousel_e2e");
  await choose(page, "Format", "Carousel of media cards (marketing)");
  await expect(page.getByLabel("Header type")).toHaveCount(0); // a carousel's media are its cards'
  await page.getByLabel("Body text").fill("Hi {{1}}, our winter blends are in. Swipe to see them.");
  await page.getByLabel("Sample for {{1}}").fill("Ana");

  const card = (number: number) =>
    page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: `Card ${number}`, exact: true }) });
  for (const [number, file, text, slug] of [
    [1, "chestnut.png", "Chestnut & cocoa, slow roasted.", "chestnut"],
    [2, "orange.png", "Spiced orange, bright and warm.", "orange"],
  ] as const) {
    await card(number)
      .getByLabel("Upload image")
      .setInputFiles({ name: file, mimeType: "image/png", buffer: await coffeePng() });
    await expect(card(number).getByRole("radio", { name: file })).toHaveAttribute("aria-checked", "true");
    await card(number).getByLabel(`Card ${number} text (optional)`).fill(text);
    await card(number).getByLabel("Button 1 label").fill("I want this one");
    await card(number).getByRole("button", { name: "+ Visit website" }).click();
    await card(number).getByLabel("Button 2 label").fill("Shop");
    if (number === 1) {
      // Card 1's link counts clicks: its address is Parley's tracked redirect, which the marketer cannot edit.
      await card(number).getByRole("checkbox", { name: "Count clicks" }).check();
      await expect(card(number).getByLabel("Button 2 URL")).toHaveValue(/\/r\/\{\{1\}\}$/);
      await expect(card(number).getByLabel("Button 2 URL")).toHaveAttribute("readonly", "");
      continue;
    }
    await card(number).getByLabel("Button 2 URL").fill(`https://shop.example.com/blends/{{1}}`);
    await card(number).getByLabel("Button 2 sample suffix").fill(slug);
  }

  // Meta wants every card alike, and a card's text short: said as you type.
  await card(2).getByLabel("Card 2 text (optional)").fill("x".repeat(161));
  await expect(page.getByText("Card 2 text: at most 160 characters (161 now).")).toBeVisible();
  await card(2).getByLabel("Card 2 text (optional)").fill("Spiced orange, bright and warm.");
  await card(2).getByRole("button", { name: "Remove button 2" }).click();
  await expect(page.getByText("Card 2: every card needs the same parts as card 1")).toBeVisible();
  await card(2).getByRole("button", { name: "+ Visit website" }).click();
  await card(2).getByLabel("Button 2 label").fill("Shop");
  await card(2).getByLabel("Button 2 URL").fill("https://shop.example.com/blends/{{1}}");
  await card(2).getByLabel("Button 2 sample suffix").fill("orange");
  await expect(page.getByText("Card 2: every card needs the same parts as card 1")).toHaveCount(0);

  const cards = page
    .getByRole("figure", { name: "WhatsApp preview" })
    .getByRole("list", { name: "Cards, swipe sideways" });
  await expect(cards.getByRole("listitem", { name: /^Card \d$/ })).toHaveCount(2);
  await expect(cards.getByRole("listitem", { name: "Card 2" })).toContainText("Spiced orange, bright and warm.");

  await page.getByRole("button", { name: "Submit for approval" }).click();
  await expect(page).toHaveURL(/\/templates\/[a-z0-9]+$/);
  await expect(page.getByText("Approved", { exact: true })).toBeVisible({ timeout: 20_000 });

  // A campaign of it starts with each card's image; card 1's link is a tracked link to the address the campaign
  // gives, card 2's ending is the campaign's to give.
  await page.goto("/campaigns/new");
  await page.getByLabel("Name").fill("Winter carousel e2e");
  await choose(page, "Template", /^winter_carousel_e2e \(/);
  await expect(page.locator("#card-media-0")).toHaveText("chestnut.png");
  await expect(page.locator("#card-media-1")).toHaveText("orange.png");
  await choose(page, "Body {{1}}", "Contact field");
  await expect(page.locator("#var-card-0-button-1-source")).toHaveText("A tracked link (Parley counts the opens)");
  await page.locator("#var-card-0-button-1-value").fill("https://shop.example.com/blends/chestnut");
  await choose(page, page.locator("#var-card-1-button-1-source"), "The same text for everyone");
  await page.locator("#var-card-1-button-1-value").fill("orange");
  await choose(page, "Consent list", "Promotions (marketing)");
  await page.getByRole("checkbox", { name: "VIP customers" }).first().check();
  await page.getByRole("button", { name: "Save and review" }).click();
  await expect(page.getByRole("heading", { name: "Winter carousel e2e" })).toBeVisible({ timeout: 20_000 });
  const previews = page.getByRole("region", { name: "As three recipients will read it" });
  await expect(previews.getByRole("list", { name: "Cards" }).first()).toContainText("Chestnut & cocoa");
  await expect(previews.getByText("https://shop.example.com/blends/chestnut").first()).toBeVisible();
  await expect(previews.getByText("https://shop.example.com/blends/orange").first()).toBeVisible();
  await expect(page.getByText("Ready to launch")).toBeVisible();

  // The sandbox takes the carousel as Meta would, and the report counts its deliveries.
  await page.getByRole("button", { name: "Launch campaign" }).click();
  await page
    .getByRole("dialog", { name: "Launch this campaign?" })
    .getByRole("button", { name: /^Send to/ })
    .click();
  await expect(page.getByText("Completed", { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect
    .poll(
      async () => Number((await page.getByTestId("funnel-delivered").locator("strong").innerText()).replace(/,/g, "")),
      {
        timeout: 30_000,
      },
    )
    .toBeGreaterThan(0);
  // Each card's link has its row in the buttons table.
  const buttons = page.getByRole("table", { name: /^Buttons/ });
  await expect(buttons.getByRole("row", { name: /Card 1: Shop/ })).toBeVisible();
  await expect(buttons.getByRole("row", { name: /Card 2: Shop/ })).toBeVisible();
});
