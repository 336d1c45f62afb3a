import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { Report } from '../../lib/engine/types';
import { formatHtml } from '../../lib/report/html';
import { demoReport, mixedLiveReport } from '../fixtures/report/reports';

/**
 * The HTML report in a real browser: Debian's chromium, driven by playwright-core (no browser
 * download). .ci/run installs chromium; without it this suite fails and says how to get it.
 */
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

jest.setTimeout(60_000);

const work = mkdtempSync(join(tmpdir(), 'hardeks-html-'));
let context: BrowserContext;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (as .ci/run does)`);
  context = await chromium.launchPersistentContext(mkdtempSync(join(work, 'profile-')), {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1400, height: 1000 },
  });
});

afterAll(async () => {
  await context?.close();
  // The pages and screenshots stay in the temp dir for a person to look at; the browser profile does not.
  for (const entry of readdirSync(work)) if (entry.startsWith('profile-')) rmSync(join(work, entry), { recursive: true, force: true });
});

interface Opened {
  readonly page: Page;
  readonly problems: string[];
  readonly requests: string[];
  readonly url: string;
}

async function open(report: Report, name: string): Promise<Opened> {
  const file = join(work, `${name}.html`);
  writeFileSync(file, formatHtml(report));
  const page = await context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  const url = pathToFileURL(file).href;
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems, requests, url };
}

const shownCount = async (page: Page) => Number((await page.textContent('#shown'))!.split(' ')[0]);
/** The data attributes of the findings the table shows (the page's DOM types are not in this project's lib). */
type Row = { hidden: boolean; dataset: Record<string, string | undefined> };
const visibleRows = (page: Page) =>
  page.$$eval('tbody.finding', (bodies) => (bodies as unknown as Row[]).filter((b) => !b.hidden).map((b) => ({ ...b.dataset })));

describe('HTML report in Chromium', () => {
  test('loads without console errors and fetches nothing but itself', async () => {
    const { page, problems, requests, url } = await open(await demoReport(), 'demo');
    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
    await page.close();
  });

  test('the charts render: donut segments, severity bars and pass-rate meters have size', async () => {
    const report = await demoReport();
    const { page } = await open(report, 'charts');
    const nonZero = Object.values(report.summary.byStatus).filter((n) => n > 0).length;
    const segments = await page.$$('#status-chart circle.segment');
    expect(segments).toHaveLength(nonZero);
    for (const s of segments) expect((await s.boundingBox())!.width).toBeGreaterThan(10);
    const bars = await page.$$('#severity-chart rect.bar');
    expect(bars.length).toBeGreaterThan(3);
    for (const b of bars) expect((await b.boundingBox())!.width).toBeGreaterThan(0);
    expect((await page.$$('#service-rates svg')).length).toBe(Object.keys(report.summary.byService).length);
    expect((await page.$$('#framework-rates svg')).length).toBe(4);
    expect(await page.$$eval('#top-failing li', (items) => items.length)).toBe(10);
    await page.close();
  });

  test('filters narrow the table, and their counts are right', async () => {
    const report = mixedLiveReport();
    const { page, problems } = await open(report, 'filters');
    const attention = report.findings.filter((f) => ['FAIL', 'ERROR', 'UNKNOWN'].includes(f.status) && !f.suppressed);
    expect(await shownCount(page)).toBe(attention.length);

    await page.selectOption('#f-status', 'all');
    await page.check('#f-suppressed');
    expect(await shownCount(page)).toBe(report.findings.length);

    await page.selectOption('#f-status', 'PASS');
    expect((await visibleRows(page)).map((r) => r.status)).toEqual(report.findings.filter((f) => f.status === 'PASS').map(() => 'PASS'));

    await page.selectOption('#f-status', 'all');
    await page.fill('#f-text', 'cluster/open');
    const open_ = report.findings.filter((f) => f.resource.id.endsWith('cluster/open'));
    expect(await shownCount(page)).toBe(open_.length);
    await page.fill('#f-text', 'cluster/open logtype::audit');
    expect((await visibleRows(page)).map((r) => r.check)).toEqual(['eks-control-plane-logging']);

    await page.fill('#f-text', 'no such thing at all');
    expect(await shownCount(page)).toBe(0);
    expect(await page.isVisible('#empty')).toBe(true);

    await page.fill('#f-text', '');
    await page.selectOption('#f-severity', 'high');
    expect(new Set((await visibleRows(page)).map((r) => r.severity))).toEqual(new Set(['high']));

    await page.uncheck('#f-suppressed');
    await page.selectOption('#f-severity', 'all');
    expect((await visibleRows(page)).every((r) => r.suppressed === 'false')).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('sorting by a column, and the detail row with the remediation', async () => {
    const report = await demoReport();
    const { page } = await open(report, 'sorting');
    await page.selectOption('#f-status', 'all');
    await page.click('th button[data-sort="severityRank"]');
    const ascending = (await visibleRows(page)).map((r) => Number(r.severityRank));
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    expect(await page.getAttribute('th:has(button[data-sort="severityRank"])', 'aria-sort')).toBe('ascending');
    await page.click('th button[data-sort="severityRank"]');
    const descending = (await visibleRows(page)).map((r) => Number(r.severityRank));
    expect(descending).toEqual([...descending].sort((a, b) => b - a));

    await page.click('th button[data-sort="check"]');
    const checks = (await visibleRows(page)).map((r) => r.check!);
    expect(checks).toEqual([...checks].sort((a, b) => a.localeCompare(b)));

    const first = page.locator('tbody.finding:not([hidden])').first();
    expect(await first.locator('tr.detail').isVisible()).toBe(false);
    await first.locator('button.toggle').click();
    expect(await first.locator('tr.detail').isVisible()).toBe(true);
    expect(await first.locator('tr.detail dt', { hasText: 'Remediation' }).count()).toBe(1);
    await page.close();
  });

  test('a top failing check narrows the table to its failures; a screenshot is taken', async () => {
    const report = await demoReport();
    const { page, problems } = await open(report, 'top');
    const link = page.locator('#top-failing button[data-check]').first();
    const checkId = (await link.getAttribute('data-check'))!;
    await link.click();
    const rows = await visibleRows(page);
    expect(rows.length).toBe(report.findings.filter((f) => f.checkId === checkId && f.status === 'FAIL' && !f.suppressed).length);
    expect(new Set(rows.map((r) => `${r.check}|${r.status}`))).toEqual(new Set([`${checkId}|FAIL`]));

    // Two screenshots for a person to look at: the findings the link selected, one opened, and the summary.
    await page.locator('tbody.finding:not([hidden]) button.toggle').first().click();
    const findings = join(work, 'findings.png');
    await page.screenshot({ path: findings });
    await page.evaluate('window.scrollTo(0, 0)');
    const summary = join(work, 'summary.png');
    await page.screenshot({ path: summary });
    for (const shot of [findings, summary]) expect(statSync(shot).size).toBeGreaterThan(20_000);
    expect(problems).toEqual([]);
    await page.close();
  });
});
