import type { ModuleSeeds } from '../../test/seeds.ts';

/** An incident, a draft kind and an API token of the organisation, for the tenant-isolation suite. */
export const seeds: ModuleSeeds = {
  params: {
    incidentId: async ({ agent, organisationId }) => {
      const res = await agent.request('POST', `/api/v1/organisations/${organisationId}/incidents`, {
        title: 'Vorfall in B',
        noticedAt: '2026-01-15T10:00:00+01:00',
        patientDataInvolved: false,
      });
      if (res.statusCode !== 201) throw new Error(`incident seed: ${res.statusCode} ${res.body}`);
      return (res.json() as { id: string }).id;
    },
    // B's own BSI request for an intermediate report, and one escalation tick, so that an attack reaches existing rows
    // (the untick in `bodies` would delete one).
    requestId: async ({ agent, organisationId, ids }) => {
      const incidentId = ids.incidentId!;
      const res = await agent.request('POST', `/api/v1/organisations/${organisationId}/incidents/${incidentId}/intermediate-requests`, {
        requestedAt: '2026-01-16T08:00:00+01:00',
      });
      if (res.statusCode !== 201) throw new Error(`intermediate request seed: ${res.statusCode} ${res.body}`);
      const tick = await agent.request('PUT', `/api/v1/organisations/${organisationId}/incidents/${incidentId}/escalation`, {
        step: 'management',
        ticked: true,
      });
      if (tick.statusCode !== 200) throw new Error(`escalation tick seed: ${tick.statusCode} ${tick.body}`);
      return (res.json() as { id: string }).id;
    },
    // Not a record but a value the route validates: without it the request would stop at validation (400).
    kind: async () => 'early_warning',
    tokenId: async ({ agent, organisationId }) => {
      const res = await agent.request('POST', `/api/v1/organisations/${organisationId}/api-tokens`, { name: 'Token von B' });
      if (res.statusCode !== 201) throw new Error(`API token seed: ${res.statusCode} ${res.body}`);
      return (res.json() as { id: string }).id;
    },
  },
  bodies: {
    'POST /api/v1/organisations/:organisationId/incidents': { title: 'Eingeschleust', noticedAt: '2026-01-15T10:00:00+01:00', patientDataInvolved: false },
    'PUT /api/v1/organisations/:organisationId/incidents/:incidentId/significance': {
      severeDisruption: 'no',
      financialLoss: 'no',
      considerableHarmToOthers: 'no',
      maliciousSuspected: false,
      crossBorderImpact: false,
      personalDataBreach: false,
      gdprRisk: 'none',
    },
    'POST /api/v1/organisations/:organisationId/incidents/:incidentId/events': { kind: 'note', text: 'Eingeschleust' },
    'POST /api/v1/organisations/:organisationId/incidents/:incidentId/submissions': { kind: 'early_warning', submittedAt: '2026-01-15T11:00:00+01:00' },
    'PUT /api/v1/organisations/:organisationId/incidents/:incidentId/handling-completed': { completedAt: '2026-01-16T11:00:00+01:00' },
    'POST /api/v1/organisations/:organisationId/incidents/:incidentId/intermediate-requests': {
      requestedAt: '2026-01-16T09:00:00+01:00',
      dueAt: '2026-01-18T12:00:00+01:00',
    },
    'PUT /api/v1/organisations/:organisationId/incidents/:incidentId/intermediate-requests/:requestId/submission': { submittedAt: '2026-01-17T11:00:00+01:00' },
    'PUT /api/v1/organisations/:organisationId/incidents/:incidentId/escalation': { step: 'management', ticked: false },
    'POST /api/v1/organisations/:organisationId/api-tokens': { name: 'Eingeschleust' },
    'POST /api/v1/organisations/:organisationId/incidents/intake': {
      source: 'X',
      severity: 'high',
      title: 'Eingeschleust',
      detectedAt: '2026-01-15T10:00:00+01:00',
    },
  },
};
