-- The secret key's check value (issue 7): an HMAC-SHA256 of a fixed label under SECRET_KEY / DATA_DIR/secret.key,
-- written at the first start. A later start compares it and refuses another key instead of failing every two-factor
-- sign-in. One row; it belongs to the installation, not to an organisation, so it has no organisation_id and the app
-- role gets no grant (only the start-up check reads it, as the connecting user). It travels with every backup.
create table secret_key_check (
  id boolean primary key default true check (id),
  check_value text not null check (check_value ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null default now()
);
