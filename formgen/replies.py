"""What an SMTP server's no says: whose fault it is, the recipient's address or not.

Apart from :mod:`formgen.smtp` so that reading the send log (:mod:`formgen.sendlog`) loads no
``smtplib`` or ``ssl``.
"""

from __future__ import annotations

import re

_ENHANCED = re.compile(r"^\s*([245]\.\d{1,3}\.\d{1,3})\b")
_RECIPIENT_CODES = (550, 551, 553)
"""The replies to RCPT TO that say the mailbox is not there or not to be had (RFC 5321)."""
SENDER_REFUSED = "sender refused: "
"""How an older formgen began in the send log the error of a refusal at MAIL FROM, which it
wrongly logged as the recipient's, ``permanent`` (:func:`blames_recipient`)."""


def blames_recipient(code: int, text: bytes | str, stage: str = "RCPT") -> bool:
    """The server's no says the recipient's address is bad: 550, 551 or 553 to RCPT TO, or one
    there whose enhanced code (RFC 3463) is about the mailbox (5.2.x, e.g. full), or any 5xx
    whose enhanced code is 5.1.x (bad destination address). Not so a no to MAIL FROM (the
    sender: the day's quota, a sender not allowed), to the message (its size, spam, a server
    error) or another one to RCPT TO (554 relay access denied)."""
    enhanced = enhanced_code(text)
    if enhanced.startswith("5.1."):
        return True
    return stage == "RCPT" and (code in _RECIPIENT_CODES or enhanced.startswith("5.2."))


def enhanced_code(text: bytes | str) -> str:
    """The enhanced status code (RFC 3463) a reply begins with, e.g. ``5.1.1``; "" if none."""
    found = _ENHANCED.match(text.decode("utf-8", "replace") if isinstance(text, bytes) else text)
    return found.group(1) if found else ""
