import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { loginSchema } from '../../domain/auth/auth.schema.ts';
import { inputIssueCodes } from '../../domain/common/input.ts';
import { locationInputSchema } from '../../domain/organisations/organisation.schema.ts';
import de from '../locales/de.json';
import en from '../locales/en.json';
import { apiIssueFromZod, issueText, schemaErrors } from './form-errors.ts';

const t = async (lng: 'de' | 'en') => {
  const instance = i18next.createInstance();
  await instance.init({ lng, resources: { de: { translation: de }, en: { translation: en } }, returnObjects: false });
  return instance.t;
};

describe('issueText for the input limits', () => {
  it.each(Object.values(inputIssueCodes).flatMap((code) => [['de', code] as const, ['en', code] as const]))(
    '%s has a text for %s at any field',
    async (lng, code) => {
      const translate = await t(lng);
      const general = translate('issues.invalid');
      // "text" is also a field name (incident events): the field lookup must not swallow the code.
      for (const field of ['title', 'text', 'dueDate', 'noticedAt']) {
        const text = issueText(translate, { path: [field], code, message: code });
        expect(text, `${field}: ${code}`).not.toBe(general);
        expect(text).not.toContain(code);
      }
    },
  );

  it('names the multipart problem at the file field', async () => {
    const text = issueText(await t('de'), { path: ['file'], code: 'evidence.multipart_invalid', message: '' });
    expect(text).toMatch(/nicht vollständig/);
  });
});

function firstIssue(result: { error?: { issues: z.core.$ZodIssue[] } }): z.core.$ZodIssue {
  const issue = result.error?.issues[0];
  if (!issue) throw new Error('the schema accepted the value');
  return issue;
}

describe('schemaErrors: the browser names a mistake as the server would', () => {
  it.each([
    ['an empty required name', { name: '', street: '', postalCode: '', city: '' }, 'name', 'Bitte ausfüllen.'],
    ['a one-letter name', { name: 'X', street: '', postalCode: '', city: '' }, 'name', 'Bitte mindestens 2 Zeichen eingeben.'],
    [
      'a four-digit postal code (own regex message)',
      { name: 'Hauptpraxis', street: '', postalCode: '1011', city: '' },
      'postalCode',
      'Die Postleitzahl hat 5 Ziffern.',
    ],
  ])('%s', async (_case, values, field, expected) => {
    const translate = await t('de');
    const result = locationInputSchema.safeParse(values);
    expect(result.success).toBe(false);
    const errors = schemaErrors(translate, result.error?.issues ?? [], values);
    expect(errors[field]).toBe(expected);
  });

  it('names zod built-in checks by their code, like the server does on the wire', async () => {
    const result = loginSchema.safeParse({ email: 'keine-adresse', password: 'x' });
    const issue = apiIssueFromZod(firstIssue(result));
    expect(issue).toMatchObject({ path: ['email'], code: 'invalid_format' });
    expect(schemaErrors(await t('de'), result.error?.issues ?? [])).toEqual({ email: 'Bitte eine gültige E-Mail-Adresse eingeben, z. B. name@praxis.de.' });
  });

  it('passes the limit of a too long text to the translation', () => {
    const result = locationInputSchema.safeParse({ name: 'x'.repeat(121) });
    expect(apiIssueFromZod(firstIssue(result)).limits).toEqual({ max: 120 });
  });
});
