-- Rate limits shared by every app process and machine, so a limit holds however many are running.
-- One row per limiter and client (or email address), keyed by an HMAC of the two: the table never holds
-- an IP address or an email address. Unlogged: a count lost in a database crash only resets a window,
-- and skipping the write-ahead log keeps the one upsert per attempt cheap. Rows whose window has ended
-- are deleted by the retention job.
create unlogged table rate_limits (
  key_hash bytea primary key,
  window_ends_at timestamptz not null,
  attempts integer not null check (attempts > 0)
);
create index rate_limits_expiry on rate_limits (window_ends_at);

-- Time-sensitive emails (sign-in links) carry the moment their link expires: one that would arrive
-- expired is not sent, and they are retried every 30 seconds rather than with a growing backoff.
alter table outbox add column expires_at timestamptz;
