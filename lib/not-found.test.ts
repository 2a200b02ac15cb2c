import { describe, expect, it } from "vitest";
import { NotFoundError, ValidationError } from "./errors";
import { orNotFound, pageId } from "./not-found";

// next/navigation's notFound() throws an error whose digest makes Next.js render the 404 page.
const is404 = (error: unknown) => String((error as { digest?: string }).digest).includes("404");

describe("pages and unknown ids", () => {
  it("show the 404 page for an id that cannot be one, or one the lookup did not find", async () => {
    expect(() => pageId("a\u0000b")).toThrow();
    try {
      pageId("a\u0000b");
    } catch (error) {
      expect(is404(error)).toBe(true);
    }
    const missing = await orNotFound(Promise.reject(new NotFoundError("campaign"))).catch((e: unknown) => e);
    expect(is404(missing)).toBe(true);
  });

  it("let every other outcome through", async () => {
    expect(pageId("cm123")).toBe("cm123");
    expect(await orNotFound(Promise.resolve(7))).toBe(7);
    await expect(orNotFound(Promise.reject(new ValidationError("no")))).rejects.toThrow("no");
  });
});
