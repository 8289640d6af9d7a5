-- Mail delivery and scheduled jobs are retried with growing pauses and then marked failed, visible in the outbox
-- (docs/decisions/017-texts-jobs-mail.md).
alter table outbox_mails add column attempts integer not null default 0;
alter table outbox_mails add column next_attempt_at timestamptz;
alter table outbox_mails add column failed_at timestamptz;
drop index outbox_mails_pending;
create index outbox_mails_pending on outbox_mails (created_at) where delivery = 'smtp' and sent_at is null and failed_at is null;

alter table jobs add column failed_at timestamptz;
drop index jobs_due;
create index jobs_due on jobs (run_at) where done_at is null and failed_at is null;

-- Mails go out in the recipient's language: the app role may read it, next to name and address.
grant select (locale) on users to praxisschild_app;
