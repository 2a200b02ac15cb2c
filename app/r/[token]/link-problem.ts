// What a recipient sees when a tracked link cannot take them on: a small, whole HTML page made for a phone
// (the person tapped a button in WhatsApp and knows nothing of Parley). No script and no stylesheet to
// fetch, so it shows at once on a slow connection; the colours are the product's (app/globals.css).
import { createTranslator } from "next-intl";
import { loadMessages } from "@/lib/i18n/catalog";
import { chooseLocale } from "@/lib/i18n/negotiate";

type LinkProblem = "unknown" | "unavailable";

const STATUS: Record<LinkProblem, number> = { unknown: 404, unavailable: 503 };

const STYLE = `
*{box-sizing:border-box}
html{color:#111827;background:#f7f8fa;font-family:ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;-webkit-text-size-adjust:100%}
body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;padding:24px 16px}
main{width:100%;max-width:26rem;background:#fff;border:1px solid #e5e7eb;border-radius:12px;padding:32px 24px;text-align:center}
.icon{width:56px;height:56px;margin:0 auto 20px;border-radius:50%;background:#ecfdf5;color:#0f7d53;display:grid;place-items:center}
h1{margin:0;font-size:1.375rem;line-height:1.3;font-weight:600}
p{margin:12px 0 0;font-size:1rem;line-height:1.55;color:#4b5563}
a{display:block;margin-top:28px;padding:14px 20px;border-radius:8px;background:#0f7d53;color:#fff;font-weight:600;font-size:1rem;text-decoration:none}
a:focus-visible{outline:2px solid #0f7d53;outline-offset:3px}
`;

// A broken chain link (lucide's "unlink"), drawn inline.
const ICON = `<svg width="28" height="28" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="m18.84 12.25 1.72-1.71h-.02a5.004 5.004 0 0 0-.12-7.07 5.006 5.006 0 0 0-6.95 0l-1.72 1.71"/><path d="m5.17 11.75-1.71 1.71a5.004 5.004 0 0 0 .12 7.07 5.006 5.006 0 0 0 6.95 0l1.71-1.71"/><line x1="8" x2="8" y1="2" y2="5"/><line x1="2" x2="5" y1="8" y2="8"/><line x1="16" x2="16" y1="19" y2="22"/><line x1="19" x2="22" y1="16" y2="16"/></svg>`;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** Our own messages, in element text: only the characters that would start markup. */
const escapeText = (text: string) => text.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page for `problem`, in the recipient's language: their phone's Accept-Language (they have no Parley
 * account, so no saved choice), else English. `path` is the link's own path, for "Try again".
 */
export async function linkProblemResponse(
  problem: LinkProblem,
  path: string,
  acceptLanguage: string | null,
): Promise<Response> {
  const locale = chooseLocale(undefined, acceptLanguage);
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "links" });
  const status = STATUS[problem];
  const retry = problem === "unavailable";
  const title = escapeText(t(`${problem}.title`));
  const body = escapeText(t(`${problem}.body`));
  const html = `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="theme-color" content="#0f7d53">
<title>${title}</title>
<link rel="icon" href="/icon.svg" type="image/svg+xml">
<style>${STYLE}</style>
</head>
<body>
<main>
<div class="icon">${ICON}</div>
<h1>${title}</h1>
<p>${body}</p>
${retry ? `<a href="${escapeHtml(path)}">${escapeText(t("retry"))}</a>` : ""}
</main>
</body>
</html>
`;
  return new Response(html, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}
