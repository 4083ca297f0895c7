import { readiness } from "~/http/health.server";

/** Readiness, for load balancers: 200 only while the database answers and every migration is applied. */
export async function loader() {
  const state = await readiness();
  return new Response(state.ready ? "ok" : state.reason, {
    status: state.ready ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
