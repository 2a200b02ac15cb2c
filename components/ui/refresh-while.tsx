"use client";
import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";

/** The server render of one page, as a query, so that TanStack Query's clock can drive its refresh. */
const pageKeys = { refresh: (pathname: string) => ["page", pathname, "refresh"] as const };

/**
 * Re-renders the page every few seconds while something on it is still changing (a template in review, a
 * campaign sending). Its clock is TanStack Query's `refetchInterval`, the one polling mechanism of the app
 * (paused while the tab is hidden, like every other poll): the "query" is the server render itself.
 */
export function RefreshWhile({ active }: { active: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  useQuery({
    queryKey: pageKeys.refresh(pathname),
    queryFn: () => {
      router.refresh();
      return Date.now();
    },
    enabled: active,
    // The page was just rendered: the first refresh is one interval away, not on mount or focus.
    initialData: () => Date.now(),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    refetchInterval: 3000,
  });
  return null;
}
