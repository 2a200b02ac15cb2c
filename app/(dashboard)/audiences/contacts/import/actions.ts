"use server";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { requestPreferences } from "@/lib/i18n/server";
import { importMappingSchema } from "@/lib/imports/schemas";
import { startImportRun } from "@/lib/imports/service";

/** Checks an uploaded file with a mapping (a dry run), or imports it once checked. Runs in the worker. */
export const startImportRunAction = action(
  "contacts.edit",
  z.object({ importId: z.string().min(1), mode: z.enum(["check", "import"]), mapping: importMappingSchema }),
  async ({ importId, mode, mapping }, user) => {
    // The rejected rows' report is written in the language of the person who runs it.
    const { locale } = await requestPreferences();
    await startImportRun(user, importId, mode, mapping, locale);
  },
);
