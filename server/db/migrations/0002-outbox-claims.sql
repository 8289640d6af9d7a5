-- Mail delivery claims a batch first, so two app processes on one PostgreSQL server never send the same mail twice.
alter table outbox_mails add column claimed_at timestamptz;
create index outbox_mails_pending on outbox_mails (created_at) where delivery = 'smtp' and sent_at is null;
