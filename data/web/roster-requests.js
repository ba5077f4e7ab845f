/*
 * The volunteers' page, requests: give a shift away (to anyone eligible or to a colleague
 * the API ranks), ask for a swap, answer what is addressed to me, withdraw my own, and
 * pick up an open seat. Plugs into roster-web.js as window.RosterRequests; plain ES5.
 * Refusals are shown from their stable code (the error's "field"), never the code itself.
 */
(function () {
  'use strict';

  var ctx = null;
  var REFUSALS = ['request-state', 'seat-claimed', 'seat-taken', 'request-pending', 'shift-changed',
                  'shift-started', 'not-party', 'csrf-failed', 'not-eligible', 'unavailable', 'min-rest',
                  'max-shifts-month', 'max-hours-month', 'max-nights-month', 'max-hours-week',
                  'max-consecutive-days', 'team-rotation', 'trainee-alone', 'one-shift-per-day', 'on-site'];

  function t(key, args) { return ctx.t(key, args); }
  function el(tag, className, text) { return ctx.el(tag, className, text); }
  function me() { return ctx.session.volunteer_id; }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function button(className, text, onclick) {
    var b = el('button', className, text);
    b.type = 'button';
    b.onclick = onclick;
    return b;
  }

  /* the user's words for a refusal: its stable code, else the kind of answer */
  function refusal(status, json) {
    var field = json && json.error ? json.error.field : null;
    for (var i = 0; i < REFUSALS.length; i++)
      if (REFUSALS[i] === field) return t('rq_refusal_' + field);
    if (status === 0) return t('offline');
    if (status === 404) return t('rq_refusal_gone');
    if (status === 403) return t('rq_refusal_forbidden');
    if (status === 409) return t('rq_refusal_conflict');
    if (status === 422) return t('rq_refusal_rule');
    return t('rq_refusal_other');
  }

  function when(date, slot) {
    return ctx.formatDate(date) + ' ' + slot;
  }

  function person(name, number) {
    return (number ? number + ' ' : '') + (name || '');
  }

  /* a busy button for one call; done(status, json) runs after it comes back */
  function call(b, method, path, body, ok, failed) {
    if (b) b.disabled = true;
    ctx.api(method, path, body, function (status, json) {
      if (b) b.disabled = false;
      if (status >= 200 && status < 300) ok(json);
      else if (failed) failed(refusal(status, json));
      else ctx.toast(refusal(status, json));
    });
  }

  /* marks the cards of My shifts that my pending requests are about, once per list */
  var marking = null;
  function markPending() {
    if (marking) return;
    marking = setTimeout(function () {
      ctx.api('GET', '/requests', null, function (status, json) {
        marking = null;
        if (status !== 200) return;
        for (var i = 0; i < json.items.length; i++) {
          var r = json.items[i];
          if (r.requester_id !== me() || !pending(r) || !r.assignment_id) continue;
          var card = document.querySelector('#shift-list [data-assignment="' + r.assignment_id + '"]');
          if (card && !card.querySelector('.rq-pending'))
            card.querySelector('.when').appendChild(el('span', 'badge rq-pending', t('rq_pending_' + r.kind)));
        }
      });
    }, 0);
  }

  /* on a shift of My shifts: give away and swap, each opening a panel in the card */
  function shiftActions(shift, actions) {
    if (!me()) return;
    markPending();
    actions.parentNode.setAttribute('data-assignment', String(shift.assignment_id));
    var panel = el('div', 'rq-panel');
    panel.setAttribute('hidden', '');
    function open(fill) {
      clear(panel);
      panel.removeAttribute('hidden');
      fill(panel);
    }
    actions.appendChild(button('rq-giveaway', t('rq_giveaway'), function () { open(giveawayPanel(shift)); }));
    actions.appendChild(button('rq-swap', t('rq_swap'), function () { open(swapPanel(shift)); }));
    actions.parentNode.appendChild(panel);
  }

  function giveawayPanel(shift) {
    return function (panel) {
      panel.appendChild(el('h4', null, t('rq_giveaway_heading')));
      panel.appendChild(el('p', 'hint', t('rq_giveaway_hint')));
      var error = el('p', 'error');
      error.setAttribute('role', 'alert');
      var anyone = button('primary rq-anyone', t('rq_to_anyone'), function () {
        call(anyone, 'POST', '/requests', { kind: 'giveaway', roster_id: shift.roster_id,
                                            assignment_id: shift.assignment_id },
             function (made) { candidates(panel, made); markPending(); },
             function (text) { error.textContent = text; });
      });
      panel.appendChild(anyone);
      panel.appendChild(error);
    };
  }

  /* an open give-away: who may take it, ranked by the API; naming one asks only them */
  function candidates(panel, made) {
    clear(panel);
    panel.appendChild(el('p', 'ok', '✓ ' + t('rq_offered')));
    var list = el('ul', 'list rq-candidates');
    panel.appendChild(el('h4', null, t('rq_candidates_heading')));
    panel.appendChild(list);
    list.appendChild(el('li', 'hint', t('loading')));
    ctx.api('GET', '/requests/' + made.id + '/candidates', null, function (status, json) {
      clear(list);
      if (status !== 200) { list.appendChild(el('li', 'error', refusal(status, json))); return; }
      if (!json.items.length) list.appendChild(el('li', 'hint', t('rq_no_candidates')));
      for (var i = 0; i < json.items.length && i < 8; i++) list.appendChild(candidate(panel, made, json.items[i]));
    });
  }

  function candidate(panel, made, c) {
    var item = el('li', 'rq-row');
    item.appendChild(el('span', null, person(c.volunteer_name, c.volunteer_counsellor_no)));
    var ask = button('rq-ask', t('rq_ask_only'), function () {
      /* the open offer makes way for one to the named colleague */
      call(ask, 'POST', '/requests/' + made.id + '/withdraw', {}, function () {
        call(ask, 'POST', '/requests', { kind: 'giveaway', roster_id: made.roster_id,
                                         assignment_id: made.assignment_id, volunteer_id: c.volunteer_id },
             function () {
               clear(panel);
               panel.appendChild(el('p', 'ok', '✓ ' + t('rq_asked', { name: person(c.volunteer_name, c.volunteer_counsellor_no) })));
             });
      });
    });
    ask.setAttribute('data-volunteer', String(c.volunteer_id));
    item.appendChild(ask);
    return item;
  }

  function swapPanel(shift) {
    return function (panel) {
      panel.appendChild(el('h4', null, t('rq_swap_heading')));
      var list = el('ul', 'list rq-options');
      panel.appendChild(list);
      list.appendChild(el('li', 'hint', t('loading')));
      ctx.api('GET', '/requests/swap-options?roster_id=' + shift.roster_id + '&assignment_id=' + shift.assignment_id,
              null, function (status, json) {
                clear(list);
                if (status !== 200) { list.appendChild(el('li', 'error', refusal(status, json))); return; }
                if (!json.items.length) list.appendChild(el('li', 'hint', t('rq_no_options')));
                for (var i = 0; i < json.items.length; i++) list.appendChild(swapOption(panel, shift, json.items[i]));
              });
    };
  }

  function swapOption(panel, shift, o) {
    var item = el('li', 'rq-row');
    var text = el('span', null, when(o.date, o.slot));
    text.appendChild(el('span', 'hint block', person(o.volunteer_name, o.volunteer_counsellor_no)));
    item.appendChild(text);
    var ask = button('rq-ask', t('rq_ask_swap'), function () {
      call(ask, 'POST', '/requests', { kind: 'swap', roster_id: shift.roster_id, assignment_id: shift.assignment_id,
                                       target_assignment_id: o.assignment_id },
           function () {
             clear(panel);
             markPending();
             panel.appendChild(el('p', 'ok', '✓ ' + t('rq_asked', { name: person(o.volunteer_name, o.volunteer_counsellor_no) })));
           });
    });
    item.appendChild(ask);
    return item;
  }

  /* the Requests tab */
  function show() {
    var box = ctx.section;
    clear(box);
    var mine = el('ul', 'list');
    var toMe = el('ul', 'list');
    var seats = el('ul', 'list');
    box.appendChild(el('h2', null, t('rq_to_me_heading')));
    box.appendChild(toMe);
    box.appendChild(el('h2', null, t('rq_mine_heading')));
    box.appendChild(mine);
    box.appendChild(el('h2', null, t('rq_seats_heading')));
    box.appendChild(el('p', 'hint', t('rq_seats_hint')));
    box.appendChild(seats);
    mine.id = 'rq-mine';
    toMe.id = 'rq-to-me';
    seats.id = 'rq-seats';
    toMe.appendChild(el('li', 'hint', t('loading')));
    ctx.api('GET', '/requests', null, function (status, json) {
      clear(toMe);
      if (status !== 200) { toMe.appendChild(el('li', 'error', refusal(status, json))); return; }
      var items = json.items.slice(0);
      /* what still waits first, then the newest */
      items.sort(function (a, b) { return (pending(b) - pending(a)) || (b.id - a.id); });
      for (var i = 0; i < items.length; i++) {
        var r = items[i];
        if (r.requester_id === me()) mine.appendChild(requestItem(r, true));
        else toMe.appendChild(requestItem(r, false));
      }
      if (!toMe.firstChild) toMe.appendChild(el('li', 'card hint', t('rq_none')));
      if (!mine.firstChild) mine.appendChild(el('li', 'card hint', t('rq_none')));
    });
    loadSeats(seats);
  }

  function pending(r) {
    return r.state === 'open' || r.state === 'accepted' ? 1 : 0;
  }

  function stateWords(r) {
    if (r.state === 'open' && !r.target_volunteer_id && r.kind === 'giveaway') return t('rq_state_open_anyone');
    if (r.state === 'open' && r.requester_id !== me()) return t('rq_state_open_me');
    return t('rq_state_' + r.state);
  }

  function describe(r, asker) {
    var mine = when(r.date, r.slot);
    var target = person(r.target_name, r.target_counsellor_no);
    var requester = person(r.requester_name, r.requester_counsellor_no);
    if (r.kind === 'swap')
      return asker ? t('rq_swap_mine', { mine: mine, theirs: when(r.target_date, r.target_slot), name: target })
                   : t('rq_swap_theirs', { theirs: mine, mine: when(r.target_date, r.target_slot), name: requester });
    if (r.kind === 'giveaway')
      return asker ? (r.target_volunteer_id ? t('rq_giveaway_mine', { shift: mine, name: target })
                                            : t('rq_giveaway_mine_anyone', { shift: mine }))
                   : t('rq_giveaway_theirs', { shift: mine, name: requester });
    return t('rq_pickup_mine', { shift: mine });
  }

  function requestItem(r, asker) {
    var item = el('li', 'card rq rq-' + r.state);
    item.setAttribute('data-request', String(r.id));
    var head = el('div', 'when', describe(r, asker));
    item.appendChild(head);
    item.appendChild(el('div', 'what', (r.seat_class_name ? r.seat_class_name + ' · ' : '') + (r.roster_name || '')));
    var state = el('div', 'rq-state');
    state.appendChild(el('span', 'badge rq-badge ' + r.state, stateWords(r)));
    if (r.taker_name && r.state === 'applied' && r.kind === 'giveaway')
      state.appendChild(el('span', 'hint', ' ' + t('rq_taken_by', { name: person(r.taker_name, r.taker_counsellor_no) })));
    item.appendChild(state);
    if (r.note) item.appendChild(el('div', 'hint', t('rq_note', { note: r.note })));
    if (r.reason) item.appendChild(el('div', 'hint', t('rq_reason_was', { reason: r.reason })));
    var actions = el('div', 'actions');
    var error = el('p', 'error');
    error.setAttribute('role', 'alert');
    function act(b, action, body) {
      call(b, 'POST', '/requests/' + r.id + '/' + action, body, function () {
        ctx.toast(t('rq_done_' + action));
        show();
      }, function (text) { error.textContent = text; });
    }
    if (asker && pending(r)) {
      var withdraw = button('rq-withdraw', t('rq_withdraw'), function () { act(withdraw, 'withdraw', {}); });
      actions.appendChild(withdraw);
    }
    if (!asker && r.state === 'open') {
      var accept = button('primary rq-accept', t('rq_accept'), function () { act(accept, 'accept', {}); });
      actions.appendChild(accept);
      if (r.target_volunteer_id === me())
        actions.appendChild(button('rq-decline', t('rq_decline'), function () { declineForm(item, act); }));
    }
    if (actions.firstChild) item.appendChild(actions);
    item.appendChild(error);
    return item;
  }

  function declineForm(item, act) {
    if (item.querySelector('.rq-reason')) return;
    var form = el('div', 'rq-reason');
    var label = el('label', null, t('rq_reason'));
    var input = el('input');
    input.maxLength = 200;
    label.appendChild(input);
    form.appendChild(label);
    var send = button('rq-decline-send', t('rq_decline_send'), function () {
      act(send, 'decline', input.value ? { reason: input.value } : {});
    });
    form.appendChild(send);
    item.insertBefore(form, item.lastChild);
    input.focus();
  }

  /* open seats: one compact row each, the first few and a button for the rest */
  var SEATS_SHOWN = 8;

  function loadSeats(list) {
    list.appendChild(el('li', 'hint', t('loading')));
    ctx.api('GET', '/requests/open-seats', null, function (status, json) {
      clear(list);
      if (status !== 200) { list.appendChild(el('li', 'error', refusal(status, json))); return; }
      if (!json.items.length) { list.appendChild(el('li', 'card hint', t('rq_no_seats'))); return; }
      var card = el('li', 'card rq-seats');
      list.appendChild(card);
      for (var i = 0; i < json.items.length && i < SEATS_SHOWN; i++) card.appendChild(seatItem(json.items[i]));
      if (json.items.length > SEATS_SHOWN) {
        var more = button('link rq-more', t('rq_more_seats', { count: json.items.length - SEATS_SHOWN }), function () {
          card.removeChild(more);
          for (var j = SEATS_SHOWN; j < json.items.length; j++) card.appendChild(seatItem(json.items[j]));
        });
        card.appendChild(more);
      }
    });
  }

  function seatItem(s) {
    var item = el('div', 'rq-seat');
    item.setAttribute('data-seat', s.date + ' ' + s.slot);
    var row = el('div', 'rq-row');
    var text = el('span', null, when(s.date, s.slot));
    if (s.crisis) text.appendChild(el('span', 'badge night', t('rq_crisis')));
    text.appendChild(el('span', 'hint block', s.name || ''));
    row.appendChild(text);
    var error = el('p', 'error');
    error.setAttribute('role', 'alert');
    var take = button('rq-pickup', t('rq_pickup'), function () {
      call(take, 'POST', '/requests', { kind: 'pickup', roster_id: s.roster_id, date: s.date, slot: s.slot,
                                        seat_class_id: s.seat_class_id },
           function () { ctx.toast(t('rq_picked')); show(); },
           function (text) { error.textContent = text; });
    });
    row.appendChild(take);
    item.appendChild(row);
    item.appendChild(error);
    return item;
  }

  window.RosterRequests = {
    init: function (c) { ctx = c; },
    show: show,
    shiftActions: shiftActions,
  };
})();
