-- Accounts people can rely on (issue 7): throttled sign-in per (address, client), password reset by mail link,
-- one-time recovery codes, and the instance's public URL. All of this belongs to global accounts, not to one
-- organisation, so these tables carry no organisation_id and the app role gets no grant on them (requests that use
-- them run as the connecting user, like users and sessions).

-- Failed sign-ins per e-mail address and client address. A progressive delay applies to that pair only, so a
-- stranger's failures never lock the owner out from her own computer. Rows exist for unknown addresses too.
create table login_throttles (
  email text not null,
  client text not null,
  failures integer not null default 0 check (failures >= 0),
  last_failure_at timestamptz not null default now(),
  blocked_until timestamptz,
  primary key (email, client)
);
create index login_throttles_age on login_throttles (last_failure_at);

-- Password reset links: the token is stored only as its SHA-256, valid for a limited time, usable once.
create table password_resets (
  token_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
create index password_resets_user on password_resets (user_id);

-- Recovery codes: ten per account, stored as keyed hashes (HMAC with the instance's secret key), each usable once
-- instead of the authenticator code.
create table recovery_codes (
  user_id uuid not null references users (id) on delete cascade,
  code_hash text not null,
  created_at timestamptz not null default now(),
  used_at timestamptz,
  primary key (user_id, code_hash)
);

-- One row: settings of this installation. The PUBLIC_URL environment variable, when set, wins over public_url.
create table instance_settings (
  id boolean primary key default true check (id),
  public_url text check (public_url ~ '^https?://[^[:space:]]+$' and public_url !~ '/$'),
  updated_at timestamptz not null default now()
);
-- Invitation links are built inside organisation transactions; the URL is no secret.
grant select on instance_settings to praxisschild_app;

-- Mails may carry an HTML part next to the text (password reset); the outbox still shows the text.
alter table outbox_mails add column body_html text;
