// Why a row of an import was left out, as a code with its values: the import's page words it in the
// viewer's language (audiences.rowProblem), and the downloadable report in the language of whoever ran it.
import { createTranslator } from "next-intl";
import type { PhoneProblem } from "@/lib/contacts/phone";
import { loadMessages } from "@/lib/i18n/catalog";
import type { Locale } from "@/lib/i18n/config";

export type RowProblem =
  | { code: "noPhone" | "noProof" | "erased" }
  | {
      code: "scientific" | "bsuid" | "language" | "timeZone" | "optedIn" | "source" | "time" | "futureTime";
      value: string;
    }
  | { code: "phone"; value: string; why: PhoneProblem; country: string }
  | { code: "noList"; list: string }
  | { code: "duplicate"; first: number; phone: string }
  | { code: "duplicateUser"; first: number; bsuid: string };

/**
 * The rejected rows' CSV report's words in `locale` (the worker writes it, outside any request): its two
 * first columns' names, and each row's problem.
 */
export async function reportWords(locale: Locale) {
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "audiences" });
  return {
    columns: [t("import.report.row"), t("import.report.reason")],
    describe: ({ code, ...values }: RowProblem) => t(`rowProblem.${code}`, values as Record<string, string | number>),
  };
}
