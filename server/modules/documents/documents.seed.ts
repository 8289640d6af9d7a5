import type { ModuleSeeds } from '../../test/seeds.ts';

/**
 * Documents for the tenant-isolation suite: the emergency plan of the attacked organisation with a stored version (its
 * 24/7 contact is entered first, so the draft has no gap and the version can be issued).
 */
export const seeds: ModuleSeeds = {
  params: {
    documentKind: async () => 'emergency_plan',
    versionNumber: async ({ agent, organisationId }) => {
      const base = `/api/v1/organisations/${organisationId}`;
      const registration = await agent.request('GET', `${base}/registration`);
      const saved = await agent.request('PUT', `${base}/registration`, {
        ...(registration.json() as { setup: Record<string, unknown> }).setup,
        contactPoint: { name: 'Bereitschaft', phone: '0800 111', email: '' },
      });
      if (saved.statusCode !== 200) throw new Error(`documents seed (registration): ${saved.statusCode} ${saved.body}`);
      const res = await agent.request('POST', `${base}/documents/emergency_plan/versions`, { note: 'Seed' });
      if (res.statusCode !== 201) throw new Error(`documents seed: ${res.statusCode} ${res.body}`);
      return String((res.json() as { versions: { number: number }[] }).versions[0]!.number);
    },
  },
  bodies: {
    'PUT /api/v1/organisations/:organisationId/documents/:documentKind': { revision: 0, texts: { pvsDown: 'Eingeschleust' }, reviewMonths: 12 },
    'POST /api/v1/organisations/:organisationId/documents/:documentKind/versions': { note: 'Eingeschleust' },
    'POST /api/v1/organisations/:organisationId/documents/:documentKind/versions/:versionNumber/approval': { remark: 'Eingeschleust' },
  },
};
