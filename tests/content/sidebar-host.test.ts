// The sidebar's host and the highlights' descriptions: unpredictable names, closed roots, nothing of the corpus leaked.
// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createSidebarHost, randomHostName } from '../../entrypoints/content/sidebar-host';
import { markDescription } from '../../entrypoints/content/tooltips';

describe('randomHostName', () => {
  it('makes valid custom-element names that do not repeat', () => {
    const names = new Set(Array.from({ length: 200 }, () => randomHostName()));
    expect(names.size).toBe(200);
    for (const name of names) expect(name).toMatch(/^[a-z]{8}-[a-z]{12}$/);
  });
});

describe('createSidebarHost', () => {
  it('attaches a closed shadow root with the sidebar and the tooltip layer inside', () => {
    const ui = createSidebarHost(document, '.x{}', false);
    ui.mount();
    expect(ui.host.isConnected).toBe(true);
    expect(ui.host.shadowRoot).toBeNull();
    expect(ui.shadow.contains(ui.container) && ui.shadow.contains(ui.layer)).toBe(true);
    expect(ui.host.childNodes).toHaveLength(0);
    ui.remove();
    expect(ui.host.isConnected).toBe(false);
  });

  it('refuses a document with no body, with a reason', () => {
    const doc = document.implementation.createDocument('http://www.w3.org/2000/svg', 'svg', null);
    expect(() => createSidebarHost(doc as unknown as Document, '', false)).toThrow(/no body/);
  });
});

describe('markDescription', () => {
  const link = (report: string) => ({ report, text: 'SECRET corpus sentence' });
  it.each([
    ['differs', [link('a'), link('b'), link('b')], 'differs from 2 other reports; Enter for details'],
    ['agrees', [link('a')], 'confirmed by 1 other report; Enter for details'],
  ] as const)('gives the relation and the count only (%s)', (verdict, reports, expected) => {
    const text = markDescription({ verdict, reports } as unknown as Parameters<typeof markDescription>[0]);
    expect(text).toBe(expected);
    expect(text).not.toContain('SECRET');
  });
});
