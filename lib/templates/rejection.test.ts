// A template Meta rejected says why in the reader's language and what to do, with Meta's own note after it.
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/catalog";
import { englishTranslator, translatorFor } from "@/lib/i18n/translator";
import { rejectionMessage } from "./rejection";

const english = (stored: string | null) => englishTranslator.message(rejectionMessage(stored));

describe("rejectionMessage", () => {
  it("words Meta's code and keeps Meta's explanation after it", () => {
    expect(english("INVALID_FORMAT: Two variables touch.")).toBe(
      "Its format is not valid (a variable at the start or end of the body, for instance). Change it and submit it again. Meta's note: Two variables touch.",
    );
    expect(english("SCAM")).toBe("Meta took it for a scam. Change it and submit it again.");
    expect(english("CATEGORY_NOT_AVAILABLE")).toMatch(/^Meta does not offer this category/);
  });

  it("reads a code it has no words for, an explanation alone, and no reason (old rows' English too)", () => {
    expect(english("SOME_NEW_REASON")).toBe("Meta's reason: some new reason. Change it and submit it again.");
    expect(english("Variables are too close.")).toBe(
      "Meta gave no reason. Change it and submit it again. Meta's note: Variables are too close.",
    );
    expect(english(null)).toBe("Meta gave no reason. Change it and submit it again.");
    expect(english("Rejected by Meta")).toBe("Meta gave no reason. Change it and submit it again.");
  });

  it("is in the reader's language, Meta's note as Meta wrote it", async () => {
    const spanish = translatorFor("es", await loadMessages("es"));
    expect(spanish.message(rejectionMessage("PROMOTIONAL: Too salesy."))).toBe(
      "Meta la consideró promocional, algo que su categoría no permite. Modifícala y vuelve a enviarla. Nota de Meta: Too salesy.",
    );
  });
});
