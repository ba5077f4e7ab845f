/*
 * The volunteers' page in headless Chromium at a phone's size (360×740, WeChat's user
 * agent), in Chinese and in English: sign in with an account and with a personal
 * sign-in link, see my shifts, confirm one, get the calendar links, see my month,
 * answer a round on the month grid (a clash flagged at once), find a closed round
 * read-only. Screenshots of every page go to ROSTER_SCREENSHOTS. Run by
 * run-browser-test.sh, which starts the daemon and installs puppeteer-core.
 */
'use strict';

const puppeteer = require('puppeteer-core');
const path = require('path');

const base = process.env.ROSTER_URL;
const outdir = process.env.ROSTER_SCREENSHOTS;
const WECHAT_UA = 'Mozilla/5.0 (Linux; Android 12; M2012K11AC Build/SKQ1.211006.001; wv) ' +
  'AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/107.0.5304.141 Mobile ' +
  'Safari/537.36 XWEB/5023 MMWEBSDK/20221012 MMWEBID/1234 MicroMessenger/8.0.30.2260(0x28001E3B) ' +
  'WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64';
const VOLUNTEER_PASSWORD = 'Quiet-Harbor-Lamp-58';

function assert(condition, message) {
  if (!condition) throw new Error('assertion failed: ' + message);
}

async function api(method, p, body, token) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = 'Bearer ' + token;
  const r = await fetch(base + '/api/v1' + p, {
    method, headers, body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await r.text();
  if (!r.ok) throw new Error(`${method} ${p} -> ${r.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

function day(offset) {
  const d = new Date();
  d.setHours(12, 0, 0, 0);
  d.setDate(d.getDate() + offset);
  const two = (n) => (n < 10 ? '0' + n : '' + n);
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/* a seat class, two volunteers with accounts, a published roster, two rounds */
async function seed() {
  const login = await api('POST', '/login', { username: 'admin', password: process.env.ROSTER_ADMIN_PASSWORD });
  const admin = login.token;
  const seat = await api('POST', '/seat-classes', {
    code: 'onsite', name: '咨询专席（坐班）', mode: 'on-site', min_tier: 'counsellor',
    location: '市心理援助中心 3 楼',
  }, admin);
  await api('POST', '/demand-rules', { seat_class_id: seat.id, start: '08:00', end: '14:00', seats: 2 }, admin);
  const li = await api('POST', '/volunteers', {
    name: '李静', counsellor_no: 'C-101', tier: 'counsellor', phone: '+86 139 0000 0101',
    email: 'li.jing@example.org', min_shifts_month: 4, max_nights_month: 2,
  }, admin);
  const wang = await api('POST', '/volunteers', {
    name: '王芳', counsellor_no: 'C-102', tier: 'senior', phone: '+86 139 0000 0102',
    email: 'wang.fang@example.org', preferred_language: 'en',
  }, admin);
  for (const [username, v] of [['lijing', li], ['wangfang', wang]])
    await api('POST', '/accounts', { username, password: VOLUNTEER_PASSWORD, role: 'volunteer', volunteer_id: v.id }, admin);
  const roster = await api('POST', '/rosters', { name: '下月排班', period_start: day(1), period_end: day(14) }, admin);
  const revision = async () => (await api('GET', `/rosters/${roster.id}`, undefined, admin)).revision;
  const assign = async (date, slot, volunteer) => api('POST', `/rosters/${roster.id}/assignments`, {
    revision: await revision(), date, slot, seat_class_id: seat.id, volunteer_id: volunteer,
  }, admin);
  await assign(day(1), '08:00', li.id);
  await assign(day(1), '08:00', wang.id);
  await assign(day(3), '11:00', li.id);
  const moving = await assign(day(6), '08:00', li.id);
  await assign(day(4), '08:00', wang.id);
  await api('POST', `/rosters/${roster.id}/publish`, { revision: await revision() }, admin);
  /* 李静 has seen this version; the next moves one of her shifts */
  const liLogin = await api('POST', '/login', { username: 'lijing', password: VOLUNTEER_PASSWORD });
  await api('POST', '/me/shifts/seen', undefined, liLogin.token);
  await api('PATCH', `/rosters/${roster.id}/assignments/${moving.id}`, { revision: await revision(), date: day(7) }, admin);
  await api('POST', `/rosters/${roster.id}/publish`, { revision: await revision() }, admin);
  /* a draft change after publishing: never shown on the page */
  await assign(day(9), '08:00', li.id);
  const deadline = new Date(Date.now() + 7 * 86400000).toISOString().substring(0, 16) + 'Z';
  const open = await api('POST', '/rounds', { name: '下月空闲征集', period_start: day(1), period_end: day(14), deadline }, admin);
  await api('POST', '/rounds', { name: '本月空闲征集（已截止）', period_start: day(-20), period_end: day(-1), deadline: '2026-01-01T00:00Z' }, admin);
  const link = await api('POST', '/signin-links', { volunteer_id: wang.id }, admin);
  return { admin, li, wang, roster, open, link };
}

async function newPage(browser, errors, acceptLanguage) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setUserAgent(WECHAT_UA);
  await page.setExtraHTTPHeaders({ 'Accept-Language': acceptLanguage });
  await page.setViewport({ width: 360, height: 740, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  return page;
}

async function shot(page, name) {
  const file = path.join(outdir, `web-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert(width <= 360, `${name}: the page is ${width} px wide at 360`);
  console.log('screenshot', file);
}

async function visible(page, selector) {
  await page.waitForSelector(selector, { visible: true, timeout: 10000 });
}

async function tab(page, view) {
  await page.click(`#tabs button[data-view="${view}"]`);
}

async function shiftsAndMonth(page, lang, expect) {
  await visible(page, '#shift-list .shift');
  const shifts = await page.$$eval('#shift-list .shift', (n) => n.length);
  assert(shifts === expect.shifts, `${lang}: ${shifts} shifts shown, ${expect.shifts} published`);
  const changed = await page.$$eval('#shift-list .shift.changed', (n) => n.length);
  assert(changed === expect.changed, `${lang}: ${changed} changed shifts marked`);
  const text = await page.$eval('#shift-list', (n) => n.textContent);
  assert(!/example\.org|\+86/.test(text), `${lang}: a colleague's contact is shown`);
  assert(text.includes(expect.colleague), `${lang}: the colleague ${expect.colleague} is not in ${text}`);
  assert(await page.evaluate(() => document.cookie) === '', `${lang}: a script can read the cookie`);
  await shot(page, `shifts-${lang}`);
  await page.click('#shift-list .shift button.confirm');
  await visible(page, '#shift-list .shift .ok');
  await page.click('#calendar-get');
  await visible(page, '#calendar-links');
  const webcal = await page.$eval('#calendar-webcal', (a) => a.getAttribute('href'));
  assert(webcal.startsWith('webcal://') && webcal.endsWith('.ics'), `${lang}: webcal link ${webcal}`);
  await shot(page, `shifts-confirmed-${lang}`);
  await tab(page, 'month');
  await visible(page, '#month-body .stars');
  await shot(page, `month-${lang}`);
}

async function answerRound(page, lang, seeded) {
  await tab(page, 'rounds');
  await visible(page, '#round-list .round');
  await shot(page, `rounds-${lang}`);
  const rounds = await page.$$('#round-list .round');
  await rounds[0].click();
  await visible(page, '#round-detail table.grid');
  await page.click('.brushes button[data-brush="avoid"]');
  await page.click(`th.day[data-date="${day(2)}"]`);
  await page.click('.brushes button[data-brush="preferred"]');
  await page.click('.weekdays button[data-weekday="6"]');
  await page.click('.brushes button[data-brush="unavailable"]');
  await page.click(`td[data-cell="${day(1)} 08:00"]`);
  if (lang === 'zh-CN') {
    /* the clash shows at once, before anything is sent */
    await visible(page, '.clashes li');
    await visible(page, 'td.clash');
  }
  await shot(page, `round-${lang}`);
  await page.click('#round-save');
  await visible(page, '#toast');
  await visible(page, '#round-detail table.grid');
  await shot(page, `round-saved-${lang}`);
  const volunteer = lang === 'zh-CN' ? seeded.li : seeded.wang;
  const rows = await api('GET', `/volunteers/${volunteer.id}/availability`, undefined, seeded.admin);
  assert(rows.total > 2, `${lang}: the answer wrote ${rows.total} availability rows`);
}

async function closedRound(page, lang) {
  await tab(page, 'rounds');
  await visible(page, '#round-list .round');
  const rounds = await page.$$('#round-list .round');
  await rounds[1].click();
  await visible(page, '#round-detail table.grid');
  assert(await page.$('#round-save') === null, `${lang}: a closed round can be submitted`);
  await shot(page, `round-closed-${lang}`);
}

async function main() {
  const seeded = await seed();
  const errors = [];
  const browser = await puppeteer.launch({
    executablePath: process.env.ROSTER_CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--lang=zh-CN'],
  });
  try {
    /* Chinese: the account's password */
    const zh = await newPage(browser, errors, 'zh-CN,zh;q=0.9');
    await zh.goto(base + '/', { waitUntil: 'networkidle0' });
    await visible(zh, '#view-signin');
    assert((await zh.$eval('h1', (n) => n.textContent)) === '我的值班', 'zh-CN: the title is not Chinese');
    await shot(zh, 'signin-zh-CN');
    await zh.type('#username', 'lijing');
    await zh.type('#password', 'wrong password');
    await zh.click('#signin-button');
    await visible(zh, '#signin-error');
    await shot(zh, 'signin-failed-zh-CN');
    await zh.$eval('#password', (n) => { n.value = ''; });
    await zh.type('#password', VOLUNTEER_PASSWORD);
    await zh.click('#signin-button');
    await shiftsAndMonth(zh, 'zh-CN', { shifts: 3, changed: 1, colleague: 'C-102 芳' });
    await answerRound(zh, 'zh-CN', seeded);
    await closedRound(zh, 'zh-CN');

    /* English: the personal sign-in link, which works once */
    const en = await newPage(browser, errors, 'zh-CN,zh;q=0.9');
    await en.goto(base + '/my/?lang=en#signin=' + seeded.link.token, { waitUntil: 'networkidle0' });
    assert((await en.$eval('h1', (n) => n.textContent)) === 'My shifts', 'en: the title is not English');
    assert(!(await en.evaluate(() => location.hash)).includes('signin'), 'en: the link stays in the address bar');
    await shiftsAndMonth(en, 'en', { shifts: 2, changed: 0, colleague: 'C-101 静' });
    await answerRound(en, 'en', seeded);
    await closedRound(en, 'en');
    const again = await newPage(browser, errors, 'en-GB,en;q=0.9');
    await again.goto(base + '/my/#signin=' + seeded.link.token, { waitUntil: 'networkidle0' });
    await visible(again, '#signin-error');
    await shot(again, 'link-used-en');
  } finally {
    await browser.close();
  }
  const real = errors.filter((e) => !/401|Unauthorized/.test(e));
  assert(real.length === 0, 'errors in the page: ' + real.join(' | '));
  console.log('ok: the page in Chinese and English at 360×740');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
