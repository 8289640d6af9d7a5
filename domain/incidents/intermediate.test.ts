import { describe, expect, it } from 'vitest';
import { computeReportingDeadlines, nextDeadline } from './deadlines.ts';
import { escalationChecklist } from './escalation.ts';
import { recordIntermediateRequestSchema, setEscalationTickSchema } from './incident.schema.ts';
import { type IntermediateRequest, intermediateDueDates, openIntermediateRequests } from './intermediate.ts';
import { buildReportDraft } from './report-draft.ts';

const now = new Date('2026-01-20T09:00:00Z');
const request = (id: string, requestedAt: string, dueAt: string | null, submittedAt: string | null = null): IntermediateRequest => ({
  id,
  requestedAt,
  dueAt,
  submittedAt,
});

// § 32 Abs. 1 Nr. 3 BSIG: "auf Ersuchen des Bundesamtes eine Zwischenmeldung über relevante Statusaktualisierungen" —
// owed only on the BSI's request, by the date the request sets (reference: nis2-bsig.json, incident_reporting.stages,
// stage "on request").
describe('intermediate report on the BSI’s request (§ 32 Abs. 1 Nr. 3 BSIG)', () => {
  it.each<[string, IntermediateRequest[], { id: string; isOverdue: boolean }[]]>([
    ['no request: nothing is owed', [], []],
    ['a dated request waits for its report', [request('a', '2026-01-19T10:00:00+01:00', '2026-01-22T12:00:00+01:00')], [{ id: 'a', isOverdue: false }]],
    ['a dated request past its date is overdue', [request('a', '2026-01-17T10:00:00+01:00', '2026-01-19T12:00:00+01:00')], [{ id: 'a', isOverdue: true }]],
    [
      'an undated request is open but never overdue (without undue delay, no countdown)',
      [request('a', '2026-01-10T10:00:00+01:00', null)],
      [{ id: 'a', isOverdue: false }],
    ],
    ['an answered request is closed', [request('a', '2026-01-19T10:00:00+01:00', '2026-01-22T12:00:00+01:00', '2026-01-21T08:00:00+01:00')], []],
    [
      'dated requests by their date, then undated ones by arrival',
      [
        request('undated-late', '2026-01-19T10:00:00+01:00', null),
        request('later', '2026-01-18T10:00:00+01:00', '2026-01-25T12:00:00+01:00'),
        request('undated-early', '2026-01-18T09:00:00+01:00', null),
        request('earlier', '2026-01-19T11:00:00+01:00', '2026-01-21T12:00:00+01:00'),
      ],
      [
        { id: 'earlier', isOverdue: false },
        { id: 'later', isOverdue: false },
        { id: 'undated-early', isOverdue: false },
        { id: 'undated-late', isOverdue: false },
      ],
    ],
  ])('%s', (_label, requests, expected) => {
    expect(openIntermediateRequests(requests, now).map(({ id, isOverdue }) => ({ id, isOverdue }))).toEqual(expected);
  });

  const clocks = computeReportingDeadlines({
    awareAt: '2026-01-15T10:00:00+01:00',
    entityCategory: 'important',
    significantIncident: true,
    notificationSubmittedAt: '2026-01-16T09:00:00+01:00',
    handlingOngoing: true,
    personalDataBreach: false,
    encryptedWithUncompromisedKeys: false,
  });
  const sent = { earlyWarningAt: '2026-01-15T18:00:00+01:00', notificationAt: '2026-01-16T09:00:00+01:00' };

  it.each<[string, IntermediateRequest[], string | null]>([
    ['without a request the progress report is next (§ 32 Abs. 2 BSIG)', [], 'progress_report'],
    ['a request dated before the progress report comes first', [request('a', '2026-01-19T10:00:00+01:00', '2026-01-23T12:00:00+01:00')], 'intermediate_report'],
    ['an undated request does not push the dated reports aside', [request('a', '2026-01-19T10:00:00+01:00', null)], 'progress_report'],
    [
      'an answered request is no longer next',
      [request('a', '2026-01-19T10:00:00+01:00', '2026-01-23T12:00:00+01:00', '2026-01-20T08:00:00+01:00')],
      'progress_report',
    ],
  ])('next deadline: %s', (_label, requests, kind) => {
    expect(nextDeadline(clocks, sent, now, intermediateDueDates(requests, now))?.kind ?? null).toBe(kind);
  });

  it.each<[string, Record<string, unknown>, string | null]>([
    ['request with the BSI’s date', { requestedAt: '2026-01-19T10:00:00+01:00', dueAt: '2026-01-22T12:00:00+01:00', reference: 'BSI-4711' }, null],
    ['request without a date', { requestedAt: '2026-01-19T10:00:00+01:00' }, null],
    ['date before the request', { requestedAt: '2026-01-19T10:00:00+01:00', dueAt: '2026-01-18T12:00:00+01:00' }, 'dueAt'],
    ['request without its arrival', { dueAt: '2026-01-22T12:00:00+01:00' }, 'requestedAt'],
  ])('input: %s', (_label, input, failingField) => {
    const parsed = recordIntermediateRequestSchema.safeParse(input);
    expect(parsed.success).toBe(failingField === null);
    if (!parsed.success) expect(parsed.error.issues.map((i) => i.path.join('.'))).toContain(failingField);
  });

  it('drafts the intermediate report with the request, the status update and the § 38 approval', () => {
    const draft = buildReportDraft(
      'intermediate_report',
      {
        organisation: { name: 'MVZ Nord GmbH', legalForm: 'mvz_gmbh', category: 'important' },
        reporter: null,
        dataProtectionOfficer: null,
        incident: {
          number: 4,
          title: 'Ransomware',
          description: '',
          noticedAt: new Date('2026-01-15T09:00:00Z'),
          systems: '',
          suspectedOrigin: 'ransomware',
          patientDataInvolved: false,
          locations: [],
          significance: null,
          handlingCompletedAt: null,
        },
        measures: [],
        intermediateRequest: { requestedAt: new Date('2026-01-19T09:00:00Z'), reference: 'BSI-4711' },
        due: '2026-01-22T12:00:00.000+01:00',
        now,
      },
      'de',
    );
    expect(draft.title).toBe('Zwischenmeldung nach § 32 Abs. 1 Nr. 3 BSIG');
    expect(draft.text).toContain('Ersuchen eingegangen am: 19.01.2026, 10:00 Uhr');
    expect(draft.text).toContain('Aktenzeichen des BSI: BSI-4711');
    expect(draft.text).toContain('Stand der Bewältigung: dauert an');
    expect(draft.text).toContain(
      'Von der Geschäftsleitung gebilligt (§ 38 Abs. 1 BSIG: Maßnahmen billigen und ihre Umsetzung überwachen): [ergänzen: Name, Datum]',
    );
    expect(draft.text).toContain('Fällig bis: 22.01.2026, 12:00 Uhr');
  });
});

describe('escalation steps that can be ticked', () => {
  it.each<[string, boolean]>([
    ['itLead', true],
    ['management', true],
    ['dpo', true],
    ['own-0', true],
    ['own-19', true],
    ['own-01', false],
    ['own-100', false],
    ['boss', false],
    ['', false],
  ])('%s → accepted: %s', (step, accepted) => {
    expect(setEscalationTickSchema.safeParse({ step, ticked: true }).success).toBe(accepted);
  });
});

describe('escalation checklist', () => {
  const own = (role: string, name: string) => ({ role, name, phone: '', email: '' });
  it.each<[string, ReturnType<typeof own>[], string[]]>([
    ['no own chain: IT lead, management, DPO', [], ['itLead', 'management', 'dpo']],
    ['only blank rows: the fixed chain', [own('', ''), own(' ', '')], ['itLead', 'management', 'dpo']],
    ['the own chain, blanks skipped, numbered from 0', [own('IT-Dienstleister', 'Nord IT'), own('', ''), own('', 'Dr. Weber')], ['own-0', 'own-1']],
  ])('%s', (_label, entries, steps) => {
    expect(escalationChecklist(entries).map((s) => s.step)).toEqual(steps);
  });
});
