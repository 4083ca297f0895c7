-- Disclosure control that holds over time and across views (see README, "Results for inspectors").

-- Submitted responses wait here, with no time and nothing that orders them, until at least 10 of a
-- survey's (or, once it has closed, all that are left) are moved into `responses` together, in a random
-- order, with new ids and record keys, in the transaction that deletes them from here. So the order of
-- rows in `responses` and their transaction ids say nothing about who sent what when, relative to each
-- other or to named records.
create table pending_responses (
  id uuid primary key default gen_random_uuid(),
  survey_id bigint not null references surveys (id) on delete cascade,
  submitted_on date not null,
  locale text not null,
  channel text,
  late boolean not null default false,
  -- [{"questionId": "41", "choice": "agree", "text": null}, ...]
  answers jsonb not null default '[]' check (jsonb_typeof(answers) = 'array')
);
create index pending_responses_by_survey on pending_responses (survey_id);

-- The cell-key method (ONS, 2021 Census): a random record key per response, given when it is stored. A
-- published count's noise is looked up from the sum of its responses' keys, so the same responses always
-- give the same number. Existing rows get theirs now.
alter table responses
  add column record_key integer not null default floor(random() * 2147483648)::integer check (record_key >= 0);

-- The results snapshot in which a response was first published (null: not yet). Results only ever show
-- whole snapshots, each at least RESULTS_MIN_ANSWERS responses larger than the one before.
alter table responses add column snapshot integer;
create index responses_unpublished on responses (survey_id) where snapshot is null;

create table results_snapshots (
  survey_id bigint not null references surveys (id) on delete cascade,
  number integer not null check (number >= 1),
  responses integer not null check (responses >= 0),
  published_at timestamptz not null default now(),
  primary key (survey_id, number)
);

-- Taking a name off the setting-names list would show it again in comments others have read: such a
-- removal waits here, the name still redacted, until an inspector of the inspection confirms it.
create table setting_name_removals (
  inspection_id bigint not null,
  name text not null,
  requested_by bigint references staff_users (id) on delete set null,
  primary key (inspection_id, name),
  foreign key (inspection_id, name) references setting_names (inspection_id, name) on delete cascade
);
