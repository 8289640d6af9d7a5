import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../../i18n/texts.ts';
import { pdfText } from '../../../test/pdf-text.ts';
import { type Agent, eachEngine, runFirstSetup, startTestApp, type TestApp } from '../../../test/test-app.ts';

/** The five register and report documents through the documents module's routes: the registry wires each builder. */
const kinds = ['asset_register', 'supplier_register', 'risk_register', 'management_report', 'statement_of_applicability'] as const;

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`register and report documents through the routes on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let testApp: TestApp;
    let admin: Agent;
    let orgId: string;
    const url = (path: string) => `/api/v1/organisations/${orgId}/documents${path}`;

    beforeAll(async () => {
      testApp = await startTestApp(engine);
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(testApp.app));
      const asset = await admin.request('POST', `/api/v1/organisations/${orgId}/assets`, { name: 'Empfang PC 1', kind: 'workstation' });
      expect(asset.statusCode).toBe(201);
    });
    afterAll(async () => testApp?.close());

    it.each(kinds)('drafts, issues and downloads %s in German and English', async (kind) => {
      for (const locale of ['de', 'en'] as const) {
        const draft = await admin.request('GET', url(`/${kind}/draft/pdf?locale=${locale}`));
        expect(draft.statusCode, draft.body).toBe(200);
        expect(pdfText(draft.rawPayload)).toContain(t(locale, `documents.kind.${kind}.title`));
      }
      const issued = await admin.request('POST', url(`/${kind}/versions`), { note: 'Stand zum Quartalsende' });
      expect(issued.statusCode, issued.body).toBe(201);
      const version = await admin.request('GET', url(`/${kind}/versions/1/docx?locale=en`));
      expect(version.statusCode).toBe(200);
      expect(version.headers['content-type']).toContain('wordprocessingml');
    });

    it('freezes the register as it stood when the version was issued', async () => {
      expect((await admin.request('POST', `/api/v1/organisations/${orgId}/assets`, { name: 'Neuer Drucker', kind: 'printer' })).statusCode).toBe(201);
      const frozen = pdfText((await admin.request('GET', url('/asset_register/versions/1/pdf?locale=de'))).rawPayload);
      const draft = pdfText((await admin.request('GET', url('/asset_register/draft/pdf?locale=de'))).rawPayload);
      expect(frozen).toContain('Empfang PC 1');
      expect(frozen).not.toContain('Neuer Drucker');
      expect(draft).toContain('Neuer Drucker');
    });
  });
}
