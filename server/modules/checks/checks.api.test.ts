import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eachEngine, startTestApp, type TestApp } from '../../test/test-app.ts';

const example = {
  sector: 'healthcare_provider',
  kritisOperator: false,
  staffAwu: 67.5,
  annualTurnoverEur: 8_000_000,
  balanceSheetTotalEur: 4_000_000,
  partnerEnterprises: [{ holdingPercent: 30, staffAwu: 100, annualTurnoverEur: 20_000_000, balanceSheetTotalEur: 15_000_000 }],
  linkedEnterprises: [{ staffAwu: 3000, annualTurnoverEur: 400_000_000, balanceSheetTotalEur: 350_000_000 }],
  independentOfGroup: false,
};

const paths = (body: { issues?: { path: (string | number)[] }[] }) => (body.issues ?? []).map((i) => i.path.join('.'));

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`public checks on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(engine);
    });
    afterAll(async () => t?.close());

    const post = (url: string, payload: unknown, remoteAddress = '127.0.0.1') =>
      t.app.inject({ method: 'POST', url, payload: payload as object, remoteAddress });

    // § 28 BSIG with Recommendation 2003/361/EC: 67.5 + 30 % × 100 + 3000 = 3097.5 AWU ≥ 250.
    it('classifies the worked example without a login as particularly important', async () => {
      const res = await post('/api/v1/checks/nis2', example);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.category).toBe('particularly_important');
      expect(body.aggregated).toEqual({ staffAwu: 3097.5, annualTurnoverEur: 414_000_000, balanceSheetTotalEur: 358_500_000 });
      expect(body.maxFineEur).toBe(10_000_000);
      expect(body.reasons.map((r: { code: string }) => r.code)).toEqual(
        expect.arrayContaining(['nis2.partner_enterprises_added', 'nis2.linked_enterprises_added', 'nis2.staff_threshold_particularly_important']),
      );
      expect(body.legalBasis).toContainEqual({ citation: '§ 28 Abs. 1 Nr. 4 BSIG', url: 'https://www.gesetze-im-internet.de/bsig_2025/__28.html' });
      expect(res.headers['set-cookie']).toBeUndefined();
    });

    it('ignores the group when the practice is independent of it (§ 28(4) sentence 2 BSIG)', async () => {
      const res = await post('/api/v1/checks/nis2', { ...example, independentOfGroup: true });
      expect(res.json()).toMatchObject({ category: 'important', aggregated: { staffAwu: 67.5 }, maxFineEur: 7_000_000 });
    });

    it('accepts staff as heads: 60 + 15 × 0.5 = 67.5 AWU, apprentices not counted', async () => {
      const { staffAwu: _omitted, partnerEnterprises: _p, linkedEnterprises: _l, ...rest } = example;
      const res = await post('/api/v1/checks/nis2', {
        ...rest,
        staff: { fullTimeHeads: 60, partTimeHeads: 15, partTimeFraction: 0.5, apprentices: 6 },
      });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.category).toBe('important');
      expect(body.aggregated.staffAwu).toBe(67.5);
      expect(body.reasons.find((r: { code: string }) => r.code === 'nis2.staff_from_heads').params).toMatchObject({ staffAwu: 67.5, apprentices: 6 });
    });

    it('answers a small practice with not_affected and the lists left out', async () => {
      const res = await post('/api/v1/checks/nis2', {
        sector: 'healthcare_provider',
        kritisOperator: false,
        staffAwu: 49.9,
        annualTurnoverEur: 3_000_000,
        balanceSheetTotalEur: 2_000_000,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ category: 'not_affected', maxFineEur: null, aggregated: { staffAwu: 49.9 } });
      expect(res.json().warnings.map((w: { code: string }) => w.code)).toContain('nis2.near_threshold');
    });

    it('names every invalid field of the NIS2 check', async () => {
      const res = await post('/api/v1/checks/nis2', {
        sector: 'hospital_pharmacy',
        kritisOperator: 'no',
        staffAwu: -1,
        annualTurnoverEur: '12',
        partnerEnterprises: [
          { holdingPercent: 120, staffAwu: 10, annualTurnoverEur: 1, balanceSheetTotalEur: 1 },
          { holdingPercent: -1, staffAwu: 10, annualTurnoverEur: 1, balanceSheetTotalEur: 1 },
        ],
        linkedEnterprises: [{ holdingPercent: 140, staffAwu: 10, annualTurnoverEur: 1, balanceSheetTotalEur: 1 }],
      });
      expect(res.statusCode).toBe(400);
      const body = res.json();
      expect(body.code).toBe('validation_failed');
      expect(paths(body)).toEqual(
        expect.arrayContaining([
          'sector',
          'kritisOperator',
          'staffAwu',
          'annualTurnoverEur',
          'balanceSheetTotalEur',
          'partnerEnterprises.0.holdingPercent',
          'partnerEnterprises.1.holdingPercent',
          'linkedEnterprises.0.holdingPercent',
        ]),
      );
    });

    // Recommendation 2003/361/EC, Annex Art. 3: below 25 % no partner, 50 % no majority. Accepted and explained.
    it.each([
      [
        'a 10 % shareholder as partner',
        { partnerEnterprises: [{ holdingPercent: 10, staffAwu: 500, annualTurnoverEur: 1, balanceSheetTotalEur: 1 }] },
        40,
        'nis2.holding_below_partner_share',
      ],
      [
        'a 50 % holding entered as linked',
        { linkedEnterprises: [{ holdingPercent: 50, staffAwu: 500, annualTurnoverEur: 1, balanceSheetTotalEur: 1 }] },
        290,
        'nis2.linked_without_majority',
      ],
    ])('accepts %s and explains how it counts', async (_label, lists, staffAwu, code) => {
      const res = await post('/api/v1/checks/nis2', {
        sector: 'healthcare_provider',
        kritisOperator: false,
        staffAwu: 40,
        annualTurnoverEur: 1,
        balanceSheetTotalEur: 1,
        ...lists,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().aggregated.staffAwu).toBe(staffAwu);
      expect(res.json().reasons.map((r: { code: string }) => r.code)).toContain(code);
    });

    it('takes § 28(3) BSIG into account when health care is negligible', async () => {
      const res = await post('/api/v1/checks/nis2', {
        sector: 'healthcare_provider',
        kritisOperator: false,
        healthcareNegligible: true,
        staffAwu: 3000,
        annualTurnoverEur: 900_000_000,
        balanceSheetTotalEur: 800_000_000,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ category: 'not_affected', maxFineEur: null });
      expect(res.json().reasons).toContainEqual(expect.objectContaining({ code: 'nis2.negligible_activity', legalBasis: ['§ 28 Abs. 3 BSIG'] }));
    });

    it.each([
      ['neither staffAwu nor staff', {}],
      ['both staffAwu and staff', { staffAwu: 10, staff: { fullTimeHeads: 10, partTimeHeads: 0, partTimeFraction: 0, apprentices: 0 } }],
    ])('answers 400 naming staffAwu with %s', async (_label, staffFields) => {
      const res = await post('/api/v1/checks/nis2', {
        sector: 'healthcare_provider',
        kritisOperator: false,
        annualTurnoverEur: 1,
        balanceSheetTotalEur: 1,
        ...staffFields,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().issues).toEqual([expect.objectContaining({ path: ['staffAwu'], code: 'staff_awu_or_staff' })]);
    });

    it('names the head-count fields that are wrong', async () => {
      const res = await post('/api/v1/checks/nis2', {
        sector: 'healthcare_provider',
        kritisOperator: false,
        staff: { fullTimeHeads: -2, partTimeHeads: '3', partTimeFraction: 1.5 },
        annualTurnoverEur: 1,
        balanceSheetTotalEur: 1,
      });
      expect(res.statusCode).toBe(400);
      expect(paths(res.json()).sort()).toEqual(['staff.apprentices', 'staff.fullTimeHeads', 'staff.partTimeFraction', 'staff.partTimeHeads']);
    });

    // KBV guideline (§ 390 SGB V): 12 persons = medium (Anlagen 1, 2, 5) plus Anlage 4 for major medical devices.
    it('sizes the example practice for the KBV guideline without a login', async () => {
      const res = await post('/api/v1/checks/kbv', {
        personsHandlingData: 12,
        significantScaleProcessing: false,
        majorMedicalDevices: true,
        contractPractice: true,
      });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ guidelineApplies: true, size: 'medium', annexes: [1, 2, 4, 5] });
      expect(body.reasons.length).toBeGreaterThan(0);
      expect(body.legalBasis.map((s: { citation: string }) => s.citation)).toContain('§ 390 SGB V');
    });

    it('offers the annexes as best practice to a practice outside contract care', async () => {
      const res = await post('/api/v1/checks/kbv', {
        personsHandlingData: 3,
        significantScaleProcessing: true,
        majorMedicalDevices: false,
        contractPractice: false,
      });
      expect(res.json()).toMatchObject({ guidelineApplies: false, size: 'large', annexes: [1, 2, 3, 5] });
    });

    it('names every invalid field of the KBV check', async () => {
      const res = await post('/api/v1/checks/kbv', { personsHandlingData: '12', majorMedicalDevices: 1 });
      expect(res.statusCode).toBe(400);
      expect(paths(res.json()).sort()).toEqual(['contractPractice', 'majorMedicalDevices', 'personsHandlingData', 'significantScaleProcessing']);
      const negative = await post('/api/v1/checks/kbv', {
        personsHandlingData: -4,
        significantScaleProcessing: false,
        majorMedicalDevices: false,
        contractPractice: true,
      });
      expect(paths(negative.json())).toEqual(['personsHandlingData']);
    });

    it('limits each client to 60 checks a minute', async () => {
      const payload = { personsHandlingData: 4, significantScaleProcessing: false, majorMedicalDevices: false, contractPractice: true };
      const statuses: number[] = [];
      for (let i = 0; i < 61; i++) statuses.push((await post('/api/v1/checks/kbv', payload, '10.9.9.9')).statusCode);
      expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true);
      const limited = await post('/api/v1/checks/kbv', payload, '10.9.9.9');
      expect(limited.statusCode).toBe(429);
      expect(limited.json().code).toBe('rate_limited');
      expect((await post('/api/v1/checks/kbv', payload, '10.9.9.10')).statusCode).toBe(200);
    });

    const incident = {
      awareAt: '2026-01-15T10:00:00+01:00',
      entityCategory: 'important',
      significantIncident: true,
      personalDataBreach: true,
      gdprRisk: 'high',
      encryptedWithUncompromisedKeys: false,
    };

    // § 32 BSIG, Art. 33 and 34 GDPR: 24 h and 72 h after awareness; final report a calendar month after submission.
    it('answers the reporting deadlines of a significant incident with a breach, without a login', async () => {
      const res = await post('/api/v1/checks/reporting-deadlines', {
        ...incident,
        notificationSubmittedAt: '2026-01-17T09:00:00Z',
        handlingCompletedAt: '2026-01-30T16:00:00+01:00',
      });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.bsig).toEqual({
        earlyWarningDue: '2026-01-16T10:00:00.000+01:00',
        notificationDue: '2026-01-18T10:00:00.000+01:00',
        progressReportDue: null,
        progressReportDueDate: null,
        progressReportProvisional: false,
        finalReportDue: '2026-02-17T23:59:59.999+01:00',
        finalReportDueDate: '2026-02-17',
        finalReportProvisional: false,
        finalReportAnchor: 'notification_submitted',
      });
      expect(body.gdpr).toEqual({ art33Required: true, art33Due: '2026-01-18T10:00:00.000+01:00', art34Required: true, documentationRequired: true });
      expect(body.explanations.map((e: { code: string }) => e.code)).toEqual(
        expect.arrayContaining(['incident.early_warning_due', 'incident.final_report_due', 'gdpr.art33_due', 'gdpr.art34_required']),
      );
      expect(body.legalBasis).toContainEqual({ citation: '§ 32 Abs. 1 Nr. 2 BSIG', url: 'https://www.gesetze-im-internet.de/bsig_2025/__32.html' });
      expect(res.headers['set-cookie']).toBeUndefined();
    });

    it('counts 72 elapsed hours across the spring clock change and renders Berlin time whatever the input offset', async () => {
      for (const awareAt of ['2026-03-28T12:00:00+01:00', '2026-03-28T11:00:00Z', '2026-03-28T16:30:00+05:30']) {
        const res = await post('/api/v1/checks/reporting-deadlines', { ...incident, awareAt });
        expect(res.statusCode, awareAt).toBe(200);
        expect(res.json().bsig).toMatchObject({ earlyWarningDue: '2026-03-29T13:00:00.000+02:00', notificationDue: '2026-03-31T13:00:00.000+02:00' });
      }
    });

    it('gives a provisional progress date and no final date while the incident is still being handled (§ 32(2) BSIG)', async () => {
      const res = await post('/api/v1/checks/reporting-deadlines', { ...incident, awareAt: '2026-01-28T12:00:00+01:00', handlingOngoing: true });
      expect(res.json().bsig).toMatchObject({
        progressReportDue: '2026-02-28T23:59:59.999+01:00',
        progressReportDueDate: '2026-02-28',
        finalReportDue: null,
        finalReportDueDate: null,
        finalReportProvisional: true,
        finalReportAnchor: 'handling_ongoing',
      });
    });

    it('answers the final report one month after the notification when nothing is said about the handling', async () => {
      const res = await post('/api/v1/checks/reporting-deadlines', {
        ...incident,
        awareAt: '2026-01-28T12:00:00+01:00',
        notificationSubmittedAt: '2026-01-31T09:00:00+01:00',
      });
      // Submitted 31 January: February has no 31st, so the month ends with its last day (§ 188 Abs. 3 BGB).
      expect(res.json().bsig).toMatchObject({
        progressReportDue: null,
        finalReportDue: '2026-02-28T23:59:59.999+01:00',
        finalReportDueDate: '2026-02-28',
        finalReportProvisional: false,
      });
    });

    it('has no BSIG clock for an entity outside NIS2 and no GDPR duties without a breach', async () => {
      const outside = await post('/api/v1/checks/reporting-deadlines', { ...incident, entityCategory: 'not_affected', gdprRisk: 'unlikely' });
      expect(outside.json()).toMatchObject({ bsig: null, gdpr: { art33Required: false, art33Due: null, art34Required: false, documentationRequired: true } });
      const noBreach = await post('/api/v1/checks/reporting-deadlines', {
        awareAt: incident.awareAt,
        entityCategory: 'important',
        significantIncident: false,
        personalDataBreach: false,
      });
      expect(noBreach.statusCode).toBe(200);
      expect(noBreach.json()).toMatchObject({ bsig: null, gdpr: null });
    });

    it.each([
      ['awareAt', { awareAt: '2026-01-15T10:00:00' }], // no offset
      ['awareAt', { awareAt: '2026-02-30T10:00:00+01:00' }],
      ['awareAt', { awareAt: 1768467600000 }],
      ['notificationSubmittedAt', { notificationSubmittedAt: '2026-01-15T08:59:59Z' }], // before awareness
      ['handlingCompletedAt', { handlingCompletedAt: '2026-01-14T10:00:00+01:00' }],
      ['handlingCompletedAt', { handlingCompletedAt: '2026-01-20 10:00' }],
      ['entityCategory', { entityCategory: 'essential' }],
      ['significantIncident', { significantIncident: 'yes' }],
      ['gdprRisk', { gdprRisk: undefined }],
      ['encryptedWithUncompromisedKeys', { encryptedWithUncompromisedKeys: 'false' }],
    ])('answers 400 naming %s', async (field, change) => {
      const res = await post('/api/v1/checks/reporting-deadlines', { ...incident, ...change });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('validation_failed');
      expect(paths(res.json())).toEqual([field]);
    });

    it('names every missing field of the reporting-deadline check at once', async () => {
      const res = await post('/api/v1/checks/reporting-deadlines', { notificationSubmittedAt: '2026-01-15T10:00:00' });
      expect(res.statusCode).toBe(400);
      expect(paths(res.json()).sort()).toEqual(['awareAt', 'entityCategory', 'notificationSubmittedAt', 'personalDataBreach', 'significantIncident']);
      expect(res.json().issues).toContainEqual(expect.objectContaining({ path: ['notificationSubmittedAt'], code: 'datetime_with_offset' }));
    });

    // § 33 BSIG with §§ 187, 188 BGB.
    it.each([
      ['2025-12-06', '2026-03-06'],
      ['2025-11-30', '2026-02-28'],
    ])('registration for an entity qualifying since %s is due on %s', async (qualifiesSince, registrationDueDate) => {
      const res = await post('/api/v1/checks/registration-deadline', { qualifiesSince });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ registrationDueDate });
      expect(res.json().legalBasis.map((s: { citation: string }) => s.citation)).toContain('§ 33 Abs. 1 BSIG');
    });

    it.each([
      [{}],
      [{ qualifiesSince: '2026-02-30' }],
      [{ qualifiesSince: '06.12.2025' }],
      [{ qualifiesSince: 20251206 }],
      [{ qualifiesSince: '2025-12-06T00:00:00+01:00' }],
    ])('answers 400 naming qualifiesSince for %o', async (payload) => {
      const res = await post('/api/v1/checks/registration-deadline', payload);
      expect(res.statusCode).toBe(400);
      expect(paths(res.json())).toEqual(['qualifiesSince']);
    });

    it('limits the deadline checks like the others', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 61; i++)
        statuses.push((await post('/api/v1/checks/registration-deadline', { qualifiesSince: '2025-12-06' }, '10.9.9.20')).statusCode);
      expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true);
      expect(statuses[60]).toBe(429);
    });

    it('documents every check with request and response schemas in the OpenAPI document', async () => {
      const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
      for (const [path, field, reasonsField] of [
        ['/api/v1/checks/nis2', 'partnerEnterprises', 'reasons'],
        ['/api/v1/checks/kbv', 'personsHandlingData', 'reasons'],
        ['/api/v1/checks/reporting-deadlines', 'notificationSubmittedAt', 'explanations'],
        ['/api/v1/checks/registration-deadline', 'qualifiesSince', 'explanations'],
      ] as const) {
        const operation = doc.paths[path]?.post;
        expect(operation, path).toBeDefined();
        expect(operation.security ?? []).toEqual([]);
        const requestSchema = JSON.stringify(operation.requestBody.content['application/json'].schema);
        expect(requestSchema).toContain(field);
        const responseSchema = JSON.stringify(operation.responses['200'].content['application/json'].schema);
        expect(responseSchema).toContain(reasonsField);
        expect(responseSchema).toContain('legalBasis');
      }
      expect(JSON.stringify(doc.paths['/api/v1/checks/nis2'].post.responses['200'])).toContain('maxFineEur');
      const deadlines = JSON.stringify(doc.paths['/api/v1/checks/reporting-deadlines'].post.responses['200']);
      for (const name of [
        'earlyWarningDue',
        'notificationDue',
        'progressReportDue',
        'finalReportDue',
        'finalReportDueDate',
        'finalReportProvisional',
        'art33Due',
        'art34Required',
        'documentationRequired',
      ]) {
        expect(deadlines).toContain(name);
      }
      expect(JSON.stringify(doc.paths['/api/v1/checks/registration-deadline'].post.responses['200'])).toContain('registrationDueDate');
    });
  });
}
