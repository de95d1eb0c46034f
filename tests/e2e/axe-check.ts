// axe-core's WCAG 2.1 A and AA check of an extension page, for the end-to-end tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './news-page';

/**
 * Runs axe-core (WCAG 2.1 A and AA) on an extension page. The source goes in through evaluate, which the extension
 * page's Content-Security-Policy (script-src 'self') does not block, unlike an injected <script> tag.
 */
export async function axeCheck(page: Page): Promise<{ violations: string[]; passes: string[] }> {
  await page.evaluate(readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    type Rule = { id: string; help: string; nodes: { target: unknown }[] };
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Rule[]; passes: Rule[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return {
      violations: result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`),
      passes: result.passes.map((rule) => rule.id),
    };
  });
}
