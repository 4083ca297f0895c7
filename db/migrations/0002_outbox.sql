-- Every email the portal sends. A row is written in the same transaction as the change that causes the
-- email, so the email is sent if and only if the change commits; the mail worker delivers it.
-- Privacy: the recipient and the bodies exist only while the message is pending. Once it is sent or has
-- finally failed they are set to NULL (the checks below enforce it); the row stays as the record.
create table outbox (
  id bigint generated always as identity primary key,
  recipient text,
  subject text not null,
  text_body text,
  html_body text,
  status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
  attempts int not null default 0 check (attempts >= 0),
  next_attempt_at timestamptz not null default now(),
  -- The SMTP error code and message only, with any address removed: never personal data.
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  check (status <> 'pending' or (recipient is not null and text_body is not null and html_body is not null)),
  check (status = 'pending' or (recipient is null and text_body is null and html_body is null)),
  check ((status = 'sent') = (sent_at is not null))
);

-- The worker's "next due message" query looks only at pending rows.
create index outbox_due on outbox (next_attempt_at, id) where status = 'pending';
