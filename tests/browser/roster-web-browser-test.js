/*
 * The volunteers' page in headless Chromium at a phone's size (360×740, WeChat's user
 * agent), in Chinese and in English: sign in with an account and with a personal
 * sign-in link, see my shifts, confirm one, get the calendar links, see my month,
 * answer a round on the month grid (a clash flagged at once), find a closed round
 * read-only; then the requests: 李静 gives a shift to 王芳, who accepts on her page, a
 * coordinator approves over the API and the shift moves in both calendar feeds; a swap
 * declined with a reason, a refusal in the user's words, and a pick-up of an open seat.
 * Screenshots of every page go to ROSTER_SCREENSHOTS. Run by
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
  const givenAway = await assign(day(3), '11:00', li.id);
  const moving = await assign(day(6), '08:00', li.id);
  await assign(day(4), '08:00', wang.id);
  await api('POST', `/rosters/${roster.id}/publish`, { revision: await revision() }, admin);
  /* a holiday on the first day and a make-up working day on the fourth, imported as the
   * public holiday-cn JSON is, one file per year should the fortnight cross one */
  const byYear = {};
  for (const [date, isOffDay] of [[day(1), true], [day(4), false]])
    (byYear[date.substring(0, 4)] = byYear[date.substring(0, 4)] || []).push({ name: '测试节', date, isOffDay });
  for (const year of Object.keys(byYear))
    await api('PUT', `/holidays/${year}`, { year: Number(year), papers: ['https://example.org/notice'], days: byYear[year] }, admin);
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
  return { admin, li, wang, roster, open, link, givenAway, moving };
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

async function shot(page, name, screenOnly) {
  const file = path.join(outdir, `web-${name}.png`);
  /* from the top, else the sticky title bar is drawn where the page was scrolled to */
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: file, fullPage: !screenOnly });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert(width <= 360, `${name}: the page is ${width} px wide at 360`);
  console.log('screenshot', file);
}

async function visible(page, selector) {
  await page.waitForSelector(selector, { visible: true, timeout: 10000 });
}

async function tab(page, view) {
  /* the tabs scroll away under the sticky title bar on a long page */
  await page.evaluate(() => window.scrollTo(0, 0));
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
  for (const mark of expect.marks)
    assert(text.includes(mark), `${lang}: the holiday mark ${mark} is not in ${text}`);
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
  if (lang === 'en') {
    /* a count of one takes the singular: "1 star", "5 stars" */
    const month = await page.$eval('#month-body', (n) => n.textContent);
    const counts = [...month.matchAll(/(\d+) (stars?)\b/g)];
    assert(counts.length > 0, `en: no star count in ${month}`);
    for (const c of counts)
      assert((c[1] === '1') === (c[2] === 'star'), `en: "${c[0]}" in ${month}`);
  }
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

/* one volunteer's feed, rotated by the coordinator: {date → STATUS} of its events */
async function feed(seeded, volunteer) {
  const token = await api('POST', `/calendar-tokens/${volunteer.id}`, undefined, seeded.admin);
  const r = await fetch(base + token.url);
  assert(r.ok, `feed of ${volunteer.name}: ${r.status}`);
  const events = {};
  for (const block of (await r.text()).split('BEGIN:VEVENT').slice(1)) {
    const start = /DTSTART[^:]*:(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})/.exec(block);
    const status = /STATUS:(\w+)/.exec(block);
    events[`${start[1]}-${start[2]}-${start[3]} ${start[4]}:${start[5]}`] = status ? status[1] : 'CONFIRMED';
  }
  return events;
}

async function requestTexts(page, list) {
  return page.$$eval(`#${list} li`, (n) => n.map((li) => li.textContent));
}

/* 李静 (zh-CN) gives a shift to 王芳 (en) and asks a swap; 王芳 declines the swap with a
 * reason and accepts the give-away; a coordinator approves over the API */
async function giveAndSwap(zh, en, seeded) {
  const card = `#shift-list .shift[data-assignment="${seeded.givenAway.id}"]`;
  await tab(zh, 'shifts');
  await visible(zh, card);
  await zh.click(`${card} button.rq-giveaway`);
  await visible(zh, `${card} .rq-anyone`);
  await shot(zh, 'giveaway-zh-CN');
  await zh.click(`${card} .rq-anyone`);
  const ask = `${card} .rq-candidates button[data-volunteer="${seeded.wang.id}"]`;
  await visible(zh, ask);
  await shot(zh, 'giveaway-candidates-zh-CN');
  await zh.click(ask);
  await visible(zh, `${card} .rq-panel > .ok`);
  /* the card says a request about it is pending */
  await visible(zh, `${card} .rq-pending`);
  await shot(zh, 'giveaway-asked-zh-CN');
  /* the same shift again: refused as request-pending, said in Chinese */
  await zh.click(`${card} button.rq-giveaway`);
  await zh.click(`${card} .rq-anyone`);
  await zh.waitForFunction((c) => document.querySelector(c + ' .rq-panel .error').textContent !== '', {}, card);
  const refused = await zh.$eval(`${card} .rq-panel .error`, (n) => n.textContent);
  assert(refused === '这个班次已有一个未完成的申请。', `zh-CN: the refusal reads ${refused}`);
  await shot(zh, 'giveaway-refused-zh-CN');

  const swapCard = `#shift-list .shift[data-assignment="${seeded.moving.id}"]`;
  await zh.click(`${swapCard} button.rq-swap`);
  await visible(zh, `${swapCard} .rq-options .rq-ask`);
  const options = await zh.$eval(`${swapCard} .rq-options`, (n) => n.textContent);
  assert(options.includes('C-102'), `zh-CN: 王芳's shift is not a swap option: ${options}`);
  await shot(zh, 'swap-zh-CN');
  await zh.click(`${swapCard} .rq-options .rq-ask`);
  await visible(zh, `${swapCard} .rq-panel > .ok`);

  await tab(zh, 'requests');
  await visible(zh, '#rq-mine .rq');
  const mine = await requestTexts(zh, 'rq-mine');
  assert(mine.length === 3, `zh-CN: ${mine.length} of my requests shown`);
  assert(mine.some((t) => t.includes('把我的') && t.includes('王芳') && t.includes('等待同事回复')),
         `zh-CN: the give-away is not waiting for 王芳: ${mine}`);
  assert(mine.some((t) => t.includes('已撤回')), `zh-CN: the withdrawn open offer is not shown: ${mine}`);
  await shot(zh, 'requests-zh-CN');

  await tab(en, 'requests');
  await visible(en, '#rq-to-me .rq');
  assert((await en.$$('#rq-to-me .rq-accept')).length === 2, 'en: two requests to answer');
  await shot(en, 'requests-en');
  const swapItem = await en.$$eval('#rq-to-me .rq', (n) => n.findIndex((li) => li.textContent.includes('swap')));
  assert(swapItem >= 0, 'en: the swap is not addressed to 王芳');
  const swapId = await en.$$eval('#rq-to-me .rq', (n, i) => n[i].getAttribute('data-request'), swapItem);
  await en.click(`#rq-to-me .rq[data-request="${swapId}"] .rq-decline`);
  await en.type(`#rq-to-me .rq[data-request="${swapId}"] .rq-reason input`, 'I work late that week');
  await shot(en, 'requests-decline-en');
  await en.click(`#rq-to-me .rq[data-request="${swapId}"] .rq-decline-send`);
  await en.waitForSelector(`#rq-to-me .rq-declined[data-request="${swapId}"]`, { visible: true });
  await en.click('#rq-to-me .rq-open .rq-accept');
  await en.waitForSelector('#rq-to-me .rq-accepted', { visible: true });
  const answered = await requestTexts(en, 'rq-to-me');
  assert(answered.some((t) => t.includes('Waiting for the coordinator')), `en: the accepted give-away reads ${answered}`);
  assert(answered.some((t) => t.includes('Declined') && t.includes('I work late')), `en: the declined swap reads ${answered}`);
  await shot(en, 'requests-answered-en');

  const accepted = await api('GET', '/requests?state=accepted', undefined, seeded.admin);
  const gift = accepted.items.find((r) => r.kind === 'giveaway' && r.assignment_id === seeded.givenAway.id);
  assert(gift && gift.target_volunteer_id === seeded.wang.id, 'the coordinator sees no accepted give-away to 王芳');
  const applied = await api('POST', `/requests/${gift.id}/approve`, {}, seeded.admin);
  assert(applied.state === 'applied', `approved give-away is ${applied.state}`);

  const key = `${day(3)} 11:00`;
  const liFeed = await feed(seeded, seeded.li);
  const wangFeed = await feed(seeded, seeded.wang);
  assert(wangFeed[key] === 'CONFIRMED', `王芳's feed has ${wangFeed[key]} at ${key}`);
  assert(liFeed[key] === 'CANCELLED', `李静's feed has ${liFeed[key]} at ${key}, not the cancelled event`);

  await tab(zh, 'shifts');
  await visible(zh, '#shift-list .shift');
  assert(await zh.$(card) === null, 'zh-CN: the given shift is still in 李静\'s shifts');
  await tab(zh, 'requests');
  await visible(zh, '#rq-mine .rq-applied');
  const done = await requestTexts(zh, 'rq-mine');
  assert(done.some((t) => t.includes('已拒绝') && t.includes('I work late')), `zh-CN: the declined swap reads ${done}`);
  await shot(zh, 'requests-done-zh-CN');
  /* the phone's first screen of it, the README's picture */
  await shot(zh, 'requests-screen-zh-CN', true);
  await tab(en, 'shifts');
  await visible(en, '#shift-list .shift');
  const wangShifts = await en.$$eval('#shift-list .shift', (n) => n.map((s) => s.getAttribute('data-assignment')));
  assert(wangShifts.length === 3, `en: 王芳 has ${wangShifts.length} shifts after taking one`);
  await shot(en, 'shifts-taken-en');
}

/* 王芳 (en) picks up an open seat; a coordinator approves; it is in her feed */
async function pickUp(en, seeded) {
  await tab(en, 'requests');
  await visible(en, '#rq-seats .rq-pickup');
  const seat = await en.$eval('#rq-seats .rq-seat', (n) => n.getAttribute('data-seat'));
  await shot(en, 'seats-en');
  await en.click('#rq-seats .rq-pickup');
  await en.waitForSelector('#rq-mine .rq-accepted', { visible: true });
  const mine = await requestTexts(en, 'rq-mine');
  assert(mine.some((t) => t.includes('Pick up') && t.includes('Waiting for the coordinator')), `en: the pick-up reads ${mine}`);
  await shot(en, 'pickup-en');
  const accepted = await api('GET', '/requests?state=accepted', undefined, seeded.admin);
  const pick = accepted.items.find((r) => r.kind === 'pickup');
  assert(pick && pick.requester_id === seeded.wang.id, 'the coordinator sees no pick-up');
  assert(seat === `${pick.date} ${pick.slot}`, `en: the seat shown (${seat}) is not the one asked for`);
  await api('POST', `/requests/${pick.id}/approve`, {}, seeded.admin);
  const wangFeed = await feed(seeded, seeded.wang);
  assert(wangFeed[`${pick.date} ${pick.slot}`] === 'CONFIRMED', `王芳's feed lacks the picked-up seat ${pick.date} ${pick.slot}`);
  await tab(en, 'requests');
  await visible(en, '#rq-mine .rq-applied');
  await shot(en, 'pickup-applied-en');
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
    await shiftsAndMonth(zh, 'zh-CN', { shifts: 3, changed: 1, colleague: 'C-102 芳', marks: ['测试节 · 休'] });
    await answerRound(zh, 'zh-CN', seeded);
    await closedRound(zh, 'zh-CN');

    /* English: the personal sign-in link, which works once */
    const en = await newPage(browser, errors, 'zh-CN,zh;q=0.9');
    await en.goto(base + '/my/?lang=en#signin=' + seeded.link.token, { waitUntil: 'networkidle0' });
    assert((await en.$eval('h1', (n) => n.textContent)) === 'My shifts', 'en: the title is not English');
    assert(!(await en.evaluate(() => location.hash)).includes('signin'), 'en: the link stays in the address bar');
    await shiftsAndMonth(en, 'en', { shifts: 2, changed: 0, colleague: 'C-101 静', marks: ['测试节 · day off', '测试节 · make-up working day'] });
    await answerRound(en, 'en', seeded);
    await closedRound(en, 'en');
    await giveAndSwap(zh, en, seeded);
    await pickUp(en, seeded);
    const again = await newPage(browser, errors, 'en-GB,en;q=0.9');
    await again.goto(base + '/my/#signin=' + seeded.link.token, { waitUntil: 'networkidle0' });
    await visible(again, '#signin-error');
    await shot(again, 'link-used-en');
  } finally {
    await browser.close();
  }
  /* the browser logs the failed sign-ins (401) and the refused second give-away (409) */
  const refusals = errors.filter((e) => /status of 409/.test(e));
  assert(refusals.length === 1, `${refusals.length} refused requests logged, one expected`);
  const real = errors.filter((e) => !/401|Unauthorized|status of 409/.test(e));
  assert(real.length === 0, 'errors in the page: ' + real.join(' | '));
  console.log('ok: the page in Chinese and English at 360×740');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
