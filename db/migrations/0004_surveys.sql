-- Every change to a survey window, with who made it and why.
create table survey_window_changes (
  id bigint generated always as identity primary key,
  inspection_id bigint not null references inspections (id) on delete cascade,
  changed_by bigint references staff_users (id) on delete set null,
  previous_opens_at timestamptz not null,
  previous_closes_at timestamptz not null,
  opens_at timestamptz not null,
  closes_at timestamptz not null,
  reason text not null check (length(btrim(reason)) between 1 and 1000),
  changed_at timestamptz not null default now()
);
create index survey_window_changes_by_inspection on survey_window_changes (inspection_id, changed_at);

-- One survey per audience per inspection. Status: draft -> in-review (shared with the forum) -> ready.
create table surveys (
  id bigint generated always as identity primary key,
  inspection_id bigint not null references inspections (id) on delete cascade,
  audience text not null check (audience in ('parents', 'young-people', 'practitioners')),
  status text not null default 'draft' check (status in ('draft', 'in-review', 'ready')),
  shared_at timestamptz,
  ready_at timestamptz,
  unique (inspection_id, audience)
);

-- Questions are written by inspectors, so their text lives here with its translations:
-- text and hint are {"en-GB": "...", "pl": "..."}; options are [{"value": "v1", "label": {...}}].
create table questions (
  id bigint generated always as identity primary key,
  survey_id bigint not null references surveys (id) on delete cascade,
  position integer not null,
  kind text not null check (kind in ('scale', 'choice', 'multi', 'text', 'faces', 'about-you')),
  text jsonb not null check (jsonb_typeof(text) = 'object' and text ? 'en-GB'),
  hint jsonb not null default '{}' check (jsonb_typeof(hint) = 'object'),
  options jsonb not null default '[]' check (jsonb_typeof(options) = 'array'),
  focus_area text check (length(focus_area) <= 80),
  character_limit integer check (character_limit between 100 and 5000),
  faces integer check (faces in (3, 5)),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index questions_in_order on questions (survey_id, position);

-- The parent carer forum's comments on the wording of questions, resolved by inspectors.
create table review_comments (
  id bigint generated always as identity primary key,
  question_id bigint not null references questions (id) on delete cascade,
  author_id bigint references staff_users (id) on delete set null,
  body text not null check (length(btrim(body)) between 1 and 2000),
  created_at timestamptz not null default now(),
  resolved_at timestamptz,
  resolved_by bigint references staff_users (id) on delete set null
);
create index review_comments_by_question on review_comments (question_id);
