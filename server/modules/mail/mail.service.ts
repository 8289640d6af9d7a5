import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import { queryRows, type Db, type Tx } from '../../db/connect.ts';
import { outboxMails } from '../../db/schema.ts';

export interface MailInput {
  organisationId: string;
  to: string;
  subject: string;
  text: string;
  /** Optional HTML part, sent next to the text (multipart/alternative). */
  html?: string;
  kind: string;
}

export interface Mailer {
  /** True when SMTP_URL is set; otherwise every mail stays in the in-app outbox. */
  readonly usesSmtp: boolean;
  /** Records the mail inside the caller's transaction; delivery happens after commit (deliverPending). */
  queue(tx: Tx, mail: MailInput): Promise<string>;
  /** Sends what is queued for SMTP and not yet sent. Safe to call any time; failures stay queued with the error. */
  deliverPending(db: Db): Promise<number>;
  close(): void;
}

export function createMailer(smtpUrl: string | null, from: string): Mailer {
  const transport: Transporter | null = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
  let running: Promise<number> | null = null;

  async function deliver(db: Db): Promise<number> {
    if (!transport) return 0;
    // Claim a batch (skip what another process holds; retry a claim older than ten minutes).
    const pending = await queryRows<{ organisation_id: string; id: string; recipient: string; subject: string; body_text: string; body_html: string | null }>(
      db,
      sql`update outbox_mails set claimed_at = now()
          where (organisation_id, id) in (
            select organisation_id, id from outbox_mails
            where delivery = 'smtp' and sent_at is null
              and (claimed_at is null or claimed_at < now() - interval '10 minutes')
            order by created_at, id limit 50
            for update skip locked)
          returning organisation_id, id, recipient, subject, body_text, body_html`,
    );
    let sent = 0;
    for (const mail of pending) {
      const where = and(eq(outboxMails.organisationId, mail.organisation_id), eq(outboxMails.id, mail.id));
      try {
        await transport.sendMail({ from, to: mail.recipient, subject: mail.subject, text: mail.body_text, ...(mail.body_html ? { html: mail.body_html } : {}) });
        await db.update(outboxMails).set({ sentAt: new Date(), error: null }).where(where);
        sent++;
      } catch (error) {
        await db.update(outboxMails).set({ error: String((error as Error).message).slice(0, 500) }).where(where);
      }
    }
    return sent;
  }

  return {
    usesSmtp: transport !== null,
    async queue(tx, mail) {
      const id = randomUUID();
      await tx.insert(outboxMails).values({
        organisationId: mail.organisationId,
        id,
        recipient: mail.to,
        subject: mail.subject,
        bodyText: mail.text,
        bodyHtml: mail.html ?? null,
        kind: mail.kind,
        delivery: transport ? 'smtp' : 'outbox',
      });
      return id;
    },
    async deliverPending(db) {
      // One delivery run at a time, so a mail is never sent twice by this process.
      while (running) await running.catch(() => 0);
      running = deliver(db);
      try {
        return await running;
      } finally {
        running = null;
      }
    },
    close() {
      transport?.close();
    },
  };
}
