import { sql } from 'drizzle-orm';
import { microTrainingForPage, scoreMicroTraining } from '../../../domain/phishing/micro-training.ts';
import { isTrackingToken, type PhishingEventKind, type PhishingLocale } from '../../../domain/phishing/phishing.schema.ts';
import { phishingTemplates } from '../../../domain/phishing/templates.data.ts';
import type { AppContext } from '../../context.ts';
import { type Db, queryRows } from '../../db/connect.ts';
import { withSystem } from '../../db/tenant.ts';
import { safeErrorLog } from '../../http/errors.ts';
import { recordMicroTraining } from '../training/training.ts';
import { textArray } from './phishing.queries.ts';
import { trackingTokenHash } from './phishing.tokens.ts';

/** What each event sets: its own instant, and what it implies (a click means the mail was opened). */
const eventColumns: Record<PhishingEventKind, { own: string; implies: string[] }> = {
  open: { own: 'opened_at', implies: [] },
  click: { own: 'clicked_at', implies: ['opened_at'] },
  submit: { own: 'submitted_at', implies: ['clicked_at', 'opened_at'] },
  report: { own: 'reported_at', implies: ['opened_at'] },
};

export interface TrackingLog {
  error(details: object, message: string): void;
}

/**
 * The public links write through this queue: events are collected in memory and written every `intervalMs` or when
 * `batch` are waiting, one UPDATE per kind for the whole batch, so a burst of clicks at 08:00 costs a few statements
 * instead of one transaction per click and never holds a request. Bounded: beyond `maxPending` a request waits for the
 * write in progress. Each recipient counts once per kind (the column is set only while it is null), so a replayed
 * link or submission changes nothing. Flushed when the app closes.
 */
export class TrackingQueue {
  private pending = new Map<PhishingEventKind, Set<string>>();
  /**
   * Events already written in this process (by kind; bounded, forgotten wholesale when full): a pixel loaded again
   * each time the mail is opened, a link a scanner follows twice, needs no second write — the column is set once
   * anyway. Unknown tokens are remembered alike, so they cost what known ones cost.
   */
  private written = new Map<PhishingEventKind, Set<string>>();
  private size = 0;
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly log: TrackingLog,
    private readonly options = { intervalMs: 100, batch: 1000, maxPending: 50_000, remember: 200_000 },
  ) {}

  /** Queues an event by the token's hash; resolves at once unless the queue is full. */
  push(kind: PhishingEventKind, tokenHash: string): Promise<void> | undefined {
    if (this.written.get(kind)?.has(tokenHash)) return undefined;
    let set = this.pending.get(kind);
    if (!set) {
      set = new Set();
      this.pending.set(kind, set);
    }
    if (!set.has(tokenHash)) {
      set.add(tokenHash);
      this.size++;
    }
    if (this.size >= this.options.maxPending) return this.flush();
    if (this.size >= this.options.batch) void this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.options.intervalMs);
      this.timer.unref();
    }
    return undefined;
  }

  /** Writes what is waiting (after any write in progress). */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const batch = this.pending;
    if (this.size === 0) return this.writing;
    this.pending = new Map();
    this.size = 0;
    this.writing = this.writing.then(() => this.write(batch));
    return this.writing;
  }

  private async write(batch: Map<PhishingEventKind, Set<string>>) {
    const at = new Date();
    for (const [kind, hashes] of batch) {
      const { own, implies } = eventColumns[kind];
      const sets = [own, ...implies].map((column) => `${column} = coalesce(${column}, $at)`).join(', ');
      try {
        await this.db.execute(
          sql`update phishing_recipients set ${sql.raw(sets.replaceAll('$at', `'${at.toISOString()}'::timestamptz`))}
               where token_hash = any(${textArray([...hashes])}) and ${sql.raw(own)} is null`,
        );
        this.remember(kind, hashes);
      } catch (error) {
        this.log.error({ error: safeErrorLog(error), kind, events: hashes.size }, 'phishing events could not be written');
      }
    }
  }

  private remember(kind: PhishingEventKind, hashes: Set<string>) {
    let done = this.written.get(kind);
    if (!done || done.size + hashes.size > this.options.remember) {
      done = new Set();
      this.written.set(kind, done);
    }
    for (const hash of hashes) done.add(hash);
  }

  async close() {
    await this.flush();
  }
}

const queues = new WeakMap<AppContext, TrackingQueue>();
export function trackingQueue(ctx: AppContext, log: TrackingLog): TrackingQueue {
  let queue = queues.get(ctx);
  if (!queue) {
    queue = new TrackingQueue(ctx.db, log);
    queues.set(ctx, queue);
  }
  return queue;
}

/** Records an event for a token, known or not (an unknown or malformed token records nothing; the answer is the same). */
export function track(queue: TrackingQueue, kind: PhishingEventKind, token: string) {
  if (!isTrackingToken(token)) return undefined;
  return queue.push(kind, trackingTokenHash(token));
}

/** The tokens of our links in a forwarded mail (quoted-printable soft breaks and "=3D" undone first), at most ten. */
export function tokensInForwardedMail(raw: string): string[] {
  const text = raw.replace(/=\r?\n/g, '').replace(/=3D/gi, '=');
  const found = new Set<string>();
  for (const match of text.matchAll(/\/api\/v1\/phishing\/(?:click|open|report)\/([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g)) {
    found.add(match[1]!);
    if (found.size >= 10) break;
  }
  return [...found];
}

interface KnownRecipient {
  templateId: string;
  locale: PhishingLocale;
}

async function recipientOf(db: Db, token: string): Promise<KnownRecipient | undefined> {
  if (!isTrackingToken(token)) return undefined;
  const [row] = await queryRows<KnownRecipient>(
    db,
    sql`select c.template_id as "templateId", c.locale from phishing_recipients r
          join phishing_campaigns c on c.organisation_id = r.organisation_id and c.id = r.campaign_id
         where r.token_hash = ${trackingTokenHash(token)}`,
  );
  return row;
}

/**
 * What the teaching page shows for a token: the clues of the template the campaign used. An unknown or malformed
 * token gets a lesson too — a template chosen by the token's hash, so the answer looks the same as for a known one
 * and tells nobody whether the token exists.
 */
export async function lessonFor(db: Db, token: string, lang: PhishingLocale | undefined) {
  const known = await recipientOf(db, token);
  const template =
    phishingTemplates.find((t) => t.id === known?.templateId) ??
    phishingTemplates[Number.parseInt(trackingTokenHash(token).slice(0, 8), 16) % phishingTemplates.length]!;
  const locale = lang ?? known?.locale ?? 'de';
  const text = template[locale];
  return {
    templateId: template.id,
    locale,
    landing: template.landing,
    title: text.title,
    subject: text.subject.replace(/\{\{\s*[^{}]*\}\}/g, '…'),
    clues: [...text.clues],
    training: microTrainingForPage(locale),
  };
}

/**
 * Scores the micro-training and, when every question was answered, counts the completion once per token: on the
 * campaign as a number; in named mode also as the person's training record. The answer depends on the answers only,
 * never on the token.
 */
export async function completeTraining(ctx: AppContext, token: string, locale: PhishingLocale, answers: readonly { questionId: string; optionId: string }[]) {
  const result = scoreMicroTraining(answers, locale);
  if (result.completed && isTrackingToken(token)) {
    await withSystem(ctx.db, async (tx) => {
      const [hit] = await queryRows<{ organisationId: string; campaignId: string; personId: string | null; mode: string; heldOn: string }>(
        tx,
        sql`with hit as (
              update phishing_recipients set training_completed_at = now()
               where token_hash = ${trackingTokenHash(token)} and training_completed_at is null
              returning organisation_id, campaign_id, person_id)
            update phishing_campaigns c set training_completed = c.training_completed + 1
              from hit where c.organisation_id = hit.organisation_id and c.id = hit.campaign_id
            returning c.organisation_id as "organisationId", c.id as "campaignId", hit.person_id as "personId", c.mode,
                      to_char(c.starts_at at time zone 'Europe/Berlin', 'YYYY-MM-DD') as "heldOn"`,
      );
      if (hit && hit.mode === 'named' && hit.personId) {
        await recordMicroTraining(tx, { organisationId: hit.organisationId, sessionId: hit.campaignId, heldOn: hit.heldOn, personId: hit.personId });
      }
    });
  }
  const { completed: _completed, ...answer } = result;
  return answer;
}
