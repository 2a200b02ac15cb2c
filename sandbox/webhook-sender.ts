// The sandbox's outgoing webhooks: signed like Meta's, sent after a delay, some twice (duplicateRate),
// retried with back-off while the receiver does not answer 200, a bounded number at once.
import { Agent, request } from "undici";
import { signBody } from "@/lib/webhooks/signature";
import type { SandboxConfig } from "./config";
import { chance } from "./random";

const RETRY_DELAYS_MS = [1000, 3000, 10_000, 30_000, 60_000];

export class WebhookSender {
  private readonly agent = new Agent({ keepAliveTimeout: 30_000, connections: 128 });
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  private scheduled = 0;
  private counter = 0;
  readonly stats = { delivered: 0, duplicates: 0, retries: 0, gaveUp: 0 };

  constructor(private readonly config: () => SandboxConfig) {}

  /** Sends `body` after `afterMs`; with the configured chance, once more a little later. */
  schedule(body: unknown, afterMs: number): void {
    const config = this.config();
    if (!config.webhooks || !config.webhookUrl) return;
    const raw = JSON.stringify(body);
    const n = this.counter++;
    this.later(() => this.deliver(raw, 0), afterMs);
    if (chance(config.seed, `dup:${n}`) < config.duplicateRate) {
      this.stats.duplicates++;
      this.later(
        () => this.deliver(raw, 0),
        afterMs + 200 + chance(config.seed, `dupdelay:${n}`) * 3000 * config.timeScale,
      );
    }
  }

  /** Webhooks not yet answered with 200 (scheduled or in flight). */
  get pending(): number {
    return this.scheduled;
  }

  close(): Promise<void> {
    return this.agent.close();
  }

  private later(task: () => Promise<void>, afterMs: number) {
    this.scheduled++;
    setTimeout(() => void task().finally(() => this.scheduled--), Math.max(0, afterMs));
  }

  private async slot(): Promise<() => void> {
    if (this.inFlight >= this.config().webhookConcurrency) await new Promise<void>((r) => this.waiting.push(r));
    this.inFlight++;
    return () => {
      this.inFlight--;
      this.waiting.shift()?.();
    };
  }

  private async deliver(raw: string, attempt: number): Promise<void> {
    const config = this.config();
    const release = await this.slot();
    let ok = false;
    try {
      const response = await request(config.webhookUrl, {
        method: "POST",
        dispatcher: this.agent,
        headers: { "content-type": "application/json", "x-hub-signature-256": signBody(raw, config.appSecret) },
        body: raw,
        headersTimeout: 10_000,
        bodyTimeout: 10_000,
      });
      await response.body.dump();
      ok = response.statusCode === 200;
    } catch {
      ok = false;
    } finally {
      release();
    }
    if (ok) {
      this.stats.delivered++;
      return;
    }
    const wait = RETRY_DELAYS_MS[attempt];
    if (wait === undefined) {
      this.stats.gaveUp++;
      return;
    }
    this.stats.retries++;
    await new Promise((r) => setTimeout(r, wait));
    await this.deliver(raw, attempt + 1);
  }
}
