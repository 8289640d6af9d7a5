import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people } from '../../db/schema.ts';
import { withSystem } from '../../db/tenant.ts';
import { type Agent, eachEngine, runFirstSetup, startTestApp, type TestApp } from '../../test/test-app.ts';

function tokenFromMail(body: string): string {
  const match = body.match(/\/training-confirmation\/([A-Za-z0-9_-]+)/);
  if (!match) throw new Error(`no confirmation link in ${body}`);
  return match[1]!;
}

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`training confirmation links on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let orgId: string;
    let sessionId: string;
    const personIds: string[] = [];
    const url = (path = '') => `/api/v1/organisations/${orgId}/training${path}`;
    const publicUrl = (token: string) => `/api/v1/training-confirmations/${token}`;

    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
      const course = (await admin.request('POST', url('/courses'), { title: 'Passwörter und Zwei-Faktor', topic: 'passwords', durationMinutes: 30 })).json();
      sessionId = (await admin.request('POST', url('/sessions'), { courseId: course.id, heldOn: '2026-11-20' })).json().id;
      const rows = [
        { name: 'Lena Schmidt', email: 'lena.schmidt@praxis-a.example' },
        { name: 'Omar Haddad', email: 'omar@praxis-a.example' },
        { name: 'Ohne Adresse', email: '' },
      ].map((p) => ({ organisationId: orgId, id: randomUUID(), role: 'medical_assistant' as const, ...p }));
      await withSystem(t.ctx.db, (tx) => tx.insert(people).values(rows));
      personIds.push(...rows.map((r) => r.id));
      const set = await admin.request('PUT', url(`/sessions/${sessionId}/attendance`), { attendees: personIds.map((personId) => ({ personId })) });
      expect(set.statusCode, set.body).toBe(200);
    });
    afterAll(async () => t?.close());

    it('mails a one-time link through the outbox; it shows the first name only, confirms once, and the token is not stored', async () => {
      const sent = await admin.request('POST', url(`/sessions/${sessionId}/confirmations`), { personIds });
      expect(sent.statusCode, sent.body).toBe(200);
      expect(sent.json()).toMatchObject({ sent: 2, withoutEmail: [personIds[2]] });

      const outbox = (await admin.request('GET', `/api/v1/organisations/${orgId}/outbox`)).json().items as {
        recipient: string;
        kind: string;
        subject: string;
        bodyText: string;
      }[];
      const mail = outbox.find((m) => m.recipient === 'lena.schmidt@praxis-a.example')!;
      expect(mail).toMatchObject({ kind: 'training_confirmation', subject: 'Bitte bestätigen Sie Ihre Teilnahme: Passwörter und Zwei-Faktor' });
      expect(mail.bodyText).toContain('Guten Tag Lena,');
      const token = tokenFromMail(mail.bodyText);

      // Only the hash is kept.
      const stored = await withSystem(t.ctx.db, (tx) => tx.execute(sql`select token_hash from training_confirmations`));
      const hashes = (stored as unknown as { rows: { token_hash: string }[] }).rows.map((r) => r.token_hash);
      expect(hashes).toHaveLength(2);
      expect(hashes).not.toContain(token);
      const dump = JSON.stringify(
        ((await withSystem(t.ctx.db, (tx) => tx.execute(sql`select * from training_confirmations`))) as unknown as { rows: unknown[] }).rows,
      );
      expect(dump).not.toContain(token);

      const offer = await t.app.inject({ method: 'GET', url: publicUrl(token) });
      expect(offer.statusCode, offer.body).toBe(200);
      expect(offer.json()).toMatchObject({ courseTitle: 'Passwörter und Zwei-Faktor', heldOn: '2026-11-20', firstName: 'Lena', organisationName: 'Praxis A' });
      expect(offer.body).not.toContain('Schmidt');

      const confirmed = await t.app.inject({ method: 'POST', url: publicUrl(token) });
      expect(confirmed.statusCode, confirmed.body).toBe(200);
      expect(confirmed.json().confirmedAt).not.toBeNull();
      const again = await t.app.inject({ method: 'POST', url: publicUrl(token) });
      expect(again.statusCode).toBe(410);
      expect(again.json().code).toBe('training.confirmation_used');
      expect((await t.app.inject({ method: 'GET', url: publicUrl(token) })).json().code).toBe('training.confirmation_used');

      const session = (await admin.request('GET', url(`/sessions/${sessionId}`))).json();
      const lena = session.attendance.find((a: { personId: string }) => a.personId === personIds[0]);
      expect(lena).toMatchObject({ status: 'confirmed', confirmationMethod: 'link' });
      expect(session.confirmed).toBe(1);
      const audit = (await admin.request('GET', `/api/v1/organisations/${orgId}/audit?limit=20`)).json().items as { action: string }[];
      expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['training.confirmations_sent', 'training.attendance_confirmed']));

      // Someone who confirmed gets no new link.
      expect((await admin.request('POST', url(`/sessions/${sessionId}/confirmations`), { personIds: [personIds[0]] })).json().sent).toBe(0);
    });

    it('refuses an expired link with 410, an unknown one with 404, a malformed one with 404, and a person not on the session at the field', async () => {
      const sent = (await admin.request('POST', url(`/sessions/${sessionId}/confirmations`), { personIds: [personIds[1]] })).json();
      const token = new URL(sent.links[0].link).pathname.split('/').pop()!;
      await withSystem(t.ctx.db, (tx) => tx.execute(sql`update training_confirmations set expires_at = now() - interval '1 minute' where used_at is null`));
      const expired = await t.app.inject({ method: 'POST', url: publicUrl(token) });
      expect(expired.statusCode).toBe(410);
      expect(expired.json().code).toBe('training.confirmation_expired');
      const wrong = await t.app.inject({ method: 'GET', url: publicUrl(`${token.slice(0, -4)}AAAA`) });
      expect(wrong.statusCode).toBe(404);
      expect(wrong.json().code).toBe('training.confirmation_not_found');
      expect((await t.app.inject({ method: 'GET', url: publicUrl('kurz') })).statusCode).toBe(404);

      const stranger = await admin.request('POST', url(`/sessions/${sessionId}/confirmations`), { personIds: [randomUUID()] });
      expect(stranger.statusCode).toBe(400);
      expect(stranger.json().issues[0]).toMatchObject({ path: ['personIds', 0], code: 'training.not_attendee' });

      // A new link replaces the expired one and works.
      const fresh = (await admin.request('POST', url(`/sessions/${sessionId}/confirmations`), { personIds: [personIds[1]] })).json();
      const freshToken = new URL(fresh.links[0].link).pathname.split('/').pop()!;
      expect((await t.app.inject({ method: 'POST', url: publicUrl(freshToken) })).statusCode).toBe(200);
    });
  });
}
