// Every route handler that writes with the cookie session refuses a request another site's page made
// (CSRF): a cross-site Origin gets 403 and changes nothing. Same-site requests and non-browser callers pass.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { actAs } from "@/tests/request-context";
import { createWorkspace } from "@/tests/factories";
import { POST as authPost } from "./auth/[...nextauth]/route";
import { POST as importPost } from "./v1/imports/route";
import { POST as mediaPost } from "./v1/media/route";

const CSV = "phone,name\n+34600111222,Ana\n";

function post(path: string, headers: Record<string, string>, body: BodyInit) {
  return new Request(`http://localhost:3000${path}`, { method: "POST", headers, body, duplex: "half" } as RequestInit);
}

function mediaForm() {
  const form = new FormData();
  form.set("file", new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])], "a.pdf", { type: "application/pdf" }));
  return form;
}

let workspaceId: string;
beforeEach(async () => {
  const { workspace, users } = await createWorkspace(["ADMIN"]);
  workspaceId = workspace.id;
  await actAs(users.ADMIN.id, workspace.id);
});

describe("POST route handlers and Origin", () => {
  it.each([
    ["another site", { origin: "https://evil.example" }],
    ["a look-alike host", { origin: "http://localhost:3000.evil.example" }],
    ["an opaque origin", { origin: "null" }],
    ["a cross-site fetch without Origin", { "sec-fetch-site": "cross-site" }],
  ])("refuses an import upload from %s with 403 and creates nothing", async (_what, headers) => {
    const response = await importPost(post("/api/v1/imports?name=c.csv", headers, CSV));
    expect(response.status).toBe(403);
    expect((await response.json()).error.message).toMatch(/another site/);
    expect(await db.contactImport.count({ where: { workspaceId } })).toBe(0);
  });

  it("refuses a media upload from another site", async () => {
    const response = await mediaPost(post("/api/v1/media", { origin: "https://evil.example" }, mediaForm()));
    expect(response.status).toBe(403);
    expect(await db.mediaAsset.count({ where: { workspaceId } })).toBe(0);
  });

  it("refuses a sign-in posted from another site", async () => {
    const request = post(
      "/api/auth/callback/credentials",
      { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
      "email=a%40b.c&password=x",
    );
    const response = await authPost(request, { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) });
    expect(response.status).toBe(403);
  });

  it("takes the same upload from this site, and from a caller that is not a browser", async () => {
    expect(
      (await importPost(post("/api/v1/imports?name=c.csv", { origin: "http://localhost:3000" }, CSV))).status,
    ).toBe(201);
    expect((await importPost(post("/api/v1/imports?name=c.csv", {}, CSV))).status).toBe(201);
  });
});
