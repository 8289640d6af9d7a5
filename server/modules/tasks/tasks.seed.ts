import type { ModuleSeeds } from '../../test/seeds.ts';

/** A far due day, so that the seed never lies before the day it runs. */
const dueOn = '2029-06-29';

/** A task with a link and a comment, and one of the organisation's own recurring templates, for the tenant-isolation suite. */
export const seeds: ModuleSeeds = {
  params: {
    taskId: async ({ agent, organisationId }) => {
      const base = `/api/v1/organisations/${organisationId}/tasks`;
      const res = await agent.request('POST', base, {
        title: 'Datensicherung prüfen (B)',
        dueOn,
        ownerUserId: agent.userId,
        links: [{ kind: 'requirement', targetId: 'KBV-A1-25' }],
      });
      if (res.statusCode !== 201) throw new Error(`task seed: ${res.statusCode} ${res.body}`);
      const id = (res.json() as { id: string }).id;
      const comment = await agent.request('POST', `${base}/${id}/comments`, { body: 'Termin mit dem Dienstleister steht.' });
      if (comment.statusCode !== 201) throw new Error(`task comment seed: ${comment.statusCode} ${comment.body}`);
      return id;
    },
    taskTemplateId: async ({ agent, organisationId }) => {
      const res = await agent.request('POST', `/api/v1/organisations/${organisationId}/tasks/templates`, {
        title: 'Firewall-Regeln durchsehen (B)',
        rhythm: 'yearly',
      });
      if (res.statusCode !== 201) throw new Error(`task template seed: ${res.statusCode} ${res.body}`);
      return (res.json() as { id: string }).id;
    },
  },
  bodies: {
    'POST /api/v1/organisations/:organisationId/tasks': { title: 'Eingeschleust', dueOn },
    'PUT /api/v1/organisations/:organisationId/tasks/:taskId': { title: 'Überschrieben', dueOn, status: 'done', revision: 1 },
    'POST /api/v1/organisations/:organisationId/tasks/:taskId/comments': { body: 'Eingeschleust' },
    'POST /api/v1/organisations/:organisationId/tasks/templates': { title: 'Eingeschleust', rhythm: 'quarterly' },
    'PUT /api/v1/organisations/:organisationId/tasks/templates/:taskTemplateId': { title: 'Überschrieben', rhythm: 'quarterly', revision: 1 },
    'POST /api/v1/organisations/:organisationId/tasks/recurring/start': { startOn: dueOn },
    'POST /api/v1/organisations/:organisationId/tasks/:taskId/complete': undefined,
    'POST /api/v1/organisations/:organisationId/tasks/:taskId/reopen': undefined,
    'POST /api/v1/organisations/:organisationId/tasks/templates/reset': undefined,
  },
};
