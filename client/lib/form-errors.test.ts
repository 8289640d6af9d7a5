import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { inputIssueCodes } from '../../domain/common/input.ts';
import de from '../locales/de.json';
import en from '../locales/en.json';
import { issueText } from './form-errors.ts';

const t = async (lng: 'de' | 'en') => {
  const instance = i18next.createInstance();
  await instance.init({ lng, resources: { de: { translation: de }, en: { translation: en } }, returnObjects: false });
  return instance.t;
};

describe('issueText for the input limits', () => {
  it.each(Object.values(inputIssueCodes).flatMap((code) => [['de', code] as const, ['en', code] as const]))('%s has a text for %s at any field', async (lng, code) => {
    const translate = await t(lng);
    const general = translate('issues.invalid');
    // "text" is also a field name (incident events): the field lookup must not swallow the code.
    for (const field of ['title', 'text', 'dueDate', 'noticedAt']) {
      const text = issueText(translate, { path: [field], code, message: code });
      expect(text, `${field}: ${code}`).not.toBe(general);
      expect(text).not.toContain(code);
    }
  });

  it('names the multipart problem at the file field', async () => {
    const text = issueText(await t('de'), { path: ['file'], code: 'evidence.multipart_invalid', message: '' });
    expect(text).toMatch(/nicht vollständig/);
  });
});
