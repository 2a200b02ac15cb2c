import { describe, expect, it } from "vitest";
import { foldListState, type LoggedConsentEvent } from "./fold";

const at = (second: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, second));
const own = (action: LoggedConsentEvent["action"], second: number): LoggedConsentEvent => ({
  consentListId: "news",
  action,
  occurredAt: at(second),
});
const global = (action: LoggedConsentEvent["action"], second: number): LoggedConsentEvent => ({
  consentListId: null,
  action,
  occurredAt: at(second),
});
const other = (action: LoggedConsentEvent["action"], second: number): LoggedConsentEvent => ({
  consentListId: "orders",
  action,
  occurredAt: at(second),
});

describe("foldListState", () => {
  it("has no state for a list without an event of its own", () => {
    expect(foldListState([global("OPT_OUT", 1), other("OPT_IN", 2)], "news", true)).toBeNull();
  });

  it("lets the newest own event decide, an opt-out winning a tie, whatever the order of the log", () => {
    expect(foldListState([own("OPT_OUT", 5), own("OPT_IN", 2)], "news", true)).toEqual({
      optedIn: false,
      changedAt: at(5),
    });
    expect(foldListState([own("OPT_OUT", 2), own("OPT_IN", 2)], "news", true)?.optedIn).toBe(false);
    expect(foldListState([own("OPT_IN", 2), own("OPT_OUT", 2)], "news", true)?.optedIn).toBe(false);
  });

  it("closes a marketing list on a global opt-out, within its whole second", () => {
    expect(foldListState([own("OPT_IN", 1), global("OPT_OUT", 3)], "news", true)?.optedIn).toBe(false);
    // An opt-in a fraction of a second after a STOP stamped with its whole second is still covered by it.
    const justAfter = { ...own("OPT_IN", 3), occurredAt: new Date(at(3).getTime() + 500) };
    expect(foldListState([global("OPT_OUT", 3), justAfter], "news", true)?.optedIn).toBe(false);
    expect(foldListState([global("OPT_OUT", 3), own("OPT_IN", 4)], "news", true)?.optedIn).toBe(true);
  });

  it("does not let global events touch a utility list", () => {
    expect(foldListState([own("OPT_IN", 1), global("OPT_OUT", 3)], "news", false)).toEqual({
      optedIn: true,
      changedAt: at(1),
    });
  });

  it("reopens on a resume only a list whose own newest event before it is an opt-in", () => {
    expect(foldListState([own("OPT_IN", 1), global("OPT_OUT", 2), global("OPT_IN", 5)], "news", true)).toEqual({
      optedIn: true,
      changedAt: at(5),
    });
    expect(foldListState([own("OPT_OUT", 1), global("OPT_IN", 5)], "news", true)?.optedIn).toBe(false);
  });

  it("keeps a list closed when an opt-out older than a resume is recorded after it (found by the property test)", () => {
    // Person 0 of seed -946782985: an opt-in and an opt-out of the list in the same second, resumes at 6 and
    // 12, a STOP at 4. The opt-out wins its tie, so neither resume reopens the list.
    const log = [
      global("OPT_IN", 6),
      other("OPT_OUT", 7),
      own("OPT_IN", 2),
      global("OPT_IN", 12),
      own("OPT_OUT", 2),
      global("OPT_OUT", 4),
    ];
    expect(foldListState(log, "news", true)).toEqual({ optedIn: false, changedAt: at(12) });
    expect(foldListState(log, "orders", false)).toEqual({ optedIn: false, changedAt: at(7) });
  });
});
