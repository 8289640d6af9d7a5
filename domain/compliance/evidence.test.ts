import { describe, expect, it } from 'vitest';
import { cleanFileName, isAllowedEvidenceType } from './evidence.ts';

describe('evidence types', () => {
  it.each([
    ['application/pdf', true],
    ['image/png', true],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', true],
    ['application/x-msdownload', false],
    ['text/html', false],
    ['application/zip', false], // a bare ZIP is no office document
    [undefined, false],
  ])('%s allowed: %s', (type, allowed) => {
    expect(isAllowedEvidenceType(type)).toBe(allowed);
  });
});

describe('cleanFileName', () => {
  it.each([
    ['Datensicherung 2026.pdf', 'Datensicherung 2026.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\mfa\\Schulung "Phishing".docx', 'Schulung Phishing.docx'],
    ['\u0000\u001f', 'nachweis'],
  ])('%j → %j', (input, expected) => {
    expect(cleanFileName(input)).toBe(expected);
  });
});
