#!/usr/bin/python3
# Copyright 2026 Hotline Roster developers
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The notifications end to end: the real roster-daemon, a real SMTP server on loopback
(aiosmtpd, from Debian's python3-aiosmtpd) and a closed port as an unreachable gateway.

Usage: notify-test.py ROSTER_DAEMON ROSTER_TOOL [TEST...]; exits 77 without aiosmtpd."""

import asyncio
import warnings
import base64
import datetime
import email
import email.header
import json
import logging
import os
import signal
import socket
import ssl
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import http.server
import urllib.error
import urllib.request

# aiosmtpd 1.4 warns about its own attribute on every login
warnings.filterwarnings("ignore", message=".*login_data.*")
logging.getLogger("mail.log").setLevel(logging.ERROR)
try:
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult
except ImportError:
    print("SKIP: python3-aiosmtpd is not installed (apt-get install python3-aiosmtpd)")
    sys.exit(77)

SMTP_USER = "roster"
SMTP_PASSWORD = "mail-Secret-42"
DAEMON = TOOL = None
ADMIN_PASSWORD = "Blue-Lantern-Roster-91"


class Sink:
    """The receiver: every message accepted, decoded, counted by Message-ID."""

    def __init__(self, delay=0.0):
        self.delay = delay
        self.lock = threading.Lock()
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        msg = email.message_from_bytes(envelope.content)
        subject = str(email.header.make_header(email.header.decode_header(msg["Subject"])))
        body = msg.get_payload(decode=True).decode("utf-8")
        with self.lock:
            self.messages.append({"id": msg["Message-ID"], "to": envelope.rcpt_tos,
                                  "subject": subject, "body": body,
                                  "raw": envelope.content.decode("utf-8", "replace")})
        if self.delay:
            await asyncio.sleep(self.delay)
        return "250 OK"

    def snapshot(self):
        with self.lock:
            return list(self.messages)


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = (auth_data.login.decode() == SMTP_USER and
          auth_data.password.decode() == SMTP_PASSWORD)
    # handled=False: aiosmtpd answers 535 itself (by default it leaves that to the hook)
    return AuthResult(success=ok, handled=False)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_smtp(sink, tls_context=None):
    port = free_port()
    # with a TLS context, the server refuses to log in or take mail before STARTTLS
    controller = Controller(sink, hostname="127.0.0.1", port=port,
                            authenticator=authenticator, auth_require_tls=tls_context is not None,
                            tls_context=tls_context, require_starttls=tls_context is not None)
    controller.start()
    return controller, port


class Daemon:
    def __init__(self, daemon_path, tool_path, tmp):
        self.daemon_path = daemon_path
        self.db = os.path.join(tmp, "roster.db")
        self.pwfile = os.path.join(tmp, "admin-password")
        self.log = open(os.path.join(tmp, "daemon.log"), "ab")
        with open(self.pwfile, "w") as f:
            f.write(ADMIN_PASSWORD + "\n")
        subprocess.run([tool_path, "seed-demo", "-d", self.db], check=True,
                       stdout=subprocess.DEVNULL)
        self.proc = None
        self.extra_env = {}
        self.start()

    def start(self):
        # LANGUAGE would override the Chinese of the messages (gettext prefers it to
        # any locale but C); a service's environment has none
        env = {k: v for k, v in os.environ.items() if k != "LANGUAGE"}
        env.update(self.extra_env)
        self.proc = subprocess.Popen([self.daemon_path, "-d", self.db, "-p", "0",
                                      "--admin-password-file", self.pwfile],
                                     stdout=subprocess.PIPE, stderr=self.log, env=env)
        line = self.proc.stdout.readline().decode()
        assert "ready on " in line, line
        self.base = line.split("ready on ")[1].split(" ")[0]
        self.token = self.call("POST", "/login", {"username": "admin",
                                                  "password": ADMIN_PASSWORD})["token"]

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            assert self.proc.wait(timeout=60) == 0
        self.log.close()

    def call(self, method, path, body=None, expect=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        if getattr(self, "token", None):
            req.add_header("Authorization", "Bearer " + self.token)
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                status, text = r.status, r.read()
        except urllib.error.HTTPError as e:
            status, text = e.code, e.read()
        if expect is not None:
            assert status == expect, (method, path, status, text)
        elif status >= 300:
            raise AssertionError((method, path, status, text))
        return json.loads(text) if text else None

    def outbox(self):
        with sqlite3.connect(self.db, timeout=10) as c:
            return c.execute("SELECT id, volunteer_id, state, attempts, last_error"
                             " FROM outbox ORDER BY id").fetchall()


def setup(d, smtp_port, n_volunteers, **settings):
    """Gives the first n volunteers an e-mail address (the rest none, so only they can get
    mail) and a roster of next month with no shift yet; returns (volunteers, roster, seat)."""
    conf = {"smtp_server": "127.0.0.1", "smtp_port": smtp_port, "smtp_tls": "none",
            "smtp_user": SMTP_USER, "smtp_password": SMTP_PASSWORD,
            "smtp_from": "roster@hotline.example", "public_url": "https://roster.example",
            "max_attempts": 3, "backoff_seconds": 1, "timeout_seconds": 5}
    conf.update(settings)
    d.call("PUT", "/messages/settings", conf)
    vols = d.call("GET", "/volunteers?limit=500")["items"]
    for i, v in enumerate(vols):
        mail = "v%d@people.example" % v["id"] if i < n_volunteers else None
        if v.get("email") != mail:
            d.call("PATCH", "/volunteers/%d" % v["id"],
                   {"revision": v["revision"], "email": mail})
    seat = d.call("GET", "/seat-classes")["items"][0]
    start = (datetime.date.today().replace(day=1) + datetime.timedelta(days=40)).replace(day=1)
    roster = d.call("POST", "/rosters", {"name": "测试月", "period_start": start.isoformat(),
                                         "period_end": (start + datetime.timedelta(days=27)).isoformat()})
    return vols[:n_volunteers], roster, seat


def assign(d, roster_id, volunteer_id, date, slot, seat):
    r = d.call("GET", "/rosters/%d" % roster_id)
    return d.call("POST", "/rosters/%d/assignments" % roster_id,
                  {"revision": r["revision"], "date": date, "slot": slot,
                   "seat_class_id": seat["id"], "volunteer_id": volunteer_id, "override": True})


def publish(d, roster_id):
    r = d.call("GET", "/rosters/%d" % roster_id)
    d.call("POST", "/rosters/%d/publish" % roster_id, {"revision": r["revision"]})


def wait_for(predicate, timeout=30.0, what="a condition"):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError("timed out waiting for " + what)


def day(roster, n):
    return (datetime.date.fromisoformat(roster["period_start"]) +
            datetime.timedelta(days=n)).isoformat()


def test_digest(d, sink, smtp_port):
    """The digest after each publish holds exactly the volunteer's own diff."""
    vols, roster, seat = setup(d, smtp_port, 3)
    a, b, c = vols
    assign(d, roster["id"], a["id"], day(roster, 0), "08:00", seat)
    aid = assign(d, roster["id"], a["id"], day(roster, 2), "11:00", seat)
    bid = assign(d, roster["id"], b["id"], day(roster, 5), "14:00", seat)
    assign(d, roster["id"], c["id"], day(roster, 7), "08:00", seat)
    publish(d, roster["id"])
    wait_for(lambda: len(sink.snapshot()) == 3, what="three first digests")
    first = {m["to"][0]: m for m in sink.snapshot()}
    ma = first["v%d@people.example" % a["id"]]
    assert ma["subject"].startswith("排班已发布"), ma["subject"]
    assert "新增" in ma["body"] and day(roster, 0) + " 08:00" in ma["body"]
    assert day(roster, 2) + " 11:00" in ma["body"]
    assert "https://roster.example/my/" in ma["body"]
    for other in (b, c):
        assert other["name"] not in ma["raw"] and other["name"] not in ma["body"]
    assert day(roster, 5) not in ma["body"] and day(roster, 7) not in ma["body"]

    # version 2: a's day-2 shift moves to 17:00, b's shift goes, c keeps hers
    r = d.call("GET", "/rosters/%d" % roster["id"])
    d.call("PATCH", "/rosters/%d/assignments/%d" % (roster["id"], aid["id"]),
           {"revision": r["revision"], "slot": "17:00", "override": True})
    r = d.call("GET", "/rosters/%d" % roster["id"])
    d.call("DELETE", "/rosters/%d/assignments/%d?revision=%d&override=true"
           % (roster["id"], bid["id"], r["revision"]), expect=None)
    publish(d, roster["id"])
    wait_for(lambda: len(sink.snapshot()) == 5, what="two second digests")
    second = {m["to"][0]: m for m in sink.snapshot()[3:]}
    assert set(second) == {"v%d@people.example" % a["id"], "v%d@people.example" % b["id"]}
    ma = second["v%d@people.example" % a["id"]]
    assert "调整" in ma["body"], ma["body"]
    assert "%s 11:00" % day(roster, 2) in ma["body"] and "%s 17:00" % day(roster, 2) in ma["body"]
    assert day(roster, 0) not in ma["body"], "an unchanged shift is not in the digest"
    mb = second["v%d@people.example" % b["id"]]
    assert "取消" in mb["body"] and day(roster, 5) + " 14:00" in mb["body"]
    assert a["name"] not in mb["body"] and day(roster, 2) not in mb["body"]
    listed = d.call("GET", "/messages?state=sent")
    assert listed["total"] == 5, listed
    assert "smtp_password" not in d.call("GET", "/messages/settings")
    assert d.call("GET", "/messages/settings")["smtp_password_set"] is True


def one_digest(d, sink, smtp_port, language):
    """Gives one volunteer the language and a shift of a new roster, publishes it and
    returns the digest the volunteer gets."""
    vols, roster, seat = setup(d, smtp_port, 1)
    v = d.call("GET", "/volunteers/%d" % vols[0]["id"])
    d.call("PATCH", "/volunteers/%d" % v["id"], {"revision": v["revision"],
                                                 "preferred_language": language})
    assign(d, roster["id"], v["id"], day(roster, 1), "08:00", seat)
    publish(d, roster["id"])
    return wait_for(lambda: sink.snapshot(), what="the digest")[0]


def test_english(d, sink, smtp_port):
    """A volunteer whose language is English gets the digest in English."""
    m = one_digest(d, sink, smtp_port, "en")
    assert m["subject"].startswith("Roster published"), m["subject"]
    assert "Added:" in m["body"]


def test_two_languages(d, sink, smtp_port):
    """One publish, two digests rendered by the same daemon: each in its volunteer's
    language through the translation catalog (en: the msgids; zh-CN: po/zh_CN.po)."""
    vols, roster, seat = setup(d, smtp_port, 2)
    for v, lang in zip(vols, ("en", "zh-CN")):
        v = d.call("GET", "/volunteers/%d" % v["id"])
        d.call("PATCH", "/volunteers/%d" % v["id"], {"revision": v["revision"],
                                                     "preferred_language": lang})
        assign(d, roster["id"], v["id"], day(roster, 1), "08:00", seat)
    publish(d, roster["id"])
    got = {m["to"][0]: m for m in wait_for(lambda: len(sink.snapshot()) == 2 and
                                           sink.snapshot(), what="two digests")}
    en = got["v%d@people.example" % vols[0]["id"]]
    zh = got["v%d@people.example" % vols[1]["id"]]
    assert en["subject"] == "Roster published: 测试月, your shifts changed", en["subject"]
    assert "Added:" in en["body"] and "please do not reply" in en["body"], en["body"]
    assert "新增" not in en["body"], en["body"]
    assert zh["subject"] == "排班已发布：测试月，您的班次有变动", zh["subject"]
    assert "排班表“测试月”已发布第 1 版" in zh["body"], zh["body"]
    assert "新增：" in zh["body"] and "本消息由系统自动发送" in zh["body"], zh["body"]
    assert "Added" not in zh["body"], zh["body"]


def test_no_chinese_locale(d, sink, smtp_port):
    """On a machine without the zh_CN.UTF-8 locale (LOCPATH names an empty folder, so
    glibc finds none) a Chinese volunteer's digest is written in English, not dropped,
    and the log says why once."""
    d.stop()
    empty = os.path.join(os.path.dirname(d.db), "no-locales")
    os.mkdir(empty)
    d.log = open(os.path.join(os.path.dirname(d.db), "daemon.log"), "ab")
    d.extra_env = {"LOCPATH": empty}
    d.token = None
    d.start()
    m = one_digest(d, sink, smtp_port, "zh-CN")
    assert m["subject"] == "Roster published: 测试月, your shifts changed", m["subject"]
    assert "Added:" in m["body"] and "新增" not in m["body"], m["body"]
    with open(os.path.join(os.path.dirname(d.db), "daemon.log"), "rb") as f:
        log = f.read().decode("utf-8", "replace")
    assert log.count("zh_CN.UTF-8 is not installed") == 1, log[-2000:]


def test_refused_login(d, sink, smtp_port):
    """A refused SMTP login ends as failed with the reason after the retries; the daemon
    keeps serving; resend after the password is fixed delivers it."""
    vols, roster, seat = setup(d, smtp_port, 1, smtp_password="wrong-password")
    assign(d, roster["id"], vols[0]["id"], day(roster, 1), "08:00", seat)
    publish(d, roster["id"])
    failed = wait_for(lambda: d.call("GET", "/messages?state=failed")["items"],
                      what="the message to fail")
    assert failed[0]["attempts"] == 3, failed
    assert "login" in failed[0]["last_error"].lower() or "auth" in failed[0]["last_error"].lower(), failed
    assert "wrong-password" not in failed[0]["last_error"]
    assert d.call("GET", "/health") is not None
    assert not sink.snapshot()
    with open(os.path.join(os.path.dirname(d.db), "daemon.log"), "rb") as f:
        assert b"wrong-password" not in f.read(), "a secret in the log"
    d.call("PUT", "/messages/settings", {"smtp_password": SMTP_PASSWORD})
    d.call("POST", "/messages/%d/resend" % failed[0]["id"])
    wait_for(lambda: sink.snapshot(), what="the resent message")
    wait_for(lambda: d.call("GET", "/messages?state=sent")["total"] == 1,
             what="the resent message marked sent")


def test_unreachable_webhook(d, sink, smtp_port):
    """An unreachable gateway ends as failed with the reason; the daemon keeps serving."""
    closed = free_port()
    vols, roster, seat = setup(d, smtp_port, 0, smtp_server=None,
                               webhook_url="http://127.0.0.1:%d/sms" % closed,
                               webhook_token="hook-Secret-7", max_attempts=2)
    v = vols and vols[0] or d.call("GET", "/volunteers?limit=1")["items"][0]
    assign(d, roster["id"], v["id"], day(roster, 1), "08:00", seat)
    publish(d, roster["id"])
    failed = wait_for(lambda: d.call("GET", "/messages?state=failed")["items"],
                      what="the webhook message to fail")
    assert failed[0]["transport"] == "webhook" and failed[0]["attempts"] == 2, failed
    assert "connect" in failed[0]["last_error"].lower(), failed
    assert d.call("GET", "/messages/settings")["webhook_token_set"] is True
    assert d.call("GET", "/health") is not None


def test_quiet_hours(d, sink, smtp_port):
    """In the quiet hours a digest waits, pending, until they end."""
    now = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8)))
    start = (now - datetime.timedelta(hours=1)).strftime("%H:%M")
    end = (now + datetime.timedelta(hours=1)).strftime("%H:%M")
    vols, roster, seat = setup(d, smtp_port, 1, quiet_start=start, quiet_end=end,
                               time_zone="Asia/Shanghai")
    assign(d, roster["id"], vols[0]["id"], day(roster, 1), "08:00", seat)
    publish(d, roster["id"])
    time.sleep(2.5)
    items = d.call("GET", "/messages")["items"]
    assert len(items) == 1 and items[0]["state"] == "pending", items
    due = datetime.datetime.fromisoformat(items[0]["next_attempt"].replace("Z", "+00:00"))
    assert 3300 < (due - now).total_seconds() <= 3600, (due, now)
    assert not sink.snapshot()


def test_opt_out(d, sink, smtp_port):
    """A volunteer who opted out of digests gets none; escalations and uncovered-seat
    alerts cannot be refused."""
    vols, roster, seat = setup(d, smtp_port, 2)
    a, b = vols
    d.call("PUT", "/messages/opt-outs/%d" % a["id"], {"opt_out": ["escalation"]}, expect=422)
    d.call("PUT", "/messages/opt-outs/%d" % a["id"], {"opt_out": ["uncovered"]}, expect=422)
    d.call("PUT", "/messages/opt-outs/%d" % a["id"], {"opt_out": ["publish"]})
    assert d.call("GET", "/messages/opt-outs/%d" % a["id"])["opt_out"] == ["publish"]
    assign(d, roster["id"], a["id"], day(roster, 1), "08:00", seat)
    assign(d, roster["id"], b["id"], day(roster, 2), "08:00", seat)
    publish(d, roster["id"])
    wait_for(lambda: sink.snapshot(), what="b's digest")
    time.sleep(1.5)
    got = sink.snapshot()
    assert [m["to"][0] for m in got] == ["v%d@people.example" % b["id"]], got
    assert d.call("GET", "/messages")["total"] == 1


def test_kill_burst(d, sink, smtp_port):
    """SIGKILL in a burst of sends, then a restart: every message arrives, and none that
    was marked sent arrives twice."""
    n = 30
    sink.delay = 0.15
    vols, roster, seat = setup(d, smtp_port, n)
    for i, v in enumerate(vols):
        assign(d, roster["id"], v["id"], day(roster, i % 28), "08:00" if i < 28 else "11:00", seat)
    publish(d, roster["id"])
    wait_for(lambda: len(sink.snapshot()) >= 8, what="a few messages")
    d.kill()
    marked = {row[0] for row in d.outbox() if row[2] == "sent"}
    assert 0 < len(marked) < n, marked
    d.start()
    wait_for(lambda: all(row[2] == "sent" for row in d.outbox()), timeout=60,
             what="every message sent")
    got = sink.snapshot()
    ids = [m["id"] for m in got]
    assert len(set(ids)) == n, (len(set(ids)), n)
    for mid in marked:
        assert sum(1 for i in ids if i.startswith("<roster-outbox-%d." % mid)) == 1, mid
    print("# %d messages, %d received, %d marked sent before the kill"
          % (n, len(ids), len(marked)))
    assert len(ids) - n <= 1, "only the message in flight may arrive twice"


def test_api_errors(d, sink, smtp_port):
    """Bad settings, filters and callers get a stable error and change nothing."""
    before = d.call("GET", "/messages/settings")
    for body, field in (({"smtp_tls": "maybe"}, "smtp_tls"), ({"smtp_port": 70000}, "smtp_port"),
                        ({"colour": "red"}, "colour"), ({"quiet_start": "25:00"}, "quiet_start"),
                        ({"webhook_url": "ftp://x"}, "webhook_url"),
                        ({"smtp_from": "a@b\r\nBcc: c@d"}, "smtp_from"),
                        ({"reminder_minutes": [1]}, "reminder_minutes"),
                        ({"reminder_minutes": [120, 120]}, "reminder_minutes"),
                        ({"reminder_minutes": "24h"}, "reminder_minutes")):
        e = d.call("PUT", "/messages/settings", body, expect=422)["error"]
        assert e["code"] == "invalid-data" and e["field"] == field, e
    assert d.call("GET", "/messages/settings") == before
    assert before["reminder_minutes"] == [1440, 120], before
    assert d.call("GET", "/messages?state=lost", expect=422)["error"]["field"] == "state"
    assert d.call("POST", "/messages/999/resend", expect=404)["error"]["code"] == "not-found"
    # a volunteer account sees no messages and sets only its own opt-outs
    vol = d.call("GET", "/volunteers?limit=2")["items"]
    d.call("POST", "/accounts", {"username": "vol1", "role": "volunteer",
                                 "volunteer_id": vol[0]["id"], "password": "Quiet-Harbour-Lamp-58"})
    admin = d.token
    d.token = d.call("POST", "/login", {"username": "vol1",
                                        "password": "Quiet-Harbour-Lamp-58"})["token"]
    try:
        d.call("GET", "/messages", expect=403)
        d.call("GET", "/messages/settings", expect=403)
        d.call("PUT", "/messages/opt-outs/%d" % vol[1]["id"], {"opt_out": []}, expect=403)
        d.call("PUT", "/messages/opt-outs/%d" % vol[0]["id"], {"opt_out": ["reminder"]})
    finally:
        d.token = admin


def test_starttls(d, sink, smtp_port):
    """STARTTLS with a login: delivered when the server's certificate is trusted through
    smtp_ca_file, failed with a certificate error when it is not."""
    tmp = os.path.dirname(d.db)
    cert, key = os.path.join(tmp, "cert.pem"), os.path.join(tmp, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", key, "-out", cert], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    tls_sink = Sink()
    controller, port = start_smtp(tls_sink, context)
    try:
        vols, roster, seat = setup(d, port, 2, smtp_tls="starttls", max_attempts=1)
        assign(d, roster["id"], vols[0]["id"], day(roster, 1), "08:00", seat)
        publish(d, roster["id"])
        failed = wait_for(lambda: d.call("GET", "/messages?state=failed")["items"],
                          what="the untrusted certificate to fail")
        assert "certificate" in failed[0]["last_error"].lower(), failed
        d.call("PUT", "/messages/settings", {"smtp_ca_file": cert})
        d.call("POST", "/messages/%d/resend" % failed[0]["id"])
        wait_for(lambda: tls_sink.snapshot(), what="the message over STARTTLS")
        # the server has it before the worker marks it sent
        wait_for(lambda: d.call("GET", "/messages?state=sent")["total"] == 1,
                 what="the message marked sent")
    finally:
        controller.stop()


class Hook(http.server.BaseHTTPRequestHandler):
    received = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Hook.received.append((self.headers.get("Authorization"), json.loads(body)))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_webhook(d, sink, smtp_port):
    """The webhook gets the message as JSON with the bearer token: the volunteer's phone,
    their own shift, a Message-ID; nothing goes by e-mail to someone without an address."""
    Hook.received = []
    server = http.server.HTTPServer(("127.0.0.1", 0), Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = "http://127.0.0.1:%d/sms" % server.server_address[1]
        vols, roster, seat = setup(d, smtp_port, 0, webhook_url=url, webhook_token="hook-Secret-7")
        v = d.call("GET", "/volunteers?limit=1")["items"][0]
        assign(d, roster["id"], v["id"], day(roster, 3), "11:00", seat)
        publish(d, roster["id"])
        wait_for(lambda: Hook.received, what="the webhook call")
        auth, msg = Hook.received[0]
        assert auth == "Bearer hook-Secret-7", auth
        assert msg["to"] == v["phone"] and msg["kind"] == "publish", msg
        assert msg["message_id"].startswith("<roster-outbox-1."), msg
        assert day(roster, 3) + " 11:00" in msg["body"], msg
        assert not sink.snapshot()
        wait_for(lambda: d.call("GET", "/messages?state=sent")["total"] == 1, what="sent")
    finally:
        server.shutdown()


CN = datetime.timezone(datetime.timedelta(hours=8))


def set_clock(d, when):
    """Moves the daemon's clock (a debug build reads ROSTER_TEST_NOW_FILE) and waits for
    two passes of the reminders, which run each second under a test clock."""
    with open(os.environ["ROSTER_TEST_NOW_FILE"], "w") as f:
        f.write("%d\n" % int(when.timestamp()))
    time.sleep(2.5)


def reminders(d):
    return d.call("GET", "/messages?kind=reminder&limit=100")["items"]


def shift_start(roster, n, slot):
    date = datetime.date.fromisoformat(day(roster, n))
    h, m = slot.split(":")
    return datetime.datetime(date.year, date.month, date.day, int(h), int(m), tzinfo=CN)


def confirm(d, link, expect):
    """Opens a confirm link without a login; returns the page."""
    origin = "/".join(d.base.split("/")[:3])
    path = link.replace("https://roster.example", "")
    try:
        with urllib.request.urlopen(origin + path, timeout=30) as r:
            status, text = r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        status, text = e.code, e.read().decode()
    assert status == expect, (link, status, text)
    return text


def link_of(body):
    return [w for w in body.split() if "/confirm/" in w][0]


def test_reminders(d, sink, smtp_port):
    """Reminders at the set offsets by the test's clock: none before the time, each offset
    once, the first with the confirm link, English for an English volunteer, none for a
    shift that is only in the draft."""
    vols, roster, seat = setup(d, smtp_port, 3)
    a, b, c = vols
    v = d.call("GET", "/volunteers/%d" % b["id"])
    d.call("PATCH", "/volunteers/%d" % b["id"], {"revision": v["revision"],
                                                 "preferred_language": "en"})
    assign(d, roster["id"], a["id"], day(roster, 1), "08:00", seat)
    assign(d, roster["id"], b["id"], day(roster, 1), "14:00", seat)
    publish(d, roster["id"])
    # a shift added after the publish is in the draft only
    assign(d, roster["id"], c["id"], day(roster, 1), "11:00", seat)
    wait_for(lambda: len(sink.snapshot()) == 2, what="the digests")
    start = shift_start(roster, 1, "08:00")
    set_clock(d, start - datetime.timedelta(hours=24, minutes=1))
    assert reminders(d) == [], "a reminder before its time"
    set_clock(d, start - datetime.timedelta(hours=24) + datetime.timedelta(seconds=30))
    time.sleep(1.5)
    got = reminders(d)
    assert len(got) == 1 and got[0]["volunteer_id"] == a["id"], got
    m = wait_for(lambda: [x for x in sink.snapshot() if x["subject"].startswith("班次提醒")],
                 what="a's first reminder")[0]
    assert m["to"] == ["v%d@people.example" % a["id"]], m
    assert day(roster, 1) + " 08:00" in m["body"] and "/confirm/" in m["body"], m["body"]
    assert b["name"] not in m["body"]
    set_clock(d, start - datetime.timedelta(hours=2) + datetime.timedelta(seconds=30))
    got = reminders(d)
    assert len(got) == 3, got
    assert sorted(x["volunteer_id"] for x in got) == sorted([a["id"], a["id"], b["id"]]), got
    assert c["id"] not in [x["volunteer_id"] for x in got], "a reminder of a draft shift"
    wait_for(lambda: len(sink.snapshot()) == 5, what="two digests and three reminders")
    mails = [x for x in sink.snapshot() if "Reminder" in x["subject"] or "班次提醒" in x["subject"]]
    second_a = [x for x in mails if x["to"] == ["v%d@people.example" % a["id"]]][1]
    assert "/confirm/" not in second_a["body"], "only the first reminder has the link"
    mb = [x for x in mails if x["to"] == ["v%d@people.example" % b["id"]]][0]
    assert mb["subject"].startswith("Reminder: your shift") and "/confirm/" in mb["body"], mb
    set_clock(d, start - datetime.timedelta(minutes=30))
    assert len(reminders(d)) == 3, "a reminder written twice"


def test_confirm_link(d, sink, smtp_port):
    """The confirm link confirms once and then says so; an altered token and an expired
    one are refused and confirm nothing."""
    vols, roster, seat = setup(d, smtp_port, 1)
    a = vols[0]
    assign(d, roster["id"], a["id"], day(roster, 1), "08:00", seat)
    publish(d, roster["id"])
    start = shift_start(roster, 1, "08:00")
    set_clock(d, start - datetime.timedelta(hours=3))
    m = wait_for(lambda: [x for x in sink.snapshot() if "/confirm/" in x["body"]],
                 what="the reminder")[0]
    link = link_of(m["body"])
    token = link.split("/confirm/")[1]
    fields = token.split("-")
    # another assignment with the same signature, and a changed signature
    other = "-".join([fields[0], str(int(fields[1]) + 1)] + fields[2:])
    flipped = token[:-1] + ("0" if token[-1] != "0" else "1")
    for bad in (other, flipped, "1-2-3", "x" * 40):
        assert "无效" in confirm(d, "/confirm/" + bad, 404)
    with sqlite3.connect(d.db, timeout=10) as conn:
        assert conn.execute("SELECT COUNT(*) FROM shift_confirmations").fetchone()[0] == 0
    assert "已确认" in confirm(d, link, 200)
    assert "已经确认过了" in confirm(d, link, 200)
    assert "already confirmed" in confirm(d, link + "?lang=en", 200)
    with sqlite3.connect(d.db, timeout=10) as conn:
        rows = conn.execute("SELECT volunteer_id, actor FROM shift_confirmations").fetchall()
    assert rows == [(a["id"], "confirm-link")], rows
    set_clock(d, start + datetime.timedelta(seconds=1))
    assert "过期" in confirm(d, link, 410)


COORDINATOR_PASSWORD = "Quiet-Harbour-Coord-57"


def coordinator(d, username, mail):
    """A coordinator's account with its own e-mail address (or none)."""
    return d.call("POST", "/accounts", {"username": username, "role": "coordinator",
                                        "password": COORDINATOR_PASSWORD, "email": mail})


def crisis_seat(d):
    return [s for s in d.call("GET", "/seat-classes")["items"] if s.get("crisis")][0]


def messages(d, kind):
    return d.call("GET", "/messages?kind=%s&limit=100" % kind)["items"]


def test_escalation(d, sink, smtp_port):
    """An unconfirmed crisis seat goes to the coordinators with an address once, at the
    escalation time before it starts, with the ranked replacements and in quiet hours; a
    confirmed one never does."""
    vols, roster, _ = setup(d, smtp_port, 3)
    a, b, c = vols
    crisis = crisis_seat(d)
    coordinator(d, "coord1", "coord1@hotline.example")
    coordinator(d, "coord2", None)
    assign(d, roster["id"], a["id"], day(roster, 1), "20:00", crisis)
    assign(d, roster["id"], b["id"], day(roster, 1), "23:00", crisis)
    publish(d, roster["id"])
    start_a = shift_start(roster, 1, "20:00")
    start_b = shift_start(roster, 1, "23:00")
    # three hours ahead: the first reminders (with the links), no escalation yet
    set_clock(d, start_a - datetime.timedelta(hours=3))
    mb = wait_for(lambda: [x for x in sink.snapshot()
                           if x["to"] == ["v%d@people.example" % b["id"]] and
                           "/confirm/" in x["body"]], what="b's reminder")[0]
    assert "已确认" in confirm(d, link_of(mb["body"]), 200)
    assert messages(d, "escalation") == [], "an escalation before its time"
    # every hour quiet from now on: the escalation is not held
    d.call("PUT", "/messages/settings", {"quiet_start": "00:00", "quiet_end": "23:59"})
    set_clock(d, start_a - datetime.timedelta(minutes=119))
    got = messages(d, "escalation")
    assert len(got) == 1 and got[0]["volunteer_id"] in (0, None), got
    m = wait_for(lambda: [x for x in sink.snapshot() if x["subject"].startswith("高危专席未确认")],
                 what="the escalation mail")
    assert len(m) == 1 and m[0]["to"] == ["coord1@hotline.example"], m
    body = m[0]["body"]
    assert day(roster, 1) + " 20:00" in body and a["name"] in body, body
    # the replacements: experts free that day (b works that day), best first
    listed = [line.split(". ", 1)[1] for line in body.splitlines()
              if line.startswith("  ") and ". " in line]
    experts = [v["name"] for v in d.call("GET", "/volunteers?limit=500")["items"]
               if v["tier"] == "expert"]
    assert listed and all(n in experts for n in listed), (listed, body)
    assert a["name"] not in listed and b["name"] not in body, body
    assert "@people.example" not in body, "a contact in the escalation"
    # b confirmed: no escalation at b's time, and a's is not written again
    set_clock(d, start_b - datetime.timedelta(minutes=119))
    set_clock(d, start_b - datetime.timedelta(minutes=30))
    assert len(messages(d, "escalation")) == 1, messages(d, "escalation")


def test_coordinator_language(d, sink, smtp_port):
    """A coordinator's account language: only zh-CN or en (422 otherwise, nothing
    changed); an escalation reaches an English coordinator in English and a Chinese one
    in Chinese, from the same pass."""
    vols, roster, _ = setup(d, smtp_port, 1)
    crisis = crisis_seat(d)
    en = coordinator(d, "coord-en", "coord-en@hotline.example")
    coordinator(d, "coord-zh", "coord-zh@hotline.example")
    bad = d.call("PATCH", "/accounts/%d" % en["id"], {"revision": en["revision"],
                                                      "preferred_language": "fr"}, expect=422)
    assert bad["error"]["code"] == "invalid-data", bad
    assert bad["error"].get("field") == "preferred_language", bad
    assert d.call("GET", "/accounts/%d" % en["id"]).get("preferred_language") is None
    en = d.call("PATCH", "/accounts/%d" % en["id"], {"revision": en["revision"],
                                                     "preferred_language": "en"})
    assert en["preferred_language"] == "en", en
    assign(d, roster["id"], vols[0]["id"], day(roster, 1), "20:00", crisis)
    publish(d, roster["id"])
    set_clock(d, shift_start(roster, 1, "20:00") - datetime.timedelta(minutes=119))
    # the escalations (the pass also alerts the uncovered seats of the next 24 h)
    got = wait_for(lambda: (lambda e: e if len(e) == 2 else None)(
        [x for x in sink.snapshot() if x["subject"].startswith(("Crisis", "高危"))]),
        what="two escalations")
    got = {m["to"][0]: m for m in got}
    m = got["coord-en@hotline.example"]
    assert m["subject"].startswith("Crisis seat not confirmed: " + day(roster, 1)), m["subject"]
    assert "Replacements, best first:" in m["body"], m["body"]
    assert "desktop app" in m["body"] and "尚未确认" not in m["body"], m["body"]
    m = got["coord-zh@hotline.example"]
    assert m["subject"].startswith("高危专席未确认：" + day(roster, 1)), m["subject"]
    assert "可替换的人选" in m["body"], m["body"]


def test_uncovered(d, sink, smtp_port):
    """The seats of a published roster uncovered in the next 24 h alert the coordinators,
    each seat once; a held seat is not named."""
    vols, roster, _ = setup(d, smtp_port, 1)
    crisis = crisis_seat(d)
    onsite = [s for s in d.call("GET", "/seat-classes")["items"]
              if s["code"] == "counsel-onsite"][0]
    coordinator(d, "coord1", "coord1@hotline.example")
    assign(d, roster["id"], vols[0]["id"], day(roster, 0), "20:00", crisis)
    publish(d, roster["id"])
    first = shift_start(roster, 0, "08:00")
    set_clock(d, first - datetime.timedelta(hours=25))
    assert messages(d, "uncovered") == [], "an alert for a seat more than 24 h ahead"
    set_clock(d, first - datetime.timedelta(minutes=1))
    assert len(messages(d, "uncovered")) == 1, messages(d, "uncovered")
    m = wait_for(lambda: [x for x in sink.snapshot() if "无人值班" in x["subject"]],
                 what="the alert")[0]
    assert m["to"] == ["coord1@hotline.example"], m
    seat = "%s 08:00 %s 第 2 席" % (day(roster, 0), onsite["name"])
    later = "%s 14:00 %s 第 1 席" % (day(roster, 0), onsite["name"])
    assert seat in m["body"] and later in m["body"], m["body"]
    assert "%s 20:00 %s" % (day(roster, 0), crisis["name"]) not in m["body"], "a held seat"
    assert day(roster, 1) + " 08:00" not in m["body"], "a seat beyond 24 h"
    # three hours on: only the seats that came within 24 h, the others not again
    set_clock(d, first + datetime.timedelta(hours=3) - datetime.timedelta(minutes=1))
    assert len(messages(d, "uncovered")) == 2, messages(d, "uncovered")
    m2 = wait_for(lambda: [x for x in sink.snapshot() if "无人值班" in x["subject"]][1:],
                  what="the second alert")[0]
    assert "%s 08:00 %s 第 1 席" % (day(roster, 1), onsite["name"]) in m2["body"], m2["body"]
    assert later not in m2["body"], "a seat alerted twice"


def login_as(d, username, volunteer_id, role="volunteer"):
    """A new account of @role for the volunteer; its token."""
    d.call("POST", "/accounts", {"username": username, "role": role,
                                 "volunteer_id": volunteer_id,
                                 "password": COORDINATOR_PASSWORD})
    return d.call("POST", "/login", {"username": username,
                                     "password": COORDINATOR_PASSWORD})["token"]


def call_as(d, token, method, path, body=None, expect=None):
    admin, d.token = d.token, token
    try:
        return d.call(method, path, body, expect)
    finally:
        d.token = admin


def test_request_steps(d, sink, smtp_port):
    """Each step of a give-away reaches the people it concerns and nobody else: the
    colleague asked, the coordinators when it waits for approval, the requester and the
    taker when applied, the requester when declined, with the reason."""
    vols, roster, seat = setup(d, smtp_port, 200)
    a = vols[0]
    coordinator(d, "coord1", "coord1@hotline.example")
    assign(d, roster["id"], a["id"], day(roster, 3), "08:00", seat)
    assign(d, roster["id"], a["id"], day(roster, 5), "08:00", seat)
    publish(d, roster["id"])
    wait_for(lambda: len(sink.snapshot()) == 1, what="a's digest")
    shifts = [x for x in d.call("GET", "/rosters/%d" % roster["id"])["assignments"]
              if x["volunteer_id"] == a["id"]]
    shifts.sort(key=lambda x: x["date"])
    ok = [x for x in d.call("GET", "/rosters/%d/suggestions?date=%s&slot=08:00&seat_class=%d"
                            % (roster["id"], day(roster, 3), seat["id"]))["items"]
          if not x["violations"] and x["volunteer_id"] != a["id"]]
    t = [v for v in vols if v["id"] == ok[0]["volunteer_id"]][0]
    others = [v["id"] for v in vols if v["id"] not in (a["id"], t["id"])]
    token_a = login_as(d, "vol-a", a["id"])
    token_t = login_as(d, "vol-t", t["id"])

    def mails_to(address):
        return [x for x in sink.snapshot() if x["to"] == [address]]

    def addr(v):
        return "v%d@people.example" % v["id"]

    r = call_as(d, token_a, "POST", "/requests",
                {"kind": "giveaway", "roster_id": roster["id"],
                 "assignment_id": shifts[0]["id"], "volunteer_id": t["id"]}, expect=201)
    asked = wait_for(lambda: mails_to(addr(t)), what="the colleague's message")
    assert len(asked) == 1 and asked[0]["subject"].startswith("转让班次请求"), asked
    assert a["name"] in asked[0]["body"] and day(roster, 3) in asked[0]["body"], asked
    assert addr(a) not in asked[0]["raw"], "the requester's address in the message"
    call_as(d, token_t, "POST", "/requests/%d/accept" % r["id"], {})
    wait_for(lambda: mails_to("coord1@hotline.example"), what="the coordinators' message")
    m = mails_to("coord1@hotline.example")[0]
    assert m["subject"].startswith("待审批的转让班次"), m
    d.call("POST", "/requests/%d/approve" % r["id"], {})
    done_a = wait_for(lambda: [x for x in mails_to(addr(a)) if "已生效" in x["subject"]],
                      what="the requester's outcome")
    done_t = wait_for(lambda: [x for x in mails_to(addr(t)) if "已生效" in x["subject"]],
                      what="the taker's outcome")
    assert len(done_a) == 1 and len(done_t) == 1
    # a second give-away, declined by a coordinator with a reason
    r2 = call_as(d, token_a, "POST", "/requests",
                 {"kind": "giveaway", "roster_id": roster["id"],
                  "assignment_id": shifts[1]["id"], "volunteer_id": t["id"]}, expect=201)
    wait_for(lambda: len([x for x in mails_to(addr(t)) if x["subject"].startswith("转让班次请求")])
             == 2, what="the second ask")
    d.call("POST", "/requests/%d/decline" % r2["id"], {"reason": "人手已够"})
    no = wait_for(lambda: [x for x in mails_to(addr(a)) if "未获通过" in x["subject"]],
                  what="the decline")
    assert len(no) == 1 and "人手已够" in no[0]["body"], no
    time.sleep(1.5)
    assert not [x for x in mails_to(addr(t)) if "未获通过" in x["subject"]], "t told of a decline"
    got = d.call("GET", "/messages?kind=request&limit=100")["items"]
    # t asked twice and told once, the coordinator once, a told twice
    assert len(got) == 6, got
    assert not [x for x in got if x.get("volunteer_id") in others], "a message to someone else"


def test_demo_digests(d, sink, smtp_port):
    """The README's demo setup: seed-demo --mail-server points the demo at a test SMTP
    server before a roster is published; publishing a solved week writes each volunteer's
    digest, which the daemon then delivers there, one per volunteer with shifts."""
    tmp = os.path.dirname(d.db)
    db = os.path.join(tmp, "demo.db")
    subprocess.run([TOOL, "seed-demo", "-d", db, "--mail-server", "127.0.0.1:%d" % smtp_port,
                    "--public-url", "http://127.0.0.1:8355"], check=True, stdout=subprocess.DEVNULL)
    first = datetime.date.today() + datetime.timedelta(days=1)
    out = subprocess.run([TOOL, "solve-roster", "-d", db, "--from", first.isoformat(),
                          "--to", (first + datetime.timedelta(days=6)).isoformat(),
                          "--time-limit", "3"], check=True, capture_output=True, text=True).stdout
    roster = [l.split()[1] for l in out.splitlines() if l.startswith("roster ")][0]
    subprocess.run([TOOL, "publish-roster", "-d", db, "--id", roster], check=True,
                   stdout=subprocess.DEVNULL)
    with sqlite3.connect(db, timeout=10) as c:
        people = dict(c.execute("SELECT DISTINCT v.id, v.email FROM assignments a"
                                " JOIN volunteers v ON v.id = a.volunteer_id"
                                " WHERE a.roster_id = ?", (int(roster),)).fetchall())
    assert len(people) > 20, people
    log = open(os.path.join(tmp, "demo-daemon.log"), "ab")
    proc = subprocess.Popen([DAEMON, "-d", db, "-p", "0"], stdout=subprocess.PIPE, stderr=log)
    try:
        assert "ready on " in proc.stdout.readline().decode()
        # the reminders of tomorrow's shifts come too: the digests are counted
        def digests():
            return [m for m in sink.snapshot() if m["subject"].startswith("排班已发布")]
        wait_for(lambda: len(digests()) >= len(people), 60, "the demo's digests")
        time.sleep(1)
        got = digests()
        assert len(got) == len(people), (len(got), len(people))
        assert sorted(m["to"][0] for m in got) == sorted(people.values())
        assert all(m["to"][0].endswith("@demo.example.org") for m in got)
        assert all("http://127.0.0.1:8355/my/" in m["body"] for m in got)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)
        log.close()


TESTS = [test_api_errors, test_webhook, test_starttls, test_digest, test_english,
         test_two_languages, test_no_chinese_locale, test_refused_login, test_unreachable_webhook,
         test_quiet_hours, test_opt_out, test_kill_burst, test_reminders, test_confirm_link,
         test_escalation, test_coordinator_language, test_uncovered, test_request_steps,
         test_demo_digests]


def main():
    global DAEMON, TOOL
    daemon_path, tool_path = sys.argv[1], sys.argv[2]
    DAEMON, TOOL = daemon_path, tool_path
    wanted = sys.argv[3:]
    failures = 0
    print("1..%d" % len([t for t in TESTS if not wanted or t.__name__ in wanted]))
    n = 0
    for test in TESTS:
        if wanted and test.__name__ not in wanted:
            continue
        n += 1
        sink = Sink()
        controller, port = start_smtp(sink)
        with tempfile.TemporaryDirectory(prefix="roster-notify-") as tmp:
            # the clock of a debug build's notifier: the real one until a test writes it
            os.environ["ROSTER_TEST_NOW_FILE"] = os.path.join(tmp, "now")
            d = Daemon(daemon_path, tool_path, tmp)
            try:
                test(d, sink, port)
                print("ok %d %s" % (n, test.__name__))
            except Exception as e:  # report and go on with the next test
                failures += 1
                print("not ok %d %s: %r" % (n, test.__name__, e))
                with open(os.path.join(tmp, "daemon.log"), "rb") as f:
                    sys.stderr.write(f.read().decode("utf-8", "replace")[-3000:])
            finally:
                d.stop()
                controller.stop()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
