import { samplePdf, upload } from '../../test/files.ts';
import type { ModuleSeeds } from '../../test/seeds.ts';

/** A requirement with the organisation's own status, and a piece of evidence, for the tenant-isolation suite. */
export const seeds: ModuleSeeds = {
  params: {
    requirementId: async ({ agent, organisationId }) => {
      const res = await agent.request('PUT', `/api/v1/organisations/${organisationId}/requirements/KBV-A1-01/status`, {
        status: 'in_progress',
        notes: 'nur für B',
      });
      if (res.statusCode !== 200) throw new Error(`status seed: ${res.statusCode} ${res.body}`);
      return 'KBV-A1-01';
    },
    evidenceId: async ({ agent, organisationId, test }) => {
      const res = await upload(agent, test, `/api/v1/organisations/${organisationId}/requirements/KBV-A1-01/evidence`, 'b.pdf', samplePdf);
      if (res.statusCode !== 201) throw new Error(`evidence seed: ${res.statusCode} ${res.body}`);
      return (res.json() as { id: string }).id;
    },
  },
  bodies: {
    'POST /api/v1/organisations/:organisationId/applicability/nis2': {
      financialYear: 2025,
      check: { sector: 'healthcare_provider', kritisOperator: false, staffAwu: 10, annualTurnoverEur: 1, balanceSheetTotalEur: 1 },
    },
    'POST /api/v1/organisations/:organisationId/applicability/kbv': {
      check: { personsHandlingData: 3, significantScaleProcessing: false, majorMedicalDevices: false, contractPractice: true },
    },
    'PUT /api/v1/organisations/:organisationId/requirements/:requirementId/status': { status: 'implemented' },
    // A multipart upload: sent without a file, the membership check must still answer before the body is read.
    'POST /api/v1/organisations/:organisationId/requirements/:requirementId/evidence': undefined,
  },
};
