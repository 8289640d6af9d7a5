import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TableBlock } from '../../../../domain/documents/document-model.ts';
import { type Agent, createOrganisationWithAdmin, eachEngine, runFirstSetup, startTestApp, type TestApp } from '../../../test/test-app.ts';
import { buildAssetRegister } from './asset-register.ts';
import { BATCH_SIZE } from './builder-kit.ts';
import { build, expectComplete, locales, renderBoth } from './builders.fixtures.ts';

const tables = (blocks: { kind: string }[]) => blocks.filter((b): b is TableBlock => b.kind === 'table');

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`the asset register as a document on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let orgId: string;

    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
      const locations = (await admin.request('GET', `/api/v1/organisations/${orgId}/locations`)).json() as { id: string; name: string }[];
      const main = locations.find((l) => l.name === 'Hauptstandort')!.id;
      const north = locations.find((l) => l.name === 'Filiale Nord')!.id;
      const assets = [
        { name: 'Zentrale Firewall', kind: 'network', locationId: main, owner: 'IT-Service Nord GmbH', inventoryNumber: 'INV-004' },
        {
          name: 'Empfang PC 1',
          kind: 'workstation',
          locationId: main,
          owner: 'Praxisleitung',
          inventoryNumber: 'INV-001',
          manufacturer: 'Dell',
          model: 'OptiPlex 7010',
          supportEndsOn: '2020-01-14',
          protectionNeed: 'high',
        },
        { name: 'PVS-Server', kind: 'server', locationId: main, inventoryNumber: 'INV-002', adminMfa: false, protectionNeed: 'very_high' },
        { name: 'Ärzte-PC', kind: 'workstation', locationId: main, inventoryNumber: 'INV-003' },
        { name: 'Notebook Hausbesuche', kind: 'laptop', locationId: north, encryptedAtRest: false, inventoryNumber: 'INV-010' },
        { name: 'KIM-Postfach', kind: 'kim' },
      ];
      for (const asset of assets) {
        const res = await admin.request('POST', `/api/v1/organisations/${orgId}/assets`, asset);
        expect(res.statusCode, res.body).toBe(201);
      }
    });
    afterAll(async () => t?.close());

    it.each(locales)('lists every asset by location in German order, with warnings and the summary, in PDF and Word (%s)', async (locale) => {
      const built = await build(t, orgId, buildAssetRegister, locale);
      const rendered = await renderBoth(built, locale);
      expectComplete(rendered, [
        locale === 'de' ? 'Verzeichnis der Geräte und Dienste' : 'Register of devices and services',
        '§ 30',
        'Hauptstandort (4)',
        'Filiale Nord (1)',
        'Empfang PC 1',
        'Dell OptiPlex 7010',
        'INV-001',
        'Praxisleitung',
        'IT-Service Nord GmbH',
        'KIM-Postfach',
        locale === 'de' ? 'Kein Herstellersupport mehr' : 'Vendor support ended',
        locale === 'de' ? 'Admin-Zugang ohne Zwei-Faktor' : 'Admin login without two-factor',
        locale === 'de' ? 'Ohne Standort (1)' : 'No location (1)',
        locale === 'de' ? '14.01.2020' : '14 Jan 2020',
        locale === 'de' ? 'KBV Anlage 1 Nr. 16' : 'KBV Annex 1 No. 16',
      ]);
      const main = tables(built.blocks).find((table) => table.rows.some((row) => row[1]!.startsWith('PVS-Server')))!;
      // Ä sorts with A (DIN 5007), not after Z as a byte order would put it.
      expect(main.rows.map((row) => row[1]!.split('\n')[0])).toEqual(['Ärzte-PC', 'Empfang PC 1', 'PVS-Server', 'Zentrale Firewall']);
      expect(built.blocks).toContainEqual({
        kind: 'fields',
        rows: expect.arrayContaining([
          { label: expect.any(String), value: '6' },
          { label: expect.any(String), value: '2' },
        ]),
      });
    });

    it('reads a register larger than one batch completely, once each, and only its own organisation', async () => {
      const other = await createOrganisationWithAdmin(t, 'MVZ Groß', 'admin@mvz-gross.example');
      const count = BATCH_SIZE * 2 + 7;
      await t.ctx.db.execute(sql`
        insert into assets (organisation_id, id, name, kind, inventory_number)
        select ${other.organisationId}::uuid, gen_random_uuid(), 'Gerät ' || n, 'workstation', 'G-' || n from generate_series(1, ${count}) n`);
      const built = await build(t, other.organisationId, buildAssetRegister, 'de');
      const rows = tables(built.blocks).flatMap((table) => (table.columns.length === 7 ? table.rows : []));
      expect(rows).toHaveLength(count);
      expect(new Set(rows.map((row) => row[0])).size).toBe(count);
      // Numbers by value: Gerät 2 before Gerät 10.
      expect(rows.slice(0, 3).map((row) => row[1])).toEqual(['Gerät 1', 'Gerät 2', 'Gerät 3']);
      const mine = await build(t, orgId, buildAssetRegister, 'de');
      expect(JSON.stringify(mine.blocks)).not.toContain('Gerät 1');
    });
  });
}
