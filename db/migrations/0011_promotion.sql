-- Promotion: links staff create for each place they share the survey ("PCF Facebook", "GP surgery
-- poster"). The label is for staff only and never leaves the staff pages; the code on the link is random,
-- never made from the label, and one code stands for a place, not a person. The default channels
-- (forum, school, ...) have no label: their names are translated.
alter table channels
  add column label text check (label is null or length(btrim(label)) between 2 and 60),
  add column created_at timestamptz not null default now();

-- For a re-visit: how many parents and carers answered at the previous inspection, if someone enters it,
-- so live reach can be read against it.
alter table inspections
  add column previous_response_total integer check (previous_response_total between 0 and 1000000);

-- The reach emails to the forum and the local area (survey open, halfway, a day before the close), each
-- recorded once per inspection in the transaction that queues it, so several app processes running the
-- same periodic job never send one twice. `sent` is false for a kind that was skipped because a later
-- one was already due (the app was down), so it is never sent late.
create table promotion_emails (
  inspection_id bigint not null references inspections (id) on delete cascade,
  kind text not null check (kind in ('opened', 'halfway', 'closing')),
  sent boolean not null,
  recorded_at timestamptz not null default now(),
  primary key (inspection_id, kind)
);
