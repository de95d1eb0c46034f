// The Firefox package as a store reviewer gets it: addons-linter finds no error, and every warning traces to a dependency.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runAddonsLinter, traceWarnings } from '../../scripts/lint-firefox';
import { FIREFOX_EXTENSION_DIR } from './firefox-harness';

it('addons-linter 10.13.0 on the Firefox build: 0 errors, no warning from our own code', () => {
  const report = runAddonsLinter(FIREFOX_EXTENSION_DIR);
  expect(report.errors).toEqual([]);
  const traced = traceWarnings(report, FIREFOX_EXTENSION_DIR);
  const unexplained = traced
    .filter(({ site }) => site === null)
    .map(({ message }) => `${message.code} ${message.file ?? ''}:${message.line ?? ''}:${message.column ?? ''} ${message.message}`);
  expect(unexplained).toEqual([]);
  // Today: Preact twice (content script, extension pages' chunk) and Readability twice in each of the two scripts that
  // read pages (page-check.js, auto-keep.js), as the README's review notes say.
  expect(traced.map(({ site }) => site?.source.split(' ')[0]).sort()).toEqual([
    '@mozilla/readability',
    '@mozilla/readability',
    '@mozilla/readability',
    '@mozilla/readability',
    'preact',
    'preact',
  ]);
  // The manifest asks for the Firefox versions its keys need: no KEY_FIREFOX_*_UNSUPPORTED_BY_MIN_VERSION.
  expect(report.warnings.map((message) => message.code)).not.toContain('KEY_FIREFOX_UNSUPPORTED_BY_MIN_VERSION');
  const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { strict_min_version?: string } };
    host_permissions?: string[];
    optional_host_permissions?: string[];
  };
  expect(manifest.browser_specific_settings?.gecko?.strict_min_version).toBe('140.0');
  // No site is granted at install; the sites to keep automatically are asked for at run time.
  expect(manifest.host_permissions).toBeUndefined();
  expect(manifest.optional_host_permissions).toEqual(['*://*/*']);
});
