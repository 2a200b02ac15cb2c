// The one way a page's buttons call a server action and show what came back: the buttons wait while it runs
// (`pending`), the status line says `done` (if any) or the action's refusal, and on success `after` runs (a navigation)
// or, without one, the page refreshes to show the new state.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { Outcome } from "@/components/ui/status-message";
import type { ActionResult } from "@/lib/actions/action";

export function useActionRun({ refresh = true }: { refresh?: boolean } = {}) {
  const router = useRouter();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pending, start] = useTransition();
  const run = <T>(act: () => Promise<ActionResult<T>>, done: string | null, after?: (data: T) => void) =>
    start(async () => {
      setOutcome(null);
      const result = await act();
      if (!result.ok) return setOutcome({ ok: false, text: result.error.message });
      if (done) setOutcome({ ok: true, text: done });
      if (after) after(result.data);
      else if (refresh) router.refresh();
    });
  return { run, pending, outcome, setOutcome };
}
