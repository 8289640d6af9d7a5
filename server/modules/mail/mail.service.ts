import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import { defaultRetryPolicy, nextAttemptAt, type RetryPolicy } from '../../../domain/common/retry.ts';
import { type Db, queryRows, type Tx } from '../../db/connect.ts';
import { outboxMails } from '../../db/schema.ts';
import { safeErrorLog } from '../../http/errors.ts';
import type { RenderedMail } from './templates.ts';

export interface MailInput extends RenderedMail {
  organisationId: string;
  to: string;
  kind: string;
}

/** Where delivery problems are written: the server's log (pino's error and warn). */
export interface MailLog {
  error(details: object, message: string): void;
  warn(details: object, message: string): void;
}

const silentLog: MailLog = { error: () => undefined, warn: () => undefined };

export interface Mailer {
  /** True when SMTP_URL is set; otherwise every mail stays in the in-app outbox. */
  readonly usesSmtp: boolean;
  /** Attempts per mail before it is marked failed. */
  readonly maxAttempts: number;
  /** Records the mail inside the caller's transaction; delivery happens after commit (deliverPending). */
  queue(tx: Tx, mail: MailInput): Promise<string>;
  /**
   * Sends what is queued for SMTP, not yet sent and due (a failed attempt waits, growing each time, then the mail is
   * marked failed). Safe to call any time. Each failure is kept on the mail and logged; the promise rejects only when
   * the database cannot be reached.
   */
  deliverPending(db: Db, now?: Date): Promise<number>;
  /** Starts delivery in the background after a commit; a failure is logged, never dropped silently. */
  deliverSoon(db: Db): void;
  close(): void;
}

export interface MailerOptions {
  log?: MailLog;
  retry?: RetryPolicy;
}

/** A server answer 5xx (mailbox unknown, relaying denied) will not change by waiting: no further attempts. */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

export function createMailer(smtpUrl: string | null, from: string, options: MailerOptions = {}): Mailer {
  const log = options.log ?? silentLog;
  const retry = options.retry ?? defaultRetryPolicy;
  // One pool of SMTP connections, reused for every mail (nodemailer's default is one connection per mail).
  const transport: Transporter | null = smtpUrl ? nodemailer.createTransport({ url: smtpUrl, pool: true, maxConnections: 3 }) : null;
  let running: Promise<number> | null = null;

  async function deliver(db: Db, now: Date): Promise<number> {
    if (!transport) return 0;
    // Claim a batch of due mails (skip what another process holds; retry a claim older than ten minutes).
    const pending = await queryRows<{
      organisation_id: string;
      id: string;
      recipient: string;
      subject: string;
      body_text: string;
      body_html: string | null;
      attempts: number;
    }>(
      db,
      sql`update outbox_mails set claimed_at = ${now}, attempts = attempts + 1
          where (organisation_id, id) in (
            select organisation_id, id from outbox_mails
            where delivery = 'smtp' and sent_at is null and failed_at is null
              and (next_attempt_at is null or next_attempt_at <= ${now})
              and (claimed_at is null or claimed_at < ${new Date(now.getTime() - 10 * 60_000)})
            order by created_at, id limit 50
            for update skip locked)
          returning organisation_id, id, recipient, subject, body_text, body_html, attempts`,
    );
    let sent = 0;
    for (const mail of pending) {
      const where = and(eq(outboxMails.organisationId, mail.organisation_id), eq(outboxMails.id, mail.id));
      try {
        await transport.sendMail({
          from,
          to: mail.recipient,
          subject: mail.subject,
          text: mail.body_text,
          ...(mail.body_html ? { html: mail.body_html } : {}),
        });
        await db.update(outboxMails).set({ sentAt: new Date(), error: null, nextAttemptAt: null, claimedAt: null }).where(where);
        sent++;
      } catch (error) {
        const next = isPermanent(error) ? null : nextAttemptAt(mail.attempts, now, retry);
        await db
          .update(outboxMails)
          .set({ error: String((error as Error).message).slice(0, 500), nextAttemptAt: next, failedAt: next ? null : now, claimedAt: null })
          .where(where);
        const details = { error: safeErrorLog(error), mailId: mail.id, organisationId: mail.organisation_id, attempts: mail.attempts, nextAttemptAt: next };
        if (next) log.warn(details, 'mail delivery failed, will retry');
        else log.error(details, 'mail delivery failed for good');
      }
    }
    return sent;
  }

  const mailer: Mailer = {
    usesSmtp: transport !== null,
    maxAttempts: retry.maxAttempts,
    async queue(tx, mail) {
      const id = randomUUID();
      await tx.insert(outboxMails).values({
        organisationId: mail.organisationId,
        id,
        recipient: mail.to,
        subject: mail.subject,
        bodyText: mail.text,
        bodyHtml: mail.html,
        kind: mail.kind,
        delivery: transport ? 'smtp' : 'outbox',
      });
      return id;
    },
    async deliverPending(db, now = new Date()) {
      // One delivery run at a time, so a mail is never sent twice by this process.
      while (running) await running.catch(() => 0);
      running = deliver(db, now);
      try {
        return await running;
      } finally {
        running = null;
      }
    },
    deliverSoon(db) {
      if (!transport) return;
      mailer.deliverPending(db).catch((error: unknown) => log.error({ error: safeErrorLog(error) }, 'mail delivery run failed'));
    },
    close() {
      transport?.close();
    },
  };
  return mailer;
}
