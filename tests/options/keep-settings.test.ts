// "Keep what I read" settings: the never-keep list, the keep decision, retention, and damaged values.
import { describe, expect, it } from 'vitest';
import { autoKeepDecision, checkKeep, defaultKeep, describeRetention, keepDecision, parseSiteList, retentionVictims, siteHost } from '../../utils/settings/keep';

describe('keep settings', () => {
  it.each([
    ['bank.example', 'bank.example'],
    ['https://www.Bank.example/login?x=1', 'bank.example'],
    ['  mail.bank.example:8443 ', 'mail.bank.example'],
    ['localhost', 'localhost'],
    ['not a site', null],
    ['', null],
  ])('reads the site %j as %j', (input, expected) => {
    expect(siteHost(input)).toBe(expected);
  });

  it('reads a typed list one site a line, without duplicates, naming what it could not read', () => {
    expect(parseSiteList('bank.example\nhttps://www.bank.example/\n, health.example ???')).toEqual({
      sites: ['bank.example', 'health.example'],
      rejected: ['???'],
    });
  });

  it.each([
    ['https://news.example/a', { keep: true }],
    ['https://www.bank.example/a', { keep: false, reason: 'bank.example is on your list of sites never to keep.' }],
    ['https://my.bank.example/a', { keep: false, reason: 'bank.example is on your list of sites never to keep.' }],
    ['https://notbank.example/a', { keep: true }],
    ['file:///home/me/a.html', { keep: false, reason: 'Only web pages are kept.' }],
    [null, { keep: false, reason: 'This page has no web address.' }],
  ])('decides %s', (url, expected) => {
    expect(keepDecision(url, { ...defaultKeep(), enabled: true, neverSites: ['bank.example'] })).toEqual(expected);
  });

  it('keeps nothing when off', () => {
    expect(keepDecision('https://news.example/a', defaultKeep())).toEqual({ keep: false, reason: 'Keeping is off.' });
  });

  it.each([
    ['https://news.example/a', { keep: true }],
    ['http://world.news.example/b', { keep: true }],
    ['https://other.example/a', { keep: false, reason: 'This site is not on your list of sites to keep automatically.' }],
    ['https://notnews.example/a', { keep: false, reason: 'This site is not on your list of sites to keep automatically.' }],
    ['https://bank.news.example/a', { keep: false, reason: 'bank.news.example is on your list of sites never to keep.' }],
    [null, { keep: false, reason: 'This page has no web address.' }],
  ])('keeps automatically %s only on a listed site, never a never-keep one', (url, expected) => {
    const keep = { ...defaultKeep(), enabled: true, autoSites: ['news.example'], neverSites: ['bank.news.example'] };
    expect(autoKeepDecision(url, keep)).toEqual(expected);
  });

  it('keeps nothing automatically while keeping is off, even on a listed site', () => {
    expect(autoKeepDecision('https://news.example/a', { ...defaultKeep(), autoSites: ['news.example'] })).toEqual({ keep: false, reason: 'Keeping is off.' });
  });

  it('reads the list of sites to keep automatically, and a damaged one as empty', () => {
    expect(checkKeep({ autoSites: ['https://www.News.example/x', 'news.example', 'World.example'] }).keep.autoSites).toEqual(['news.example', 'world.example']);
    expect(checkKeep({ autoSites: 'news.example' })).toEqual({
      keep: defaultKeep(),
      problems: ['keep.autoSites must be a list of sites; no site is kept automatically.'],
    });
  });

  it('chooses retention victims oldest first', () => {
    const rows = [1, 5, 3, 9].map((t) => ({ id: `r${t}`, updatedAt: t }));
    expect(retentionVictims(rows, { kind: 'count', count: 2 }, 10).map((r) => r.id)).toEqual(['r1', 'r3']);
    expect(retentionVictims(rows, { kind: 'days', days: 1 }, 86_400_000 + 4).map((r) => r.id)).toEqual(['r1', 'r3']);
    expect(retentionVictims(rows, { kind: 'forever' }, 10)).toEqual([]);
  });

  it('reads damaged values field by field, keeping off when unsure', () => {
    expect(checkKeep({ enabled: 'yes', neverSites: ['WWW.A.example'], retention: { kind: 'days', days: 0 } })).toEqual({
      keep: { enabled: false, neverSites: ['a.example'], retention: { kind: 'forever' }, autoSites: [] },
      problems: [
        'keep.enabled must be true or false; keeping stays off.',
        'keep.retention was not a valid number of days or articles; kept articles stay until you delete them.',
      ],
    });
  });

  it('says the retention in words', () => {
    expect(describeRetention({ kind: 'days', days: 30 })).toBe('for 30 days after you last read them');
    expect(describeRetention({ kind: 'count', count: 1 })).toBe('the newest 1 article');
    expect(describeRetention({ kind: 'forever' })).toBe('until you delete them');
  });
});
