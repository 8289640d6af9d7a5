import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TableBlock } from '../../../../domain/documents/document-model.ts';
import { formatDate } from '../../../i18n/texts.ts';
import { type Agent, eachEngine, runFirstSetup, startTestApp, type TestApp } from '../../../test/test-app.ts';
import { build, expectComplete, locales, renderBoth } from './builders.fixtures.ts';
import { buildRiskRegister } from './risk-register.ts';

const tables = (blocks: { kind: string }[]) => blocks.filter((b): b is TableBlock => b.kind === 'table');

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`the risk register as a document on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let orgId: string;
    const url = (path = '') => `/api/v1/organisations/${orgId}/risks${path}`;

    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
      const risks = [
        { title: 'Verlust eines Notebooks', owner: 'Praxisleitung', likelihood: 2, impact: 2 },
        { title: 'Phishing-Mail mit Schadsoftware', owner: 'IT-Service Nord GmbH', likelihood: 4, impact: 3, residualLikelihood: 2, residualImpact: 2 },
        { title: 'Ausfall des TI-Konnektors', owner: 'Dr. Weber', likelihood: 3, impact: 4, treatment: 'accept' },
        { title: 'Ransomware verschlüsselt den PVS-Server', owner: 'Dr. Weber', likelihood: 4, impact: 5, residualLikelihood: 3, residualImpact: 4 },
      ];
      for (const risk of risks) expect((await admin.request('POST', url(), risk)).statusCode).toBe(201);
      const list = (await admin.request('GET', url('?limit=50'))).json().items as { id: string; title: string; revision: number }[];
      const konnektor = list.find((r) => r.title === 'Ausfall des TI-Konnektors')!;
      expect((await admin.request('POST', url(`/${konnektor.id}/acceptance`), { revision: konnektor.revision })).statusCode).toBe(200);
      const labels = {
        likelihood: ['kaum', 'selten', 'gelegentlich', 'häufig', 'ständig'],
        impact: ['harmlos', 'ärgerlich', 'spürbar', 'schwer', 'existenzbedrohend'],
      };
      expect((await admin.request('PUT', url('/matrix-labels?locale=de'), { labels, revision: 0 })).statusCode).toBe(200);
    });
    afterAll(async () => t?.close());

    it.each(locales)('lists every risk, highest current rating first, with management decisions against the line (%s)', async (locale) => {
      const built = await build(t, orgId, buildRiskRegister, locale);
      const rendered = await renderBoth(built, locale);
      const de = locale === 'de';
      const today = formatDate(locale, new Date());
      expectComplete(rendered, [
        de ? 'Risikoregister' : 'Risk register',
        '§ 38',
        'Ransomware verschlüsselt den',
        '4 × 5 = 20',
        '3 × 4 = 12',
        'Dr. Weber',
        de ? `Akzeptiert am ${today} durch Anna Admin` : `Accepted on ${today} by Anna Admin`,
        de ? 'Offen: über der Akzeptanzlinie' : 'Open: above the acceptance line',
        de ? 'Nicht nötig: unter der Akzeptanzlinie' : 'Not needed: below the acceptance line',
        de ? 'Noch nicht bewertet' : 'Not rated yet',
        // The organisation's own labels of the matrix, not the defaults.
        '5 ständig',
        '5 existenzbedrohend',
        '1 kaum',
      ]);
      const [heatMap, register] = tables(built.blocks);
      // Current score first, then the number (as the register's list and export sort): both 12s, then both 4s.
      expect(register!.rows.map((row) => row[0])).toEqual(['R-3', 'R-4', 'R-1', 'R-2']);
      // Current rating 3 × 4 holds the ransomware risk (after measures) and the connector (not rated after measures):
      // likelihood 3 is the third row from the top, which starts at 5.
      expect(heatMap!.rows[2]).toEqual(['3 gelegentlich', '0', '0', '0', '2', '0']);
      expect(built.blocks).toContainEqual({
        kind: 'fields',
        rows: expect.arrayContaining([
          { label: de ? 'Erfasste Risiken' : 'Risks recorded', value: '4' },
          { label: de ? 'Über der Akzeptanzlinie' : 'Above the acceptance line', value: '2' },
          { label: de ? 'Davon ohne Entscheidung der Geschäftsleitung' : 'Of these without a decision of management', value: '1' },
        ]),
      });
    });
  });
}
