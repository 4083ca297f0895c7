-- One row per inspection of a local area. The slug is the public address: /s/<slug>.
-- The survey window starts as the timeline's default; inspectors may move it later, within limits.
create table inspections (
  id bigint generated always as identity primary key,
  slug text not null unique
    check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) between 2 and 60),
  local_area_name text not null check (length(btrim(local_area_name)) between 1 and 120),
  kind text not null check (kind in ('revisit', 'full')),
  day1 date not null,
  survey_opens_at timestamptz not null,
  survey_closes_at timestamptz not null check (survey_opens_at < survey_closes_at),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
