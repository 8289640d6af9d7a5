import { describe, expect, it } from 'vitest';
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

describe('translations', () => {
  it.each(errorCodes)('has German and English text for error %s', (code) => {
    expect(typeof lookup(de as Tree, `errors.${code}`)).toBe('string');
    expect(typeof lookup(en as Tree, `errors.${code}`)).toBe('string');
  });

  it('has the same keys in German and English', () => {
    expect(leaves(en as Tree).sort()).toEqual(leaves(de as Tree).sort());
  });
});
