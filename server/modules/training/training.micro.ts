import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/connect.ts';
import { appendAudit } from '../audit/audit.ts';

/**
 * The course every organisation's phishing micro-training is recorded under: the same id in every organisation (the
 * key is organisation and id), created on first use; optional (`mandatory` false), so five minutes after a click do
 * not stand in for the yearly awareness training of § 30 Abs. 2 Satz 2 Nr. 7 BSIG.
 */
export const MICRO_TRAINING_COURSE_ID = '00000000-0000-4000-8000-000000000f15';

export interface MicroTrainingRecord {
  organisationId: string;
  /** One session per phishing campaign: the campaign's id. */
  sessionId: string;
  /** The day of the campaign's start (YYYY-MM-DD). */
  heldOn: string;
  personId: string;
}

/**
 * Records a completed micro-training as the person's own confirmation (method "link") on the campaign's session.
 * Only called in named mode: in anonymous mode a completion is a number on the campaign, never a training record of
 * someone (a record made minutes after a click would name who clicked). Recording twice changes nothing.
 */
export async function recordMicroTraining(tx: Tx, record: MicroTrainingRecord): Promise<boolean> {
  const { organisationId, sessionId, heldOn, personId } = record;
  await tx.execute(sql`insert into training_courses (organisation_id, id, title, topic, description, duration_minutes, recurrence_months, mandatory)
    values (${organisationId}, ${MICRO_TRAINING_COURSE_ID}, 'Phishing-Mikroschulung', 'phishing',
      'Fünf Minuten nach einer Phishing-Übung: woran man die Mail erkennt und was zu tun ist.', 5, 12, false)
    on conflict do nothing`);
  await tx.execute(sql`insert into training_sessions (organisation_id, id, course_id, held_on, notes)
    values (${organisationId}, ${sessionId}, ${MICRO_TRAINING_COURSE_ID}, ${heldOn}::date, 'Phishing-Übung')
    on conflict do nothing`);
  const inserted = await queryRows<{ id: string }>(
    tx,
    sql`insert into training_attendance (organisation_id, id, session_id, person_id, person_role, person_location_id, status, confirmed_at, confirmation_method)
        select p.organisation_id, gen_random_uuid(), ${sessionId}, p.id, p.role, p.location_id, 'confirmed', now(), 'link'
          from people p where p.organisation_id = ${organisationId} and p.id = ${personId}
        on conflict (organisation_id, session_id, person_id) do nothing
        returning id`,
  );
  if (inserted.length === 0) return false;
  await appendAudit(tx, {
    organisationId,
    actorUserId: null,
    action: 'training.attendance_confirmed',
    entityType: 'training_attendance',
    entityId: inserted[0]!.id,
    data: { method: 'link', source: 'phishing_micro_training' },
  });
  return true;
}
