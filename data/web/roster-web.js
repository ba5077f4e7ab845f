/*
 * The volunteers' page: sign-in (account or personal link), my shifts, my month and
 * availability rounds. Plain ES5 with XMLHttpRequest so that older in-app browsers
 * (WeChat's) run it; no framework, no build step. Texts come from
 * strings-<lang>.json (see README: translators edit those two files).
 *
 * A later page (requests) plugs in by defining window.RosterRequests = {init: function
 * (ctx) {...}, show: function () {...}} in its own script: ctx gives api(method,
 * path, body, done), t(key, args), el(tag, className, text), toast(text), session and
 * the section to render into, and formatDate(date); when it also defines
 * shiftActions(shift, actions), each card of My shifts hands it its row of buttons.
 */
(function () {
  'use strict';

  var API = '/api/v1';
  var lang = document.documentElement.getAttribute('lang') === 'en' ? 'en' : 'zh-CN';
  var strings = {};
  var session = null;
  var currentView = null;
  var round = null;

  function $(id) { return document.getElementById(id); }

  function t(key, args) {
    var text = strings.hasOwnProperty(key) ? strings[key] : key;
    if (args) {
      for (var name in args) {
        if (args.hasOwnProperty(name))
          text = text.split('{' + name + '}').join(String(args[name]));
      }
    }
    return text;
  }

  /* a string that counts: its "_one" form where the language's plural rules say
   * the count takes it (English "1 star"; Chinese has no such form) */
  function tn(key, count, args) {
    var form = key + '_' + new Intl.PluralRules(lang).select(count);
    return t(strings.hasOwnProperty(form) ? form : key, args);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.appendChild(document.createTextNode(text));
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function show(node, visible) {
    if (visible) node.removeAttribute('hidden');
    else node.setAttribute('hidden', '');
  }

  var toastTimer = null;
  function toast(text) {
    var node = $('toast');
    node.textContent = text;
    show(node, true);
    if (toastTimer) clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { show(node, false); }, 3500);
  }

  /* one request to the API; done(status, json) */
  function api(method, path, body, done) {
    var xhr = new XMLHttpRequest();
    xhr.open(method, API + path, true);
    xhr.setRequestHeader('Accept', 'application/json');
    if (body !== null && body !== undefined)
      xhr.setRequestHeader('Content-Type', 'application/json');
    if (method !== 'GET' && session && session.csrf_token)
      xhr.setRequestHeader('X-CSRF-Token', session.csrf_token);
    xhr.onreadystatechange = function () {
      var json = null;
      if (xhr.readyState !== 4) return;
      try { json = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch (e) { json = null; }
      if (xhr.status === 0) { toast(t('offline')); }
      if (xhr.status === 401 && session && path !== '/session') {
        session = null;
        showSignin(t('session_expired'));
        return;
      }
      done(xhr.status, json);
    };
    xhr.send(body !== null && body !== undefined ? JSON.stringify(body) : null);
  }

  function errorText(json) {
    var message = json && json.error ? json.error.message : '';
    return t('error', { message: message });
  }

  function loadStrings(done) {
    var xhr = new XMLHttpRequest();
    xhr.open('GET', 'strings-' + lang + '.json', true);
    xhr.onreadystatechange = function () {
      if (xhr.readyState !== 4) return;
      try { strings = JSON.parse(xhr.responseText); } catch (e) { strings = {}; }
      done();
    };
    xhr.send(null);
  }

  function applyStrings() {
    var nodes = document.querySelectorAll('[data-t]');
    for (var i = 0; i < nodes.length; i++)
      nodes[i].textContent = t(nodes[i].getAttribute('data-t'));
    document.title = t('title');
    $('lang-switch').setAttribute('href', lang === 'en' ? '?lang=zh' : '?lang=en');
  }

  /* dates: "2026-12-07" → "12月7日 周一" or "Mon 7 Dec" */
  function parseDate(text) {
    var p = text.split('-');
    return new Date(Number(p[0]), Number(p[1]) - 1, Number(p[2]));
  }
  function weekday(date) { return date.getDay() === 0 ? 7 : date.getDay(); }
  function formatDate(text) {
    var d = parseDate(text);
    var months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    if (lang === 'en')
      return t('weekday_' + weekday(d)) + ' ' + d.getDate() + ' ' + months[d.getMonth()];
    return (d.getMonth() + 1) + '月' + d.getDate() + '日 周' + t('weekday_' + weekday(d));
  }
  function formatTime(iso) {
    if (!iso) return '';
    var d = new Date(iso);
    if (isNaN(d.getTime())) return iso;
    function two(n) { return n < 10 ? '0' + n : '' + n; }
    var year = d.getFullYear() !== new Date().getFullYear() ? d.getFullYear() + '/' : '';
    return year + (d.getMonth() + 1) + '/' + d.getDate() + ' ' + two(d.getHours()) + ':' + two(d.getMinutes());
  }

  /* sign-in */
  function showSignin(message) {
    show($('view-signin'), true);
    show($('tabs'), false);
    show($('signout'), false);
    var views = ['shifts', 'month', 'rounds', 'requests'];
    for (var i = 0; i < views.length; i++) show($('view-' + views[i]), false);
    show($('signin-error'), !!message);
    $('signin-error').textContent = message || '';
  }

  function signinFailed(status, json) {
    if (status === 429) {
      var seconds = json && json.error ? (json.error.message.match(/\d+/) || ['?'])[0] : '?';
      return t('signin_locked', { seconds: seconds });
    }
    return status === 401 ? t('signin_failed') : errorText(json);
  }

  function started(json) {
    session = json;
    show($('view-signin'), false);
    show($('tabs'), true);
    show($('signout'), true);
    show($('notice'), !session.volunteer_id);
    $('notice').textContent = session.volunteer_id ? '' : t('not_linked');
    if (window.RosterRequests && window.RosterRequests.init) {
      show(document.querySelector('[data-view="requests"]'), true);
      window.RosterRequests.init({ api: api, t: t, el: el, toast: toast, session: session,
                                   section: $('view-requests'), formatDate: formatDate });
    }
    selectView(session.volunteer_id ? 'shifts' : 'rounds');
  }

  function onSubmit(event) {
    event.preventDefault();
    var button = $('signin-button');
    button.disabled = true;
    api('POST', '/session', { username: $('username').value, password: $('password').value },
        function (status, json) {
          button.disabled = false;
          $('password').value = '';
          if (status === 200) started(json);
          else showSignin(signinFailed(status, json));
        });
  }

  function signinWithLink(token) {
    /* the token leaves the address bar before anything else happens */
    if (window.history && history.replaceState)
      history.replaceState(null, '', location.pathname + location.search);
    else
      location.hash = '';
    api('POST', '/session/link', { token: token }, function (status, json) {
      if (status === 200) started(json);
      else showSignin(status === 401 ? t('link_failed') : signinFailed(status, json));
    });
  }

  function signout() {
    api('DELETE', '/session', null, function () {
      session = null;
      showSignin('');
    });
  }

  /* views */
  function selectView(name) {
    show($('toast'), false);
    var buttons = $('tabs').getElementsByTagName('button');
    for (var i = 0; i < buttons.length; i++) {
      var view = buttons[i].getAttribute('data-view');
      buttons[i].className = view === name ? 'active' : '';
      show($('view-' + view), view === name);
    }
    currentView = name;
    if (name === 'shifts') loadShifts();
    else if (name === 'month') loadMonth();
    else if (name === 'rounds') loadRounds();
    else if (name === 'requests' && window.RosterRequests && window.RosterRequests.show)
      window.RosterRequests.show();
  }

  function onTab(event) {
    var target = event.target;
    if (target && target.getAttribute && target.getAttribute('data-view'))
      selectView(target.getAttribute('data-view'));
  }

  /* my shifts */
  function shiftItem(shift) {
    var item = el('li', 'card shift' + (shift.changed ? ' changed' : ''));
    var when = el('div', 'when', formatDate(shift.date) + ' ' + shift.start + '–' + shift.end);
    if (shift.night) when.appendChild(el('span', 'badge night', t('night')));
    if (shift.changed) when.appendChild(el('span', 'badge changed', t('changed')));
    var day = holidays[shift.date];
    if (day)
      when.appendChild(el('span', 'badge ' + (day.kind === 'working' ? 'makeup' : 'holiday'),
                          t(day.kind === 'working' ? 'holiday_working' : 'holiday_off', { name: day.name })));
    item.appendChild(when);
    item.appendChild(el('div', 'what', (shift.seat_class || '') +
                        (shift.location ? ' · ' + shift.location : '') + ' · ' + shift.roster_name));
    var names = [];
    for (var i = 0; i < shift.colleagues.length; i++)
      names.push(shift.colleagues[i].counsellor_no + ' ' + shift.colleagues[i].given_name);
    item.appendChild(el('div', 'with', names.length ? t('colleagues', { names: names.join(lang === 'en' ? ', ' : '、') })
                                                    : t('no_colleagues')));
    var actions = el('div', 'actions');
    if (shift.confirmed_at) {
      actions.appendChild(el('span', 'ok', '✓ ' + t('confirmed', { time: formatTime(shift.confirmed_at) })));
    } else {
      var button = el('button', 'confirm', t('confirm'));
      button.type = 'button';
      button.onclick = function () {
        button.disabled = true;
        api('POST', '/rosters/' + shift.roster_id + '/assignments/' + shift.assignment_id + '/confirm',
            null, function (status, json) {
              if (status !== 200) { button.disabled = false; toast(errorText(json)); return; }
              shift.confirmed_at = json.confirmed_at;
              item.parentNode.replaceChild(shiftItem(shift), item);
            });
      };
      actions.appendChild(button);
    }
    item.appendChild(actions);
    if (window.RosterRequests && window.RosterRequests.shiftActions)
      window.RosterRequests.shiftActions(shift, actions);
    return item;
  }

  function loadShifts() {
    var list = $('shift-list');
    show($('calendar-card'), !!session.volunteer_id);
    if (!session.volunteer_id) { clear(list); return; }
    clear(list);
    list.appendChild(el('li', 'hint', t('loading')));
    api('GET', '/me/shifts', null, function (status, json) {
      clear(list);
      if (status !== 200) { list.appendChild(el('li', 'error', errorText(json))); return; }
      var items = json.items;
      loadHolidays(items, function () {
        if (!items.length) list.appendChild(el('li', 'card hint', t('no_shifts')));
        for (var i = 0; i < items.length; i++) list.appendChild(shiftItem(items[i]));
        /* what was shown is seen: the next visit marks only later changes */
        api('POST', '/me/shifts/seen', null, function () {});
      });
    });
  }

  /* the imported holidays and make-up working days (调休) of the years @items fall in,
   * kept by date; a year that cannot be read only loses its marks */
  var holidays = {};
  var holidayYears = {};
  function loadHolidays(items, done) {
    var years = [];
    for (var i = 0; i < items.length; i++) {
      var year = items[i].date.substring(0, 4);
      if (!holidayYears[year] && years.indexOf(year) < 0) years.push(year);
    }
    var pending = years.length;
    if (!pending) { done(); return; }
    for (var y = 0; y < years.length; y++) {
      (function (year) {
        api('GET', '/holidays?year=' + year, null, function (status, json) {
          if (status === 200) {
            holidayYears[year] = true;
            for (var k = 0; k < json.items.length; k++) holidays[json.items[k].date] = json.items[k];
          }
          if (--pending === 0) done();
        });
      })(years[y]);
    }
  }

  function getCalendarLink() {
    api('POST', '/calendar-tokens/' + session.volunteer_id, null, function (status, json) {
      if (status !== 200 && status !== 201) { toast(errorText(json)); return; }
      /* a full address when the daemon has a public one, else a path on this one */
      var https = /^https?:\/\//.test(json.url) ? json.url : location.protocol + '//' + location.host + json.url;
      var webcal = https.replace(/^https?:/, 'webcal:');
      $('calendar-webcal').setAttribute('href', webcal);
      $('calendar-webcal').textContent = t('calendar_webcal') + ' (webcal)';
      $('calendar-https').value = https;
      show($('calendar-links'), true);
    });
  }

  /* my month */
  function stat(label, value, note, fraction) {
    var card = el('div', 'card');
    var row = el('div', 'stat');
    row.appendChild(el('span', null, label));
    row.appendChild(el('span', 'value', value));
    card.appendChild(row);
    if (fraction !== null && fraction !== undefined) {
      var bar = el('div', 'progress');
      var fill = el('span');
      fill.style.width = Math.round(Math.min(1, fraction) * 100) + '%';
      bar.appendChild(fill);
      card.appendChild(bar);
    }
    if (note) card.appendChild(el('div', 'hint', note));
    return card;
  }

  function loadMonth() {
    var body = $('month-body');
    clear(body);
    if (!session.volunteer_id) return;
    body.appendChild(el('p', 'hint', t('loading')));
    api('GET', '/me/month', null, function (status, m) {
      clear(body);
      if (status !== 200) { body.appendChild(el('p', 'error', errorText(m))); return; }
      var month = m.month.substring(0, 7);
      var stars = '';
      for (var i = 0; i < 5; i++) stars += i < m.stars ? '★' : '☆';
      body.appendChild(el('h2', null, t('month_heading', { month: month })));
      body.appendChild(stat(t('month_shifts'),
                            m.min_shifts_month !== null ? m.shifts + ' / ' + m.min_shifts_month : String(m.shifts),
                            m.min_shifts_month !== null ? t('month_min', { min: m.min_shifts_month }) : t('month_no_min'),
                            m.min_shifts_month ? m.shifts / m.min_shifts_month : null));
      body.appendChild(stat(t('month_nights'), String(m.nights),
                            m.max_nights_month !== null ? t('month_max_nights', { max: m.max_nights_month }) : null,
                            null));
      body.appendChild(stat(t('hours_year'), t('hours_unit', { hours: Math.round(m.hours_year * 10) / 10 }), null, null));
      var card = stat(t('stars'), tn('stars_value', m.stars, { stars: m.stars }),
                      m.next_stars !== null ? tn('to_next', m.next_stars, { next: m.next_stars, hours: Math.ceil(m.hours_to_next) })
                                            : t('top_level'),
                      null);
      card.insertBefore(el('div', 'stars', stars), card.childNodes[1]);
      body.appendChild(card);
    });
  }

  /* availability rounds */
  function loadRounds() {
    var list = $('round-list');
    show($('toast'), false);
    show(list, true);
    show($('round-detail'), false);
    clear(list);
    api('GET', '/rounds', null, function (status, json) {
      clear(list);
      if (status !== 200) { list.appendChild(el('li', 'error', errorText(json))); return; }
      if (!json.items.length) list.appendChild(el('li', 'card hint', t('no_rounds')));
      for (var i = 0; i < json.items.length; i++) list.appendChild(roundItem(json.items[i]));
    });
  }

  function roundItem(r) {
    var item = el('li', 'card round');
    var title = el('h3', null, r.name);
    title.appendChild(el('span', 'badge ' + (r.open ? 'open' : 'closed'), t(r.open ? 'round_open' : 'round_closed')));
    item.appendChild(title);
    item.appendChild(el('div', 'what', t('round_period', { from: formatDate(r.period_start), to: formatDate(r.period_end) }) +
                        ' · ' + t('round_deadline', { deadline: formatTime(r.deadline) })));
    if (r.answered !== undefined)
      item.appendChild(el('div', 'hint', t('round_answers', { answered: r.answered, total: r.volunteers })));
    else
      item.appendChild(el('div', 'hint', r.answered_at ? t('round_answered', { time: formatTime(r.answered_at) })
                                                       : t('round_not_answered')));
    item.onclick = function () { openRound(r.id); };
    return item;
  }

  function openRound(id) {
    api('GET', '/rounds/' + id, null, function (status, json) {
      if (status !== 200) { toast(errorText(json)); return; }
      round = json;
      round.brush = 'unavailable';
      round.cells = {};
      round.days = {};
      var marks = json.marks || [];
      for (var i = 0; i < marks.length; i++) {
        if (marks[i].start === null) round.days[marks[i].date] = marks[i].kind;
        else round.cells[marks[i].date + ' ' + marks[i].start] = marks[i].kind;
      }
      round.shiftCells = {};
      var shifts = json.shifts || [];
      for (i = 0; i < shifts.length; i++) round.shiftCells[shifts[i].date + ' ' + shifts[i].start] = true;
      show($('round-list'), false);
      renderRound();
    });
  }

  function datesOf(r) {
    var dates = [];
    var d = parseDate(r.period_start);
    var end = parseDate(r.period_end);
    function two(n) { return n < 10 ? '0' + n : '' + n; }
    while (d.getTime() <= end.getTime()) {
      dates.push(d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate()));
      d = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1);
    }
    return dates;
  }

  function kindOf(date, start) {
    var key = date + ' ' + start;
    return round.cells.hasOwnProperty(key) ? round.cells[key] : (round.days[date] || '');
  }

  function paintDay(date) {
    var slots = round.slots;
    for (var i = 0; i < slots.length; i++) delete round.cells[date + ' ' + slots[i].start];
    if (round.brush === 'clear') delete round.days[date];
    else round.days[date] = round.brush;
  }

  function paintCell(date, start) {
    var key = date + ' ' + start;
    var day = round.days[date];
    if (day) {
      /* a whole-day mark becomes one mark per slot before one slot changes */
      for (var i = 0; i < round.slots.length; i++) round.cells[date + ' ' + round.slots[i].start] = day;
      delete round.days[date];
    }
    if (round.brush === 'clear') delete round.cells[key];
    else round.cells[key] = round.brush;
  }

  function clashes() {
    var found = [];
    for (var key in round.shiftCells) {
      if (!round.shiftCells.hasOwnProperty(key)) continue;
      var parts = key.split(' ');
      var kind = kindOf(parts[0], parts[1]);
      if (kind === 'unavailable' || kind === 'avoid') found.push({ date: parts[0], start: parts[1] });
    }
    return found;
  }

  function renderRound() {
    var box = $('round-detail');
    var editable = round.open && !!session.volunteer_id;
    clear(box);
    show(box, true);
    var back = el('button', 'link', '‹ ' + t('round_back'));
    back.type = 'button';
    back.onclick = loadRounds;
    box.appendChild(back);
    var title = el('h2', null, round.name);
    title.appendChild(el('span', 'badge ' + (round.open ? 'open' : 'closed'), t(round.open ? 'round_open' : 'round_closed')));
    box.appendChild(title);
    box.appendChild(el('div', 'hint', t('round_period', { from: formatDate(round.period_start), to: formatDate(round.period_end) }) +
                       ' · ' + t('round_deadline', { deadline: formatTime(round.deadline) })));
    if (!session.volunteer_id) {
      renderAnswers(box);
      return;
    }
    if (editable) {
      box.appendChild(el('p', 'hint', t('brush_hint')));
      var brushes = el('div', 'brushes legend');
      var kinds = ['unavailable', 'avoid', 'preferred', 'clear'];
      for (var i = 0; i < kinds.length; i++) brushes.appendChild(brushButton(kinds[i]));
      box.appendChild(brushes);
      var weekdays = el('div', 'weekdays');
      weekdays.appendChild(el('span', null, t('every_weekday')));
      for (var w = 1; w <= 7; w++) weekdays.appendChild(weekdayButton(w));
      box.appendChild(weekdays);
    }
    box.appendChild(gridTable(editable));
    var found = clashes();
    if (found.length) {
      var list = el('ul', 'clashes');
      list.setAttribute('role', 'alert');
      for (var c = 0; c < found.length; c++)
        list.appendChild(el('li', null, t('clash', { date: formatDate(found[c].date), start: found[c].start })));
      box.appendChild(list);
    }
    if (editable) {
      var bar = el('div', 'savebar');
      var save = el('button', 'primary', t('save'));
      save.type = 'button';
      save.id = 'round-save';
      save.onclick = saveRound;
      bar.appendChild(save);
      box.appendChild(bar);
    }
  }

  function brushButton(kind) {
    var button = el('button', (kind === 'clear' ? '' : kind) + (round.brush === kind ? ' active' : ''), t('brush_' + kind));
    button.type = 'button';
    button.setAttribute('data-brush', kind);
    button.onclick = function () { round.brush = kind; renderRound(); };
    return button;
  }

  function weekdayButton(w) {
    var button = el('button', null, t('weekday_' + w));
    button.type = 'button';
    button.setAttribute('data-weekday', String(w));
    button.onclick = function () {
      var dates = datesOf(round);
      for (var i = 0; i < dates.length; i++)
        if (weekday(parseDate(dates[i])) === w) paintDay(dates[i]);
      renderRound();
    };
    return button;
  }

  function gridTable(editable) {
    var table = el('table', 'grid');
    var head = el('tr');
    head.appendChild(el('th', null, ''));
    for (var s = 0; s < round.slots.length; s++)
      head.appendChild(el('th', null, round.slots[s].start.replace(':00', '')));
    table.appendChild(head);
    var dates = datesOf(round);
    var lastMonth = '';
    for (var i = 0; i < dates.length; i++) {
      var date = dates[i];
      if (date.substring(0, 7) !== lastMonth) {
        lastMonth = date.substring(0, 7);
        var monthRow = el('tr', 'month');
        var monthCell = el('th', null, lastMonth);
        monthCell.colSpan = round.slots.length + 1;
        monthRow.appendChild(monthCell);
        table.appendChild(monthRow);
      }
      table.appendChild(gridRow(date, editable));
    }
    return table;
  }

  function gridRow(date, editable) {
    var row = el('tr');
    var d = parseDate(date);
    var label = el('th', 'day' + (weekday(d) >= 6 ? ' weekend' : ''),
                   lang === 'en' ? t('weekday_' + weekday(d)) + ' ' + d.getDate()
                                 : d.getDate() + ' ' + t('weekday_' + weekday(d)));
    label.setAttribute('data-date', date);
    if (editable) label.onclick = function () { paintDay(date); renderRound(); };
    row.appendChild(label);
    for (var s = 0; s < round.slots.length; s++) {
      var start = round.slots[s].start;
      var kind = kindOf(date, start);
      var shift = round.shiftCells[date + ' ' + start];
      var cell = el('td', kind + (shift ? ' shift' : '') +
                    (shift && (kind === 'unavailable' || kind === 'avoid') ? ' clash' : ''));
      cell.setAttribute('data-cell', date + ' ' + start);
      if (shift) cell.title = t(kind === 'unavailable' || kind === 'avoid' ? 'clash_title' : 'has_shift');
      if (editable) cell.onclick = cellHandler(date, start);
      row.appendChild(cell);
    }
    return row;
  }

  function cellHandler(date, start) {
    return function () { paintCell(date, start); renderRound(); };
  }

  function collectMarks() {
    var marks = [];
    var slotEnd = {};
    for (var s = 0; s < round.slots.length; s++) slotEnd[round.slots[s].start] = round.slots[s].end;
    for (var date in round.days)
      if (round.days.hasOwnProperty(date)) marks.push({ date: date, kind: round.days[date] });
    for (var key in round.cells) {
      if (!round.cells.hasOwnProperty(key)) continue;
      var parts = key.split(' ');
      marks.push({ date: parts[0], start: parts[1], end: slotEnd[parts[1]], kind: round.cells[key] });
    }
    return marks;
  }

  function saveRound() {
    var button = $('round-save');
    button.disabled = true;
    api('PUT', '/rounds/' + round.id + '/marks', { marks: collectMarks() }, function (status, json) {
      button.disabled = false;
      if (status !== 200) { toast(errorText(json)); return; }
      toast(t('saved') + (json.clashes && json.clashes.length ? ' ' + t('clash_title') : ''));
      openRound(round.id);
    });
  }

  function renderAnswers(box) {
    var answers = round.answers || [];
    var list = el('ul', 'list');
    for (var i = 0; i < answers.length; i++) {
      var a = answers[i];
      list.appendChild(el('li', 'card', a.counsellor_no + ' ' + a.name + ' · ' +
                          (a.answered_at ? t('round_answered', { time: formatTime(a.answered_at) })
                                         : t('round_not_answered'))));
    }
    box.appendChild(list);
  }

  function start() {
    applyStrings();
    $('signin-form').onsubmit = onSubmit;
    $('signout').onclick = signout;
    $('tabs').onclick = onTab;
    $('calendar-get').onclick = getCalendarLink;
    var match = /[#&]signin=([0-9a-f]{64})/.exec(location.hash || '');
    if (match) { signinWithLink(match[1]); return; }
    api('GET', '/session', null, function (status, json) {
      if (status === 200) started(json);
      else showSignin('');
    });
  }

  loadStrings(start);
})();
