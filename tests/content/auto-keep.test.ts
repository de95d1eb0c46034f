// The automatic keeping script: reads a page's article and sends it, for its own address, without touching the page.
import { parseHTML } from 'linkedom';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { keepThisPage } from '../../entrypoints/content/auto-keep';
import type { Request } from '../../utils/messaging';

const PARAGRAPHS = [
  'The city council approved a budget of 12 million dollars on Monday after a debate that lasted most of the night, with members divided until the last vote.',
  'Council members said the money would pay for new buses, two libraries and repairs to the harbour wall, which storms damaged badly over the winter months.',
  'The mayor, who had proposed a larger budget, said she would accept the vote and work with the council on the details of each project in the coming weeks.',
  'Opponents argued that the plan relied on a tax increase that voters had rejected in a referendum last year, and said they would challenge it in court soon.',
];

function documentOf(body: string): Document {
  const html = `<!doctype html><html lang="en"><head><title>Council approves budget</title></head><body>${body}</body></html>`;
  return parseHTML(html).document as unknown as Document;
}

let sent: Request[];

beforeEach(() => {
  fakeBrowser.reset();
  sent = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    sent.push(message as Request);
    return Promise.resolve({ ok: true, value: { kept: true, reason: null } });
  });
});

describe('keepThisPage', () => {
  it('sends the article to be kept under the page address, and leaves the page as it was', async () => {
    const doc = documentOf(`<article><h1>Council approves budget</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article>`);
    const before = doc.documentElement.outerHTML;
    await keepThisPage(doc, 'https://herald.example/budget');
    expect(sent.map((message) => message.call)).toEqual(['report/auto-keep']);
    const article = sent[0]!.payload as { url: string; text: string };
    expect(article.url).toBe('https://herald.example/budget');
    expect(article.text.split('\n\n')).toEqual(PARAGRAPHS);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('sends nothing from a page that is not an article', async () => {
    await keepThisPage(documentOf('<nav><a href="/">Home</a> <a href="/news">News</a></nav><p>Welcome.</p>'), 'https://herald.example/');
    expect(sent).toEqual([]);
  });
});
