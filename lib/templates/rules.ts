// Pure rules about template text shared by the builder, its preview and the sandbox's review.

const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/** The variable names in a text, in order of appearance: "{{1}}" → "1", "{{first_name}}" → "first_name". */
export function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/** Fills variables with values (or leaves the placeholder when a value is missing). */
export function fillPlaceholders(text: string, values: Record<string, string | undefined>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => values[name]?.trim() || whole);
}

const PROMOTIONAL = /\b(sale|discount|\d+\s?% off|offer|deal|promo(tion)?|coupon)s?\b/i;

/** Utility templates that read like promotions are moved to marketing by Meta (and priced as such). */
export function looksPromotional(category: string, body: string): boolean {
  return category.toUpperCase() === "UTILITY" && PROMOTIONAL.test(body);
}

/** WhatsApp desktop does not show templates with 4+ buttons, or quick replies mixed with other buttons. */
export function hiddenOnDesktop(buttonTypes: string[]): boolean {
  const quick = buttonTypes.filter((t) => t.toUpperCase() === "QUICK_REPLY").length;
  return buttonTypes.length >= 4 || (quick > 0 && quick < buttonTypes.length);
}
