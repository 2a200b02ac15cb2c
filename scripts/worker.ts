// `npm run worker`: one worker process. Stops cleanly on SIGINT/SIGTERM after the job in hand.
import { disconnectDb } from "@/lib/db/client";
import { runWorker } from "@/lib/jobs/worker";

const controller = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => controller.abort());

runWorker(controller.signal)
  .then(() => disconnectDb())
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
