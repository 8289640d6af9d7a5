import { randomUUID } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import { initialStatuses } from '../../../domain/quickcheck/initial-statuses.ts';
import {
  answerOptions,
  citationsOf,
  QUICK_CHECK_VERSION,
  type QuickCheckAnswer,
  quickCheckAnswers,
  quickCheckLevers,
  quickCheckQuestions,
} from '../../../domain/quickcheck/questions.ts';
import type { QuickCheckAnswerSet } from '../../../domain/quickcheck/quickcheck.schema.ts';
import { type QuickCheckAnswerMap, type QuickCheckResult, scoreQuickCheck } from '../../../domain/quickcheck/scoring.ts';
import type { Tx } from '../../db/connect.ts';
import { quickChecks, requirementStatuses } from '../../db/schema.ts';
import { formatDate, type Locale, t } from '../../i18n/texts.ts';
import { appendAudit } from '../audit/audit.ts';

const both = (key: string) => ({ de: t('de', key), en: t('en', key) });

/** The current question set with its texts in both languages and the sources of each question. */
export function questionSet() {
  return {
    version: QUICK_CHECK_VERSION,
    levers: quickCheckLevers.map((id) => ({ id, title: both(`quickCheck.lever.${id}`) })),
    answers: quickCheckAnswers.map((id) => ({ id, label: both(`quickCheck.answer.${id}`) })),
    questions: quickCheckQuestions.map((q) => ({
      id: q.id,
      lever: q.lever,
      weight: q.weight,
      options: [...answerOptions(q)],
      text: both(`quickCheck.question.${q.id}.text`),
      hint: both(`quickCheck.question.${q.id}.hint`),
      step: both(`quickCheck.question.${q.id}.step`),
      requirementIds: [...q.requirementIds],
      citations: citationsOf(q),
    })),
  };
}

/** The server's score of an answer set, each next step with its text in both languages. Nothing is stored. */
export function scoreWithTexts(answers: QuickCheckAnswerMap) {
  const result = scoreQuickCheck(answers);
  return { ...result, steps: result.steps.map((step) => ({ ...step, text: both(`quickCheck.question.${step.questionId}.step`) })) };
}

/** Who carries the answers over and in which language the notes on the pre-set statuses are written. */
export interface CarryContext {
  organisationId: string;
  userId: string;
  locale: Locale;
  now?: Date;
}

/**
 * Stores a quick-check answer set with a new organisation and pre-sets its catalog (decision 030): the answers are
 * scored again here, whatever the browser showed, and only "in progress" is ever written, each status with a note
 * naming the answers it rests on and an audit entry. Runs in the transaction that creates the organisation, before
 * anyone else can see it, so no status row exists yet.
 */
export async function carryQuickCheck(
  tx: Tx,
  context: CarryContext,
  answerSet: QuickCheckAnswerSet,
): Promise<{ id: string; prefilledRequirementIds: string[] }> {
  const { organisationId, userId, locale } = context;
  const now = context.now ?? new Date();
  const result = scoreQuickCheck(answerSet.answers);
  const statuses = initialStatuses(answerSet.answers);
  const id = randomUUID();
  await tx.insert(quickChecks).values({
    organisationId,
    id,
    questionSetVersion: answerSet.version,
    answers: { ...answerSet.answers },
    result: result as unknown as Record<string, unknown>,
    score: result.score,
    prefilledRequirementIds: statuses.map((s) => s.requirementId),
    carriedAt: now,
    carriedByUserId: userId,
  });
  await appendAudit(tx, {
    organisationId,
    actorUserId: userId,
    action: 'quick_check.carried_over',
    entityType: 'quick_check',
    entityId: id,
    data: { version: answerSet.version, score: result.score, prefilledRequirementIds: statuses.map((s) => s.requirementId) },
  });
  const date = formatDate(locale, now);
  for (const status of statuses) {
    const statusId = randomUUID();
    const questions = status.basis.map((b) => t(locale, `quickCheck.question.${b.questionId}.label`)).join(', ');
    await tx.insert(requirementStatuses).values({
      organisationId,
      id: statusId,
      requirementId: status.requirementId,
      locationId: null,
      status: status.status,
      notes: t(locale, `quickCheck.note.${status.claim}`, { date, questions }),
      updatedAt: now,
      updatedBy: userId,
    });
    await appendAudit(tx, {
      organisationId,
      actorUserId: userId,
      action: 'requirement.status_changed',
      entityType: 'requirement_status',
      entityId: statusId,
      data: {
        requirementId: status.requirementId,
        locationId: null,
        before: { status: 'open', notApplicableReason: null, ownerUserId: null, dueDate: null },
        after: { status: status.status, notApplicableReason: null, ownerUserId: null, dueDate: null },
        source: 'quick_check',
        quickCheckId: id,
        basis: status.basis,
      },
    });
  }
  return { id, prefilledRequirementIds: statuses.map((s) => s.requirementId) };
}

/** What an organisation carried over from the quick check (the newest set), as stored. */
export interface StoredQuickCheck {
  id: string;
  version: string;
  answers: Readonly<Record<string, QuickCheckAnswer>>;
  /** Scored by the server when the answers were carried over. */
  result: QuickCheckResult;
  /** Catalog ids that were set to "in progress" from the answers (they may have changed since). */
  prefilledRequirementIds: string[];
  carriedAt: Date;
  carriedByUserId: string | null;
}

/**
 * The quick-check answers and result an organisation started with, or null when it was created without them. Call it
 * inside the organisation's tenant transaction (withOrganisation / an orgRoute handler): row-level security limits it
 * to that organisation.
 */
export async function quickCheckOf(tx: Tx, organisationId: string): Promise<StoredQuickCheck | null> {
  const [row] = await tx.select().from(quickChecks).where(eq(quickChecks.organisationId, organisationId)).orderBy(desc(quickChecks.carriedAt)).limit(1);
  if (!row) return null;
  return {
    id: row.id,
    version: row.questionSetVersion,
    answers: row.answers as Record<string, QuickCheckAnswer>,
    result: row.result as unknown as QuickCheckResult,
    prefilledRequirementIds: row.prefilledRequirementIds,
    carriedAt: row.carriedAt,
    carriedByUserId: row.carriedByUserId,
  };
}
