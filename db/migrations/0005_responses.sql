-- Where respondents worried about a child's safety should go instead (the local area's children's
-- services front door), set per inspection and shown on the survey's start and free-text pages.
alter table inspections add column safeguarding_contact text check (length(safeguarding_contact) <= 500);

-- The channels a survey link may be shared through (?src=CODE). Only these codes are ever stored.
create table channels (
  inspection_id bigint not null references inspections (id) on delete cascade,
  code text not null check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(code) <= 30),
  primary key (inspection_id, code)
);
insert into channels (inspection_id, code)
select id, code from inspections, unnest(array['forum', 'school', 'council', 'health', 'social-media']) as code;

-- Answers in progress, found by the hash of a random id kept in the respondent's cookie. A draft is
-- deleted when it is submitted, and when its survey has closed and the grace period has passed.
create table survey_drafts (
  id_hash bytea primary key,
  survey_id bigint not null references surveys (id) on delete cascade,
  answers jsonb not null default '{}' check (jsonb_typeof(answers) = 'object'),
  channel text,
  started_at timestamptz not null default now(),
  expires_at timestamptz not null,
  resume_hash bytea unique
);
create index survey_drafts_expiry on survey_drafts (expires_at);

-- Submitted responses, anonymous by construction: a random id (so the order of rows reveals nothing),
-- the date without the time, the language, a known channel and whether it came in the grace period.
-- No name, address, IP address, user agent or time of day, and no link to any other table of people.
create table responses (
  id uuid primary key default gen_random_uuid(),
  survey_id bigint not null references surveys (id) on delete cascade,
  submitted_on date not null,
  locale text not null,
  channel text,
  late boolean not null default false
);
create index responses_by_survey on responses (survey_id);

-- One row per answer; a "choose any" question has a row per choice. Questions with answers cannot be
-- deleted (no cascade): an answer must always mean what it meant when given.
create table answers (
  response_id uuid not null references responses (id) on delete cascade,
  question_id bigint not null references questions (id),
  choice text,
  text text,
  check ((choice is null) <> (text is null))
);
create index answers_by_question on answers (question_id, choice);
create index answers_by_response on answers (response_id);

-- "I'm happy to talk to an inspector": contact details kept apart from responses, with nothing that
-- could link the two (no shared id, the date only), for deletion after the inspection.
create table talk_requests (
  id uuid primary key default gen_random_uuid(),
  inspection_id bigint not null references inspections (id) on delete cascade,
  name text not null check (length(btrim(name)) between 1 and 120),
  email text check (length(email) <= 254),
  phone text check (length(phone) <= 40),
  note text check (length(note) <= 1000),
  requested_on date not null,
  check (email is not null or phone is not null)
);
create index talk_requests_by_inspection on talk_requests (inspection_id);
