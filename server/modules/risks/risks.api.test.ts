import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../domain/auth/roles.ts';
import { currentScore, heatMap, needsManagementDecision, riskLevel, riskScore } from '../../../domain/risks/risk-rating.ts';
import { riskTemplates } from '../../../domain/risks/risk-templates.data.ts';
import {
  type Agent,
  completeEnrolment,
  createOrganisationWithAdmin,
  eachEngine,
  login,
  PASSWORD,
  runFirstSetup,
  startTestApp,
  type TestApp,
} from '../../test/test-app.ts';

interface Risk {
  id: string;
  number: number;
  title: string;
  likelihood: number;
  impact: number;
  residualLikelihood: number | null;
  residualImpact: number | null;
  treatment: string;
  score: number;
  level: string;
  currentScore: number;
  currentLevel: string;
  needsDecision: boolean;
  acceptedByUserId: string | null;
  acceptedAt: string | null;
  acceptedRevision: number | null;
  revision: number;
  templateId: string | null;
}

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`the risk register on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let orgId: string;
    const url = (path = '') => `/api/v1/organisations/${orgId}/risks${path}`;

    /** A member with the given role, signed in. */
    async function member(role: Role, email: string): Promise<Agent> {
      const invite = await admin.request('POST', `/api/v1/organisations/${orgId}/invitations`, { email, role });
      expect(invite.statusCode, invite.body).toBeLessThan(300);
      const token = new URL(invite.json().link).pathname.split('/').pop();
      const accepted = await t.app.inject({
        method: 'POST',
        url: `/api/v1/invitations/${token}/accept`,
        payload: { name: `Person ${role}`, password: PASSWORD },
      });
      expect(accepted.statusCode).toBeLessThan(300);
      const secret = accepted.json().enrolment.secret;
      await completeEnrolment(t.app, `ps_session=${accepted.cookies.find((c) => c.name === 'ps_session')!.value}`, secret);
      return login(t, email, secret);
    }

    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
    });
    afterAll(async () => t?.close());

    it('records, reads, changes and removes a risk with its rating, numbered per organisation, with an audit entry for each step', async () => {
      const created = await admin.request('POST', url(), {
        title: 'Ransomware verschlüsselt den PVS-Server',
        description: 'Über eine Fernwartung',
        owner: 'Praxisleitung',
        likelihood: 3,
        impact: 5,
        residualLikelihood: 2,
        residualImpact: 4,
        measures: 'Offline-Sicherung',
        requirementIds: ['KBV-A1-16', 'BSIG-30-2-03', 'KBV-A1-16'],
        reviewOn: '2027-06-30',
      });
      expect(created.statusCode, created.body).toBe(201);
      const risk = created.json() as Risk & Record<string, unknown>;
      expect(risk).toMatchObject({
        number: 1,
        score: 15,
        level: 'high',
        residualScore: 8,
        currentScore: 8,
        currentLevel: 'medium',
        needsDecision: false,
        treatment: 'reduce',
        requirementIds: ['KBV-A1-16', 'BSIG-30-2-03'],
        reviewOn: '2027-06-30',
        acceptedAt: null,
        revision: 1,
      });
      expect(risk).not.toHaveProperty('organisationId');
      expect((await admin.request('GET', url(`/${risk.id}`))).json()).toMatchObject({ id: risk.id, number: 1, title: risk.title });

      const changed = await admin.request('PUT', url(`/${risk.id}`), { title: 'Ransomware', likelihood: 4, impact: 5, revision: 1 });
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json()).toMatchObject({
        revision: 2,
        residualScore: null,
        currentScore: 20,
        currentLevel: 'critical',
        needsDecision: true,
        description: '',
      });
      const stale = await admin.request('PUT', url(`/${risk.id}`), { title: 'Alt', likelihood: 1, impact: 1, revision: 1 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('risk.revision_conflict');
      expect((await admin.request('GET', url(`/${risk.id}`))).json()).toMatchObject({ title: 'Ransomware', revision: 2 });

      const second = (await admin.request('POST', url(), { title: 'Zweites', likelihood: 1, impact: 1 })).json() as Risk;
      expect(second.number).toBe(2);
      expect((await admin.request('DELETE', url(`/${risk.id}`))).statusCode).toBe(204);
      expect((await admin.request('GET', url(`/${risk.id}`))).statusCode).toBe(404);
      expect((await admin.request('DELETE', url(`/${risk.id}`))).statusCode).toBe(404);
      // Numbers are never reused.
      expect((await admin.request('POST', url(), { title: 'Drittes', likelihood: 1, impact: 1 })).json().number).toBe(3);

      const audit = await admin.request('GET', `/api/v1/organisations/${orgId}/audit?limit=20`);
      const actions = (audit.json().items as { action: string; entityId: string }[]).filter((e) => e.entityId === risk.id).map((e) => e.action);
      expect(actions.sort()).toEqual(['risk.created', 'risk.deleted', 'risk.updated']);
    });

    it.each([
      ['an empty title', { title: '  ', likelihood: 1, impact: 1 }, ['title']],
      ['a NUL in the title', { title: 'Risiko\u0000', likelihood: 1, impact: 1 }, ['title']],
      ['a likelihood of 6', { title: 'X', likelihood: 6, impact: 1 }, ['likelihood']],
      ['an impact of 0', { title: 'X', likelihood: 1, impact: 0 }, ['impact']],
      ['half a residual rating', { title: 'X', likelihood: 3, impact: 3, residualLikelihood: 2 }, ['residualImpact']],
      ['an unknown treatment', { title: 'X', likelihood: 1, impact: 1, treatment: 'ignore' }, ['treatment']],
      ['a review in the year 1', { title: 'X', likelihood: 1, impact: 1, reviewOn: '0001-01-01' }, ['reviewOn']],
      ['a malformed requirement id', { title: 'X', likelihood: 1, impact: 1, requirementIds: ['KBV-1'] }, ['requirementIds', 0]],
      ['a requirement the catalog lacks', { title: 'X', likelihood: 1, impact: 1, requirementIds: ['KBV-A1-01', 'KBV-A5-99'] }, ['requirementIds', 1]],
      ['a template the library lacks', { title: 'X', likelihood: 1, impact: 1, templateId: 'RT-99' }, ['templateId']],
    ])('refuses %s at the field and stores nothing', async (_case, body, path) => {
      const before = (await admin.request('GET', url('?limit=1'))).json().total;
      const res = await admin.request('POST', url(), body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().issues.map((i: { path: (string | number)[] }) => i.path.slice(0, path.length))).toContainEqual(path);
      expect((await admin.request('GET', url('?limit=1'))).json().total).toBe(before);
    });

    it('offers the template library in German and English and adopts a template once', async () => {
      const fresh = await createOrganisationWithAdmin(t, 'Praxis T', 'admin@praxis-t.example');
      const base = `/api/v1/organisations/${fresh.organisationId}/risks`;
      const de = (await fresh.agent.request('GET', `${base}/templates?locale=de`)).json();
      const en = (await fresh.agent.request('GET', `${base}/templates?locale=en`)).json();
      expect(de.items).toHaveLength(riskTemplates.length);
      expect(de.items[0]).toMatchObject({ id: 'RT-01', title: riskTemplates[0]!.titleDe, measures: riskTemplates[0]!.measuresDe, adopted: false });
      expect(en.items[0]).toMatchObject({ id: 'RT-01', title: riskTemplates[0]!.titleEn, description: riskTemplates[0]!.descriptionEn });
      expect((await fresh.agent.request('GET', `${base}/templates?locale=fr`)).statusCode).toBe(400);

      const adopted = await fresh.agent.request('POST', `${base}/templates/RT-03/adopt`, { locale: 'en' });
      expect(adopted.statusCode, adopted.body).toBe(200);
      const template = riskTemplates.find((x) => x.id === 'RT-03')!;
      expect(adopted.json()).toMatchObject({
        number: 1,
        templateId: 'RT-03',
        title: template.titleEn,
        measures: template.measuresEn,
        likelihood: template.likelihood,
        impact: template.impact,
        requirementIds: [...template.requirementIds],
      });
      const again = await fresh.agent.request('POST', `${base}/templates/RT-03/adopt`, { locale: 'de' });
      expect(again.json()).toMatchObject({ id: adopted.json().id, title: template.titleEn });
      const marked = (await fresh.agent.request('GET', `${base}/templates?locale=de`)).json().items as { id: string; adopted: boolean }[];
      expect(marked.filter((x) => x.adopted).map((x) => x.id)).toEqual(['RT-03']);
      expect((await fresh.agent.request('POST', `${base}/templates/RT-99/adopt`, {})).statusCode).toBe(404);
      const copy = await fresh.agent.request('POST', base, { title: 'Kopie', likelihood: 1, impact: 1, templateId: 'RT-03' });
      expect(copy.statusCode).toBe(400);
      expect(copy.json().issues[0]).toMatchObject({ path: ['templateId'], code: 'risk.template_adopted' });
    });

    it('lets only management accept a risk with the treatment "accept", and a change of rating or treatment clears it', async () => {
      const itLead = await member('it_lead', 'it@praxis-a.example');
      const risk = (await admin.request('POST', url(), { title: 'Altes Röntgengerät', likelihood: 4, impact: 4, treatment: 'reduce' })).json() as Risk;
      const refused = await admin.request('POST', url(`/${risk.id}/acceptance`), { revision: 1 });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().issues[0]).toMatchObject({ path: ['treatment'], code: 'risk.not_accept_treatment' });
      const toAccept = (
        await admin.request('PUT', url(`/${risk.id}`), { title: 'Altes Röntgengerät', likelihood: 4, impact: 4, treatment: 'accept', revision: 1 })
      ).json() as Risk;
      expect(toAccept.revision).toBe(2);
      // The IT lead keeps the register but does not accept risks (§ 38 Abs. 1 BSIG).
      expect(
        (
          await itLead.request('PUT', url(`/${risk.id}`), {
            title: 'Altes Röntgengerät',
            likelihood: 4,
            impact: 4,
            treatment: 'accept',
            owner: 'IT',
            revision: 2,
          })
        ).statusCode,
      ).toBe(200);
      expect((await itLead.request('POST', url(`/${risk.id}/acceptance`), { revision: 3 })).statusCode).toBe(403);
      expect((await admin.request('POST', url(`/${risk.id}/acceptance`), { revision: 2 })).statusCode).toBe(409);
      const accepted = await admin.request('POST', url(`/${risk.id}/acceptance`), { revision: 3 });
      expect(accepted.statusCode, accepted.body).toBe(200);
      expect(accepted.json()).toMatchObject({ acceptedByUserId: admin.userId, acceptedRevision: 3, revision: 3, needsDecision: true });
      expect(accepted.json().acceptedAt).toBeTruthy();
      expect((await admin.request('GET', url('?accepted=yes'))).json().items.map((r: Risk) => r.id)).toEqual([risk.id]);

      // Texts may change without voiding the acceptance; the rating may not.
      const text = await admin.request('PUT', url(`/${risk.id}`), {
        title: 'Altes Röntgengerät (Raum 2)',
        likelihood: 4,
        impact: 4,
        treatment: 'accept',
        revision: 3,
      });
      expect(text.json()).toMatchObject({ acceptedRevision: 3, revision: 4 });
      const rated = await admin.request('PUT', url(`/${risk.id}`), {
        title: 'Altes Röntgengerät (Raum 2)',
        likelihood: 5,
        impact: 4,
        treatment: 'accept',
        revision: 4,
      });
      expect(rated.json()).toMatchObject({ acceptedAt: null, acceptedByUserId: null, acceptedRevision: null, revision: 5 });
      expect((await admin.request('POST', url(`/${risk.id}/acceptance`), { revision: 5 })).statusCode).toBe(200);
      const treated = await admin.request('PUT', url(`/${risk.id}`), {
        title: 'Altes Röntgengerät (Raum 2)',
        likelihood: 5,
        impact: 4,
        treatment: 'avoid',
        revision: 5,
      });
      expect(treated.json()).toMatchObject({ acceptedAt: null, treatment: 'avoid' });

      const again = (
        await admin.request('PUT', url(`/${risk.id}`), { title: 'Altes Röntgengerät', likelihood: 5, impact: 4, treatment: 'accept', revision: 6 })
      ).json() as Risk;
      expect((await admin.request('POST', url(`/${risk.id}/acceptance`), { revision: again.revision })).statusCode).toBe(200);
      expect((await itLead.request('DELETE', url(`/${risk.id}/acceptance`))).statusCode).toBe(403);
      const withdrawn = await admin.request('DELETE', url(`/${risk.id}/acceptance`));
      expect(withdrawn.statusCode).toBe(200);
      expect(withdrawn.json()).toMatchObject({ acceptedAt: null, acceptedRevision: null });
      const audit = await admin.request('GET', `/api/v1/organisations/${orgId}/audit?limit=30`);
      const actions = (audit.json().items as { action: string; entityId: string }[]).filter((e) => e.entityId === risk.id).map((e) => e.action);
      expect(actions.filter((a) => a === 'risk.accepted')).toHaveLength(3);
      expect(actions.filter((a) => a === 'risk.acceptance_withdrawn')).toHaveLength(1);
    });

    it('counts, maps and filters the register in SQL exactly as the domain rules say', async () => {
      const fresh = await createOrganisationWithAdmin(t, 'Praxis S', 'admin@praxis-s.example');
      const base = `/api/v1/organisations/${fresh.organisationId}/risks`;
      const cases = [];
      for (let n = 0; n < 30; n++) {
        const residual = n % 3 === 0 ? { residualLikelihood: 1 + ((n * 2) % 5), residualImpact: 1 + ((n * 3) % 5) } : {};
        cases.push({
          title: `Risiko ${String(n).padStart(2, '0')}`,
          likelihood: 1 + (n % 5),
          impact: 1 + ((n * 7) % 5),
          treatment: ['reduce', 'accept', 'transfer', 'avoid'][n % 4],
          ...residual,
        });
      }
      const created: Risk[] = [];
      for (const body of cases) {
        const res = await fresh.agent.request('POST', base, body);
        expect(res.statusCode, res.body).toBe(201);
        created.push(res.json());
      }
      for (const risk of created.filter((r) => r.treatment === 'accept' && r.needsDecision).slice(0, 2)) {
        expect((await fresh.agent.request('POST', `${base}/${risk.id}/acceptance`, { revision: 1 })).statusCode).toBe(200);
      }
      const rated = created.map((r) => ({ ...r, residualLikelihood: r.residualLikelihood ?? null, residualImpact: r.residualImpact ?? null }));
      const cells = (pick: (r: Risk) => [number, number]) => rated.map((r) => ({ likelihood: pick(r)[0], impact: pick(r)[1], count: 1 }));
      const summary = (await fresh.agent.request('GET', `${base}/summary`)).json();
      expect(summary.total).toBe(30);
      expect(summary.inherentHeatMap).toEqual(heatMap(cells((r) => [r.likelihood, r.impact])));
      expect(summary.currentHeatMap).toEqual(heatMap(cells((r) => [r.residualLikelihood ?? r.likelihood, r.residualImpact ?? r.impact])));
      const accepted = 2;
      expect(summary.accepted).toBe(accepted);
      expect(summary.openDecisions).toBe(rated.filter((r) => needsManagementDecision(r)).length - accepted);
      for (const level of ['low', 'medium', 'high', 'critical']) {
        const expected = rated
          .filter((r) => riskLevel(currentScore(r)) === level)
          .map((r) => r.id)
          .sort();
        expect(summary.byLevel[level], level).toBe(expected.length);
        const page = (await fresh.agent.request('GET', `${base}?level=${level}&limit=100`)).json();
        expect(page.items.map((r: Risk) => r.id).sort(), level).toEqual(expected);
      }
      for (const treatment of ['reduce', 'accept', 'transfer', 'avoid']) {
        expect(summary.byTreatment[treatment]).toBe(rated.filter((r) => r.treatment === treatment).length);
        expect((await fresh.agent.request('GET', `${base}?treatment=${treatment}`)).json().total).toBe(summary.byTreatment[treatment]);
      }
      const decisions = rated.filter((r) => needsManagementDecision(r)).length;
      expect((await fresh.agent.request('GET', `${base}?needsDecision=yes`)).json().total).toBe(decisions);
      expect((await fresh.agent.request('GET', `${base}?needsDecision=no`)).json().total).toBe(30 - decisions);
      expect((await fresh.agent.request('GET', `${base}?accepted=no`)).json().total).toBe(30 - accepted);

      // Sorted by the current score in SQL, paged by keyset.
      const scores: number[] = [];
      let cursor: string | null = null;
      do {
        const res = await fresh.agent.request('GET', `${base}?limit=7&sort=score&order=desc${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(res.statusCode).toBe(200);
        const page = res.json();
        scores.push(...page.items.map((r: Risk) => r.currentScore));
        cursor = page.nextCursor;
      } while (cursor);
      expect(scores).toEqual(rated.map((r) => currentScore(r)).sort((a, b) => b - a));
      const titles = (await fresh.agent.request('GET', `${base}?sort=title&order=asc&limit=100`)).json().items.map((r: Risk) => r.title);
      expect(titles).toEqual([...titles].sort());
      expect((await fresh.agent.request('GET', `${base}?q=risiko%2007`)).json().total).toBe(1);
      for (const query of ['sort=organisationId', 'level=extreme', 'treatment=ignore', 'needsDecision=true', 'accepted=1', 'q=%00']) {
        const res = await fresh.agent.request('GET', `${base}?${query}`);
        expect(res.statusCode, query).toBe(400);
        expect(res.json().issues[0].path[0], query).toBe(query.split('=')[0]);
      }
      expect(riskScore(2, 3)).toBe(6);
    });

    it('answers another organisation with 404', async () => {
      const other = await createOrganisationWithAdmin(t, 'Praxis B', 'admin@praxis-b.example');
      const mine = (await admin.request('POST', url(), { title: 'Meins', likelihood: 2, impact: 2, treatment: 'accept' })).json() as Risk;
      const theirs = `/api/v1/organisations/${other.organisationId}/risks`;
      expect((await other.agent.request('GET', `${theirs}/${mine.id}`)).statusCode).toBe(404);
      expect((await other.agent.request('PUT', `${theirs}/${mine.id}`, { title: 'x', likelihood: 1, impact: 1, revision: 1 })).statusCode).toBe(404);
      expect((await other.agent.request('POST', `${theirs}/${mine.id}/acceptance`, { revision: 1 })).statusCode).toBe(404);
      expect((await other.agent.request('DELETE', `${theirs}/${mine.id}/acceptance`)).statusCode).toBe(404);
      expect((await other.agent.request('DELETE', `${theirs}/${mine.id}`)).statusCode).toBe(404);
      expect((await other.agent.request('GET', theirs)).json().items).toEqual([]);
      // Their numbering starts at 1 of its own.
      expect((await other.agent.request('POST', theirs, { title: 'Deren', likelihood: 1, impact: 1 })).json().number).toBe(1);
      expect((await admin.request('GET', url(`/${mine.id}`))).json().title).toBe('Meins');
    });

    it('lets staff read the register but not change it', async () => {
      const staff = await member('staff', 'mfa@praxis-a.example');
      const risk = (await admin.request('POST', url(), { title: 'Nur lesbar', likelihood: 2, impact: 2, treatment: 'accept' })).json() as Risk;
      expect((await staff.request('GET', url())).statusCode).toBe(200);
      expect((await staff.request('GET', url(`/${risk.id}`))).statusCode).toBe(200);
      expect((await staff.request('GET', url('/summary'))).statusCode).toBe(200);
      expect((await staff.request('GET', url('/templates'))).statusCode).toBe(200);
      expect((await staff.request('POST', url(), { title: 'Von Mia', likelihood: 1, impact: 1 })).statusCode).toBe(403);
      expect((await staff.request('PUT', url(`/${risk.id}`), { title: 'Von Mia', likelihood: 1, impact: 1, revision: 1 })).statusCode).toBe(403);
      expect((await staff.request('POST', url('/templates/RT-05/adopt'), { locale: 'de' })).statusCode).toBe(403);
      expect((await staff.request('POST', url(`/${risk.id}/acceptance`), { revision: 1 })).statusCode).toBe(403);
      expect((await staff.request('DELETE', url(`/${risk.id}`))).statusCode).toBe(403);
    });
  });
}
