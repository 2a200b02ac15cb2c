// A member's language and time zone: saved on their user, carried in the cookies the request config reads,
// and back to the browser's choice when cleared.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { LOCALE_COOKIE, TIME_ZONE_COOKIE } from "@/lib/i18n/config";
import { createWorkspace } from "@/tests/factories";
import { actAnonymously, actAs, cookieJar } from "@/tests/request-context";
import { savePreferencesAction } from "./actions";

beforeEach(() => actAnonymously());

describe("saving one's language and time zone", () => {
  it("stores them and sets the cookies; clearing them follows the browser again", async () => {
    const { workspace, users } = await createWorkspace(["MARKETER"]);
    await actAs(users.MARKETER.id, workspace.id);

    expect(await savePreferencesAction({ locale: "sv", timeZone: "Europe/Stockholm" })).toEqual({
      ok: true,
      data: undefined,
    });
    const saved = () =>
      db.user.findUniqueOrThrow({ where: { id: users.MARKETER.id }, select: { locale: true, timeZone: true } });
    expect(await saved()).toEqual({ locale: "sv", timeZone: "Europe/Stockholm" });
    expect(cookieJar.get(LOCALE_COOKIE)).toBe("sv");
    expect(cookieJar.get(TIME_ZONE_COOKIE)).toBe("Europe/Stockholm");

    await savePreferencesAction({ locale: "", timeZone: "" });
    expect(await saved()).toEqual({ locale: null, timeZone: null });
    expect(cookieJar.has(LOCALE_COOKIE)).toBe(false);
    expect(cookieJar.has(TIME_ZONE_COOKIE)).toBe(false);
  });

  it("refuses a zone that does not exist, in the member's language", async () => {
    const { workspace, users } = await createWorkspace(["MANAGER"]);
    await actAs(users.MANAGER.id, workspace.id);
    cookieJar.set(LOCALE_COOKIE, "es");
    const result = await savePreferencesAction({ locale: "es", timeZone: "Europe/Atlantis" });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: "VALIDATION",
        message: "Revisa los campos marcados.",
        fieldErrors: { timeZone: ["Elige una zona horaria de la lista."] },
      },
    });
    expect(cookieJar.get(LOCALE_COOKIE)).toBe("es");
  });
});
