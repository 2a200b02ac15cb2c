// Where the browser goes after sign-in: a path on this site only. An open redirect after login is a
// phishing aid, and browsers read more as "another host" than a plain `//` prefix: `/\evil.com` (a
// backslash counts as a slash) and `/<tab>/evil.com` (tabs and newlines are stripped from URLs).

const BASE = "http://parley.invalid";

/** The callback path if it stays on this site, else "/". */
export function safeCallbackPath(raw: string | string[] | undefined): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || !value.startsWith("/")) return "/";
  // Control characters (tab, newline, NUL...) and backslashes have no place in a path we produce ourselves.
  if (/[\u0000-\u001f\u007f\\]/.test(value) || value.startsWith("//")) return "/";
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return "/";
  }
  // "/..//evil.com" resolves to the path "//evil.com", which a browser would read as a host again.
  if (url.origin !== BASE || url.pathname.startsWith("//")) return "/";
  return url.pathname + url.search + url.hash;
}
