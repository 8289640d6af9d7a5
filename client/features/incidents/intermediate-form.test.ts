import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { schemaErrors } from '../../lib/form-errors.ts';
import de from '../../locales/de.json';
import { berlinParts } from './berlin-time.ts';
import { type RequestValues, requestBody, requestFormSchema, submissionBody, submissionFormSchema, typedInstant } from './intermediate-form.ts';

const translate = async () => {
  const instance = i18next.createInstance();
  await instance.init({ lng: 'de', resources: { de: { translation: de } }, returnObjects: false });
  return instance.t;
};

const request = (requested: { date: string; time: string }, due = { date: '', time: '' }): RequestValues => ({
  requested,
  requestedAt: typedInstant(requested),
  due,
  dueAt: typedInstant(due, '23:59'),
  reference: '',
});

async function requestErrors(values: RequestValues) {
  const input = requestBody(values);
  const result = requestFormSchema.safeParse(input);
  return result.success ? {} : schemaErrors(await translate(), result.error.issues, input);
}

describe('a date and time typed in Berlin, as the shared schema sees it', () => {
  it('is the instant when both are valid, with the default time for a day alone', () => {
    expect(typedInstant({ date: '15.01.2026', time: '10:00' })).toBe('2026-01-15T10:00:00.000+01:00');
    expect(typedInstant({ date: '15.07.2026', time: '' }, '23:59')).toBe('2026-07-15T23:59:00.000+02:00');
  });

  it('is empty when a part is missing, unless the default time stands in for it', () => {
    expect(typedInstant({ date: ' ', time: '' }, '23:59')).toBe('');
    expect(typedInstant({ date: '', time: '10:00' }, '23:59')).toBe('');
    expect(typedInstant({ date: '15.01.2026', time: '' })).toBe('');
  });

  it('keeps an impossible day as an ISO text and anything else as typed', () => {
    expect(typedInstant({ date: '31.02.2026', time: '7:30' })).toBe('2026-02-31T07:30:00+01:00');
    expect(typedInstant({ date: 'morgen', time: '10:00' })).toBe('morgen 10:00');
    expect(typedInstant({ date: '15.01.2026', time: '25:00' })).toBe('15.01.2026 25:00');
  });
});

describe('the form of a request of the BSI names each mistake at its field, in German', () => {
  const yesterday = berlinParts(new Date(Date.now() - 86_400_000));

  it.each([
    ['nothing typed', { date: '', time: '' }, 'Bitte ausfüllen.'],
    ['no date', { date: '', time: '10:00' }, 'Bitte ausfüllen.'],
    ['no date format', { date: '15-01-2026', time: '10:00' }, 'Bitte das Datum als TT.MM.JJJJ und die Uhrzeit als HH:MM angeben, z. B. 15.01.2026 und 07:30.'],
    ['an impossible day', { date: '31.02.2026', time: '10:00' }, 'Dieses Datum gibt es nicht. Bitte prüfen Sie Tag, Monat und Jahr.'],
    [
      'a year out of range',
      { date: '15.01.1999', time: '10:00' },
      'Dieses Datum liegt außerhalb des möglichen Bereichs. Bitte prüfen Sie das Jahr (vierstellig, z. B. 2026).',
    ],
    ['a time ahead', berlinParts(new Date(Date.now() + 2 * 86_400_000)), 'Der Zeitpunkt liegt in der Zukunft. Bitte prüfen.'],
  ])('arrival: %s', async (_, requested, message) => {
    expect(await requestErrors(request(requested))).toEqual({ requestedAt: message });
  });

  it('accepts an arrival yesterday without a deadline, and leaves the empty deadline and reference out', async () => {
    const values = request(yesterday);
    expect(await requestErrors(values)).toEqual({});
    expect(requestBody(values)).toEqual({ requestedAt: values.requestedAt, dueAt: undefined, reference: undefined });
  });

  it('asks for the day of a deadline when only its time is typed', async () => {
    expect(await requestErrors(request(yesterday, { date: '', time: '12:00' }))).toEqual({ dueAt: 'Bitte ausfüllen.' });
  });

  it('refuses a deadline before the arrival at the deadline', async () => {
    const values = request(yesterday, berlinParts(new Date(Date.now() - 3 * 86_400_000)));
    expect(await requestErrors(values)).toEqual({ dueAt: 'Der Zeitpunkt liegt vor dem Eingang des Ersuchens. Bitte prüfen.' });
  });

  it('names an arrival ahead and a deadline in the wrong format at once', async () => {
    const values = request(berlinParts(new Date(Date.now() + 2 * 86_400_000)), { date: '1.1.', time: '' });
    expect(Object.keys(await requestErrors(values)).sort()).toEqual(['dueAt', 'requestedAt']);
  });

  it('checks the sending time of the intermediate report the same way', async () => {
    const submitted = { date: '31.02.2026', time: '10:00' };
    const input = submissionBody({ submitted, submittedAt: typedInstant(submitted), reference: '  ' });
    expect(input.reference).toBeUndefined();
    const result = submissionFormSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(schemaErrors(await translate(), result.error?.issues ?? [], input)).toEqual({
      submittedAt: 'Dieses Datum gibt es nicht. Bitte prüfen Sie Tag, Monat und Jahr.',
    });
  });
});
