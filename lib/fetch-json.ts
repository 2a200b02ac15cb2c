// The browser's reads of Parley's own /api GET routes (polling): the body on success, else the route's
// own error message (lib/http.ts jsonError), else `failure`.
export async function fetchJson<T>(url: string, failure: string): Promise<T> {
  const response = await fetch(url, { cache: "no-store" });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.error?.message ?? failure);
  return body as T;
}
