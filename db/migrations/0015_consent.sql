-- Consent and contact for the children and young people selected for tracking. Three kinds of data, kept
-- apart on purpose: the cases and their decision records (kept: they prove consent was obtained, and hold
-- no name, email address or phone number), the contact details and preferences (deleted by retention a
-- set time after the inspection), and the links sent to families (only a hash of each is stored).

-- A tracked child or young person, by the local area's own case reference (never a name). `decides` says
-- whose decision it is: the parent or carer, the young person (past compulsory school age the right to
-- decide is theirs), or both. No cascade from inspections: a case with decision records must outlive
-- any attempt to delete its inspection.
create table consent_cases (
  id bigint generated always as identity primary key,
  inspection_id bigint not null references inspections (id),
  reference text not null check (length(btrim(reference)) between 1 and 40),
  decides text not null check (decides in ('parent', 'young-person', 'both')),
  created_by bigint references staff_users (id) on delete set null,
  created_on date not null default (now() at time zone 'Europe/London')::date,
  -- Inspectors' own marker: a call with this family is planned (the board warns if consent then goes).
  call_planned_at timestamptz,
  call_planned_by bigint references staff_users (id) on delete set null,
  unique (inspection_id, reference)
);

-- How to reach each person who decides: deleted by the retention job, with nothing else depending on it.
create table consent_contacts (
  case_id bigint not null references consent_cases (id) on delete cascade,
  party text not null check (party in ('parent', 'young-person')),
  name text not null check (length(btrim(name)) between 1 and 120),
  -- Only a first name, for letters ("about Sam"); on the first person's row (the parent's, if asked).
  child_first_name text check (length(child_first_name) <= 60),
  email text check (length(email) <= 254),
  phone text check (length(phone) <= 40),
  language text not null,
  primary key (case_id, party)
);

-- What the family told us about being contacted: the latest answers of each person, deleted by retention.
-- `note` is the "anything else" box, for inspectors only (never the local area).
create table consent_preferences (
  case_id bigint not null references consent_cases (id) on delete cascade,
  party text not null check (party in ('parent', 'young-person')),
  contact_way text check (contact_way in ('phone', 'video', 'either')),
  best_times text check (length(best_times) <= 200),
  interpreter text check (length(interpreter) <= 60),
  bsl boolean not null default false,
  access_needs text check (length(access_needs) <= 500),
  note text check (length(note) <= 1000),
  primary key (case_id, party)
);

-- The links sent by email or letter (/consent/TOKEN): only the token's hash is kept. A new link for the
-- same person replaces the old one. Valid until the inspection ends (worked out from its timeline).
create table consent_requests (
  id bigint generated always as identity primary key,
  case_id bigint not null references consent_cases (id) on delete cascade,
  party text not null check (party in ('parent', 'young-person')),
  token_hash bytea not null unique,
  created_at timestamptz not null default now(),
  created_by bigint references staff_users (id) on delete set null,
  emailed boolean not null default false,
  replaced_at timestamptz
);
create index consent_requests_by_case on consent_requests (case_id, party);

-- Every version of every consent text ever shown, exactly as rendered (canonical JSON), with its SHA-256.
-- A version is added the first time a page renders a text not seen before.
create table consent_texts (
  id bigint generated always as identity primary key,
  kind text not null check (kind in ('parent', 'young-person', 'parent-withdrawal', 'young-person-withdrawal')),
  language text not null,
  version integer not null check (version >= 1),
  sha256 bytea not null unique check (length(sha256) = 32),
  body text not null,
  first_shown_at timestamptz not null default now(),
  unique (kind, language, version),
  unique (id, version, sha256)
);

-- One row per decision, never changed: the current state is the latest row per case and person. Fields
-- follow the Kantara Initiative's Consent Receipt Specification v1.1 (see README): receipt id, timestamp,
-- collection method, language, the principal (case and capacity), the notice (text, version, hash) and a
-- status per purpose. No name, email address or phone number: those are in consent_contacts.
create table consent_decisions (
  id bigint generated always as identity primary key,
  receipt_id uuid not null unique default gen_random_uuid(),
  case_id bigint not null references consent_cases (id),
  party text not null check (party in ('parent', 'young-person')),
  capacity text not null check (capacity in ('parent', 'carer', 'young-person', 'legal-authority')),
  event text not null check (event in ('decision', 'withdrawal')),
  contact text not null check (contact in ('given', 'refused', 'withdrawn')),
  meet text not null check (meet in ('given', 'refused', 'withdrawn')),
  records text not null check (records in ('given', 'refused', 'withdrawn')),
  quote text not null check (quote in ('given', 'refused', 'withdrawn')),
  language text not null,
  text_id bigint not null,
  text_version integer not null,
  text_sha256 bytea not null,
  method text not null check (method in ('online', 'phone', 'paper')),
  -- The staff member who recorded a phone call or paper form (no foreign key: the record outlives accounts).
  recorded_by bigint,
  recorded_by_email text,
  decided_at timestamptz not null default now(),
  foreign key (text_id, text_version, text_sha256) references consent_texts (id, version, sha256),
  check ((method = 'online') = (recorded_by_email is null))
);
create index consent_decisions_latest on consent_decisions (case_id, party, id desc);

create function refuse_consent_record_change() returns trigger language plpgsql as $$
begin
  raise exception 'consent records are append-only';
end
$$;
create trigger consent_decisions_append_only before update or delete on consent_decisions
  for each row execute function refuse_consent_record_change();
create trigger consent_decisions_no_truncate before truncate on consent_decisions
  for each statement execute function refuse_consent_record_change();
create trigger consent_texts_append_only before update or delete on consent_texts
  for each row execute function refuse_consent_record_change();
create trigger consent_texts_no_truncate before truncate on consent_texts
  for each statement execute function refuse_consent_record_change();

-- "Happy to talk to an inspector": how and in which language they would like to talk, and access needs.
alter table talk_requests
  add column contact_way text check (contact_way in ('phone', 'video', 'email', 'either')),
  add column language text check (length(language) <= 60),
  add column access_needs text check (length(access_needs) <= 500);
