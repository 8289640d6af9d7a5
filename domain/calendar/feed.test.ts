import { describe, expect, it } from 'vitest';
import type { Role } from '../auth/roles.ts';
import { buildFeedEvents, feedEventKinds, feedKinds, isEndOfBerlinDay, managementTrainingDueOn, personalFeedKinds } from './feed.ts';

const ORG = '11111111-1111-4111-8111-111111111111';

describe('which deadlines a personal feed carries', () => {
  // Own tasks, own training and own § 38 training always; the rest by the permission table (domain/auth/permissions.ts).
  it.each([
    // The escalation chain answers for the § 32 BSIG / Art. 33 DSGVO reports; management and the IT lead for § 33 BSIG.
    ['management', false, ['task', 'training_due', 'management_training_due', 'incident_deadline', 'registration_due', 'c5_expiry']],
    ['it_lead', false, ['task', 'training_due', 'management_training_due', 'incident_deadline', 'registration_due', 'c5_expiry']],
    // The DPO handles incidents and keeps the registers, but does not register the practice with the BSI.
    ['data_protection_officer', false, ['task', 'training_due', 'management_training_due', 'incident_deadline', 'c5_expiry']],
    ['staff', false, ['task', 'training_due', 'management_training_due']],
    // An administrator among the staff passes the role lists, as on the routes.
    ['staff', true, ['task', 'training_due', 'management_training_due', 'incident_deadline', 'registration_due', 'c5_expiry']],
    // The auditor reads; a personal feed carries no duty of theirs.
    ['auditor', true, ['task', 'training_due', 'management_training_due']],
  ] as [Role, boolean, string[]][])('%s (admin %s): %j', (role, isAdmin, kinds) => {
    expect([...personalFeedKinds({ role, isAdmin })].sort()).toEqual([...kinds].sort());
  });

  it('gives the organisation feed every kind', () => {
    expect([...feedKinds('organisation', { role: 'staff', isAdmin: false })].sort()).toEqual([...feedEventKinds].sort());
  });
});

describe('feed events', () => {
  it('makes one event per date, each with a stable uid and a link to act', () => {
    const events = buildFeedEvents(ORG, {
      tasks: [{ id: 't1', title: 'Backup prüfen', dueOn: '2026-12-10', ownerName: 'Anna' }],
      incidents: [
        {
          id: 'i1',
          number: 3,
          title: 'Phishing',
          deadlines: [
            // § 32 Abs. 1 Nr. 1 BSIG: 24 elapsed hours, a moment.
            { report: 'early_warning', due: '2026-12-08T10:00:00.000+01:00' },
            // § 32 Abs. 1 Nr. 4 BSIG with § 188 BGB: to the end of a day, an all-day event.
            { report: 'final_report', due: '2027-01-10T23:59:59.999+01:00' },
          ],
        },
      ],
      registration: { dueDate: '2026-03-06' },
      suppliers: [{ id: 's1', name: 'Cloud-PVS', c5ValidUntil: '2027-02-28' }],
      training: [{ courseId: 'c1', title: 'Phishing erkennen', dueOn: '2027-03-02', people: 4 }],
      directors: [{ personId: 'p1', name: 'Dr. Muster', lastTrainingOn: '2026-01-31' }],
    });
    expect(events.map((e) => [e.kind, e.day, e.at, e.path])).toEqual([
      ['registration_due', '2026-03-06', null, 'registration'],
      ['incident_deadline', null, '2026-12-08T10:00:00.000+01:00', 'incidents/i1'],
      ['task', '2026-12-10', null, 'tasks/t1'],
      ['incident_deadline', '2027-01-10', null, 'incidents/i1'],
      // § 38 Abs. 3 BSIG: twelve calendar months after 31 January is the last day of the next January.
      ['management_training_due', '2027-01-31', null, 'management/p1'],
      ['c5_expiry', '2027-02-28', null, 'suppliers/s1'],
      ['training_due', '2027-03-02', null, 'training/courses/c1'],
    ]);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    expect(events.every((e) => e.uid.endsWith(`.${ORG}@praxisschild`))).toBe(true);
    expect(events.find((e) => e.kind === 'training_due')?.values).toEqual({ course: 'Phishing erkennen', count: 4 });
  });

  it.each([
    ['2027-01-10T23:59:59.999+01:00', true],
    ['2026-07-10T23:59:59.999+02:00', true],
    ['2027-01-10T22:59:59.999Z', true], // the same moment written in UTC
    ['2026-12-08T10:00:00.000+01:00', false],
    ['2026-12-08T23:59:00.000+01:00', false],
  ])('%s is the end of a Berlin day: %s', (instant, expected) => {
    expect(isEndOfBerlinDay(instant)).toBe(expected);
  });

  it.each([
    ['2026-01-31', '2027-01-31'],
    ['2024-02-29', '2025-02-28'], // a leap day: the next year's February ends on the 28th (§ 188 Abs. 3 BGB)
  ])('a § 38 training on %s lapses on %s', (held, due) => {
    expect(managementTrainingDueOn(held)).toBe(due);
  });
});
