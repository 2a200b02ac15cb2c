// `npm run sandbox`: the WhatsApp Cloud API stand-in as its own process (npm start runs it for you in
// the embedded mode). Configuration: SANDBOX_PORT, SANDBOX_ACCESS_TOKEN, SANDBOX_APP_SECRET,
// SANDBOX_WEBHOOK_URL, and SANDBOX_CONFIG (JSON with any field of sandbox/config.ts).
import { createSandbox } from "@/sandbox/server";
import { exitWithLauncher } from "./lib/follow-parent.ts";

exitWithLauncher();

const env = process.env;
if (!env.SANDBOX_ACCESS_TOKEN || !env.SANDBOX_APP_SECRET) {
  console.error(
    "SANDBOX_ACCESS_TOKEN and SANDBOX_APP_SECRET are required (npm start generates them into .data/sandbox.json).",
  );
  process.exit(1);
}
const sandbox = createSandbox({
  ...(env.SANDBOX_CONFIG ? JSON.parse(env.SANDBOX_CONFIG) : {}),
  accessToken: env.SANDBOX_ACCESS_TOKEN,
  appSecret: env.SANDBOX_APP_SECRET,
  webhookUrl: env.SANDBOX_WEBHOOK_URL ?? "",
});
const port = await sandbox.listen(Number(env.SANDBOX_PORT ?? 4010));
console.log(JSON.stringify({ level: "info", message: "sandbox ready", url: `http://127.0.0.1:${port}` }));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void sandbox.close().then(() => process.exit(0)));
}
