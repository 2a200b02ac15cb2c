// A tracked link: the recipient's ending opens the campaign's address and counts once per message; a
// changed or made-up ending is refused and counts nothing; both failures are a page made for a phone.
import { describe, expect, it, vi } from "vitest";
import { linkToken, openTrackedLink } from "@/lib/campaigns/links";
import { foldAll } from "@/lib/analytics/rollups";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/tests/factories";
import { GET } from "./route";

// The real lookup, which one test makes fail as a lost database connection would.
vi.mock("@/lib/campaigns/links", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/campaigns/links")>();
  return { ...actual, openTrackedLink: vi.fn(actual.openTrackedLink) };
});

const open = (token: string, acceptLanguage?: string) =>
  GET(
    new Request(`http://localhost/r/${token}`, {
      headers: acceptLanguage ? { "accept-language": acceptLanguage } : {},
    }),
    {
      params: Promise.resolve({ token }),
    },
  );

describe("GET /r/<ending>", () => {
  it("redirects to the campaign's address and records the first open", async () => {
    const { workspace } = await createWorkspace(["ADMIN"]);
    const campaign = await db.campaign.create({
      data: {
        workspaceId: workspace.id,
        name: "Links",
        status: "COMPLETED",
        variableMapping: {
          templateName: "t",
          fallbackLanguage: "en_US",
          headerMediaId: "",
          variables: { "button:1": { source: "tracked", value: "https://shop.example.com/sale?utm=wa", fallback: "" } },
        },
      },
    });
    const contact = await db.contact.create({ data: { workspaceId: workspace.id, phone: "+34600990001" } });
    const message = await db.message.create({
      data: { workspaceId: workspace.id, campaignId: campaign.id, contactId: contact.id, state: "READ" },
    });
    const token = linkToken(message.id, 1);

    const first = await open(token);
    expect([first.status, first.headers.get("location")]).toEqual([302, "https://shop.example.com/sale?utm=wa"]);
    const openedAt = (await db.message.findUniqueOrThrow({ where: { id: message.id } })).linkClickedAt;
    expect(openedAt).not.toBeNull();
    expect((await open(token)).status).toBe(302); // again: still goes, counted once
    expect((await db.message.findUniqueOrThrow({ where: { id: message.id } })).linkClickedAt).toEqual(openedAt);

    const forged = token.slice(0, -2) + (token.endsWith("AA") ? "BB" : "AA");
    for (const bad of [forged, linkToken(message.id, 0), "nonsense", `${message.id}.1`])
      expect([bad, (await open(bad)).status]).toEqual([bad, 404]);

    await foldAll();
    const keys = await db.campaignDay.findMany({
      where: { campaignId: campaign.id, key: { in: ["clicked", "link:1"] } },
      select: { key: true, n: true },
    });
    expect(keys.map((k) => [k.key, Number(k.n)]).sort()).toEqual([
      ["clicked", 1],
      ["link:1", 1],
    ]);
  });

  it("answers a made-up ending with a page for a phone, in a language, with a title", async () => {
    const response = await open("made-up");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain("<title>This link doesn't work</title>");
    expect(html).toContain("<h1>This link doesn't work</h1>");
    expect(html).not.toContain("Try again"); // the same link would fail the same way
  });

  it("asks the recipient to try again when the link cannot be looked up, without a bare 500", async () => {
    vi.mocked(openTrackedLink).mockRejectedValueOnce(new Error("Connection terminated unexpectedly"));
    const response = await open("abc.1.signature");
    expect(response.status).toBe(503);
    const html = await response.text();
    expect(html).toContain("<h1>This link can't open right now</h1>");
    expect(html).toContain('<a href="/r/abc.1.signature">Try again</a>');
    expect(html).not.toContain("Connection terminated");
  });

  it("speaks the phone's language", async () => {
    const html = await (await open("made-up", "es-MX,es;q=0.9,en;q=0.5")).text();
    expect(html).toMatch(/^<!doctype html>\n<html lang="es">/);
    expect(html).toContain("<h1>Este enlace no funciona</h1>");
    vi.mocked(openTrackedLink).mockRejectedValueOnce(new Error("down"));
    const later = await (await open("abc.1.signature", "sv-SE")).text();
    expect(later).toContain("<title>Länken kan inte öppnas just nu</title>");
    expect(later).toContain('<a href="/r/abc.1.signature">Försök igen</a>');
  });
});
