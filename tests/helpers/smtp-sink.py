"""A real SMTP server on loopback for the mail tests: aiosmtpd (Debian python3-aiosmtpd) that keeps every message.

It refuses any recipient nobody@… for good (550). Each message it accepts becomes <n>.json in --spool: the envelope, the headers the tests read, the text body and the
attachments (name, type, size, first bytes), parsed by Python's own e-mail package, not by the code under test.
With --user/--password it asks for a login and refuses any other; with --cert/--key it speaks implicit TLS
(--tls implicit) or offers STARTTLS (--tls starttls). It listens on 127.0.0.1 only and prints READY when it does.
"""

import argparse
import json
import os
import signal
import ssl
import threading
from email import policy
from email.parser import BytesParser

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Spool:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        # A mailbox that does not exist: the permanent refusal the outbox must not retry.
        if address.lower().startswith("nobody@"):
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = BytesParser(policy=policy.default).parsebytes(envelope.original_content or envelope.content)
        body = message.get_body(preferencelist=("plain",))
        attachments = []
        for part in message.iter_attachments():
            content = part.get_content()
            data = content if isinstance(content, bytes) else content.encode("utf-8")
            attachments.append(
                {"fileName": part.get_filename(), "contentType": part.get_content_type(), "size": len(data), "head": data[:8].decode("latin-1")}
            )
        record = {
            "mailFrom": envelope.mail_from,
            "rcptTos": envelope.rcpt_tos,
            "from": str(message["From"] or ""),
            "to": str(message["To"] or ""),
            "cc": str(message["Cc"] or ""),
            "replyTo": str(message["Reply-To"] or ""),
            "subject": str(message["Subject"] or ""),
            "text": body.get_content() if body is not None else "",
            "attachments": attachments,
            "login": bool(getattr(session, "authenticated", False)),
        }
        with self.lock:
            self.count += 1
            name = os.path.join(self.folder, "%06d.json" % self.count)
        with open(name + ".tmp", "w", encoding="utf-8") as out:
            json.dump(record, out)
        os.replace(name + ".tmp", name)
        return "250 Message accepted for delivery"


def authenticator_for(user, password):
    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user and auth_data.password.decode() == password
        return AuthResult(success=ok, handled=False)

    return authenticate


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--spool", required=True)
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--tls", choices=["implicit", "starttls"])
    parser.add_argument("--cert")
    parser.add_argument("--key")
    args = parser.parse_args()

    smtp_options = {"server_hostname": "sink.test", "ident": "Hashdesk test sink"}
    if args.user:
        smtp_options.update(authenticator=authenticator_for(args.user, args.password or ""), auth_required=True, auth_require_tls=False)
    controller_options = {}
    if args.tls:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)
        if args.tls == "implicit":
            controller_options["ssl_context"] = context
        else:
            smtp_options.update(tls_context=context, require_starttls=True)

    controller = Controller(Spool(args.spool), hostname="127.0.0.1", port=args.port, **controller_options, **smtp_options)
    controller.start()
    print("READY", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
