-- Every view and export of results, and every redaction (who, what, when). Append-only: the database
-- refuses to change, delete or truncate it, whatever the application asks. No foreign keys, so the
-- record outlives the accounts and inspections it mentions.
create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  staff_user_id bigint,
  staff_email text not null,
  inspection_id bigint,
  action text not null,
  detail jsonb not null default '{}'
);
create index audit_log_by_time on audit_log (at desc);

create function refuse_audit_log_change() returns trigger language plpgsql as $$
begin
  raise exception 'the audit log is append-only';
end
$$;
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function refuse_audit_log_change();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function refuse_audit_log_change();

-- Names of schools and other settings in the area, kept by the local area, redacted from comments.
create table setting_names (
  inspection_id bigint not null references inspections (id) on delete cascade,
  name text not null check (length(btrim(name)) between 2 and 120),
  primary key (inspection_id, name)
);

-- Further phrases inspectors chose to redact from comments.
create table redacted_phrases (
  inspection_id bigint not null references inspections (id) on delete cascade,
  phrase text not null check (length(btrim(phrase)) between 2 and 200),
  added_by bigint references staff_users (id) on delete set null,
  added_at timestamptz not null default now(),
  primary key (inspection_id, phrase)
);
