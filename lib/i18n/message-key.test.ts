// A message written far from the screen is shown in the reader's language; text that is not a key, as it is.
import { describe, expect, it } from "vitest";
import { loadMessages } from "./catalog";
import { messageKey } from "./message-key";
import { englishTranslator, translatorFor } from "./translator";

describe("translateMessage", () => {
  it("translates a key with its values, and a message given as a value too", async () => {
    const pausedByMeta = messageKey("campaigns.statusReason.pausedByMeta", {
      code: 132015,
      reason: messageKey("cloudApi.reason.132015"),
    });
    expect(englishTranslator.message(pausedByMeta)).toBe(
      "Paused by Meta's error 132015: The template is paused by Meta for low quality. The campaign is paused until the template is active again.",
    );
    const french = translatorFor("fr", await loadMessages("fr"));
    expect(french.message(pausedByMeta)).toMatch(
      /^Mise en pause par l’erreur Meta 132015 : Meta a mis le modèle en pause/,
    );
  });

  it("shows text that is not a key as it is: a name in the values, and rows stored in English before", async () => {
    const swedish = translatorFor("sv", await loadMessages("sv"));
    expect(swedish.message(messageKey("campaigns.statusReason.pausedBy", { name: "Ana.Ruiz" }))).toBe(
      "Pausad av Ana.Ruiz",
    );
    expect(swedish.message("Paused by Ana Ruiz")).toBe("Paused by Ana Ruiz");
    expect(swedish.message("That contact was not found.")).toBe("That contact was not found.");
  });
});
