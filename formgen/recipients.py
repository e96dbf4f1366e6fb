"""Who gets a form: recipients from a list (CSV or XLSX) or from the register.

A recipients list has one row per institution with the columns ``id``, ``institution``,
``email``, ``categories`` and ``region`` (German headers are understood too: ``Kennung``,
``Einrichtung``, ``E-Mail``, ``Kategorien``, ``Checkliste``, and the headers ``register export
--labels`` writes: :func:`list_columns`). It is read by :func:`ingest.sheet.read_sheet`, as
``register import`` reads the centre's table: an Excel workbook (XLSX) from its first sheet,
and lists saved by Excel in Germany as CSV as they are: the delimiter (``;``, ``,`` or tab) and
the encoding (UTF-8 with or without BOM, UTF-16 with BOM, otherwise Windows-1252, or
Windows-1254, -1250 or -1251 from a Turkish, Polish or Czech, or Cyrillic Windows) are
detected; a file with Windows-1252 bytes among UTF-8, a NUL byte
(:func:`ingest.sheet.decode_csv`), larger than :data:`MAX_FILE`, an Excel 97-2003 workbook, a
damaged or hostile one, or another kind of file is refused, and so is one that gives a column
twice (``email`` and ``E-Mail``: which one to mail from cannot be guessed).
Categories are checklist ids separated by ``,``, ``|`` or spaces; the region is the region's
value or its label (``Düsseldorf``). Two optional columns choose an institution's
mail and form: ``language`` (``Sprache``: a code or a name, ``en``, ``Englisch``) and
``format`` (``Formular``: ``pdf``, ``docx`` or ``both``).

Reading never stops at the first mistake: :func:`parse_recipients` returns every problem with
its line, and :meth:`RecipientList.require_valid` refuses the whole list until they are fixed (or
drops the rows with problems when asked to). An institution without an e-mail address is not a
problem of the list but is kept and reported (:attr:`RecipientList.without_email`), never dropped
silently. A list that cannot be read as a whole (:class:`~formgen.errors.UnreadableListError`)
has no rows to drop.
"""

from __future__ import annotations

import contextlib
import difflib
import functools
import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from formgen import languages
from formgen.errors import (
    FormgenError,
    Problem,
    RecipientsError,
    RecordError,
    UnreadableListError,
)
from formgen.filenames import windows_device
from formgen.linebreak import breaks_shown, pasted
from formgen.messages import Said, SaidJoined, per_language, said_count, say
from formgen.model import FieldType, Schema, choice_value
from formgen.record import ID_RE, InstitutionRecord, check_value

COLUMNS = ("id", "institution", "email", "categories", "region")
"""The columns a recipients list reads (in any order; others are not read, and named:
:func:`unread_columns`); every list needs them but ``region`` where the schema has no regions
(:func:`needed_columns`)."""
MAIL_COLUMNS = ("language", "format")
"""The columns of a recipients list that choose an institution's mail (its language, its forms'
format), for ``formgen mail`` alone: the register does not hold them."""

FORMAT_CHOICES: dict[str, tuple[str, ...]] = {
    "pdf": ("pdf",),
    "docx": ("docx",),
    "both": ("pdf", "docx"),
}
"""What a format choice (``--format``, the ``format`` column) attaches."""

_ALIASES = {
    "id": "id",
    "kennung": "id",
    "institution_id": "id",
    "institution": "institution",
    "einrichtung": "institution",
    "name": "institution",
    "email": "email",
    "e_mail": "email",
    "mail": "email",
    "e_mail_adresse": "email",
    "categories": "categories",
    "category": "categories",
    "kategorien": "categories",
    "kategorie": "categories",
    "checklisten": "categories",
    "checkliste": "categories",
    "checklist": "categories",
    "region": "region",
    # optional: the language and the format of the institution's mail and form
    "language": "language",
    "lang": "language",
    "sprache": "language",
    "format": "format",
    "formular": "format",
    # further institution fields prefill the form when the list has them
    "traeger": "traeger",
    "träger": "traeger",
    "strasse": "street",
    "straße": "street",
    "street": "street",
    "plz": "postcode",
    "postleitzahl": "postcode",
    "postcode": "postcode",
    "ort": "city",
    "stadt": "city",
    "city": "city",
    "telefon": "phone",
    "phone": "phone",
    "website": "website",
    "internetseite": "website",
    "homepage": "website",
    "oeffnungszeiten": "opening_hours",
    "öffnungszeiten": "opening_hours",
    "opening_hours": "opening_hours",
}

_LABELS = r"[^@\s<>(),;:\"\[\]\\\x00-\x1f\x7f]+"
_EMAIL_RE = re.compile(rf"^[A-Za-z0-9.!#$%&'*+/=?^_`{{|}}~-]+@{_LABELS}\.{_LABELS}$")
"""An address as a mail header takes it (:func:`check_email` checks the dots): a domain
without spaces, brackets, a backslash or control characters."""
_CATEGORY_WORD = re.compile(r"[^,|;\s]+")
"""A word of a categories cell: ids stand apart by ``,``, ``|``, ``;`` or spaces."""


@dataclass(frozen=True)
class Recipient:
    """One institution to mail: its id (the register's institution id), name, address and checklists."""

    id: str
    name: str
    email: str
    """``""`` when the list has no address for it (then it is reported, not mailed)."""
    categories: tuple[str, ...]
    region: str = ""
    source: str = ""
    """Where it came from, for messages (``recipients.csv:7``, ``register: inst-0002``, or
    ``send log: invitation-2026`` for the address of a register institution the register has
    no usable one for: :attr:`from_send_log`)."""
    institution: Mapping[str, str] = field(default_factory=dict)
    """Further institution fields the list gives (street, phone …), to prefill a new institution."""
    lang: str = ""
    """The language of its mail and form as the list asks (``en``); ``""``: the list does not say."""
    formats: tuple[str, ...] = ()
    """The formats of its forms as the list asks (``("docx",)``); empty: the list does not say."""
    given_email: str = ""
    """The address the list gives when it cannot be mailed (then ``email`` is ``""``, or the
    address that worked before: :attr:`from_send_log`)."""
    email_problem: str = ""
    """Why ``given_email`` cannot be mailed; and why the address that worked before cannot be
    used either (it bounced, or the server refused it for good:
    :func:`formgen.mailrun.register_recipients`)."""
    from_send_log: bool = False
    """``email`` is the address its latest delivered mail went to (the send log), as the
    register has none, or an invalid one (``given_email``)."""
    dead_email: bool = False
    """``given_email``, the register's or the list's address, is valid, but a mail to it bounced
    or the server refused it for good (``email_problem`` says when): not mailed
    (:func:`formgen.mailrun.register_recipients`, :func:`formgen.mailrun.round_targets`)."""

    @property
    def not_mailed_reason(self) -> str:
        """Why it cannot be mailed, as the send log says it: ``dead_email``, ``invalid_email``
        or ``no_email`` (for one without an address)."""
        return (
            "dead_email" if self.dead_email else "invalid_email" if self.given_email else "no_email"
        )

    def record(self) -> InstitutionRecord:
        """The prefill of an institution the register does not know yet: what the list says."""
        institution: dict[str, str | int | list[str]] = {**self.institution, "name": self.name}
        if self.region:
            institution["region"] = self.region
        if self.email:
            institution["email"] = self.email
        return InstitutionRecord(self.id, self.categories, institution)


@dataclass(frozen=True)
class RecipientList:
    """What a recipients source held: the usable recipients and every problem found."""

    recipients: tuple[Recipient, ...]
    problems: tuple[Problem, ...] = ()
    encoding: str = "utf-8"
    delimiter: str = ","
    invalid_rows: int = 0
    """How many rows had at least one problem and are left out of the round without a word in
    the send log: in neither ``recipients`` nor ``unmailable`` (a row with an invalid address
    is one of ``unmailable`` only, so that a round counts each row once)."""
    unmailable: tuple[Recipient, ...] = ()
    """The institutions whose address cannot be mailed (the address as given in
    ``given_email``, why in ``email_problem``), to report and log them as not mailed: of a
    list, those of the invalid rows whose id is usable (not missing, malformed or a duplicate);
    of the register, those whose address is invalid (no problem of the list)."""

    @property
    def with_email(self) -> tuple[Recipient, ...]:
        return tuple(r for r in self.recipients if r.email)

    @property
    def without_email(self) -> tuple[Recipient, ...]:
        """Institutions that cannot be mailed: listed for the coordinator to phone or write to."""
        return tuple(r for r in self.recipients if not r.email)

    def require_valid(self, skip_invalid: bool = False, lang: str = "en") -> RecipientList:
        """This list when it has no problems; else raise (said in ``lang``), or
        (``skip_invalid``) keep the good rows."""
        if self.problems and not skip_invalid:
            raise RecipientsError(list(self.problems), lang)
        return self


# --------------------------------------------------------------------------- reading


MAX_FILE = 32 << 20
"""A list of a few thousand institutions is a few MB: a CSV or XLSX larger than this is refused
(and never read whole: the CLI reads at most one byte more)."""


def _folded(header: str) -> str:
    return re.sub(r"[\s\-]+", "_", header.strip().strip("\ufeff").lower())


def column_key(header: str) -> str:
    """The column ``header`` names in a recipients list (``E-Mail``: ``email``), as ``register
    import`` also reads a centre's own list (:func:`ingest.table_import.columns`)."""
    key = _folded(header)
    return _ALIASES.get(key, key)


def list_columns(header: Sequence[str], schema: Schema) -> list[str | None]:
    """The column each cell of ``header`` names (``None``: none read): an institution field's
    label in a language of ``schema``, as ``register export --labels`` writes it (``Name der
    Einrichtung``, ``Einrichtung › E-Mail``, ``Versorgungsregion``), else a name
    :func:`column_key` knows, unless such a label names that column (an export's ``E-Mail``
    beside ``Einrichtung › E-Mail`` is its contact person's; ``E-Mail`` and ``email`` are the
    same column given twice)."""
    labelled: dict[str, str] = {}
    for f in schema.institution_fields():
        column = "institution" if f.id == "name" else f.id
        for lang, label in f.label.values.items():
            if column_key(label) != column:  # a name like any other (E-Mail, Region)
                labelled[_folded(label)] = column
            labelled[_folded(f"{say('institution', lang)} › {label}")] = column
    by_label = [labelled.get(_folded(h)) for h in header]
    return [
        named or (None if (key := column_key(h)) in by_label else key)
        for h, named in zip(header, by_label, strict=True)
    ]


def headers_meant(header: Sequence[str], schema: Schema) -> dict[int, Said]:
    """For a header cell read as no column that is close to a name of a column the list does
    not give (``Emial``, ``Regoin``, ``Sprahce``, ``Telefn``): where it stands → the column it
    may mean (:func:`columns_meant`), said as ``register import`` says a header it does not
    know („„Emial“ (gemeint: „E-Mail“?)“)."""
    fields = {"institution" if f.id == "name" else f.id: f for f in schema.institution_fields()}
    return {
        i: Said(
            "import_did_you_mean",
            name=Said(f"mail_column_{column}")
            if column in (*COLUMNS, *MAIL_COLUMNS)
            else per_language(fields[column].label.get),
        )
        for i, column in columns_meant(header, schema).items()
    }


def columns_meant(header: Sequence[str], schema: Schema) -> dict[int, str]:
    """For a header cell read as no column that is close to a name of a column the list does
    not give (its aliases; a field's labels too): where it stands → that column, as
    :func:`column_key` names it (the closest; each column meant once). ``register import``
    names it as its table does."""
    keys = list_columns(header, schema)
    fields = {"institution" if f.id == "name" else f.id: f for f in schema.institution_fields()}
    read = {*COLUMNS, *MAIL_COLUMNS, *fields}
    names: dict[str, str] = {}
    """A name of each column not given (its aliases; a field's labels too) → the column."""
    for column in sorted(read - set(keys)):
        names |= {name: column for name, key in _ALIASES.items() if key == column}
        if column not in (*COLUMNS, *MAIL_COLUMNS):  # a field of the institution
            names |= {_folded(label): column for label in fields[column].label.values.values()}
    meant: dict[int, str] = {}
    for i, (h, k) in enumerate(zip(header, keys, strict=True)):
        if (
            h.strip()
            and k not in read
            and (close := difflib.get_close_matches(_folded(h), names, 1))
        ):
            meant[i] = column = names[close[0]]
            names = {n: c for n, c in names.items() if c != column}
    return meant


def needed_columns(schema: Schema) -> tuple[str, ...]:
    """The columns a recipients list needs: :data:`COLUMNS`, without ``region`` where the
    schema has no regions."""
    return COLUMNS if schema.regions else COLUMNS[:-1]


def known_column(header: str, schema: Schema) -> bool:
    """Whether ``header`` names a column a recipients list reads (:func:`list_columns`)."""
    read = {*COLUMNS, "language", "format", *(f.id for f in schema.institution_fields())}
    return list_columns([header], schema)[0] in read


def unread_columns(header: Sequence[str], schema: Schema) -> dict[int, str]:
    """The headers of ``header`` that name no column a recipients list reads
    (:func:`list_columns`), by where they stand, as written: a checklist's field (``Name der
    Ansprechperson``), a remark of the centre's own (``Bemerkung``), a mistyped one
    (``Sprahce``: :func:`headers_meant`)."""
    read = {*COLUMNS, "language", "format", *(f.id for f in schema.institution_fields())}
    keys = list_columns(header, schema)
    return {
        i: h.strip()
        for i, (h, k) in enumerate(zip(header, keys, strict=True))
        if h.strip() and k not in read
    }


def columns_twice(header: Sequence[str], keys: Sequence[str | None]) -> list[str]:
    """Each column that several cells of ``header`` name (``keys``: the column each names,
    ``None``: none that is read), said by the headers as written and where they stand (from
    1): ``column 'email' is given twice (columns 3 and 4)``, ``'region' (column 5) and 'Region'
    (column 6) are the same column, region``."""
    out: list[str] = []
    for key in dict.fromkeys(k for k in keys if k is not None):
        at = [i for i, k in enumerate(keys) if k == key]
        if len(at) < 2:
            continue
        written = [header[i].strip() for i in at]
        if len(set(written)) == 1:
            numbers = ", ".join(str(i + 1) for i in at[:-1])
            name, last = f"{written[0]:.40}", at[-1] + 1
            out.append(
                Said("table_given_twice", name=name, numbers=numbers, last=last)
                if len(at) == 2
                else Said("table_given_times", name=name, n=len(at), numbers=numbers, last=last)
            )
        else:
            each = [
                Said("table_column_at", name=f"{header[i].strip():.40}", column=i + 1) for i in at
            ]
            shown = functools.reduce(lambda a, b: Said("table_and", first=a, second=b), each)
            out.append(Said("table_same_column", shown=shown, column=key))
    return out


# --------------------------------------------------------------------------- parsing


_NAMED = re.compile(r'^("(?:[^"\\]|\\.)*"\s*|[^<>]*)<([^<>]*)>$')
"""A display name and the address in ``<…>``; in quotes, the name may hold ``<…>`` itself
(``"Müller <Beratung>" <m@example.org>``), as a mail program quotes it."""


def address_in(text: str) -> str | None:
    """The address a cell or a form's field gives, without the blanks around it, a ``mailto:``
    before it, or the display name a mail program copies with it (``"Poradnia Łódź"
    <poradnia@example.pl>``: the one address in ``<…>``); None where that name holds another
    address (which of the two is meant?)."""
    text = text.strip()
    if named := _NAMED.match(text):
        name, text = named[1].strip(" \"'"), named[2].strip()
        if "@" in name and name.casefold() != text.casefold():
            return None
    return text[7:].strip() if text.lower().startswith("mailto:") else text


def check_email(address: str) -> str | None:
    """Why ``address`` cannot be mailed, or None when it looks deliverable. The address is
    quoted on one line (a line break in a cell shown as ↵): a cell cannot make the output show
    a line of its own, such as a forged "drafted …"."""
    quoted = invisible_shown(breaks_shown(f"{address:.60}"))
    local, _, domain = address.rpartition("@")
    if address_in(address) != address.strip():  # a display name, one with a second address
        return Said("mail_email_invalid", address=quoted)
    if local and not local.isascii():
        return Said("mail_email_not_ascii", address=quoted)
    if not _EMAIL_RE.match(address):
        if "." not in domain and _EMAIL_RE.match(f"{address}.example"):  # koordination@localhost
            return Said("mail_email_no_dot", address=quoted, domain=f"{domain:.60}")
        return Said("mail_email_invalid", address=quoted)
    if (
        ".." in address
        or local.startswith(".")
        or local.endswith(".")
        or domain.startswith((".", "-"))
        or domain.endswith((".", "-"))
    ):
        return Said("mail_email_dots", address=quoted)
    if refused := refused_domain(domain):
        return Said("mail_email_domain", address=quoted, why=refused)
    return None


def sender_problem(address: str) -> str | None:
    """Why the centre's sender ``address`` cannot go out From, or None: :func:`check_email`'s
    reason, letters before the @ or a domain IDNA 2008 refuses said as the centre's own to fix
    (not the institution's)."""
    why = check_email(address)
    if isinstance(why, Said) and why.key == "mail_email_not_ascii":
        return Said("mail_sender_not_ascii", address=why.args["address"])
    if isinstance(why, Said) and why.key == "mail_email_domain":
        return Said("mail_sender_domain", **why.args)
    return why


def ascii_domain(domain: str) -> str:
    """``domain`` as it goes on the wire and into the logs: in lower case and, where it holds
    other letters than ASCII, in its ASCII form as IDNA 2008 writes it with the UTS 46 mapping,
    non-transitional (``düsseldorf.de`` → ``xn--dsseldorf-q9a.de``). So ``straßenfußball-neuß.de``
    is ``xn--straenfuball-neu-jlbei.de``, a domain of its own since DENIC took ß in 2010: IDNA
    2003 (Python's ``idna`` codec) wrote it ``strassenfussball-neuss.de``, someone else's domain;
    it dropped a joiner too, and wrote ``ς`` as ``σ``.
    Raises :class:`idna.IDNAError` (a :class:`UnicodeError`) for a domain IDNA 2008 refuses (a
    joiner out of place, a symbol, a label of mixed writing directions, a label too long)."""
    if domain.isascii():
        return domain.lower()
    import idna  # 6 ms to load its tables: only for a domain that needs them

    return idna.encode(domain, uts46=True, transitional=False).decode("ascii")


def refused_domain(domain: str) -> Said | None:
    """Why IDNA 2008 refuses ``domain`` (:func:`ascii_domain`), naming the first character it
    refuses on its own, or None when it takes it."""
    try:
        ascii_domain(domain)
    except UnicodeError:
        for ch in domain:
            if not ch.isascii() and ch not in ".\u3002\uff0e\uff61" and _refused_alone(ch):
                shown = invisible_shown(f"{domain:.60}")
                return Said("mail_email_idna_char", domain=shown, char=char_named(ch))
        return Said("mail_email_idna", domain=invisible_shown(f"{domain:.60}"))
    return None


def char_named(ch: str) -> str:
    """``ch`` as a message names it: ``U+0455 Cyrillic Small Letter Dze``."""
    return f"U+{ord(ch):04X} {unicodedata.name(ch, '').title()}".strip()


def invisible_shown(text: str) -> str:
    """``text`` with each character that shows as nothing (Unicode's format characters, Cf:
    a zero-width joiner, U+200D; a direction mark) as its escape (``\\u200d``): a message that
    names one as the fault shows where it is (``ex\\u200dample.org``), not a text that looks
    right. A value itself keeps them: a joiner is part of Arabic or Indic writing."""
    return "".join(f"\\u{ord(ch):04x}" if unicodedata.category(ch) == "Cf" else ch for ch in text)


_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")
"""The scripts whose letters look alike (a, а, α; s, ѕ; o, о, ο): a domain's label that mixes
them is a look-alike of another domain (:func:`look_alike`)."""


def look_alike(address: str) -> Said | None:
    """A warning where a label of ``address``'s domain (written in Unicode or as ``xn--``) mixes
    Latin letters with Cyrillic or Greek ones: ``pѕz-duesseldorf.de``, its ``ѕ`` Cyrillic,
    reads as ``psz-duesseldorf.de`` but is another domain, and IDNA 2008 takes it (a registry
    may refuse it; someone may hold it). It names the first letter of the script the label has
    fewest of; None for a label in one script (``дом.рф``, ``straßenfußball-neuß.de``). The
    address is never changed: the institution is asked whether it is right."""
    if "@" not in address:  # most values a return or a list holds: no address
        return None
    written = shown_email(address.strip())  # as the list has it, not as the wire
    _local, at, domain = written.rpartition("@")
    if not at or not domain or any(ch.isspace() for ch in domain):  # no address: a text
        return None
    for label in domain.split("."):
        letters: dict[str, list[str]] = {}
        for ch in label:
            script = unicodedata.name(ch, "").partition(" ")[0] if ch.isalpha() else ""
            if script in _SCRIPTS:
                letters.setdefault(script, []).append(ch)
        if len(letters) > 1:
            odd = min(letters.values(), key=len)[0]
            shown = invisible_shown(f"{written:.80}")
            return Said("email_look_alike", address=shown, label=label, char=char_named(odd))
    return None


def _refused_alone(ch: str) -> bool:
    try:
        ascii_domain(f"a{ch}b.de")
    except UnicodeError:
        return True
    return False


def normalise_email(address: str) -> str:
    """``address`` with its domain as it goes on the wire (:func:`ascii_domain`); a domain IDNA
    2008 refuses stays as written (:func:`check_email` says why it cannot be mailed), never
    changed into another."""
    local, _, domain = address.strip().rpartition("@")
    if not local:
        return address.strip()
    with contextlib.suppress(UnicodeError):
        return f"{local}@{ascii_domain(domain)}"
    return f"{local}@{domain}"


def mailed_elsewhere(logged: str, address: str) -> bool:
    """Whether a mail a send log says went to ``logged`` went to another domain than
    ``address``'s, as formgen wrote it before IDNA 2008 (Python's ``idna`` codec, IDNA 2003:
    ``info@straßenfußball-neuß.de`` as ``info@strassenfussball-neuss.de``); ``address`` as
    written or in its ASCII form."""
    logged = logged.strip().lower()
    if logged == normalise_email(address).lower():
        return False
    local, _, domain = shown_email(address.strip()).rpartition("@")
    try:
        then = f"{local}@{domain.encode('idna').decode('ascii')}"
    except UnicodeError:  # one IDNA 2003 refused was never mailed
        return False
    return logged == then.lower()


def shown_email(address: str) -> str:
    """``address`` as people write it, for a person to read: its domain's ASCII (IDNA) labels
    in Unicode (kontakt@xn--bro-22-3ya.example → kontakt@büro-22.example), the form the list
    holds; the ASCII form stays what goes on the wire and into the logs (:func:`normalise_email`)."""
    local, at, domain = address.rpartition("@")
    if not at or "xn--" not in domain.lower():
        return address
    import idna

    try:
        return f"{local}@{idna.decode(domain)}"
    except UnicodeError:  # not a valid IDNA 2008 domain: as it is
        return address


def _words_in_a_name(schema: Schema) -> int:
    """The most words a category's id or name (in any language) has."""
    return max(
        len(_CATEGORY_WORD.findall(name))
        for c in schema.categories
        for name in (c.id, *c.label.values.values())
    )


def _unknown_category(
    schema: Schema, piece: str, lang: str | None, line: int | None, listed: dict[str, int]
) -> str:
    """What to say of ``piece`` (in the row of ``line``), which names no category: the category
    it is close to (by id or by name in ``lang``), else every category as ``--category`` tells
    them, once in a list (``listed``: the line where each list was said, by its column); a row
    after it names that line."""
    named = {
        n.casefold(): n
        for c in schema.categories
        for n in (c.id, c.label.get(lang or schema.default_language))
    }
    close = difflib.get_close_matches(piece.casefold(), named, n=1)
    meant = category_meant(schema, piece, lang) or (named[close[0]] if close else None)
    if meant:
        return Said("mail_list_did_you_mean", piece=f"{piece:.60}", name=meant)
    if "categories" in listed:
        return Said("mail_list_unknown_category", piece=f"{piece:.60}", line=listed["categories"])
    if line is not None:
        listed["categories"] = line
    said: Said = schema.unknown_category(piece, lang).args[0]  # in the list's language
    return said


_UNKNOWN_TOLD = 5
"""How many of a categories cell's different unknown categories are told, each with the
categories it may mean; the rest are counted."""


def _match_categories(
    text: str,
    schema: Schema,
    where: str,
    line: int | None,
    lang: str | None,
    longest: int,
    listed: dict[str, int],
) -> tuple[tuple[str, ...], list[Problem]]:
    """The checklists a cell names by id or by name (``psychotherapie, Betreutes Wohnen``),
    each as ``--category`` takes it (:meth:`Schema.category_value`): from each word on, the
    longest run of words that is one (a name may hold spaces and commas); the words that are
    none, told by :func:`_unknown_category`. ``longest``: the most words a category's id or
    name has (:func:`_words_in_a_name`); ``listed`` as :func:`_unknown_category` takes it.
    Each unknown piece is told once, the first :data:`_UNKNOWN_TOLD` of them."""
    words = list(_CATEGORY_WORD.finditer(text))
    out: list[str] = []
    unknown: list[tuple[int, int]] = []
    """Spans of words that name no category, those only spaces apart as one."""
    i = 0
    while i < len(words):
        for j in range(min(len(words), i + longest), i, -1):
            found = schema.category_value(text[words[i].start() : words[j - 1].end()])
            if found is not None:
                if found.id not in out:
                    out.append(found.id)
                i = j
                break
        else:
            start, end = words[i].span()
            if (
                unknown
                and unknown[-1][1] == words[i - 1].end()
                and text[unknown[-1][1] : start].isspace()
            ):
                start = unknown.pop()[0]
            unknown.append((start, end))
            i += 1
    pieces = list({text[a:b].casefold(): text[a:b] for a, b in unknown}.values())
    problems = [
        Problem(where, line, _unknown_category(schema, piece, lang, line, listed))
        for piece in pieces[:_UNKNOWN_TOLD]
    ]
    if len(pieces) > _UNKNOWN_TOLD:  # a cell of thousands: a screenful, not 20,000 lines
        problems.append(
            Problem(where, line, Said("mail_list_more_unknown", n=len(pieces) - _UNKNOWN_TOLD))
        )
    if not out and not problems:
        problems.append(Problem(where, line, Said("mail_list_no_category")))
    return tuple(out), problems


def category_meant(schema: Schema, text: str, lang: str | None = None) -> str | None:
    """The name (in ``lang``) of the checklist ``text`` may mean by its words: the shortest
    name holding each of them („Psychosoziales Zentrum“: „Kontakt- und Beratungsstelle (ggf.
    auch, Kontaktzentrum, Psychosoziales oder Sozialpsychiatrisches Zentrum etc. genannt)“),
    else the one name holding both parts of its first word, a compound: a word beginning with
    its first 6 letters or more, and the rest of it, 4 letters or more, anywhere in the name
    („Migrationsberatung“: „Migrationsfachdienste (ehem. Aussiedler- und
    Ausländersozialberatungsstellen)“, not „Integrations- oder Migrationsrat“); ``None``:
    neither (a caller then names the closest by its letters)."""
    names = [c.label.get(lang or schema.default_language) for c in schema.categories]
    words = re.findall(r"\w+", text.casefold())
    if not words:
        return None
    holding = [n for n in names if set(words) <= set(re.findall(r"\w+", n.casefold()))]
    if holding:
        return min(holding, key=len)

    def compound(name: str) -> bool:
        same = max(_prefix(words[0], w) for w in re.findall(r"\w+", name.casefold()))
        rest = words[0][same:]
        return same >= 6 and len(rest) >= 4 and rest in name.casefold()

    both = [n for n in names if compound(n)]
    return both[0] if len(both) == 1 else None


def _prefix(a: str, b: str) -> int:
    """How many letters ``a`` and ``b`` begin with alike."""
    return next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )


def category_ids(text: str, schema: Schema) -> tuple[str, ...]:
    """The checklists a cell names, several as a recipients list gives them („Psychotherapie,
    Facharzt“, :func:`_match_categories`): ``()`` where a piece of it names none."""
    found, problems = _match_categories(text, schema, "", None, None, _words_in_a_name(schema), {})
    return () if problems else found


_LOST_LETTER = re.compile(r"\w\?\w|(?:^|\s)\?\w|\?\?")
_ADDRESS = re.compile(r"://|@|^www\.|\?[\w.%-]+=")
"""A word that is a web or mail address (``https://…``, ``www.…``, ``name@…``, or with a
query: ``index.php?id=7``): its '?' is its own."""


CODE_PAGES = ("cp1252", "cp1250", "cp1254", "cp1251", "iso-8859-2", "iso-8859-16")
"""The code pages of Excel's plain 'CSV' on a German (Western), Central European, Turkish and
Cyrillic Windows, which :func:`ingest.sheet.decode_csv` tells apart or is told
(``register import --encoding``), and the Central European and Romanian ones of Linux and older
programs, which it is told where it finds a sign inside a word (:data:`ingest.sheet.ISO_PAGES`)."""
PLAIN_CSV = frozenset({*CODE_PAGES, "utf-8"})
"""How a CSV Excel saved as plain 'CSV' (no BOM) is read (:func:`ingest.sheet.decode_csv`): it
wrote '?' for every letter the Windows of the country could not hold (:func:`lost_letters`)."""


def lost_letters(text: str) -> bool:
    """Whether ``text`` has letters Excel's plain CSV could not hold: a '?' inside or at the
    start of a word, or several in a row ("?ule Y?lmaz", "????? ????????"), outside web and
    mail addresses (``https://beratung.example/?sprache=ar``); a question mark people type ends
    a word ("Wohin?")."""
    words = (w for w in text.split() if not _ADDRESS.search(w))
    return _LOST_LETTER.search(" ".join(words)) is not None


_LOST_ZERO = re.compile(r"[1-9][0-9]{8,10}")


def phone_cell(text: str) -> str:
    """A phone column's cell of a list or table, its leading 0 given back where Excel dropped it
    (a cell it stored as a number: ``2111234567`` for 0211 1234567). 9 to 11 digits are a German
    number with its area code, never a local number without one (at most 8 digits); a shorter
    one may be either (``8992222``), and a longer one may have lost ``+49`` or ``0049``
    (``492111234567``): those stay as they are, and the register flags them
    (:func:`ingest.values.parse_phone`)."""
    return "0" + text if _LOST_ZERO.fullmatch(text) else text


def parse_recipients(
    header: Sequence[str],
    rows: Sequence[tuple[int, Sequence[str]]],
    schema: Schema,
    source: str = "recipients.csv",
    lang: str | None = None,
    encoding: str = "utf-8",
    delimiter: str = "",
    unsaved: Collection[tuple[int, int]] = (),
    header_line: int = 1,
    yes_no: Collection[tuple[int, int]] = (),
) -> RecipientList:
    """The recipients of a list read as a table (:func:`ingest.sheet.read_sheet`: its header
    and its rows that are not blank, each with its line); every problem is listed with its
    line, nothing is dropped silently. An unknown region is told with the regions one can
    write, named in ``lang`` (default: the schema's language). ``encoding`` and ``delimiter``
    are a CSV's (``delimiter`` ``""``: a workbook); ``unsaved`` the cells (line, column from 0)
    of a workbook holding a formula without a saved result, a problem of their row where it
    reads them; ``header_line`` the header's line (2 after a CSV's ``sep=;``); ``yes_no`` a
    workbook's cells holding TRUE or FALSE, which read as ``ja`` and ``nein``: a problem of
    their row where it reads them (a name, an address is text). Raises
    :class:`UnreadableListError` for a list without a header, without a column it needs, or
    with a column it reads given twice (``email`` and ``E-Mail``)."""
    if not header and not rows:
        empty = Said(
            "mail_list_empty_file" if delimiter else "mail_list_empty_sheet",
            columns=", ".join(needed_columns(schema)),
        )
        raise UnreadableListError([Problem(source, None, empty)])
    keys = list_columns(header, schema)
    missing = [c for c in needed_columns(schema) if c not in keys]
    if missing:
        meant = headers_meant(header, schema)
        found = SaidJoined(
            [
                SaidJoined((repr(h.strip()), meant[i]), "") if i in meant else repr(h.strip())
                for i, h in enumerate(header)
                if h.strip()
            ]
        )
        titled = sum(1 for h in header if h.strip() and known_column(h, schema)) < 2
        said = said_count(
            "mail_list_missing",
            len(missing),
            missing=SaidJoined([Said(f"mail_column_{c}") for c in missing], ", "),
            found=found or Said("mail_list_found_none"),
            delimiter=Said("mail_list_delimiter", delimiter=delimiter) if delimiter else "",
            columns=SaidJoined([Said(f"mail_column_{c}") for c in needed_columns(schema)], ", "),
            title=Said("mail_list_title") if titled and rows else "",
            register=Said("mail_list_via_register", source=source) if "id" in missing else "",
        )
        raise UnreadableListError([Problem(source, header_line, said)])
    known = {f.id: f for f in schema.institution_fields()}
    read = {*COLUMNS, "language", "format", *known}
    twice = columns_twice(header, [k if k in read else None for k in keys])
    if twice:  # mailed from: which of them is meant cannot be guessed
        raise UnreadableListError(
            [Problem(source, header_line, Said("mail_list_twice", twice=c)) for c in twice]
        )
    index = {k: keys.index(k) for k in (*COLUMNS, "language", "format") if k in keys}
    longest = _words_in_a_name(schema)
    lost_fix = Said(
        "mail_list_lost_csv"
        if encoding in PLAIN_CSV
        else "mail_list_lost_list"
        if delimiter
        else "mail_list_lost_workbook"
    )
    extra = {
        k: i for i, k in enumerate(keys) if k in known and k not in ("name", "email", "region")
    }
    recipients: list[Recipient] = []
    problems: list[Problem] = []
    seen: dict[str, tuple[str, int, str]] = {}
    """Each id's first row, by the id in lower case: the id as written, its line and name."""
    listed: dict[str, int] = {}
    """The line where the checklists (``categories``), the regions (``region``) one can write
    were listed, for a row naming an unknown one: listed once, not in every such row."""
    invalid = 0
    unmailable: list[Recipient] = []
    for line, row in rows:
        row_problems: list[Problem] = []
        beyond = row[len(header) :]
        # in a CSV, a delimiter more shifts the values; a workbook's row may have empty cells more
        if beyond and (delimiter or any(c.strip() for c in beyond)):
            key = "mail_list_values_csv" if delimiter else "mail_list_values_sheet"
            said = Said(key, n=len(row), columns=len(header), delimiter=delimiter)
            row_problems.append(Problem(source, line, said))
        texts = [pasted(c).strip() for c in row]  # a soft hyphen must not reach a mail's subject
        cell = {k: (texts[i] if i < len(row) else "") for k, i in index.items()}
        if cell["email"]:  # as Outlook copies it: "Poradnia Łódź" <poradnia@example.pl>
            cell["email"] = address_in(cell["email"]) or cell["email"]
        rec, more = _check_row(cell, schema, source, line, seen, listed, lang, lost_fix, longest)
        values = {k: texts[i] for k, i in extra.items() if i < len(row) and texts[i]}
        if "phone" in values:
            values["phone"] = phone_cell(values["phone"])
        for key, text in values.items():  # a choice by its name too (as register set takes it)
            if known[key].type in (FieldType.SELECT_ONE, FieldType.YES_NO_NONE):
                values[key] = choice_value(known[key], text) or text
        for key, text in values.items():
            try:
                check_value(known[key], text, key)
            except RecordError as exc:
                said = Said("mail_list_column", problem=exc.args[0])
                more.append(Problem(source, line, said))
        if rec is not None and values:
            rec = replace(rec, institution=values)
        row_problems.extend(more)
        cells_read = sorted({*index.values(), *extra.values()})
        for cells, what in ((unsaved, "mail_list_unsaved"), (yes_no, "mail_list_yes_no")):
            row_problems.extend(
                Problem(source, line, Said(what, column=f"{header[i].strip():.40}"))
                for i in cells_read
                if (line, i) in cells
            )
        if row_problems or rec is None:
            problems.extend(row_problems)
            rid, given = cell["id"], cell["email"]
            first = seen.get(rid.lower())
            why = check_email(given) if given and first and first[:2] == (rid, line) else None
            if why:  # counted once: as not mailed for its address, not as an invalid row too
                name = " ".join(cell["institution"].split())
                unmailable.append(_unmailable(rid, name, given, why, f"{source}:{line}"))
            else:
                invalid += 1
        else:
            recipients.append(rec)
    return RecipientList(
        tuple(recipients), tuple(problems), encoding, delimiter, invalid, tuple(unmailable)
    )


def _unmailable(rid: str, name: str, given: str, why: str, source: str) -> Recipient:
    """An institution left out for an address that cannot be mailed."""
    return Recipient(rid, name or rid, "", (), source=source, given_email=given, email_problem=why)


def _check_row(
    cell: Mapping[str, str],
    schema: Schema,
    source: str,
    line: int | None,
    seen: dict[str, tuple[str, int, str]],
    listed: dict[str, int],
    lang: str | None,
    lost_fix: str,
    longest: int,
) -> tuple[Recipient | None, list[Problem]]:
    """The recipient of a row, or its problems; ``listed``: where the checklists and the regions
    were listed (:func:`_unknown_category`); ``lost_fix`` is what to do with a name that
    has '?' in place of letters (in a plain CSV: save it as 'CSV UTF-8'); ``longest`` the most
    words of a category's name (:func:`_match_categories`)."""
    problems: list[Problem] = []
    rid = cell["id"]
    # a line break typed in Excel must not reach a header
    name = " ".join(cell["institution"].split())
    if not rid:
        problems.append(Problem(source, line, Said("mail_list_no_id")))
    elif not ID_RE.match(rid):
        problems.append(Problem(source, line, Said("mail_list_bad_id", rid=f"{rid:.40}")))
    elif windows_device(rid):
        problems.append(Problem(source, line, Said("id_windows_device", rid=rid)))
    elif (first := seen.get(rid.lower())) is not None:
        other, first_line, first_name = first
        said = (
            Said(
                "mail_list_duplicate_id",
                rid=rid,
                first=first_line,
                first_name=f"{first_name:.60}",
                name=f"{name:.60}",
            )
            if other == rid
            else Said("mail_list_case_id", rid=rid, other=other, first=first_line)
        )
        problems.append(Problem(source, line, said))
    else:
        seen[rid.lower()] = (rid, line or 0, name)
    if not name:
        problems.append(Problem(source, line, Said("mail_list_no_name")))
    elif lost_letters(name):
        said = Said("mail_list_lost_letters", name=f"{name:.60}", fix=lost_fix)
        problems.append(Problem(source, line, said))
    email = cell["email"]
    if email:
        why = check_email(email)
        if why:
            problems.append(Problem(source, line, why))
        else:
            email = normalise_email(email)
    categories, cat_problems = _match_categories(
        cell["categories"], schema, source, line, lang, longest, listed
    )
    problems.extend(cat_problems)
    region = ""
    if cell.get("region"):
        try:
            region = schema.region_named(cell["region"], lang)
        except FormgenError as exc:  # unknown: said with every region one can write, once
            said = exc.args[0]
            town = schema.region_of_town(cell["region"])
            if town is not None:  # a town in a region's name, as register import offers it
                name = schema.region_label(town, lang)
                said = Said("mail_list_town", text=f"{cell['region']:.60}", region=name, value=town)
            elif schema.regions and "region" in listed:
                text = f"{cell['region']:.60}"
                said = Said("mail_list_unknown_region", text=text, line=listed["region"])
            elif schema.regions and line is not None:
                listed["region"] = line
            problems.append(Problem(source, line, said))
    mail_lang = ""
    if cell.get("language"):
        offered = [c for c in schema.languages if c in languages.MAIL_LANGUAGES]
        mail_lang = languages.lookup(cell["language"]) or ""
        if mail_lang not in offered:
            names = ", ".join(
                f"{c} ({languages.name(c, lang or schema.default_language)})" for c in offered
            )
            said = Said("mail_list_language", given=f"{cell['language']:.40}", names=names)
            problems.append(Problem(source, line, said))
    formats: tuple[str, ...] = ()
    if cell.get("format"):
        formats = FORMAT_CHOICES.get(cell["format"].lower(), ())
        if not formats:
            said = Said("mail_list_format", given=f"{cell['format']:.40}")
            problems.append(Problem(source, line, said))
    if problems:
        return None, problems
    where = f"{source}:{line}" if line else source
    return Recipient(
        rid, name, email, categories, region, where, lang=mail_lang, formats=formats
    ), []


def recipients_from_records(
    records: Iterable[InstitutionRecord], source: str = Said("mail_source_register")
) -> RecipientList:
    """Recipients from register records (their ``institution.email``). An institution whose
    address is invalid (kept as typed on its returned form) is no problem of the list but
    :attr:`RecipientList.unmailable`, with its checklists: a round of the register may mail it
    at the address that worked before (:func:`formgen.mailrun.register_recipients`)."""
    recipients: list[Recipient] = []
    unmailable: list[Recipient] = []
    problems: list[Problem] = []
    for rec in records:
        if windows_device(
            rec.id
        ):  # kept from before formgen refused it: its draft is named after it
            problems.append(Problem(source, None, Said("id_windows_device", rid=rec.id)))
            continue
        email = str(rec.institution.get("email", "")).strip()
        recipient = Recipient(
            rec.id,
            " ".join(rec.name.split()),
            email,
            rec.categories,
            str(rec.institution.get("region", "")),
            SaidJoined((source, rec.id), ": "),
        )
        why = check_email(email) if email else None
        if why:
            unmailable.append(replace(recipient, email="", given_email=email, email_problem=why))
        else:
            recipients.append(replace(recipient, email=normalise_email(email) if email else ""))
    return RecipientList(
        tuple(recipients),
        unmailable=tuple(unmailable),
        problems=tuple(problems),
        invalid_rows=len(problems),
    )
