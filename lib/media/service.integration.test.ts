import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { englishTranslator } from "@/lib/i18n/translator";
import { createWorkspace } from "@/tests/factories";
import { listMedia, readMedia, uploadMedia } from "./service";

describe("media library", () => {
  it("stores a checked image with a thumbnail, for its own workspace only", async () => {
    const mine = await createWorkspace(["MARKETER"]);
    const other = await createWorkspace(["MARKETER"]);
    const png = await sharp({ create: { width: 1200, height: 600, channels: 3, background: "#6f4e37" } })
      .png()
      .toBuffer();
    const asset = await uploadMedia(mine.workspace.id, mine.users.MARKETER.id, { name: "blend.png", bytes: png });
    expect(asset).toMatchObject({ kind: "IMAGE", mimeType: "image/png", sizeBytes: png.length });
    expect((await readMedia(mine.workspace.id, asset.id)).bytes.equals(png)).toBe(true);
    const thumbnail = await readMedia(mine.workspace.id, asset.id, true);
    expect(thumbnail.mimeType).toBe("image/webp");
    expect((await sharp(thumbnail.bytes).metadata()).width).toBe(480);
    await expect(readMedia(other.workspace.id, asset.id)).rejects.toThrow(new NotFoundError("mediaFile"));
    expect(await listMedia(other.workspace.id)).toEqual([]);
  });

  it("refuses a file WhatsApp would not take, storing nothing", async () => {
    const { workspace, users } = await createWorkspace(["MARKETER"]);
    const refused = await uploadMedia(workspace.id, users.MARKETER.id, {
      name: "x.gif",
      bytes: Buffer.from("GIF89a..."),
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ValidationError);
    expect(englishTranslator.message((refused as ValidationError).message)).toMatch(
      /^x\.gif: not a file WhatsApp takes as a header/,
    );
    expect(await listMedia(workspace.id)).toEqual([]);
  });
});
