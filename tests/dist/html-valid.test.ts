import { describe, expect, it } from 'vitest';
import { HtmlValidate } from 'html-validate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distDir, htmlPages } from '../support/dist.ts';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended', 'html-validate:document'],
  rules: {
    // Astro and KaTeX emit these patterns legitimately; they are style, not validity.
    'no-inline-style': 'off',
    'attribute-boolean-style': 'off',
    'attribute-empty-style': 'off',
    'void-style': 'off',
    'no-trailing-whitespace': 'off',
    'long-title': 'off',
    'no-redundant-role': 'off',
    'prefer-native-element': 'off',
    'no-unknown-elements': 'off',
    'element-required-attributes': 'error',
    'valid-id': ['error', { relaxed: true }],
    'attribute-misuse': 'off',
    'no-implicit-button-type': 'error',
    'tel-non-breaking': 'off',
    // Integrity guards files fetched from another host; every page loads only its own origin's
    // files (offline.test.ts), so only a cross-origin URL would need it.
    'require-sri': ['error', { target: 'crossorigin' }],
  },
  elements: [
    'html5',
    {
      'astro-island': { flow: true, phrasing: true, permittedContent: ['@flow'] },
      'astro-slot': { flow: true, phrasing: true, permittedContent: ['@flow'] },
      'astro-static-slot': { flow: true, phrasing: true, permittedContent: ['@flow'] },
    },
  ],
});

describe('HTML validity of dist/', () => {
  it('finds no html-validate error on any page', async () => {
    const problems: string[] = [];
    for (const file of htmlPages()) {
      const report = await validator.validateString(readFileSync(join(distDir, file), 'utf8'), file);
      for (const result of report.results) {
        for (const message of result.messages) {
          if (message.severity === 2) problems.push(`${file}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
        }
      }
    }
    expect(problems.slice(0, 50)).toEqual([]);
  });
});
