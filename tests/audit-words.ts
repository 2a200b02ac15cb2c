// Audit entries as the English audit log page writes them (settings.auditLog.actions.*), for tests.
import { createFormatter, createTranslator } from "next-intl";
import { describeAudit } from "@/lib/audit/describe";
import { auditSentence, type AuditWords } from "@/lib/audit/words";
import { english } from "@/lib/i18n/catalog";
import { buildFormat } from "@/lib/i18n/format";

const t = createTranslator({ locale: "en", messages: english, namespace: "settings" });
const format = buildFormat(createFormatter({ locale: "en", timeZone: "UTC" }), new Date());
const words: AuditWords = {
  sentence: (key, values) => t(`auditLog.actions.${key}`, values),
  role: (role) => t(`users.roles.${role}`),
  day: format.day,
  someone: t("auditLog.someone"),
};

export const englishAuditSentence = (action: string, details: Record<string, unknown> | null) =>
  auditSentence(describeAudit(action, details), words);
