// Media uploads are capped by the bytes actually read: a body without Content-Length (chunked), or with
// one that lies, is stopped at the cap instead of being buffered whole.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { MEDIA_RULES } from "@/lib/media/rules";
import { createWorkspace } from "@/tests/factories";
import { actAs } from "@/tests/request-context";
import { POST } from "./route";

const CAP = MEDIA_RULES.DOCUMENT.maxBytes + 64 * 1024;
const CHUNK = 1024 * 1024;

/** A multipart body of `total` bytes, made as it is read; `pulled` says how much was asked for. */
function endlessUpload(total: number) {
  const boundary = "parleyboundary";
  const head = new TextEncoder().encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-`,
  );
  const state = { pulled: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled === 0) {
        controller.enqueue(head);
        state.pulled += head.length;
      } else if (state.pulled < total) {
        controller.enqueue(new Uint8Array(CHUNK));
        state.pulled += CHUNK;
      } else controller.close();
    },
  });
  return { body, boundary, state };
}

let workspaceId: string;
beforeEach(async () => {
  const { workspace, users } = await createWorkspace(["MARKETER"]);
  workspaceId = workspace.id;
  await actAs(users.MARKETER.id, workspace.id);
});

describe("POST /api/v1/media", () => {
  it.each([
    ["no Content-Length", {}],
    ["a Content-Length that lies", { "content-length": "1000" }],
  ])("stops reading a body over the cap with %s, and stores nothing", async (_what, extra) => {
    const upload = endlessUpload(CAP + 50 * CHUNK);
    const request = new Request("http://localhost/api/v1/media", {
      method: "POST",
      headers: { "content-type": `multipart/form-data; boundary=${upload.boundary}`, ...extra },
      body: upload.body,
      duplex: "half",
    } as RequestInit);
    const response = await POST(request);
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toBe(
      "The file is larger than anything WhatsApp takes (100 MB at most, for PDFs).",
    );
    expect(upload.state.pulled).toBeLessThan(CAP + 4 * CHUNK); // read up to the cap, not to the end
    expect(await db.mediaAsset.count({ where: { workspaceId } })).toBe(0);
  });

  it("takes a file under the cap, and says so plainly when the body is not a form", async () => {
    const form = new FormData();
    form.set(
      "file",
      new File([new TextEncoder().encode("%PDF-1.4\n%%EOF\n")], "terms.pdf", { type: "application/pdf" }),
    );
    const ok = await POST(new Request("http://localhost/api/v1/media", { method: "POST", body: form }));
    expect([ok.status, (await ok.json()).fileName]).toEqual([201, "terms.pdf"]);

    const notForm = await POST(
      new Request("http://localhost/api/v1/media", {
        method: "POST",
        headers: { "content-type": "multipart/form-data; boundary=x" },
        body: "garbage",
      }),
    );
    expect(notForm.status).toBe(400);
  });
});
