/**
 * Liveness, for process supervisors: 200 while this process can answer at all. It does not ask the
 * database: a database outage must not make every app process look dead and be restarted (which
 * would turn a database blip into a full outage). Load balancers ask /readyz instead.
 */
export function loader() {
  return new Response("ok", { headers: { "Cache-Control": "no-store" } });
}
