import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditAnchorSchema } from '../../../domain/audit/audit-anchor.ts';
import { queryRows } from '../../db/connect.ts';
import { type Agent, createOrganisationWithAdmin, eachEngine, runFirstSetup, startTestApp, type TestApp } from '../../test/test-app.ts';

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`the audit anchor route on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let other: Agent;
    let orgId: string;
    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
      ({ agent: other } = await createOrganisationWithAdmin(t, 'Praxis B', 'admin@praxis-b.example'));
    });
    afterAll(async () => t?.close());

    const url = () => `/api/v1/organisations/${orgId}/audit/anchor`;

    it('gives management the head of its own trail, in the format verify-audit --anchor reads', async () => {
      const res = await admin.request('GET', url());
      expect(res.statusCode).toBe(200);
      const anchor = auditAnchorSchema.parse(res.json());
      const [head] = await queryRows<{ seq: number; hash: string; n: number; at: string }>(
        t.ctx.db,
        sql`select h.seq::int as seq, h.hash, (select count(*)::int from audit_events e where e.organisation_id = h.organisation_id) as n,
                   (select e.at from audit_events e where e.organisation_id = h.organisation_id and e.seq = h.seq) as at
            from audit_heads h where h.organisation_id = ${orgId}`,
      );
      expect(anchor.organisations).toEqual([
        {
          organisationId: orgId,
          organisationName: 'Praxis A',
          entries: head!.n,
          seq: head!.seq,
          hash: head!.hash,
          lastEntryAt: new Date(head!.at).toISOString(),
        },
      ]);
      expect(head!.n).toBeGreaterThan(0);
    });

    it('moves on with every new entry', async () => {
      const before = auditAnchorSchema.parse((await admin.request('GET', url())).json()).organisations[0]!;
      expect((await admin.request('POST', `/api/v1/organisations/${orgId}/locations`, { name: 'Filiale Süd' })).statusCode).toBe(201);
      const after = auditAnchorSchema.parse((await admin.request('GET', url())).json()).organisations[0]!;
      expect(after.seq).toBe(before.seq + 1);
      expect(after.entries).toBe(before.entries + 1);
      expect(after.hash).not.toBe(before.hash);
    });

    it('is shown to the auditor, refused to staff, and another organisation answers 404', async () => {
      await t.ctx.db.execute(sql`insert into memberships (organisation_id, user_id, role, is_admin) values (${orgId}, ${other.userId}, 'staff', false)`);
      expect((await other.request('GET', url())).statusCode).toBe(403);
      await t.ctx.db.execute(sql`update memberships set role = 'auditor' where organisation_id = ${orgId} and user_id = ${other.userId}`);
      expect((await other.request('GET', url())).statusCode).toBe(200);
      await t.ctx.db.execute(sql`delete from memberships where organisation_id = ${orgId} and user_id = ${other.userId}`);
      expect((await other.request('GET', url())).statusCode).toBe(404);
    });
  });
}
