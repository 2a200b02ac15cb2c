// Why a row of an import was left out, as a code with its values: the import's page words it in the
// viewer's language (audiences.rowProblem), and the downloadable report in English from the same messages.
import { createTranslator } from "next-intl";
import type { PhoneProblem } from "@/lib/contacts/phone";
import audiences from "@/messages/en/audiences.json";

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

const english = createTranslator({ locale: "en", messages: { audiences }, namespace: "audiences.rowProblem" });

/** The problem in English, for the rejected rows' CSV report (written by the worker, outside any request). */
export function describeProblem({ code, ...values }: RowProblem): string {
  return english(code, values as Record<string, string | number>);
}
