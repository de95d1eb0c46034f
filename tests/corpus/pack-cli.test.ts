// `npm run pack`: a folder of saved .html and .txt pages becomes a version 2 pack that imports with its analyses trusted.
import { mkdirSync, mkdtempSync, copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { analyzeArticle } from '../../utils/analysis/analyze-article';
import { openCorpusDb } from '../../utils/corpus/store/schema';
import { readPack } from '../../utils/corpus/format/pack-read';
import { expandAnalysis } from '../../utils/corpus/format/compact-analysis';
import { importPack } from '../../utils/corpus/store/import-export';
import { loadCorpus } from '../../utils/corpus/store/index-upkeep';
import { adoptSegment, decodeIndex, encodeSegment, INDEX_FORMAT } from '../../utils/match/sentence-index';
import { buildPackFromFolder } from '../../scripts/pack';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'check');
const folder = mkdtempSync(join(tmpdir(), 'pack-cli-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const TEXT_PAGE = [
  'Title: Ferry service resumes after storm',
  'Outlet: Island Herald',
  'Date: 2023-02-11 (morning edition)',
  'Address: https://herald.example/ferry-resumes',
  '----------------------------------------',
  'The ferry to Marlow Island resumed on Saturday after a storm that kept 14 sailings in port. About 2,600 passengers had been waiting since Thursday.',
  '',
  'The operator said two extra crossings would run on Sunday.',
].join('\n');

describe('npm run pack', () => {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'b-ferry.txt'), TEXT_PAGE);
  copyFileSync(join(FIXTURES, 'seed-003.html'), join(folder, 'a-seed.html'));
  writeFileSync(join(folder, 'c-empty.html'), '');
  writeFileSync(join(folder, 'notes.md'), 'not a page');

  it('reads the header block of a .txt page and the article of an .html page; skips what has no article', () => {
    const { pack, log } = buildPackFromFolder(folder, 'v-test');
    expect(pack.version).toBe(2);
    expect(log.map((line) => [line.file, line.id])).toEqual([
      ['a-seed.html', 'a-seed'],
      ['b-ferry.txt', 'b-ferry'],
      ['c-empty.html', null],
    ]);
    const ferry = pack.reports[1]!;
    expect(ferry).toMatchObject({
      id: 'b-ferry',
      origin: 'saved',
      headline: 'Ferry service resumes after storm',
      outlet: 'Island Herald',
      published: '2023-02-11',
      url: 'https://herald.example/ferry-resumes',
    });
    expect(ferry.text.startsWith('The ferry to Marlow Island')).toBe(true);
    expect(ferry.paragraphs).toHaveLength(2);
    expect(ferry.sentences).toHaveLength(3);
    expect(ferry.analysis!.extractor).toBe('v-test');
    expect(expandAnalysis(ferry.analysis!.data, ferry.text).figures.map((figure) => figure.text)).toEqual(expect.arrayContaining(['14', 'Saturday']));
    // The same folder gives the same bytes.
    expect(JSON.stringify(buildPackFromFolder(folder, 'v-test').pack)).toBe(JSON.stringify(pack));
  });

  it('imports into the extension store with every analysis trusted and its index adopted: nothing is analysed or indexed again', async () => {
    const { pack } = buildPackFromFolder(folder, 'v-test');
    expect(pack.index?.format).toBe(INDEX_FORMAT);
    const json = JSON.stringify(pack);
    expect((await readPack(json)).reports).toHaveLength(2);
    const db = await openCorpusDb({ name: `pack-cli-${crypto.randomUUID()}`, indexedDB, IDBKeyRange });
    const analyze = vi.fn(analyzeArticle);
    const buildSegment = vi.fn(encodeSegment);
    const result = await importPack(db, json, { analyze, extractorVersion: 'v-test', buildSegment, segmentFormat: INDEX_FORMAT, adoptSegment }, { analysis: 'later' });
    expect(result).toMatchObject({ added: ['a-seed', 'b-ferry'], trusted: 2, pending: 0 });
    expect(analyze).not.toHaveBeenCalled();
    expect(buildSegment).not.toHaveBeenCalled();
    const corpus = await loadCorpus(db);
    expect(corpus.stale).toEqual([]);
    expect(corpus.segments.map((segment) => decodeIndex(segment.bytes).reports)).toEqual([['a-seed', 'b-ferry']]);
  });
});
