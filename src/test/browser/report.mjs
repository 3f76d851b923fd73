// Opens an exported HTML report from disk in headless Chromium with the network cut off, and screenshots it.
//
//   node report.mjs REPORT.html OUT.png
//
// Prints one JSON line: what the page asked for beyond its own file (it should ask for nothing), its title, how
// many SVG pictures it drew and at what size, how wide the page is (no horizontal scrolling wanted), the texts of
// the timeline whose boxes overlap as Chromium draws them, and the page's width again in a 420 px wide window
// (screenshot OUT-420.png).
// Run by ReportScreenshotIT; needs Debian's chromium and `npm ci` in this folder.
import { chromium } from 'playwright-core';
import path from 'node:path';

const [file, out] = process.argv.slice(2);
if (!file || !out) {
  console.error('usage: node report.mjs REPORT.html OUT.png');
  process.exit(2);
}
const result = { ok: false, title: null, requests: [], svgs: [], pageErrors: [], scrollWidth: 0, viewportWidth: 1280,
  timelineTexts: 0, overlaps: [], narrow: { viewportWidth: 420, scrollWidth: 0 }, error: null };
let browser;
const watchdog = setTimeout(() => finish('gave up after 60 s'), 60_000);

async function finish(error) {
  clearTimeout(watchdog);
  result.error = error ? String(error.message ?? error).split('\n')[0] : null;
  try {
    await Promise.race([browser?.close(), new Promise((r) => setTimeout(r, 5_000))]);
  } catch {
    // best effort
  }
  process.stdout.write(JSON.stringify(result) + '\n');
  process.exit(result.ok ? 0 : 1);
}

try {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
  const context = await browser.newContext({ viewport: { width: result.viewportWidth, height: 900 }, offline: true });
  const page = await context.newPage();
  const url = 'file://' + path.resolve(file);
  page.on('request', (r) => {
    if (r.url() !== url) result.requests.push(r.url().slice(0, 160));
  });
  page.on('pageerror', (e) => result.pageErrors.push(String(e.message).slice(0, 200)));
  await page.goto(url, { waitUntil: 'load' });
  result.title = await page.title();
  result.svgs = await page.$$eval('svg', (all) => all.map((s) => {
    const r = s.getBoundingClientRect();
    return { width: Math.round(r.width), height: Math.round(r.height), texts: s.querySelectorAll('text').length, title: s.querySelector('title')?.textContent ?? '' };
  }));
  result.scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  // Every text of the timeline (labels, axes, legend) as drawn: no two boxes may share more than a sliver.
  const timeline = await page.evaluate(() => {
    const svg = [...document.querySelectorAll('svg')].find((s) => (s.querySelector('title')?.textContent ?? '').startsWith('Deals over time'));
    if (!svg) return { texts: 0, overlaps: [] };
    const boxes = [...svg.querySelectorAll('text')].map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() }));
    const overlaps = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i].r;
        const b = boxes[j].r;
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 1 && h > 1) overlaps.push(`${boxes[i].text} / ${boxes[j].text}`);
      }
    }
    return { texts: boxes.length, overlaps };
  });
  result.timelineTexts = timeline.texts;
  result.overlaps = timeline.overlaps;
  await page.screenshot({ path: out, fullPage: true });
  // The same page on a phone-sized window.
  await page.setViewportSize({ width: result.narrow.viewportWidth, height: 900 });
  result.narrow.scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.screenshot({ path: out.replace(/\.png$/, '') + '-420.png', fullPage: true });
  result.ok = true;
  await finish(null);
} catch (e) {
  await finish(e);
}
