// Node module hook: outside Next.js's bundler, the "server-only" marker package would throw on import.
// Processes that run lib/ code directly (worker, launcher, web's fast path) are server code by nature.
const empty = new URL("../../node_modules/server-only/empty.js", import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") return { url: empty, shortCircuit: true };
  return nextResolve(specifier, context);
}
