-- Staff who sign in: inspectors, local area nominated officers (LANO), parent carer forum (PCF) members
-- and admins. Email addresses are stored lower-cased so look-ups are exact.
create table staff_users (
  id bigint generated always as identity primary key,
  email text not null unique check (email = lower(email) and email ~ '^[^@\s]+@[^@\s]+$'),
  created_at timestamptz not null default now()
);

-- Global roles have no inspection: `admin` (everything) and `inspector` (may create inspections).
-- Per-inspection roles: `inspector`, `lano`, `pcf`; one role per person per inspection.
create table staff_roles (
  user_id bigint not null references staff_users (id) on delete cascade,
  inspection_id bigint references inspections (id) on delete cascade,
  role text not null check (role in ('admin', 'inspector', 'lano', 'pcf')),
  granted_at timestamptz not null default now(),
  check (inspection_id is not null or role in ('admin', 'inspector')),
  check (inspection_id is null or role <> 'admin')
);
create unique index staff_roles_per_inspection on staff_roles (user_id, inspection_id) where inspection_id is not null;
create unique index staff_roles_global on staff_roles (user_id, role) where inspection_id is null;
create index staff_roles_by_inspection on staff_roles (inspection_id);

-- Single-use sign-in links. Only a hash of the token is stored, so a copy of the database cannot sign in.
create table sign_in_tokens (
  token_hash bytea primary key,
  user_id bigint not null references staff_users (id) on delete cascade,
  expires_at timestamptz not null,
  used_at timestamptz
);

-- Server-side sessions, again stored by hash. Idle and absolute time-outs are checked on every request.
create table staff_sessions (
  id_hash bytea primary key,
  user_id bigint not null references staff_users (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now()
);
create index staff_sessions_by_user on staff_sessions (user_id);
