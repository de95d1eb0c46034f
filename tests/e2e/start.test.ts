// `npm start` as a new user runs it without a display: it builds, opens the demo, saves a screenshot and prints the sidebar.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './news-page';

describe('npm start, headless', () => {
  it('saves a screenshot of the sidebar on the demo article and prints what it shows', () => {
    const shot = join(ROOT, 'test-results', 'start.png');
    rmSync(shot, { force: true });
    const env = { ...process.env };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    const output = execFileSync('npx', ['tsx', 'scripts/start.ts'], { cwd: ROOT, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(output).toContain('Screenshot of the sidebar: test-results/start.png');
    expect(existsSync(shot)).toBe(true);
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    expect(output).toMatch(/\d+ figures? checked: \d+ differs? from other reports/);
    expect(output).toContain('more than 114,000');
    // It builds the extension and launches Chromium itself: over 120 s on a loaded 2-core machine.
  }, 300_000);

  it('says exactly how to install Chromium when there is none', () => {
    let failure: { status: number | null; stderr: string } | null = null;
    try {
      execFileSync('npx', ['tsx', 'scripts/start.ts'], {
        cwd: ROOT,
        env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      failure = error as { status: number | null; stderr: string };
    }
    expect(failure?.status).toBe(1);
    expect(failure?.stderr).toContain('sudo apt-get install -y chromium');
  });
});
