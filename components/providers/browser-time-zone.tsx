"use client";
import { useTimeZone } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { BROWSER_TIME_ZONE_COOKIE } from "@/lib/i18n/config";

/**
 * Tells the server the browser's time zone (a cookie lib/i18n/request.ts reads), so that times rendered on
 * the server are in the viewer's zone when they saved none. The first page of a visit is redrawn once when
 * the zone it used differs from the browser's.
 */
export function BrowserTimeZone() {
  const router = useRouter();
  const used = useTimeZone();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const cookie = `${BROWSER_TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}`;
    if (document.cookie.split("; ").includes(cookie)) return;
    document.cookie = `${cookie}; path=/; max-age=31536000; samesite=lax`;
    if (used !== zone) router.refresh();
  }, [router, used]);
  return null;
}
