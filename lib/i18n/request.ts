import { getRequestConfig } from "next-intl/server";
import { loadMessages } from "./catalog";
import { requestPreferences } from "./server";

// next-intl reads this once per request (React cache) for Server Components, actions and the client provider,
// which passes the locale and the zone on to Client Components: server and browser print the same text.
export default getRequestConfig(async () => {
  const { locale, timeZone } = await requestPreferences();
  return { locale, timeZone, messages: await loadMessages(locale) };
});
