"""Helpers of the mailing tests: a real SMTP server in-process (aiosmtpd), workspaces, renderers."""

from __future__ import annotations

import datetime as dt
import io
import socket
import ssl
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.header import decode_header, make_header
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from formgen.forms import FormRequest, GeneratedForm
from formgen.identity import FormIdentity
from formgen.model import Schema
from formgen.workspace import Workspace


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Inbox:
    """What a test SMTP server received, and how it misbehaves."""

    messages: list[tuple[str, list[str], bytes]] = field(default_factory=list)
    reject: set[str] = field(default_factory=set)
    """Recipients answered with 550."""
    greylist: set[str] = field(default_factory=set)
    """Recipients answered with 451 (try again later)."""
    drop_at: int | None = None
    """Drop the connection instead of accepting the N-th DATA (1-based), once."""
    drop_after_accept: int | None = None
    """Keep the N-th mail (1-based) but drop the connection instead of confirming it, once."""
    login_for: set[str] = field(default_factory=set)
    """Recipients the server takes mail for only after a login (e.g. outside its own domain):
    answered with ``login_reply`` at ``login_at`` when the session has not logged in."""
    login_at: str = "RCPT"
    """``RCPT`` (answer RCPT TO) or ``DATA`` (answer the end of the mail data)."""
    login_reply: str = "530 5.7.0 Authentication required"
    mail_from_reply: str = ""
    """Answer MAIL FROM with this reply once ``mail_from_after`` mails were taken (e.g. Microsoft
    365's daily quota)."""
    mail_from_after: int = 0
    data_command_reply: str = ""
    """Answer the DATA command itself with this reply, before the mail is sent, once
    ``data_command_after`` mails were taken (a provider's ``554 5.7.1 <DATA>: Data command
    rejected: only 10 messages per day``)."""
    data_command_after: int = 0
    refuse_greeting: str = ""
    """Answer EHLO and HELO with this reply (e.g. a host name the server does not accept)."""
    datas: int = 0

    def parsed(self) -> list[EmailMessage]:
        out = []
        for _, _, data in self.messages:
            msg = message_from_bytes(data, policy=policy.default)
            assert isinstance(msg, EmailMessage)
            out.append(msg)
        return out

    def by_rcpt(self) -> dict[str, EmailMessage]:
        out = {}
        for (_, rcpts, _), msg in zip(self.messages, self.parsed(), strict=True):
            for r in rcpts:
                out[r] = msg
        return out


class Handler:
    def __init__(self, inbox: Inbox) -> None:
        self.inbox = inbox

    async def handle_EHLO(
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        hostname: str,
        responses: list[str],
    ) -> list[str]:
        if self.inbox.refuse_greeting:
            return [self.inbox.refuse_greeting]
        session.host_name = hostname  # what aiosmtpd does itself when no handler answers EHLO
        return responses

    async def handle_HELO(
        self, server: SMTP, session: Session, envelope: Envelope, hostname: str
    ) -> str:
        if self.inbox.refuse_greeting:
            return self.inbox.refuse_greeting
        session.host_name = hostname
        return f"250 {server.hostname}"

    async def handle_MAIL(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        if self.inbox.mail_from_reply and len(self.inbox.messages) >= self.inbox.mail_from_after:
            return self.inbox.mail_from_reply
        envelope.mail_from = address  # what aiosmtpd does itself when no handler answers MAIL
        envelope.mail_options.extend(options)
        return "250 OK"

    async def handle_RCPT(
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        address: str,
        rcpt_options: list[str],
    ) -> str:
        if self._wants_login(session, [address], "RCPT"):
            return self.inbox.login_reply
        if address in self.inbox.reject:
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        if address in self.inbox.greylist:
            return f"451 4.7.1 <{address}>: Recipient address rejected: Greylisted, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.inbox.datas += 1
        if self._wants_login(session, envelope.rcpt_tos, "DATA"):
            return self.inbox.login_reply
        if self.inbox.drop_at is not None and self.inbox.datas == self.inbox.drop_at:
            self.inbox.drop_at = None
            assert server.transport is not None
            server.transport.close()
            return "421 gone"
        content = envelope.original_content or b""
        self.inbox.messages.append((str(envelope.mail_from), list(envelope.rcpt_tos), content))
        if self.inbox.drop_after_accept == self.inbox.datas:
            self.inbox.drop_after_accept = None
            assert server.transport is not None
            server.transport.close()  # delivered, but the client never hears so
            return "421 gone"
        return "250 2.0.0 Ok: queued"

    def _wants_login(self, session: Session, addresses: list[str], stage: str) -> bool:
        return (
            self.inbox.login_at == stage
            and not session.authenticated
            and any(a in self.inbox.login_for for a in addresses)
        )


class _Server(SMTP):
    """aiosmtpd's server, which can refuse the DATA command itself (no handler hook does)."""

    async def smtp_DATA(self, arg: str) -> None:
        handler = self.event_handler
        inbox = handler.inbox if isinstance(handler, Handler) else None
        if inbox and inbox.data_command_reply and len(inbox.messages) >= inbox.data_command_after:
            await self.push(inbox.data_command_reply)
            return
        await super().smtp_DATA(arg)


class _Controller(Controller):
    def factory(self) -> SMTP:
        return _Server(self.handler, **self.SMTP_kwargs)


@contextmanager
def smtp_server(inbox: Inbox, **kwargs: Any) -> Iterator[Controller]:
    """A real SMTP server on 127.0.0.1 (a free port) for the duration of the block."""
    controller = _Controller(Handler(inbox), hostname="127.0.0.1", port=free_port(), **kwargs)
    controller.start()
    try:
        yield controller
    finally:
        controller.stop()


def make_workspace(
    root: Path,
    port: int | None = None,
    security: str = "none",
    extra: str = "",
    sender: str = "spkom@example.org",
    language: str = "de",
) -> Workspace:
    Workspace.init(root, name="SPKoM Düsseldorf", sender=sender, language=language)
    if port is not None:
        with open(root / "workspace.toml", "a", encoding="utf-8") as fh:
            fh.write(
                f'\n[smtp]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "{security}"\nrate = 0\n{extra}'
            )
    return Workspace.open(root)


def renderers() -> dict[str, Callable[[Schema, FormRequest, FormIdentity], GeneratedForm]]:
    """The real PDF and DOCX generators."""
    from formgen.docx_form import render_docx
    from formgen.pdf_form import render_pdf

    return {"pdf": render_pdf, "docx": render_docx}


def identity_in(data: bytes, suffix: str) -> dict[str, str]:
    """The identity a generated form carries, read back from the file itself."""
    if suffix == ".pdf":
        from pypdf import PdfReader

        fields = PdfReader(io.BytesIO(data)).get_fields() or {}
        return {k: str(v.get("/V") or "") for k, v in fields.items() if k.startswith("formgen.")}
    import zipfile
    from xml.etree import ElementTree

    root = ElementTree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("docProps/custom.xml"))
    return {
        p.get("name", ""): "".join(p.itertext())
        for p in root
        if p.get("name", "").startswith("formgen.")
    }


def pdf_value(data: bytes, name: str) -> str:
    from pypdf import PdfReader

    fields = PdfReader(io.BytesIO(data)).get_fields() or {}
    return str(fields[name].get("/V") or "")


def self_signed(tmp: Path) -> tuple[ssl.SSLContext, ssl.SSLContext]:
    """A server context with a fresh self-signed certificate for 127.0.0.1 and a client trusting it."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_pem = cert.public_bytes(serialization.Encoding.PEM)
    (tmp / "cert.pem").write_bytes(cert_pem)
    (tmp / "key.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server.load_cert_chain(tmp / "cert.pem", tmp / "key.pem")
    client = ssl.create_default_context(cafile=str(tmp / "cert.pem"))
    return server, client


def header_text(msg: EmailMessage, name: str) -> str:
    """A header decoded strictly by RFC 2047 (as Thunderbird and Outlook do).

    The standard library's address parser puts a space between two adjacent encoded words of a
    display name (``Консул ьтація``), which RFC 2047 says to join; so decode the raw header here.
    """
    raw = message_from_bytes(msg.as_bytes(), policy=policy.compat32)[name]
    return str(make_header(decode_header(str(raw))))
