import { describe, expect, it } from "vitest";
import { timeZoneChoices, timeZoneLabel } from "./time-zones";

describe("time zone choices", () => {
  it("names a zone in the reader's language, its IANA id kept as the value", () => {
    expect(timeZoneLabel("Europe/Madrid", "es")).toBe("Madrid (hora de Europa central)");
    expect(timeZoneLabel("America/New_York", "en")).toBe("New York (Eastern Time)");
    expect(timeZoneLabel("America/Indiana/Knox", "en")).toBe("Knox, Indiana (Central Time)");
    expect(timeZoneChoices("es").find((c) => c.value === "Europe/Madrid")?.label).toBe(
      "Madrid (hora de Europa central)",
    );
  });

  it("lists UTC first, then every zone in the reader's alphabetical order", () => {
    const choices = timeZoneChoices("sv");
    expect(choices[0]).toEqual({ value: "UTC", label: "koordinerad universell tid (UTC)" });
    const labels = choices.slice(1).map((c) => c.label);
    expect(labels).toEqual([...labels].sort(new Intl.Collator("sv").compare));
    expect(choices.map((c) => c.value)).toContain("Europe/Stockholm");
  });

  it("keeps a saved zone listed even when this runtime does not offer it", () => {
    const choices = timeZoneChoices("en", "US/Eastern");
    expect(choices[0]).toEqual({ value: "US/Eastern", label: "Eastern (Eastern Time)" });
    expect(timeZoneChoices("en", "Europe/Madrid").filter((c) => c.value === "Europe/Madrid")).toHaveLength(1);
  });
});
