import { createHmac } from "node:crypto";
import { sessionSecret } from "~/auth/secret.server";
import { sql } from "~/db.server";

/**
 * A fixed-window counter per key, kept in PostgreSQL so that a limit holds across every worker and
 * every machine behind the load balancer. One upsert per attempt. The key (a client address, an email
 * address) is stored only as an HMAC with the session secret, so the table says nothing about who
 * asked; rows whose window has ended are removed by the retention job.
 */
export class RateLimiter {
  constructor(
    /** Names the limit, so the same key counts separately under each limiter. */
    private readonly name: string,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /**
   * Counts one attempt for `key`; resolves false once the key has used up its window. (Async, and so
   * not called `attempt` as it once was: a forgotten `await` must not silently allow everything.)
   */
  async allows(key: string): Promise<boolean> {
    const keyHash = createHmac("sha256", sessionSecret).update(`${this.name}\u0000${key}`).digest();
    const [row] = await sql<{ attempts: number }[]>`
      insert into rate_limits as limits (key_hash, window_ends_at, attempts)
      values (${keyHash}, clock_timestamp() + ${this.windowMs}::float8 * interval '1 millisecond', 1)
      on conflict (key_hash) do update set
        attempts = case when limits.window_ends_at <= clock_timestamp() then 1 else limits.attempts + 1 end,
        window_ends_at = case when limits.window_ends_at <= clock_timestamp()
                              then excluded.window_ends_at else limits.window_ends_at end
      returning attempts`;
    return row!.attempts <= this.limit;
  }
}
