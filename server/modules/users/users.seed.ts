import type { ModuleSeeds, SeedContext } from '../../test/seeds.ts';

async function invite({ agent, organisationId }: SeedContext, email: string) {
  const res = await agent.request('POST', `/api/v1/organisations/${organisationId}/invitations`, { email, role: 'staff' });
  if (res.statusCode !== 201) throw new Error(`invitation seed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; link: string };
}

/** A member, an invitation and an invitation link of the organisation, for the tenant-isolation suite. */
export const seeds: ModuleSeeds = {
  params: {
    userId: async ({ agent }) => agent.userId,
    invitationId: async (context) => (await invite(context, 'staff@praxis-b.example')).id,
    token: async (context) => new URL((await invite(context, 'link@praxis-b.example')).link).pathname.split('/').pop() ?? '',
  },
  bodies: {
    'PATCH /api/v1/organisations/:organisationId/members/:userId': { role: 'auditor', isAdmin: false },
    'POST /api/v1/organisations/:organisationId/invitations': { email: 'eindringling@example.org', role: 'management', isAdmin: true },
    'POST /api/v1/organisations/:organisationId/members/:userId/reset-mfa': undefined,
  },
};
