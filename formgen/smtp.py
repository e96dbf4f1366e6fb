"""Sending through the centre's SMTP server: settings, connection, rate limit.

Settings come from ``workspace.toml``::

    [smtp]
    host = "mail.example.org"
    port = 587                 # default: 587 for starttls, 465 for ssl
    security = "starttls"      # starttls | ssl  (none: only for a relay on this machine)
    user = "spkom@example.org" # leave out when the server needs no login
    rate = 30                  # mails per minute at most (default 30)
    # cafile = "ca.pem"        # trust this CA too (a server with the centre's own certificate)

The password is never stored: it comes from the environment variable ``FORMGEN_SMTP_PASSWORD``
(or the one named by ``password_env``) or is asked for at the prompt, and is never written to a
file, the send log or a message.
"""

from __future__ import annotations

import base64
import re
import smtplib
import ssl
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import getaddresses
from pathlib import Path
from typing import TYPE_CHECKING, Any

from formgen.errors import ConnectionLost, MailError
from formgen.messages import Said, SaidJoined
from formgen.replies import blames_mail, blames_recipient, enhanced_code

if TYPE_CHECKING:  # collections.abc.Buffer from Python 3.12 on; smtplib's stubs name it so
    from typing_extensions import Buffer

PASSWORD_ENV = "FORMGEN_SMTP_PASSWORD"
SECURITY = ("starttls", "ssl", "none")
_LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
_NAME_MISMATCH = (62, 64)  # OpenSSL's X509_V_ERR_HOSTNAME_MISMATCH, X509_V_ERR_IP_ADDRESS_MISMATCH
_NAME_KINDS = ("DNS", "IP Address")
_LOGIN_REPLY = re.compile(
    r"\b5\.7\.[01]\b.*\b(?:authentication required|not logged in)\b", re.IGNORECASE | re.DOTALL
)
MAIL_REFUSALS_IN_A_ROW = 3
"""This many mails in a row refused for themselves alike (:func:`~formgen.replies.blames_mail`,
the same reply code and enhanced code) are no longer each one's fault: the round stops."""


class _Client(smtplib.SMTP):
    """smtplib's client, telling whether the server's no to DATA came after it read the mail
    (:attr:`read_mail`): a no to the DATA command itself is the sender's or the session's (a
    provider's ``554 5.7.1 <DATA>: Data command rejected: only 10 messages per day``), one to
    the mail read to its end may be about that mail alone."""

    read_mail = False

    def data(self, msg: Buffer | str) -> tuple[int, bytes]:
        self.read_mail = False
        reply = super().data(msg)  # raises SMTPDataError when the server refuses the command
        self.read_mail = True
        return reply


class _SslClient(_Client, smtplib.SMTP_SSL):
    """:class:`_Client` over TLS from the first byte (``security = "ssl"``)."""


@dataclass(frozen=True)
class SmtpSettings:
    """Where and how to send."""

    host: str
    port: int
    security: str = "starttls"
    user: str = ""
    rate: float = 30.0
    """Mails per minute at most (0: no limit)."""
    timeout: float = 60.0
    password_env: str = PASSWORD_ENV
    cafile: str = ""
    """A CA certificate (PEM) to trust besides the system's, e.g. the centre's own mail server CA."""

    @classmethod
    def from_config(
        cls, config: Mapping[str, Any], where: str = "workspace.toml", root: Path | None = None
    ) -> SmtpSettings:
        """The ``[smtp]`` table of a workspace configuration; every mistake says how to fix it."""
        smtp = config.get("smtp")
        if not isinstance(smtp, Mapping) or not smtp.get("host"):
            raise MailError(Said("mail_smtp_none", where=where))
        security = str(smtp.get("security", "starttls")).lower()
        if security not in SECURITY:
            raise MailError(Said("mail_smtp_security", where=where, security=security))
        host = str(smtp["host"])
        if security == "none" and host not in _LOCAL_HOSTS:
            raise MailError(Said("mail_smtp_none_remote", where=where, host=host))
        default_port = {"starttls": 587, "ssl": 465, "none": 25}[security]
        try:
            port = int(smtp.get("port", default_port))
            rate = float(smtp.get("rate", 30))
            timeout = float(smtp.get("timeout", 60))
        except (TypeError, ValueError):
            raise MailError(Said("mail_smtp_numbers", where=where)) from None
        if not 0 < port < 65536:
            raise MailError(Said("mail_smtp_port", where=where, port=port))
        if rate < 0:
            raise MailError(Said("mail_smtp_rate", where=where))
        cafile = str(smtp.get("cafile", ""))
        if cafile:
            cafile = str(root / cafile) if root else cafile
            if not Path(cafile).is_file():  # said before the round is planned, --dry-run too
                raise MailError(Said("mail_smtp_cafile_missing", where=where, cafile=cafile))
        return cls(
            host=host,
            port=port,
            security=security,
            user=str(smtp.get("user", "")),
            rate=rate,
            timeout=timeout,
            password_env=str(smtp.get("password_env", PASSWORD_ENV)),
            cafile=cafile,
        )


class RateLimiter:
    """At most ``per_minute`` calls of :meth:`wait` per minute, evenly spaced."""

    def __init__(
        self,
        per_minute: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.interval = 60.0 / per_minute if per_minute > 0 else 0.0
        self.clock = clock
        self.sleep = sleep
        self._next = 0.0

    def wait(self) -> None:
        if not self.interval:
            return
        now = self.clock()
        if now < self._next:
            self.sleep(self._next - now)
            now = self._next
        self._next = now + self.interval


@dataclass(frozen=True)
class Refusal:
    """The server refused one recipient (or the whole mail)."""

    code: int | None
    """The server's reply code; None when formgen knows the server cannot take the mail (an
    address that needs SMTPUTF8) and does not ask it."""
    error: str
    permanent: bool
    whole_mail: bool = False
    """The server read the mail and refused it for itself (its size, its content), not its
    recipient: the address is not at fault, and the next mail may go
    (:func:`~formgen.replies.blames_mail`)."""


class SmtpTransport:
    """One connection to the server, opened on first use; ``send`` reports refusals as data."""

    def __init__(
        self,
        settings: SmtpSettings,
        password: str | None = None,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        self.settings = settings
        self._password = password
        self._context = ssl_context
        self._smtp: _Client | None = None
        self._mail_refusals: list[tuple[int, str]] = []
        """The mails refused for themselves in a row, each by its reply and enhanced code."""

    def __repr__(self) -> str:  # never show the password
        return f"SmtpTransport({self.settings.host}:{self.settings.port}, {self.settings.security})"

    def open(self) -> None:
        s = self.settings
        where = f"{s.host}:{s.port}"
        try:
            context = self._context or ssl.create_default_context(cafile=s.cafile or None)
        except (OSError, ssl.SSLError) as exc:
            raise MailError(Said("mail_smtp_cafile", cafile=s.cafile, error=str(exc))) from None
        try:
            smtp = self._connect(context)
        except ssl.SSLCertVerificationError as exc:
            raise MailError(self._not_trusted(exc, where)) from None
        except ssl.SSLError as exc:
            raise MailError(
                Said("mail_smtp_tls", where=where, reason=str(exc.reason or exc))
            ) from None
        except smtplib.SMTPHeloError as exc:
            reply = f"{exc.smtp_code} {_text(exc.smtp_error)}"
            raise MailError(Said("mail_smtp_greeting", where=where, reply=reply)) from None
        except smtplib.SMTPNotSupportedError:
            local = Said("mail_smtp_or_none") if s.host in _LOCAL_HOSTS else ""
            raise MailError(Said("mail_smtp_no_starttls", where=where, local=local)) from None
        except (OSError, smtplib.SMTPException) as exc:
            raise MailError(Said("mail_smtp_connect", where=where, error=str(exc))) from None
        if s.user:
            if self._password is None:
                smtp.close()
                raise MailError(Said("mail_smtp_no_password", user=s.user, env=s.password_env))
            try:
                _login(smtp, s.user, self._password)
            except smtplib.SMTPAuthenticationError as exc:
                smtp.close()
                raise MailError(
                    Said("mail_smtp_login_refused", where=where, user=s.user, code=exc.smtp_code)
                ) from None
            except (OSError, smtplib.SMTPException) as exc:
                smtp.close()
                raise MailError(
                    Said("mail_smtp_login_failed", where=where, user=s.user, reason=_reason(exc))
                ) from None
        self._smtp = smtp

    def _not_trusted(self, exc: ssl.SSLCertVerificationError, where: str) -> Said:
        """Why the server's certificate was refused: a name it does not cover (and the names it
        does), or a certificate no CA this computer trusts (and cafile) vouches for."""
        s = self.settings
        if exc.verify_code in _NAME_MISMATCH:
            names = ", ".join(self._names_on_certificate()) or "?"
            return Said("mail_smtp_tls_name", where=where, host=s.host, names=names)
        reason = exc.verify_message or str(exc.reason or exc)
        if s.cafile:
            return Said("mail_smtp_tls_not_by_cafile", where=where, cafile=s.cafile, reason=reason)
        return Said("mail_smtp_tls_untrusted", where=where, reason=reason)

    def _names_on_certificate(self) -> list[str]:
        """The host names and addresses the server's certificate is for, read in a second
        handshake that checks the certificate but not its name (nothing is sent)."""
        context = ssl.create_default_context(cafile=self.settings.cafile or None)
        context.check_hostname = False
        try:
            smtp = self._connect(context)
        except (OSError, smtplib.SMTPException):
            return []
        try:
            sock = smtp.sock
            cert = sock.getpeercert() if isinstance(sock, ssl.SSLSocket) else None
        finally:
            smtp.close()
        names: Any = (cert or {}).get("subjectAltName", ())  # pairs ('DNS', 'mail.example')
        return [str(value) for kind, value in names if kind in _NAME_KINDS]

    def ensure_open(self) -> None:
        """:meth:`open` the connection unless it is open."""
        if self._smtp is None:
            self.open()

    def _connect(self, context: ssl.SSLContext) -> _Client:
        """Connect and greet (TLS as the settings say); a failure closes what was opened.

        The greeting comes first: a server refusing this computer's EHLO and HELO is told as
        such here, not in the middle of the first mail, where it looked like a broken
        connection."""
        s = self.settings
        if s.security == "ssl":
            smtp: _Client = _SslClient(s.host, s.port, timeout=s.timeout, context=context)
        else:
            smtp = _Client(s.host, s.port, timeout=s.timeout)
        try:
            smtp.ehlo_or_helo_if_needed()
            if s.security == "starttls":
                smtp.starttls(context=context)
                smtp.ehlo()
        except OSError:  # smtplib's and ssl's errors are OSErrors
            smtp.close()
            raise
        return smtp

    def send(self, msg: EmailMessage) -> Refusal | str:
        """Send one mail; the server's reply on success, a :class:`Refusal` when it refuses
        (or cannot take an address that needs SMTPUTF8).

        Raises :class:`ConnectionLost` when the connection breaks, and :class:`MailError` when
        no mail can go with these settings: the connection or login fails (:meth:`open`), or
        the server takes no mail without a login (530 or 5.7.0/5.7.1 "authentication required",
        at MAIL FROM, RCPT TO or DATA) that the settings do not give.
        """
        self.ensure_open()
        assert self._smtp is not None
        try:
            refused = self._smtp.send_message(msg)
        except smtplib.SMTPRecipientsRefused as exc:
            refused = exc.recipients
        except smtplib.SMTPSenderRefused as exc:
            return self._refusal(exc.smtp_code, exc.smtp_error, "MAIL")
        except smtplib.SMTPDataError as exc:
            stage = "DATA" if self._smtp.read_mail else "DATA command"
            return self._refusal(exc.smtp_code, exc.smtp_error, stage)
        except smtplib.SMTPNotSupportedError:
            return self._needs_smtputf8(msg)
        except (smtplib.SMTPServerDisconnected, OSError) as exc:
            self._smtp = None
            raise ConnectionLost(
                Said("mail_smtp_broke", host=self.settings.host, reason=_reason(exc))
            ) from None
        if refused:
            code, text = next(iter(refused.values()))
            return self._refusal(code, text, "RCPT")
        self._mail_refusals.clear()
        return "250 accepted"

    def _refusal(self, code: int, text: bytes | str, stage: str) -> Refusal:
        """The server's no (to ``MAIL`` FROM, ``RCPT`` TO, the ``DATA command`` or the mail
        read after ``DATA``) as a :class:`Refusal`: a temporary one (4xx), a permanent one of
        the recipient (:func:`blames_recipient`), or one of the mail it read, for its size or
        its content (:func:`blames_mail`: ``whole_mail``, the round goes on). A permanent no
        to the sender, the session or the account (the day's quota used up, a sender not
        allowed, an unexplained 554 or 500; the same no to :data:`MAIL_REFUSALS_IN_A_ROW`
        mails in a row) or one meaning "log in first" stops the round instead
        (:meth:`_login_needed`, :meth:`_not_taken`): no recipient is at fault, and the next
        mail would fare alike."""
        if _asks_for_login(code, text):
            raise self._login_needed(code, text) from None
        error = f"{code} {_text(text)}"
        if not 500 <= code < 600:
            return Refusal(code, error, False)
        if blames_recipient(code, text, stage):
            return Refusal(code, error, True)
        if stage == "DATA" and blames_mail(code, text):
            self._mail_refusals.append((code, enhanced_code(text)))
            alike = self._mail_refusals[-MAIL_REFUSALS_IN_A_ROW:]
            if len(alike) < MAIL_REFUSALS_IN_A_ROW or len(set(alike)) > 1:
                return Refusal(code, error, False, whole_mail=True)
            raise self._not_taken(code, text, stage, len(alike)) from None
        raise self._not_taken(code, text, stage) from None

    def _not_taken(self, code: int, text: bytes | str, stage: str, in_a_row: int = 0) -> MailError:
        """The server refuses the sender, the session or the message, not the recipient (or
        ``in_a_row`` mails alike, each for itself): what it said, and what to do (wait for the
        day's quota, make the mail smaller, ask)."""
        s = self.settings
        reply: str = f"{code} {_text(text)}"
        quota = "quota" in reply.lower()  # Microsoft 365 says it at MAIL FROM or after DATA
        if stage == "DATA" and enhanced_code(text) == "5.2.2":  # the sender's mailbox is full
            advice = "mail_smtp_advice_sender_full"
        elif quota or (stage == "MAIL" and enhanced_code(text) == "5.2.0"):
            advice = "mail_smtp_advice_quota"
        elif code == 552 or enhanced_code(text) in ("5.3.4", "5.2.3"):
            advice = "mail_smtp_advice_size"
        else:
            advice = "mail_smtp_advice_ask"
        if in_a_row:
            reply = SaidJoined((reply, Said("mail_smtp_in_a_row", n=in_a_row)), "; ")
        return MailError(
            Said(
                "mail_smtp_not_taken",
                where=f"{s.host}:{s.port}",
                reply=reply,
                advice=Said(advice, host=s.host),
            )
        )

    def _needs_smtputf8(self, msg: EmailMessage) -> Refusal:
        """The one extension ``send_message`` asks for by itself is SMTPUTF8, for an address with
        letters outside ASCII; a server without it cannot take this mail, but the next one may
        go. (formgen writes a domain such as ``büro.example`` in its ASCII form
        ``xn--bro-hoa.example``, which needs no SMTPUTF8; a name before the @ has no such form.)"""
        fields = [str(v) for h in ("From", "To", "Cc") for v in msg.get_all(h, [])]
        found = [a for _, a in getaddresses(fields) if not a.isascii()]
        to = ", ".join(found) or Said("mail_smtp_this_address")
        return Refusal(None, Said("mail_smtp_utf8", host=self.settings.host, to=to), True)

    def _login_needed(self, code: int, text: bytes | str) -> MailError:
        """The server takes no mail without a login (530, at MAIL FROM, RCPT TO or DATA): the
        settings, not the recipient, are at fault, so the round stops here instead of marking
        every recipient as refused; the mails sent before stay sent and logged."""
        s = self.settings
        where = f"{s.host}:{s.port}"
        reply = f"{code} {_text(text)}"
        if s.user:
            return MailError(
                Said("mail_smtp_login_not_accepted", where=where, user=s.user, reply=reply)
            )
        return MailError(
            Said("mail_smtp_login_needed", where=where, reply=reply, env=s.password_env)
        )

    def close(self) -> None:
        if self._smtp is not None:
            try:
                self._smtp.quit()
            except (OSError, smtplib.SMTPException):
                self._smtp.close()
            self._smtp = None


def _login(smtp: smtplib.SMTP, user: str, password: str) -> None:
    """Log in; a password with umlauts goes as UTF-8 by AUTH PLAIN (RFC 4616).

    ``smtplib.login`` encodes credentials as ASCII and fails on ``Pässwort``.
    """
    if (user + password).isascii():
        smtp.login(user, password)
        return
    smtp.ehlo_or_helo_if_needed()
    if "plain" not in smtp.esmtp_features.get("auth", "").lower().split():
        raise smtplib.SMTPException(
            "the server offers no AUTH PLAIN, the only way to send a password with non-ASCII characters"
        )
    token = base64.b64encode(f"\0{user}\0{password}".encode()).decode("ascii")
    code, resp = smtp.docmd("AUTH", "PLAIN " + token)
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, resp)


def _asks_for_login(code: int, text: bytes | str) -> bool:
    """530 (RFC 4954), or 5.7.0/5.7.1 saying "authentication required" under another code (or
    "not logged in", as Postfix's ``553 5.7.1 <…>: Sender address rejected: not logged in``)."""
    return code == 530 or bool(_LOGIN_REPLY.search(_text(text)))


def _text(value: bytes | str) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _reason(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__
