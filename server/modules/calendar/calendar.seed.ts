import type { ModuleSeeds } from '../../test/seeds.ts';

const feeds = (organisationId: string) => `/api/v1/organisations/${organisationId}/calendar/feeds`;

/** The organisation feed (its id) and a personal feed (its secret token) of the organisation, for the tenant-isolation suite. */
export const seeds: ModuleSeeds = {
  params: {
    feedId: async ({ agent, organisationId }) => {
      const res = await agent.request('POST', feeds(organisationId), { scope: 'organisation' });
      if (res.statusCode !== 201) throw new Error(`calendar feed seed: ${res.statusCode} ${res.body}`);
      return (res.json() as { id: string }).id;
    },
    feedToken: async ({ agent, organisationId }) => {
      const res = await agent.request('POST', feeds(organisationId), { scope: 'personal' });
      if (res.statusCode !== 201) throw new Error(`calendar feed token seed: ${res.statusCode} ${res.body}`);
      return new URL((res.json() as { url: string }).url).pathname
        .split('/')
        .pop()!
        .replace(/\.ics$/, '');
    },
  },
  bodies: {
    'POST /api/v1/organisations/:organisationId/calendar/feeds': { scope: 'personal' },
    'POST /api/v1/organisations/:organisationId/calendar/feeds/:feedId/rotate': undefined,
    'PUT /api/v1/organisations/:organisationId/calendar/preferences': { taskReminders: true, dailyDigest: true },
  },
};
