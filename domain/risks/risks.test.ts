import { describe, expect, it } from 'vitest';
import { kbvRequirements } from '../kbv/requirements.data.ts';
import { nis2Measures } from '../nis2/measures.data.ts';
import { ACCEPTANCE_LINE, currentScore, heatMap, needsManagementDecision, riskLevel, riskScore } from './risk-rating.ts';
import { riskTemplates } from './risk-templates.data.ts';
import { riskInputSchema, riskMatrixLabelsSchema } from './risks.schema.ts';

describe('risk rating on the 5 × 5 matrix (§ 30 Abs. 2 Satz 2 Nr. 1 BSIG: risk analysis)', () => {
  it.each([
    [1, 1, 1, 'low'],
    [2, 2, 4, 'low'],
    [1, 5, 5, 'medium'],
    [3, 3, 9, 'medium'],
    [2, 5, 10, 'high'],
    [4, 4, 16, 'high'],
    [3, 6 - 1, 15, 'high'],
    [4, 5, 20, 'critical'],
    [5, 5, 25, 'critical'],
  ] as const)('likelihood %i × impact %i = %i, level %s', (likelihood, impact, score, level) => {
    expect(riskScore(likelihood, impact)).toBe(score);
    expect(riskLevel(score)).toBe(level);
  });

  it.each([
    [{ likelihood: 4, impact: 4, residualLikelihood: null, residualImpact: null }, 16, true],
    [{ likelihood: 4, impact: 4, residualLikelihood: 2, residualImpact: 4 }, 8, false],
    [{ likelihood: 3, impact: 3, residualLikelihood: null, residualImpact: null }, 9, false],
    [{ likelihood: 2, impact: 5, residualLikelihood: 2, residualImpact: 5 }, 10, true],
  ])('counts the residual score once rated; above the line (%#) management decides (§ 38 Abs. 1 BSIG)', (risk, score, decide) => {
    expect(currentScore(risk)).toBe(score);
    expect(needsManagementDecision(risk)).toBe(decide);
    expect(score > ACCEPTANCE_LINE).toBe(decide);
  });

  it('builds the heat map from grouped counts and ignores cells outside the matrix', () => {
    const grid = heatMap([
      { likelihood: 1, impact: 1, count: 2 },
      { likelihood: 5, impact: 4, count: 3 },
      { likelihood: 5, impact: 4, count: 1 },
      { likelihood: 6, impact: 1, count: 9 },
      { likelihood: 0, impact: 2, count: 9 },
    ]);
    expect(grid[0]![0]).toBe(2);
    expect(grid[4]![3]).toBe(4);
    expect(grid.flat().reduce((a, b) => a + b, 0)).toBe(6);
  });
});

describe('the risk input', () => {
  const valid = { title: 'Phishing am Empfang', likelihood: 4, impact: 4 };

  it('fills the defaults and removes repeated requirement ids', () => {
    const risk = riskInputSchema.parse({ ...valid, requirementIds: ['KBV-A1-10', 'KBV-A1-10', 'BSIG-30-2-07'] });
    expect(risk).toMatchObject({ treatment: 'reduce', residualLikelihood: null, measures: '', reviewOn: null });
    expect(risk.requirementIds).toEqual(['KBV-A1-10', 'BSIG-30-2-07']);
  });

  it.each([
    ['a rating of 0', { likelihood: 0 }, 'likelihood'],
    ['a rating of 6', { impact: 6 }, 'impact'],
    ['a fractional rating', { impact: 2.5 }, 'impact'],
    ['half a residual rating', { residualLikelihood: 2 }, 'residualImpact'],
    ['an unknown treatment', { treatment: 'ignore' }, 'treatment'],
    ['an id that is no requirement', { requirementIds: ['KBV-A9-01'] }, 'requirementIds'],
    ['§ 30 measure 11, which does not exist', { requirementIds: ['BSIG-30-2-11'] }, 'requirementIds'],
    ['a review in the year 1', { reviewOn: '0001-01-01' }, 'reviewOn'],
    ['a NUL in the title', { title: 'Risiko\u0000' }, 'title'],
    ['a template id of another form', { templateId: 'X-1' }, 'templateId'],
  ])('refuses %s at the field', (_case, change, field) => {
    const result = riskInputSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path[0])).toContain(field);
  });

  it('takes exactly five labels per axis', () => {
    expect(riskMatrixLabelsSchema.safeParse({ likelihood: ['a', 'b', 'c', 'd', 'e'], impact: ['a', 'b', 'c', 'd', 'e'] }).success).toBe(true);
    expect(riskMatrixLabelsSchema.safeParse({ likelihood: ['a', 'b', 'c', 'd'], impact: ['a', 'b', 'c', 'd', 'e'] }).success).toBe(false);
  });
});

describe('the risk template library (issue 9: at least 20 risks typical for practices and MVZ)', () => {
  const known = new Set([...kbvRequirements.map((r) => r.id), ...nis2Measures.map((m) => m.id)]);

  it('has at least 20 templates with unique stable ids RT-nn', () => {
    expect(riskTemplates.length).toBeGreaterThanOrEqual(20);
    expect(new Set(riskTemplates.map((t) => t.id)).size).toBe(riskTemplates.length);
    for (const template of riskTemplates) expect(template.id).toMatch(/^RT-\d{2}$/);
  });

  it.each(riskTemplates.map((t) => [t.id, t] as const))('%s is a valid risk in German and English, citing catalog requirements', (_id, template) => {
    for (const text of [template.titleDe, template.titleEn, template.descriptionDe, template.descriptionEn, template.measuresDe, template.measuresEn]) {
      expect(text.trim().length).toBeGreaterThan(10);
    }
    expect(template.titleDe).not.toBe(template.titleEn);
    expect(template.requirementIds.length).toBeGreaterThan(0);
    for (const id of template.requirementIds) expect(known, id).toContain(id);
    const parsed = riskInputSchema.safeParse({
      title: template.titleDe,
      description: template.descriptionDe,
      likelihood: template.likelihood,
      impact: template.impact,
      measures: template.measuresDe,
      requirementIds: template.requirementIds,
      templateId: template.id,
    });
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it('covers the threat patterns of outpatient care named in the issue', () => {
    const titles = riskTemplates.map((t) => t.titleDe).join(' | ');
    for (const pattern of [
      /E-Rezept/,
      /zentraler Server/,
      /Ehemalige Mitarbeitende/,
      /CEO-Fraud/,
      /Konnektor/,
      /Ransomware/,
      /mobiles Gerät/,
      /Medizingerät/,
    ]) {
      expect(titles).toMatch(pattern);
    }
  });
});
