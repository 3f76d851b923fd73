// Opens the Neo4j Browser that dealgraph serves in headless Chromium and checks that it connects to the
// application's database on its own, then runs one read-only query and screenshots the graph.
//
//   node connect.mjs BASE_URL OUT.png [QUERY]
//
// Prints exactly one JSON line on stdout with what it saw; exits 0 only when the Browser connected and the
// query drew its graph. Run by BrowserConnectsTest; needs Debian's chromium and `npm ci` in this folder.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [base, out, query = 'MATCH (n) WHERE n:Company OR n:Cloud RETURN n LIMIT 25'] = process.argv.slice(2);
if (!base || !out) {
  console.error('usage: node connect.mjs BASE_URL OUT.png [QUERY]');
  process.exit(2);
}
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const TOTAL_MS = Number(process.env.BROWSER_CHECK_TIMEOUT_MS || 75_000);
const STEP_MS = 30_000;
const BANNER = 'we collect information on product usage';

const started = Date.now();
const since = () => Date.now() - started;
const result = {
  ok: false,
  url: null,
  connected: false,
  connectForm: false, // the Browser showed its connect form
  clickedConnect: false, // ... and we clicked its Connect button (it may connect by itself first)
  filledUri: null,
  storedUri: null,
  telemetryBanner: null,
  nodes: [], // {fill, caption} of each node the query drew
  relationships: [], // {stroke, caption} of each relationship the Browser drew between them
  pageErrors: [],
  consoleErrors: [],
  failedRequests: [],
  outsideRequests: [], // requests to hosts other than this machine that completed (the page policy should stop all)
  timings: {},
  screenshot: path.resolve(out),
  error: null,
};

let context;
let userDataDir;
// Whatever happens below, never outlive the caller's patience: report and exit.
const watchdog = setTimeout(() => finish(new Error(`gave up after ${TOTAL_MS} ms`)), TOTAL_MS);

async function finish(error) {
  clearTimeout(watchdog);
  if (error) {
    result.error = String(error && error.message ? error.message : error).split('\n')[0];
  }
  result.timings.totalMs = since();
  try {
    await Promise.race([context?.close(), new Promise((r) => setTimeout(r, 5_000))]);
  } catch {
    // closing is best effort
  }
  if (userDataDir) {
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  process.stdout.write(JSON.stringify(result) + '\n');
  if (result.error) {
    console.error(`Browser check failed: ${result.error}`);
  }
  process.exit(result.ok ? 0 : 1);
}

try {
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealgraph-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    timeout: STEP_MS,
    viewport: { width: 1280, height: 800 },
    // The machine's network is closed: keep Chromium from phoning home at all.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  context.setDefaultTimeout(STEP_MS);
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => result.pageErrors.push(String(e.message).slice(0, 300)));
  page.on('console', (m) => {
    if (m.type() === 'error') result.consoleErrors.push(m.text().slice(0, 300));
  });
  page.on('requestfailed', (r) => result.failedRequests.push(`${r.url().slice(0, 120)} ${r.failure()?.errorText ?? ''}`));
  page.on('requestfinished', (r) => {
    const host = new URL(r.url()).hostname;
    if (!['127.0.0.1', 'localhost', '[::1]', ''].includes(host)) result.outsideRequests.push(r.url().slice(0, 120));
  });

  // 1. The bare /browser path, so that the redirect to ?preselectAuthMethod=NO_AUTH is exercised.
  await page.goto(new URL('/browser', base).href, { waitUntil: 'domcontentloaded' });
  result.url = page.url();
  await page.locator('[data-testid="activeEditor"]').waitFor();
  result.timings.appMs = since();

  // 2. Either the Browser connects by itself (the discovered Bolt URI, no auth on the embedded database) or it
  //    shows the connect form. The form's address must have been filled in from discovery; Connect is the only click.
  const form = page.locator('[data-testid="boltaddress"]');
  const connectedText = page.getByText(/You have a working connection|You are connected/).first();
  await form.or(connectedText).first().waitFor();
  if (await form.isVisible()) {
    result.connectForm = true;
    const scheme = await page.locator('[data-testid="bolt-scheme-select"]').inputValue().catch(() => '');
    const address = await form.inputValue();
    result.filledUri = address.includes('://') ? address : `${scheme}${address}`;
    // With no auth on the server the Browser may connect by itself while the form is showing, which takes the
    // button away: click Connect only while it is there, until the connected message shows.
    const button = page.locator('[data-testid="connect"]');
    const deadline = Date.now() + STEP_MS;
    while (!(await connectedText.isVisible())) {
      if (Date.now() > deadline) throw new Error(`not connected ${STEP_MS} ms after the connect form showed`);
      // isVisible() answers at once; isEnabled() would wait for a button that may be gone.
      if (!result.clickedConnect && (await button.isVisible()) && (await button.isEnabled({ timeout: 500 }).catch(() => false))) {
        result.clickedConnect = await button.click({ timeout: 2_000 }).then(() => true, () => false);
      }
      await connectedText.waitFor({ timeout: 1_000 }).catch(() => {});
    }
  } else {
    await connectedText.waitFor();
  }
  result.timings.connectedMs = since();

  // 3. What the Browser itself recorded as the connection it made (it persists its state, debounced, to localStorage).
  const stored = await page.waitForFunction(() => {
    try {
      const c = JSON.parse(localStorage.getItem('neo4j.connections') || 'null');
      const active = c && c.activeConnection && c.connectionsById[c.activeConnection];
      return active && active.host ? active.host : null;
    } catch {
      return null;
    }
  }, null, { timeout: 10_000 }).then((h) => h.jsonValue());
  result.storedUri = stored;
  result.filledUri ??= stored;
  result.connected = true;

  // 4. A read-only query, typed into the editor and run; wait for its graph.
  const editor = page.locator('[data-testid="activeEditor"]');
  await editor.click();
  await page.keyboard.insertText(query); // insertText: no key events, so the editor's auto-closing brackets stay out
  await page.locator('[data-testid="editor-Run"]').click();
  const frame = page.locator('[data-testid="frame"]').filter({ has: page.locator('[data-testid="frameCommand"]', { hasText: query }) }).first();
  await frame.locator('svg g.node').first().waitFor();
  // The Browser then fetches the relationships between the nodes it shows, and the layout moves for a second or
  // two: wait until the drawing stops changing (1.5 s alike), at most 10 s more.
  const drawing = () => frame.locator('svg:has(g.node)').first().evaluate((svg) => ({
    nodes: [...svg.querySelectorAll('g.node')].map((g) => ({
      fill: g.querySelector('circle.b-outline')?.getAttribute('fill') ?? null,
      caption: [...g.querySelectorAll('text')].map((t) => t.textContent).join(' ').trim(),
    })),
    relationships: [...svg.querySelectorAll('g.relationship')].map((g) => ({
      stroke: g.querySelector('path.b-outline')?.getAttribute('fill') ?? null,
      caption: [...g.querySelectorAll('text')].map((t) => t.textContent).join(' ').trim(),
    })),
    transforms: [...svg.querySelectorAll('g.node')].map((g) => g.getAttribute('transform')).join(),
  }));
  let last = await drawing();
  for (let alike = 0, until = Date.now() + 10_000; alike < 3 && Date.now() < until;) {
    await page.waitForTimeout(500);
    const now = await drawing();
    alike = JSON.stringify(now) === JSON.stringify(last) ? alike + 1 : 0;
    last = now;
  }
  result.timings.graphMs = since();
  result.nodes = last.nodes;
  result.relationships = last.relationships;

  // 5. The usage-data consent banner appears once the server's config is read, long before the graph is drawn.
  result.telemetryBanner = await page.getByText(BANNER).isVisible();

  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  await page.screenshot({ path: out, fullPage: true });
  result.ok = result.connected && result.nodes.length > 0;
  await finish(result.ok ? null : 'the query drew no nodes');
} catch (e) {
  await finish(e);
}
