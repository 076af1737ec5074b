"""The load test's registration rush: exporters and buyers who sign up, verify
their address from the mail, enter their firm and register it for a meet,
each as a visitor of their own, while wrk browses (scripts/loadtest.py).

Plain Python (urllib), no Django, as the load test runs it. The portal
mails through `Inbox`, an SMTP server in this process, where each journey
finds its verification link. Every visitor comes from an IP address of its
own, in the header the portal believes behind its proxy (CLIENT_IP_HEADER),
as real visitors behind nginx would: the sign-up limit per address is the
production one.
"""

import email
import re
import socketserver
import threading
import time
import urllib.error
import urllib.request
from email import policy
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

CLIENT_IP_HEADER = "X-Real-IP"
# The visitors' addresses: `manage.py prepare_registration_rush` removes their accounts.
DOMAIN = "rush.loadtest.invalid"
PASSWORD = "saffron-loom-export-42"
LANGUAGES = ["en", "hi", "mr", "fa"]
MAIL_SECONDS = 30


class Inbox(socketserver.ThreadingTCPServer):
    """An SMTP server on a free port that keeps each message for its recipient."""

    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _SMTPSession)
        self.port = self.server_address[1]
        self.messages = {}
        self.arrived = threading.Condition()
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def keep(self, recipients, raw):
        message = email.message_from_bytes(raw, policy=policy.default)
        with self.arrived:
            for address in recipients:
                self.messages.setdefault(address.lower(), []).append(message)
            self.arrived.notify_all()

    def link(self, address, path):
        """The first link containing `path` in a mail to `address`; waits for the mail."""
        with self.arrived:
            found = self.arrived.wait_for(
                lambda: _links(self.messages.get(address, []), path), timeout=MAIL_SECONDS
            )
        if not found:
            raise Failure(f"no mail with {path} for {address} in {MAIL_SECONDS} s")
        return found[0]


def _links(messages, path):
    text = "".join(m.get_body(("plain",)).get_content() for m in messages)
    return re.findall(rf"https?://\S*{re.escape(path)}\S*", text)


class _SMTPSession(socketserver.StreamRequestHandler):
    """Just enough SMTP for Django's backend: no TLS, no login, every message accepted."""

    def reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        self.reply("220 loadtest inbox")
        recipients = []
        for line in self.rfile:
            verb = line[:4].upper()
            if verb == b"RCPT":
                recipients.append(re.search(rb"<([^>]*)>", line).group(1).decode())
            elif verb == b"DATA":
                self.reply("354 go on")
                lines = []
                for data in self.rfile:
                    if data == b".\r\n":
                        break
                    # A line that began with a dot was sent with another before it.
                    lines.append(data[1:] if data.startswith(b".") else data)
                self.server.keep(recipients, b"".join(lines))
                recipients = []
            elif verb == b"QUIT":
                self.reply("221 bye")
                return
            elif verb == b"MAIL":
                recipients = []
            if verb != b"DATA":
                self.reply("250 ok")
            else:
                self.reply("250 kept")


class Failure(Exception):
    """A journey that did not end with a registration; the message says where."""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Visitor:
    """One browser: its own cookies and address; every request timed by its step."""

    opener = urllib.request.build_opener(_NoRedirect)

    def __init__(self, base, address, timings):
        self.base = base
        self.address = address
        self.timings = timings  # shared by every visitor: appends are atomic
        self.cookies = {}
        self.location = ""

    @property
    def csrf(self):
        return self.cookies["csrftoken"]

    def request(self, step, path, data=None, expect=200):
        """The page's text; a status other than `expect` fails the journey."""
        body = urlencode(data).encode() if data is not None else None
        headers = {
            CLIENT_IP_HEADER: self.address,
            # The cookies are "Secure" (production): sent by hand over plain http.
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
        }
        request = urllib.request.Request(self.base + path, data=body, headers=headers)
        started = time.monotonic()
        try:
            with self.opener.open(request, timeout=30) as response:
                status, text, reply = response.status, response.read().decode(), response
        except urllib.error.HTTPError as error:
            status, text, reply = error.code, error.read().decode(errors="replace"), error
        except OSError as error:  # no answer in time, or the connection refused or reset
            raise Failure(f"{step}: {path}: {error}") from error
        self.timings.setdefault(step, []).append(time.monotonic() - started)
        for header in reply.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        if status != expect:
            raise Failure(f"{step}: {path} answered {status}, not {expect}")
        self.location = reply.headers.get("Location", "")
        return text

    def post(self, step, path, data, expect=302):
        return self.request(step, path, {**data, "csrfmiddlewaretoken": self.csrf}, expect)


def journey(number, base, inbox, slug, timings):
    """Sign up, verify, enter a firm, register it; the registration's kind."""
    lang = LANGUAGES[number % len(LANGUAGES)]
    address = f"rush{number}@{DOMAIN}"
    kind = "buyer" if number % 3 == 0 else "seller"
    visitor = Visitor(base, f"10.77.{number // 250}.{number % 250 + 1}", timings)

    signup = f"/{lang}/account/signup/"
    visitor.request("sign-up page", signup)
    visitor.post(
        "sign-up",
        signup,
        {"email": address, "password1": PASSWORD, "password2": PASSWORD, "fax": ""},
    )
    confirm = urlsplit(inbox.link(address, "/account/confirm-email/")).path
    visitor.request("verification page", confirm)
    visitor.post("verification", confirm, {})  # logs in: the same browser signed up

    new_firm = f"/{lang}/account/firm/new/"
    page = visitor.request("new firm page", new_firm)
    region = re.search(r'<option value="(\d+)"', page).group(1)
    firm = {
        "name": f"Rush exports {number}",
        "kind": "msme",
        "region": region,
        "udyam_number": f"UDYAM-MH-99-{number:07d}",
        "iec": "",
    }
    visitor.post("new firm", new_firm, firm)

    register = f"/{lang}/account/meets/register/{slug}/"
    page = visitor.request("registration page", register)
    firm_pk = re.search(r'name="firm" value="(\d+)"', page).group(1)
    visitor.post("registration", register, {"firm": firm_pk, "kind": kind})
    if not visitor.location.endswith(f"/{lang}/account/meets/"):
        raise Failure(f"registration: sent to {visitor.location}, not to the meets")
    return kind


def rush(base, inbox, slugs, journeys, seconds):
    """`journeys` journeys started evenly over `seconds`, each in a thread.

    Returns (failures, timings by step, seconds from the first start to the last end).
    """
    timings, failures = {}, []
    lock = threading.Lock()

    def run(number):
        try:
            journey(number, base, inbox, slugs[number % len(slugs)], timings)
        except Exception as error:
            with lock:
                failures.append((number, error))

    started = time.monotonic()
    threads = []
    for number in range(journeys):
        time.sleep(max(0, started + number * seconds / journeys - time.monotonic()))
        thread = threading.Thread(target=run, args=(number,))
        thread.start()
        threads.append(thread)
    for thread in threads:
        thread.join()
    return failures, timings, time.monotonic() - started
