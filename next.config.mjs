import createNextIntlPlugin from "next-intl/plugin";

const dev = process.env.NODE_ENV === "development";

// Content Security Policy. Next.js writes its bootstrap and RSC payload as inline <script> tags without
// a nonce unless every page is rendered per request through proxy.ts, so scripts allow 'unsafe-inline'
// (and 'unsafe-eval' for next dev's hot reload); everything else is locked to this origin: no plugins,
// no <base> rewrites, forms post only here, the page cannot be framed, and fetches reach only Parley,
// which limits what an injected script could send anywhere.
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "media-src 'self' blob:",
  "font-src 'self' data:",
  `connect-src 'self'${dev ? " ws: wss:" : ""}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Headers on every response (exported for the test that holds them). */
export const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  // Browsers honour HSTS only over HTTPS, so a plain-HTTP demo on localhost is unaffected.
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  // Parley uses none of these browser features; a script injected into it cannot either.
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // .next/standalone: the server files and a minimal node_modules traced from them, which
  // scripts/assemble-standalone.mjs completes with dist/ for the container image (docs/operations.md).
  // `npm start` and the tests go on using .next in the project.
  output: "standalone",
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tsc --noEmit) in its first phase; the build does not repeat it
  // (a minute of CPU on a 2-core machine, beside the integration tests); `npm run typecheck` runs it alone.
  typescript: { ignoreBuildErrors: true },
  // Server-only packages with native code or WebAssembly stay out of the bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg"],
  // `forbidden()` renders app/forbidden.tsx with a 403 for a role that may not use a page.
  experimental: { authInterrupts: true },
  async headers() {
    return [{ source: "/(.*)", headers: securityHeaders }];
  },
};

// Translations: next-intl reads its per-request configuration (locale, zone, messages) from lib/i18n/request.ts.
// The catalogs under messages/ are compiled at build time (ICU text to icu-minify's arrays), so the browser gets
// next-intl's formatter without an ICU parser: 9 KB less JavaScript on every page, and no parsing at render.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
});

export default withNextIntl(nextConfig);
