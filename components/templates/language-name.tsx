import { codeHelps } from "@/lib/templates/languages";
import { useLanguageName } from "./use-language-name";

/**
 * A template language by name in the reader's language; its code ("en_US") follows, small, only when another
 * of `among` is the same language ("en" and "en_US"), where the names alone may read alike.
 */
export function LanguageName({ code, among = [] }: { code: string; among?: readonly string[] }) {
  const languageName = useLanguageName();
  return (
    <>
      {languageName(code)}
      {codeHelps(among, code) && <span className="ml-1 font-mono text-xs text-muted">{code}</span>}
    </>
  );
}
