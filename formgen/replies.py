"""What an SMTP server's no says: whose fault it is, the recipient's address or not.

Apart from :mod:`formgen.smtp` so that reading the send log (:mod:`formgen.sendlog`) loads no
``smtplib`` or ``ssl``.
"""

from __future__ import annotations

import re

_ENHANCED = re.compile(r"^\s*([245]\.\d{1,3}\.\d{1,3})\b")
_RECIPIENT_CODES = (550, 551, 553)
"""The replies to RCPT TO that say the mailbox is not there or not to be had (RFC 5321)."""
_SENDER_CODES = ("5.1.7", "5.1.8")
"""Bad sender's mailbox address syntax, bad sender's system address (RFC 3463): the 5.1.x that
are the sender's, not the recipient's (Microsoft 365's blocked account: ``550 5.1.8 Access
denied, bad outbound sender``)."""
_SESSION_REPLY = re.compile(
    r"\b(?:(?:Sender address|Client host|Helo command) rejected|Sender throttled)\b", re.I
)
"""Postfix's no to the sender, the client or its greeting, which it says in reply to RCPT TO
(``smtpd_delay_reject``, on by default): ``553 5.7.1 <spkom@example.org>: Sender address
rejected: not owned by user …``, a 553 that is no recipient's fault; and Microsoft 365's
``550 5.2.252 Sender throttled due to continuous send as denied errors`` (a 5.2.x)."""
_MAIL_CODES = ("5.2.3", "5.3.4")
"""Message length exceeds administrative limit, message too big for system (RFC 3463)."""
_MAIL_CLASSES = ("5.6.", "5.7.0", "5.7.1")
"""Media errors (the mail's content: 5.6.0 malformed, Microsoft 365's 5.6.211 invalid MIME) and
the security or policy codes a server gives a mail it judged on its content (Postfix's ``550
5.7.1 Message content rejected``, a milter's ``554 5.7.1 Spam message rejected``, Gmail's
``552-5.7.0 … content presents a potential security issue``); the other 5.7.x are the sender's
(5.7.8 credentials, 5.7.57 not logged in, 5.7.60 send-as denied, 5.7.708 an account blocked)."""
SENDER_REFUSED = "sender refused: "
"""How an older formgen began in the send log the error of a refusal at MAIL FROM, which it
wrongly logged as the recipient's, ``permanent`` (:func:`blames_recipient`)."""


def blames_recipient(code: int, text: bytes | str, stage: str = "RCPT") -> bool:
    """The server's no says the recipient's address is bad: 550, 551 or 553 to RCPT TO, or one
    there whose enhanced code (RFC 3463) is about the mailbox (5.2.x, e.g. full), or any 5xx
    whose enhanced code is 5.1.x (bad destination address). Not so a no to MAIL FROM (the
    sender: the day's quota, a sender not allowed), to the message (its size, spam, a server
    error) or another one to RCPT TO (554 relay access denied), nor a no to RCPT TO that
    Postfix says of the sender, the client or its greeting (``Sender address rejected``)."""
    enhanced = enhanced_code(text)
    if enhanced in _SENDER_CODES or _SESSION_REPLY.search(_str(text)):
        return False
    if enhanced.startswith("5.1."):
        return True
    return stage == "RCPT" and (code in _RECIPIENT_CODES or enhanced.startswith("5.2."))


def blames_mail(code: int, text: bytes | str) -> bool:
    """The server's permanent no to the content of a mail it read to the end (after DATA) is
    about this one mail, not the sender or the account: its size (552 with no enhanced code, as
    Exim says it; 5.3.4, 5.2.3), its content (5.6.x) or a judgement of it (5.7.0, 5.7.1: spam, a
    content filter). The next mail may well go. Not so the day's quota (Microsoft 365 says it
    after DATA too: ``554 5.2.0 … SubmissionQuotaExceededException``), a sender not allowed, or
    an unexplained 554 or 500: those stop the round."""
    enhanced = enhanced_code(text)
    if not enhanced:
        return code == 552
    return enhanced in _MAIL_CODES or enhanced.startswith(_MAIL_CLASSES)


def enhanced_code(text: bytes | str) -> str:
    """The enhanced status code (RFC 3463) a reply begins with, e.g. ``5.1.1``; "" if none."""
    found = _ENHANCED.match(_str(text))
    return found.group(1) if found else ""


def _str(text: bytes | str) -> str:
    return text.decode("utf-8", "replace") if isinstance(text, bytes) else text
