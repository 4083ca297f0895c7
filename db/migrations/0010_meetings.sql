-- Open meetings: set up per inspection by its LANO or inspectors. Times are instants (UTC); people see
-- them as London wall-clock times. `places_taken` counts the places held by confirmed bookings and open
-- offers; the check below makes overbooking impossible whatever the application does.
create table meetings (
  id bigint generated always as identity primary key,
  inspection_id bigint not null references inspections (id) on delete cascade,
  title text not null check (length(btrim(title)) between 1 and 120),
  focus text not null check (length(btrim(focus)) between 1 and 1000),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  format text not null check (format in ('in-person', 'online', 'both')),
  venue text check (length(venue) <= 500),
  venue_access text[] not null default '{}'
    check (venue_access <@ array['step-free', 'hearing-loop', 'parking', 'quiet-room', 'toilets']),
  access_notes text check (length(access_notes) <= 1000),
  -- Sent only to people with a place, never shown on the public page.
  joining_instructions text check (length(joining_instructions) <= 2000),
  capacity integer not null check (capacity between 1 and 1000),
  places_taken integer not null default 0,
  signup_closes_at timestamptz not null,
  cancelled_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (starts_at < ends_at),
  check (signup_closes_at <= starts_at),
  check (places_taken between 0 and capacity),
  check (format = 'online' or venue is not null),
  check (format = 'in-person' or joining_instructions is not null)
);
create index meetings_by_inspection on meetings (inspection_id, starts_at);

-- Who signed up, kept apart from survey responses (nothing in common with them) and deleted a set time
-- after the meeting (app/meetings/retention.server.ts). One booking per email address per meeting:
-- signing up again changes the booking. A cancelled or declined booking is deleted at once.
create table meeting_bookings (
  id uuid primary key default gen_random_uuid(),
  meeting_id bigint not null references meetings (id) on delete cascade,
  -- The order people joined in, for the waiting list (assigned while the meeting's row is locked).
  queue_seq bigint generated always as identity,
  name text not null check (length(btrim(name)) between 1 and 120),
  email text not null check (length(email) <= 254 and email ~ '^[^@\s]+@[^@\s]+$'),
  phone text check (length(phone) <= 40),
  places integer not null check (places between 1 and 3),
  needs text[] not null default '{}'
    check (needs <@ array['bsl', 'interpreter', 'wheelchair', 'hearing-loop', 'large-print', 'quiet-space', 'other']),
  interpreter_language text check (length(interpreter_language) <= 60),
  other_need text check (length(other_need) <= 500),
  -- The language they signed up in: every email to them is written in it.
  locale text not null,
  status text not null check (status in ('confirmed', 'offered', 'waiting')),
  offer_expires_at timestamptz,
  attended boolean not null default false,
  -- The calendar invitation's SEQUENCE: goes up with every new version sent (changes, cancellation).
  ics_sequence integer not null default 0,
  reminded_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status = 'offered') = (offer_expires_at is not null)),
  check (('interpreter' = any (needs)) = (interpreter_language is not null)),
  check (('other' = any (needs)) = (other_need is not null))
);
create unique index meeting_bookings_one_per_email on meeting_bookings (meeting_id, lower(email));
create index meeting_bookings_queue on meeting_bookings (meeting_id, status, queue_seq);
create index meeting_bookings_offers on meeting_bookings (offer_expires_at) where status = 'offered';

-- Single-use links in emails: cancel a booking, or answer an offer of a place. Only a hash of the
-- token is stored. A used link keeps what it did (and loses its booking), so a second click can say so.
create table meeting_links (
  token_hash bytea primary key,
  meeting_id bigint not null references meetings (id) on delete cascade,
  booking_id uuid references meeting_bookings (id) on delete set null,
  purpose text not null check (purpose in ('cancel', 'offer')),
  expires_at timestamptz not null,
  used_at timestamptz,
  outcome text check (outcome in ('cancelled', 'accepted', 'declined')),
  check ((used_at is null) = (outcome is null))
);
create index meeting_links_by_booking on meeting_links (booking_id);
create index meeting_links_by_meeting on meeting_links (meeting_id);

-- Calendar invitations travel with their email: the .ics text and its METHOD (repeated in the MIME
-- Content-Type, as calendar programs require). Like the bodies, the .ics is removed once sent.
alter table outbox
  add column ics text,
  add column ics_method text check (ics_method in ('REQUEST', 'CANCEL')),
  add check (ics is null or ics_method is not null),
  add check (status = 'pending' or ics is null);
