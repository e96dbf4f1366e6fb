"""Every exception and warning formgen and ingest raise, under one base class.

The rule (STYLE.md 7), decided once:

* **raise** when the caller asked for something that cannot be done (an invalid schema, an
  unknown category, a register written by a newer version). The CLI turns these into
  ``Error: …`` on stderr (in German „Fehler: …“) and exit status 1.
* **report** when a file from outside is damaged, hostile or not ours: the ingest report carries
  it as data (the file is kept, the batch goes on); ``--strict`` turns reports into errors.
* **warn** (a ``FormgenWarning``) only for things a developer using the library should notice
  but a coordinator need not act on.

Stale entries, gaps and conflicts are data in the register, never exceptions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Self

from formgen.messages import SaidJoined, in_language, said_count, say, say_count


class FormgenError(Exception):
    """Base class of every error formgen and ingest raise on purpose.

    ``said``: the message without the file name in front, as the ingest report shows it; an
    :class:`formgen.messages.Said` where it can be said in the workspace's language (``None``:
    the report shows ``str(error)`` without the file name)."""

    said: str | None = None

    @classmethod
    def saying(cls, said: str) -> Self:
        """The error whose message is ``said`` (a :class:`formgen.messages.Said`), as it is."""
        error = cls(said)
        error.said = said
        return error

    def named(self, file_name: str) -> Self:
        """This error again with ``file_name`` in front of its message, keeping :attr:`said`."""
        error = type(self)(f"{file_name}: {self}")
        error.said = self.said
        return error


@dataclass(frozen=True)
class Problem:
    """One problem found in a file: where it is and what to do about it."""

    file: str
    line: int | None
    message: str
    summary: bool = False
    """A line that sums up problems listed one by one (many texts missing in a language): not
    a problem of its own in a count (:func:`problem_count`)."""
    note: bool = False
    """Not a mistake but what the file means for formgen (a schema without ``date``: no entry
    becomes stale by age): said as a note, the file still valid and not counted."""

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"

    @property
    def where(self) -> str:
        """``FILE`` or ``FILE:LINE``."""
        return f"{self.file}:{self.line}" if self.line else self.file


def problem_count(problems: Iterable[Problem]) -> int:
    """How many problems there are to fix: summary lines and notes do not count."""
    return sum(not (p.summary or p.note) for p in problems)


class SchemaError(FormgenError):
    """A schema file is not valid; ``problems`` lists every problem found, each with its line
    (the message a :class:`~formgen.messages.Said`: said in the workspace's language)."""

    def __init__(self, problems: list[Problem]) -> None:
        problems = [p for p in problems if not p.note]  # the file's mistakes only
        self.problems = problems
        head = said_count("schema_has_problems", problem_count(problems))
        lines = (SaidJoined((f"  {p.where}", p.message), ": ") for p in problems)
        super().__init__(SaidJoined((head, *lines), "\n"))


class UnknownCategoryError(FormgenError):
    """A category id was asked for that the schema does not define."""


class IdentityError(FormgenError):
    """A form identity is missing, malformed, or its signature does not match."""


class RecordError(FormgenError):
    """A record (prefill data, recipients row) does not fit the schema; the message names the field."""


class FormgenWarning(UserWarning):
    """Base class of warnings for library users (never used for things a coordinator must act on)."""


# --------------------------------------------------------------------------- mailing (issue 7)


class RecipientsError(FormgenError):
    """Rows of a recipients list have problems; ``problems`` lists every one with its line
    (``formgen mail --skip-invalid`` mails the other rows). The message is said in ``lang``
    (the workspace's language; a problem's message said as :func:`~formgen.messages.in_language`
    says it)."""

    def __init__(self, problems: list[Problem], lang: str = "en") -> None:
        self.problems = problems
        said = (replace(p, message=in_language(p.message, lang)) for p in problems)
        super().__init__(
            self.heading(lang)
            + ":\n"
            + "\n".join("  " + str(p).replace("\n", "\n  ") for p in said)
        )

    def heading(self, lang: str) -> str:
        return say_count("mail_list_problems", lang, len(self.problems))


class UnreadableListError(RecipientsError):
    """A recipients list that cannot be read as a whole (larger than a centre's list, not a
    table, a damaged or hostile workbook, bytes no spreadsheet program writes, an empty file,
    columns missing or given twice): none of its rows is read, so ``--skip-invalid`` cannot help."""

    def heading(self, lang: str) -> str:
        return say("mail_list_unreadable", lang)


class SheetError(FormgenError):
    """A file given as a table (a recipients list, the centre's table to import) is none that
    can be read: another kind of file, damaged or hostile, or larger than a centre's list.
    ``file`` and ``line`` (``None``: the whole file) say where, ``what`` what is wrong and
    ``fix`` what to do (``""``: nothing to add); each command raises its own error from them
    (nothing of the file is read)."""

    def __init__(self, file: str, what: str, fix: str = "", line: int | None = None) -> None:
        self.file = file
        self.line = line
        self.what = what
        self.fix = fix
        super().__init__(f"{self.where}: {what}" + (f"; {fix}" if fix else ""))

    @property
    def where(self) -> str:
        """``NAME`` or ``NAME:LINE``, as messages name a place."""
        return f"{self.file}:{self.line}" if self.line else self.file


class CsvBytesError(FormgenError):
    """A CSV holds bytes no spreadsheet program writes into one (a NUL byte, Windows-1252 among
    UTF-8), or letters a plain CSV does not say (Czech ý or Turkish ı, Polish Żółć or Cyrillic
    Їуіж): read anyway, its letters would be garbled. ``line`` is where, ``what`` what is wrong
    and ``fix`` what to do; each reader raises its own error from them (nothing is read)."""

    def __init__(self, line: int, what: str, fix: str) -> None:
        self.line = line
        self.what = what
        self.fix = fix
        super().__init__(f"line {line}: {what}; {fix}")


class MailError(FormgenError):
    """A mail cannot be made or sent as asked (template, settings, connection)."""


class ConnectionLost(MailError):
    """The connection to the SMTP server broke; the mails not yet sent can be sent by a rerun."""


class WrongRecipientError(MailError):
    """A form personalised for one institution was about to be attached to another's mail."""


class UnreadableFileError(FormgenError):
    """A returned file cannot be read as a form at all (not a PDF, truncated, damaged beyond
    repair, password-protected, an XFA form, or beyond the size limits).

    ``reason`` is a short code for reports and tests (``empty``, ``not-pdf``, ``truncated``,
    ``damaged``, ``encrypted``, ``xfa``, ``too-large``); the message says which file, what is wrong
    and what the coordinator can do. The ingest report carries it; the file is kept, the batch
    goes on.
    """

    def __init__(self, file_name: str, reason: str, message: str) -> None:
        self.file_name = file_name
        self.reason = reason
        self.said = message
        super().__init__(f"{file_name}: {message}")


class NotAFileError(UnreadableFileError):
    """A path names something other than a file: a named pipe (FIFO), a socket or a device.

    Such a thing is never opened for reading (a named pipe blocks until someone writes to it,
    ``/dev/zero`` never ends); ``what`` says what it is (``a named pipe (FIFO)``).
    """

    def __init__(self, file_name: str, what: str) -> None:
        self.what = what
        super().__init__(file_name, "not-a-file", f"{what}, not a file; not read")


class IngestError(FormgenError):
    """A returned file could not be ingested; the ingest report carries it and the batch goes on."""


class QuarantineError(IngestError):
    """A return that must not be merged; the file is kept in the workspace's quarantine.

    ``kind`` says why: ``unknown-form`` (no formgen identity), ``tampered`` (the identity's
    signature does not match), ``no-workspace`` (made without a workspace: signed with
    :data:`formgen.identity.NO_WORKSPACE`, which proves nothing), ``unknown-schema`` (a schema id or version this workspace does
    not know), ``unknown-category`` (a category neither the form's schema nor the current one has),
    ``unread-copy`` (a copy — a PDF without form fields, an ODT — whose values could not be read),
    ``unread-fields`` (a returned PDF form none of whose fields could be read: a program that
    edited it damaged them).
    ``test-mail`` (a test mail's form, ``formgen mail --test-to``: no institution's answer).
    """

    def __init__(self, kind: str, message: str) -> None:
        self.kind = kind
        self.said = message
        super().__init__(message)


class QuarantineLookupError(FormgenError):
    """``formgen quarantine --done`` names no file of the quarantine, or several, or one
    already marked dealt with; the message says which and how to name it."""


class RegisterError(FormgenError):
    """The register or its journal cannot be read or changed as asked; the message says where and why."""


class RegisterVersionError(RegisterError):
    """The register was written by a newer formgen (a newer register format); it is left alone."""


class DocxError(FormgenError):
    """A file given as a returned DOCX form cannot be read; the message names the file, says
    what it is instead and what the sender or coordinator can do."""


class NotADocxError(DocxError):
    """The file is not a DOCX at all: not a ZIP, a binary Word .doc, an OpenDocument .odt, a PDF …"""


class UnsafeDocxError(DocxError):
    """A DOCX was refused before it was unpacked or parsed: a zip bomb (declared sizes or
    compression ratios beyond any real form), or XML with a DOCTYPE / entity declarations."""


class NotOurFormError(DocxError):
    """A readable Word document that carries neither a formgen identity nor formgen controls."""
