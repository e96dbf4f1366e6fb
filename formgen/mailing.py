"""Cover letters and messages: one mail per institution with its own personalised form attached.

Core without I/O: templates are read from package data, everything else is bytes in, an
:class:`email.message.EmailMessage` out. The rule that matters most is enforced here, at the one
place where forms are attached (:func:`build_message`): every attached form's identity must name
the recipient's institution, so that a form prefilled with institution A's data can never go to
B's address.

Templates are plain UTF-8 text files: a first line ``Betreff: …`` (or ``Subject: …``), a blank
line, the body. Placeholders in braces are filled in per institution; ``{{``/``}}`` write a
literal brace. The shipped ones are ``formgen/mail_templates/<kind>.<lang>.txt`` for the kinds
``invitation`` (first round), ``reminder`` (form overdue) and ``update`` (entry stale).
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from email.errors import HeaderParseError
from email.header import Header
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import EmailPolicy
from email.utils import encode_rfc2231, format_datetime, formataddr, make_msgid, quote
from importlib import resources
from typing import NamedTuple

from formgen.errors import FormgenError, MailError, WrongRecipientError
from formgen.forms import GeneratedForm
from formgen.messages import Said, date_text
from formgen.model import Schema
from formgen.recipients import Recipient, invisible_shown, normalise_email
from formgen.record import erased_shown

KINDS = ("invitation", "reminder", "update")
"""Kinds of mail: first round, reminder for an overdue form, update round for a stale entry."""

PLACEHOLDERS = {
    "name": "the institution's name",
    "deadline": "the date the form should be back (written out in the mail's language)",
    "sender": "who signs the mail (workspace [centre] signature, else the sender address)",
    "centre": "the coordination centre's name",
    "reference": "the form's reference(s) printed on every page, FG-XXXXX-XXXXX",
    "categories": "the checklists the form covers, by their names",
    "checklists": "the same with the words before them, singular or plural: 'the checklist "
    "“A”' / 'these checklists: “A”, “B”' ('die Checkliste „A“' / 'folgende Checklisten: „A“, "
    "„B“')",
    "id": "the institution's id in the register",
    "title": "how the mail names the survey in a sentence: the schema's mail_title, else its title",
    "short_title": "the survey's short name (subjects): the schema's short_title, else {title}",
    "formats": "where a PDF and a Word form of the one form are attached: a sentence saying "
    "so, to fill in one of them, and which suits whom (starts with a space; nothing when one "
    "file is attached), placed after the sentence naming the attachment",
    "programs": "the programs the attached files are filled in with, in brackets after a "
    "space: the PDF's and the Word file's, or only the one attached",
    "missing": "update mails: a paragraph naming the required fields the register still lacks, "
    "and one listing the fields whose value is invalid with why, to be checked (starts with a "
    "blank line; nothing when there are none), placed at the end of a paragraph",
}


class _Words(NamedTuple):
    missing: tuple[str, str]
    check: tuple[str, str]
    checklist: str
    quoted: str
    checklists: tuple[str, str]
    formats: str
    programs: dict[frozenset[str], str]


_WORDS = {
    "de": _Words(
        ("Es fehlt noch: {}.", "Es fehlen noch: {}."),
        ("Zu prüfen ist:", "Zu prüfen sind:"),
        "Checkliste „{}“",
        "„{}“",
        ("die Checkliste {}", "folgende Checklisten: {}"),
        " Er liegt in zwei Formaten bei, als PDF und als Word-Datei: Es ist derselbe Bogen, "
        "bitte füllen Sie nur eine der beiden Dateien aus. Die Word-Datei eignet sich besonders "
        "für die Arbeit mit einem Screenreader, das PDF für jedes gängige PDF-Programm.",
        {
            frozenset({".pdf"}): " (z.\u00a0B. in Firefox, Chrome oder Acrobat Reader)",
            frozenset({".docx"}): " (in Word oder LibreOffice)",
            frozenset({".pdf", ".docx"}): " (PDF: z.\u00a0B. in Firefox, Chrome, Acrobat Reader; "
            "Word-Datei: Word oder LibreOffice)",
        },
    ),
    "en": _Words(
        ("Still missing: {}.", "Still missing: {}."),
        ("Please check this value:", "Please check these values:"),
        "checklist “{}”",
        "“{}”",
        ("the checklist {}", "these checklists: {}"),
        " It comes in two formats, a PDF and a Word file: they are the same form, so please "
        "fill in only one of the two files. The Word file works best with a screen reader, the "
        "PDF in any common PDF program.",
        {
            frozenset({".pdf"}): " (e.g. in Firefox, Chrome or Acrobat Reader)",
            frozenset({".docx"}): " (in Word or LibreOffice)",
            frozenset({".pdf", ".docx"}): " (PDF: e.g. in Firefox, Chrome, Acrobat Reader; "
            "Word file: Word or LibreOffice)",
        },
    ),
}
"""The words of ``{missing}`` and ``{checklists}`` per language (for one, for more), of
``{formats}`` and of ``{programs}`` per set of attached file types."""

MIME_TYPES = {
    ".pdf": ("application", "pdf"),
    ".docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
}

_WIDE_HEADERS = ("content-type", "content-disposition")
_WORDED_HEADERS = ("subject", "from", "to")


class _MailPolicy(EmailPolicy):
    """``policy.SMTP``, except that Content-Type and Content-Disposition are not folded at 78,
    and Subject, From and To with letters beyond ASCII are written as encoded words by
    :class:`email.header.Header`.

    Folding them, the standard library turns DOCX's long MIME type into encoded words (which
    breaks it) and splits RFC 2231 file names into ``filename*0*``/``filename*1*`` pieces that
    some mail programs do not join; unfolded they stay within RFC 5322's limit of 998. And
    where it breaks a line between two encoded words it drops the space between them (CPython
    gh-144156, in Python 3.11 to 3.13): a mail program reads „für Flüchtlinge Düsseldorf“ as „für
    FlüchtlingeDüsseldorf“. ``Header`` keeps every space inside an encoded word.
    """

    def _worded(self, name: str, value: str) -> str | None:
        """The header as RFC 2047 words that keep their spaces; ``None`` when it needs none."""
        if name.lower() not in _WORDED_HEADERS or str(value).isascii() or self.utf8:
            return None
        addresses = getattr(value, "addresses", ())
        if not all(a.addr_spec.isascii() for a in addresses):
            return None  # no encoded word for an address: the standard library says why
        if name.lower() == "subject":
            text = Header(str(value), "utf-8", header_name=name).encode(linesep=self.linesep)
        else:
            text = ", ".join(self._named(name, a) for a in addresses)
        return f"{name}: {text}{self.linesep}"

    def _named(self, name: str, address: Address) -> str:
        """``Name <address>``, the name in encoded words where it needs them."""
        if address.display_name.isascii():
            return formataddr((address.display_name, address.addr_spec))
        words = Header(address.display_name, "utf-8", header_name=name).encode(linesep=self.linesep)
        lines = f"{name}: {words}".split(self.linesep)
        fold = self.linesep if len(lines[-1]) + len(address.addr_spec) + 3 > 78 else ""
        return f"{words}{fold} <{address.addr_spec}>"

    def _file_named(self, name: str, value: str) -> str | None:
        """Content-Type and Content-Disposition of an attachment whose file name has letters
        beyond ASCII, named both ways: ``filename*=utf-8''…`` (RFC 2231, which Thunderbird,
        Apple Mail and Python read) and ``name="=?utf-8?b?…?="`` and ``filename="=?utf-8?b?…?="``
        (RFC 2047 words, which classic Outlook over POP/IMAP reads, where it shows an RFC 2231
        name only as „Unbenannte Anlage“/ATT00001: MimeKit #186, MailKit #1041; nodemailer and
        Thunderbird write ``name`` so too). ``None`` when it needs neither."""
        params = dict(getattr(value, "params", {}))
        key = "name" if name.lower() == "content-type" else "filename"
        file = params.pop(key, "")
        if file.isascii() or self.utf8:
            return None
        # at most 75 characters a word (RFC 2047), one space between them
        words = " ".join(Header(file, "utf-8", maxlinelen=75).encode(linesep=" ").split())
        parts = [getattr(value, "content_type", "") or getattr(value, "content_disposition", "")]
        parts += [f'{k}="{quote(v)}"' for k, v in params.items()]
        if key == "filename":
            parts.append(f"filename*={encode_rfc2231(file, 'utf-8')}")
        parts.append(f'{key}="{words}"')
        return f"{name}: {'; '.join(parts)}{self.linesep}"

    def fold(self, name: str, value: str) -> str:
        if name.lower() in _WIDE_HEADERS:
            if named := self._file_named(name, value):
                return named
            if self.max_line_length != 998:
                return str(self.clone(max_line_length=998).fold(name, value))
        return self._worded(name, value) or str(super().fold(name, value))

    def fold_binary(self, name: str, value: str) -> bytes:
        if name.lower() in _WIDE_HEADERS:
            if named := self._file_named(name, value):
                return named.encode("ascii")
            if self.max_line_length != 998:
                return bytes(self.clone(max_line_length=998).fold_binary(name, value))
        worded = self._worded(name, value)
        return worded.encode("ascii") if worded else bytes(super().fold_binary(name, value))


MAIL_POLICY = _MailPolicy(linesep="\r\n")
"""The policy of every message: like ``email.policy.SMTP`` (CRLF, RFC 2047/2231)."""

_PLACEHOLDER_RE = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")
_SUBJECT_RE = re.compile(r"^(?:Betreff|Subject)\s*:\s*(.*)$", re.IGNORECASE)


@dataclass(frozen=True)
class MailTemplate:
    """A subject and a body with ``{placeholders}``."""

    subject: str
    body: str
    source: str = "<template>"

    def render(self, values: Mapping[str, str]) -> tuple[str, str]:
        """Subject and body with every placeholder filled in."""
        return _fill(self.subject, values, self.source), _fill(self.body, values, self.source)


def _fill(text: str, values: Mapping[str, str], source: str) -> str:
    def sub(m: re.Match[str]) -> str:
        if m.group(0) in ("{{", "}}"):
            return m.group(0)[0]
        key = m.group(1).strip()
        if key not in values:
            known = ", ".join(PLACEHOLDERS)
            raise MailError(Said("mail_template_placeholder", source=source, name=key, known=known))
        return values[key]

    return _PLACEHOLDER_RE.sub(sub, text)


def parse_template(text: str, source: str = "<template>") -> MailTemplate:
    """Read a template; a wrong first line or an unknown placeholder is an error naming the file."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    head, _, body = text.partition("\n")
    m = _SUBJECT_RE.match(head.strip())
    if not m or not m.group(1).strip():
        raise MailError(Said("mail_template_subject", source=source))
    template = MailTemplate(m.group(1).strip(), body.lstrip("\n"), source)
    template.render({k: "" for k in PLACEHOLDERS})  # unknown placeholders fail now, not per mail
    return template


def shipped_template(kind: str, lang: str) -> MailTemplate:
    """The template shipped with formgen for ``kind`` (invitation, reminder, update) in ``lang``."""
    if kind not in KINDS:
        raise MailError(Said("mail_template_kind", kind=kind, kinds=", ".join(KINDS)))
    name = f"{kind}.{lang}.txt"
    path = resources.files("formgen") / "mail_templates" / name
    if not path.is_file():
        raise MailError(Said("mail_template_language", language=lang))
    return parse_template(path.read_text("utf-8"), f"formgen/mail_templates/{name}")


def format_deadline(date: dt.date, lang: str) -> str:
    """``15.12.2026`` (de) or ``2026-12-15`` (en): as the form's date fields and formgen's
    other texts write dates (:func:`formgen.messages.date_text`)."""
    return date_text(date, lang)


def missing_text(
    schema: Schema,
    missing: Mapping[str, Sequence[str]],
    lang: str,
    invalid: Mapping[str, Mapping[str, Mapping[str, str]]] | None = None,
) -> str:
    """A sentence naming the missing required fields by their labels in ``lang``, and a list of
    the fields to check because their value is invalid, each with why (``Anteil … (Checkliste
    „Psychotherapie“): „viel“ ist keine gültige Prozentangabe; …``): in each, those of the
    institution first, then per checklist. ``missing``: category id → field ids, as
    :func:`ingest.staleness.review` finds them; ``invalid``: category id → field id → language →
    why (a field without the mail's language is named without why). ``""`` when there are none."""
    words = _WORDS.get(lang, _WORDS["de"])

    def where(cid: str) -> str:
        return words.checklist.format(schema.category_label(cid, lang))

    paragraphs = []
    if named := _named_fields(schema, missing, lang):
        per_list: dict[str, list[str]] = {}
        for cid, _, label, own in named:
            per_list.setdefault("" if own else cid, []).append(label)
        parts = [
            f"{', '.join(labels)} ({where(cid)})" if cid else "; ".join(labels)
            for cid, labels in per_list.items()
        ]
        paragraphs.append(words.missing[len(named) > 1].format("; ".join(parts)))
    if named := _named_fields(schema, invalid or {}, lang):
        lines = [words.check[len(named) > 1]]
        for cid, fid, label, own in named:
            item = label if own else f"{label} ({where(cid)})"
            why = (invalid or {})[cid][fid].get(lang, "")
            lines.append(f"– {item}: {why}" if why else f"– {item}")
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)


def _named_fields(
    schema: Schema, fields: Mapping[str, Iterable[str]], lang: str
) -> list[tuple[str, str, str, bool]]:
    """(category id, field id, label in ``lang``, whether it is the institution's) of each of
    ``fields`` (category id → field ids): the institution's first, each once (the findings of
    every checklist name them), then each checklist's."""
    institution_ids = {f.id for f in schema.institution_fields()}
    own: dict[str, tuple[str, str, str, bool]] = {}
    per_list = []
    for cid, field_ids in fields.items():
        for fid in dict.fromkeys(field_ids):
            try:
                label = schema.category(cid).field(fid).label.get(lang)
            except FormgenError:
                label = fid  # a field of an older schema version: its id is all there is
            if fid in institution_ids:
                own.setdefault(fid, (cid, fid, label, True))
            else:
                per_list.append((cid, fid, label, False))
    return [*own.values(), *per_list]


def _file_words(text: str) -> str:
    """``text`` fit for a file name: what no file system takes a hyphen, spaces ``_``."""
    text = re.sub(r'[\\/:*?"<>|\x00-\x1f\x7f]+', "-", unicodedata.normalize("NFC", text))
    return re.sub(r"\s+", "_", text.strip())


def attachment_name(recipient: Recipient, form: GeneratedForm, short_title: str) -> str:
    """The file name of an attached form: readable, the first word of the survey's
    ``short_title`` and the institution's name as written (``…_Elternverein_Neuss_e.V._FG-….pdf``)."""
    prefix = _file_words((short_title.split() or ["Form"])[0]).strip("_-.") or "Form"
    words = _file_words(recipient.name)
    name = words[:60]
    if len(words) > 60 and words[60] != "_":  # a long name ends at a word
        name = name.rpartition("_")[0] or name
    # the closing dot of „e.V.“ stays: a dot before the reference is no file name's end, the
    # one dot Windows refuses (a name of dots alone, though, is none)
    name = name.strip("_-") if name.strip("_-.") else recipient.id
    return f"{prefix}_{name}_{form.identity.reference}{form.suffix}"


def _address(display: str, addr_spec: str, where: str = "") -> Address:
    """A mail address, its domain in ASCII (``büro.example`` → ``xn--bro-hoa.example``): every
    server takes that, one without SMTPUTF8 nothing else. ``where``: the recipient's row
    (``""``: the address is the centre's sender)."""
    try:
        return Address(display_name=display, addr_spec=normalise_email(addr_spec))
    except (ValueError, IndexError, HeaderParseError) as exc:
        address, why = invisible_shown(f"{addr_spec:.60}"), str(exc)
        raise MailError(
            Said("mail_template_address", where=where, address=address, why=why)
            if where
            else Said("mail_template_sender", address=address, why=why)
        ) from None


def build_message(
    *,
    recipient: Recipient,
    forms: Sequence[GeneratedForm],
    template: MailTemplate,
    titles: tuple[str, str],
    sender: str,
    centre: str,
    deadline: dt.date,
    lang: str = "de",
    signature: str = "",
    checklists: Sequence[str] = (),
    missing_text: str = "",
    now: dt.datetime | None = None,
    message_id: str | None = None,
    in_reply_to: str = "",
) -> EmailMessage:
    """The mail to ``recipient`` with ``forms`` attached.

    Raises :class:`WrongRecipientError` when any form is not this institution's own form: the
    identity's ``institution_id`` must equal the recipient's id. ``checklists``: the names of
    the checklists the forms cover in ``lang`` (else their ids). ``titles``: ``{title}`` and
    ``{short_title}`` (:meth:`Schema.mail_titles`). ``missing_text``
    (:func:`missing_text`) fills ``{missing}``. ``in_reply_to``: the Message-ID of the mail this
    one answers (a reminder, the mail it reminds of), so that mail programs show both as one
    conversation. A text erased inside the institution's name (``register erase --text``) is
    named as ``lang`` says erased, „Ольга (gelöscht) – Консультація“, in the mail and its
    attachments' names, as its form shows it: never the register's marker.
    """
    recipient = replace(recipient, name=erased_shown(recipient.name, lang))
    if not forms:
        raise MailError(Said("mail_template_no_form", iid=recipient.id))
    for form in forms:
        check_form_for(recipient, form)
    if not recipient.email:
        raise MailError(Said("mail_template_no_address", iid=recipient.id, name=recipient.name))
    if not sender:
        raise MailError(Said("mail_template_no_sender"))
    references = ", ".join(dict.fromkeys(f.identity.reference for f in forms))
    names = checklists or recipient.categories
    words = _WORDS.get(lang, _WORDS["de"])
    suffixes = {f.suffix for f in forms}
    values = {
        "name": recipient.name,
        "deadline": format_deadline(deadline, lang),
        "sender": signature or centre or sender,
        "centre": centre,
        "reference": references,
        "categories": ", ".join(names),
        "checklists": words.checklists[len(names) > 1].format(
            ", ".join(words.quoted.format(n) for n in names)
        ),
        "id": recipient.id,
        "title": titles[0],
        "short_title": titles[1],
        "missing": f"\n\n{missing_text}" if missing_text else "",
        "formats": words.formats if {".pdf", ".docx"} <= suffixes else "",
        "programs": words.programs.get(frozenset(suffixes), ""),
    }
    subject, body = template.render(values)
    msg = EmailMessage(policy=MAIL_POLICY)
    from_address = _address(centre, sender)
    msg["From"] = from_address
    msg["To"] = _address(recipient.name, recipient.email, recipient.source or recipient.id)
    msg["Subject"] = subject
    msg["Date"] = format_datetime(now or dt.datetime.now(dt.UTC).astimezone())
    domain = from_address.domain or "formgen.invalid"
    msg["Message-ID"] = message_id or make_msgid("formgen", domain=domain)
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
        msg["References"] = in_reply_to
    msg["X-Formgen-Institution"] = recipient.id
    msg["X-Formgen-Instance"] = " ".join(dict.fromkeys(f.identity.instance_id for f in forms))
    msg.set_content(body, cte="quoted-printable")
    for form in forms:
        maintype, subtype = MIME_TYPES.get(form.suffix, ("application", "octet-stream"))
        filename = attachment_name(recipient, form, titles[1])
        msg.add_attachment(form.data, maintype=maintype, subtype=subtype, filename=filename)
        # older Outlook versions look at the name parameter of Content-Type, so give it there
        # too (:meth:`_MailPolicy._file_named` writes both ways a name beyond ASCII)
        list(msg.iter_attachments())[-1].set_param("name", filename)
    # RFC 3282: the language a screen reader reads the mail in; set last, as set_content and
    # add_attachment move or drop a Content-* header set before them
    msg["Content-Language"] = lang
    return msg


def check_form_for(recipient: Recipient, form: GeneratedForm) -> None:
    """Raise unless ``form`` is ``recipient``'s own personalised form."""
    ident = form.identity
    if ident.kind != "institution" or ident.institution_id != recipient.id:
        owner = ident.institution_id or "no institution (a blank checklist)"
        raise WrongRecipientError(
            f"refusing to attach form {ident.reference} (made for {owner}) to the mail for "
            f"{recipient.id} <{recipient.email}>: a personalised form only goes to its own institution"
        )


def as_draft(msg: EmailMessage) -> bytes:
    """The message as an ``.eml`` file that opens as an unsent draft, ready to send.

    ``X-Unsent: 1`` makes Outlook open it in compose mode, ready to send. Thunderbird shows it as
    a message; "Message ▸ Edit as New Message" (Ctrl+E) opens it ready to send, with the
    attachments (``X-Mozilla-Draft-Info``, which Thunderbird's own drafts carry, is added too).
    """
    draft = copy.deepcopy(msg)
    del draft["Date"]  # set when it is actually sent
    del draft["X-Unsent"]
    draft["X-Unsent"] = "1"
    draft["X-Mozilla-Draft-Info"] = "internal/draft; vcard=0; receipt=0; DSN=0; uuencode=0"
    return draft.as_bytes(policy=MAIL_POLICY)
