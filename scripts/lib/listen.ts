// Where the web process listens. Loopback unless HOST says otherwise: a demo started on a laptop or a
// shared server must not be reachable from the network with its printed demo passwords. Behind a proxy
// or in a container, set HOST=0.0.0.0 (or the interface's address).

export type ListenAddress = {
  host: string;
  port: number;
  /** where a local health probe reaches it */ probeHost: string;
};

export function webListenAddress(env: Record<string, string | undefined>): ListenAddress {
  const host = env.HOST?.trim() || "127.0.0.1";
  const port = Number(env.PORT ?? 3000);
  // A wildcard address answers on loopback too; a specific one answers only on itself.
  const probeHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  return { host, port, probeHost };
}
