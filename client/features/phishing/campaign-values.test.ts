import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { campaignInputSchema } from '../../../domain/phishing/phishing.schema.ts';
import { phishingTemplates } from '../../../domain/phishing/templates.data.ts';
import { schemaFormErrors } from '../../lib/use-schema-form.ts';
import de from '../../locales/de.json';
import en from '../../locales/en.json';
import { berlinInstant, campaignValues, toCampaignInput } from './campaign-values.ts';
import type { PhishingTemplate } from './phishing.api.ts';
import { phishingIssueText } from './phishing-texts.ts';

const translator = async (lng: 'de' | 'en') => {
  const instance = i18next.createInstance();
  await instance.init({ lng, resources: { de: { translation: de }, en: { translation: en } }, returnObjects: false, interpolation: { escapeValue: false } });
  return instance.t;
};

const template = phishingTemplates[0] as unknown as PhishingTemplate;

async function errorsFor(change: Record<string, unknown>, lng: 'de' | 'en' = 'de') {
  const t = await translator(lng);
  const values = { ...campaignValues(null, template, 'de'), ...change };
  const input = toCampaignInput(values);
  const result = campaignInputSchema.safeParse(input);
  return result.success ? {} : schemaFormErrors(t, result.error.issues, input, (issue) => phishingIssueText(t, issue));
}

describe('phishing campaign form values', () => {
  it.each([
    // Berlin is UTC+1 in winter and UTC+2 in summer: 08:00 Berlin is 07:00 or 06:00 UTC.
    ['2026-12-07', '08:00', '2026-12-07T07:00:00.000Z'],
    ['2026-07-01', '08:00', '2026-07-01T06:00:00.000Z'],
    ['2026-03-29', '03:30', '2026-03-29T01:30:00.000Z'],
    ['2026-10-25', '7.15', '2026-10-25T06:15:00.000Z'],
  ])('reads %s %s in Berlin as %s', (date, time, instant) => {
    expect(berlinInstant(date, time)).toBe(instant);
  });

  it('keeps what is not a time as typed, so that the schema names it at the start', async () => {
    expect(berlinInstant('2026-12-07', '25:99')).toBe('2026-12-07T25:99');
    const errors = await errorsFor({ startChoice: 'later', startDate: '2026-12-07', startTime: 'acht' });
    expect(Object.keys(errors)).toEqual(['startsAt']);
  });

  it('sends the audience the segmented control chose, and no start for "now"', () => {
    const values = campaignValues(null, template, 'de');
    expect(toCampaignInput({ ...values, audience: { kind: 'roles', roles: ['nurse'], locationIds: ['x'] } }).audience).toEqual({
      kind: 'roles',
      roles: ['nurse'],
    });
    expect(toCampaignInput({ ...values, audience: { kind: 'all', roles: ['nurse'], locationIds: [] } }).audience).toEqual({ kind: 'all' });
    expect(toCampaignInput(values).startsAt).toBeNull();
  });

  it('a new campaign from a template passes the shared schema', async () => {
    expect(await errorsFor({})).toEqual({});
  });

  it.each([
    ['de', { subject: 'Für {{vorname}}' }, 'subject', /Diesen Platzhalter gibt es nicht\. Erlaubt sind \{\{firstName\}\}, /],
    ['en', { subject: 'For {{vorname}}' }, 'subject', /This placeholder does not exist\. Allowed are \{\{firstName\}\}, /],
    ['de', { bodyText: 'Ohne Link' }, 'bodyText', /braucht den Platzhalter \{\{link\}\}/],
    ['de', { bodyHtml: '<p onclick="x()">{{link}}</p>' }, 'bodyHtml', /Skripte, Frames und Ereignis-Attribute/],
    ['de', { audience: { kind: 'roles', roles: [], locationIds: [] } }, 'audience.roles', /./],
  ] as const)('names the problem at its field (%s, %o)', async (lng, change, field, text) => {
    const errors = await errorsFor(change, lng);
    expect(errors[field]).toMatch(text);
  });
});
