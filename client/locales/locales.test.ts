import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditActions } from '../../domain/audit/audit-actions.ts';
import { errorCodes } from '../../domain/common/errors.ts';
import de from './de.json';
import en from './en.json';

type Tree = { [key: string]: string | Tree };

function lookup(tree: Tree, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Tree)[part] : undefined), tree);
}

function leaves(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : leaves(v, `${prefix}${k}.`)));
}

const placeholders = (text: unknown) => [...String(text).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [file] : [];
  });
}

describe('translations', () => {
  it.each(errorCodes)('has German and English text for error %s', (code) => {
    expect(typeof lookup(de as Tree, `errors.${code}`)).toBe('string');
    expect(typeof lookup(en as Tree, `errors.${code}`)).toBe('string');
  });

  it.each(auditActions)('has a German and an English label for the audit action %s', (action) => {
    for (const tree of [de, en]) {
      const label = lookup(tree as Tree, `audit.action.${action}`);
      expect(typeof label).toBe('string');
      expect(String(label).trim()).not.toBe('');
    }
    expect(lookup(de as Tree, `audit.action.${action}`)).not.toBe(lookup(en as Tree, `audit.action.${action}`));
  });

  it('lists every audit action the server writes', () => {
    const root = path.resolve(import.meta.dirname, '../../server');
    const written = new Set(sourceFiles(root).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\baction: '([a-z0-9_.]+)'/g)].map((m) => m[1]!)));
    expect(written.size).toBeGreaterThan(20);
    expect([...written].filter((action) => !(auditActions as readonly string[]).includes(action))).toEqual([]);
  });

  it('has German and English text for every refusal at a field the domain names (its *IssueCodes)', async () => {
    const root = path.resolve(import.meta.dirname, '../../domain');
    const files = sourceFiles(root).filter((file) => /export const \w+IssueCodes\b/.test(readFileSync(file, 'utf8')));
    const codes: string[] = [];
    for (const file of files) {
      const module = (await import(file)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(module)) if (name.endsWith('IssueCodes')) codes.push(...Object.values(value as Record<string, string>));
    }
    expect(files.length).toBeGreaterThan(10);
    // The client's form errors look up issues.<code>, then errors.<code> (client/lib/form-errors.ts).
    const missing = codes.filter((code) =>
      [de, en].some((tree) => typeof (lookup(tree as Tree, `issues.${code}`) ?? lookup(tree as Tree, `errors.${code}`)) !== 'string'),
    );
    expect(missing).toEqual([]);
  });

  it('has the same keys in German and English', () => {
    expect(leaves(en as Tree).sort()).toEqual(leaves(de as Tree).sort());
  });

  it('has the same placeholders in German and English, for every text', () => {
    const differing = leaves(de as Tree).filter((key) => placeholders(lookup(de as Tree, key)).join() !== placeholders(lookup(en as Tree, key)).join());
    expect(differing).toEqual([]);
  });

  it('names the 8-week plan as the navigation does, never "Fahrplan" or "roadmap"', () => {
    const other = [de, en].flatMap((tree) => leaves(tree as Tree).filter((key) => /fahrplan|roadmap/i.test(String(lookup(tree as Tree, key)))));
    expect(other).toEqual([]);
    expect(lookup(de as Tree, 'roadmap.nav')).toBe('8-Wochen-Plan');
    expect(lookup(en as Tree, 'roadmap.nav')).toBe('8-week plan');
  });

  it('has no empty text', () => {
    const empty = [de, en].flatMap((tree) => leaves(tree as Tree).filter((key) => String(lookup(tree as Tree, key)).trim() === ''));
    expect(empty).toEqual([]);
  });
});
