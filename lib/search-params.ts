// A page's query string as Next.js hands it over: a key given twice (?q=a&q=b) arrives as an array. Pages
// that take one value per key read the first, so a doubled or hand-edited link still shows the page.

export type RawSearchParams = Record<string, string | string[] | undefined>;

/** The first value of one parameter. */
export const firstValue = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

/** Every parameter with its first value. */
export function firstValues(raw: RawSearchParams): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, firstValue(value)]));
}
