"""Messages: one institution, its own form, correct MIME; never another institution's form."""

from __future__ import annotations

import datetime as dt
import re
from email import message_from_bytes, policy

import pytest
from mailkit import header_text, renderers

from formgen.errors import MailError, WrongRecipientError
from formgen.forms import FormRequest, new_identity
from formgen.mailing import (
    KINDS,
    as_draft,
    attachment_name,
    build_message,
    check_form_for,
    parse_template,
    shipped_template,
)
from formgen.recipients import Recipient
from formgen.record import InstitutionRecord
from formgen.schema_load import default_schema

SCHEMA = default_schema()
SECRET = b"k" * 32
DEADLINE = dt.date(2026, 12, 15)


def form_for(iid: str, name: str, fmt: str = "pdf", kind: str = "institution"):
    record = InstitutionRecord(iid, ("psychotherapie",), {"name": name})
    request = FormRequest(kind, ("psychotherapie",), record if kind == "institution" else None)
    identity = new_identity(SCHEMA, request, SECRET)
    return renderers()[fmt](SCHEMA, request, identity)


def recipient(iid: str, name: str, email: str = "x@example.org") -> Recipient:
    return Recipient(iid, name, email, ("psychotherapie",), "duesseldorf", "list.csv:2")


def build(rec: Recipient, forms, lang: str = "de", checklists: tuple[str, ...] = ()):
    return build_message(
        recipient=rec,
        forms=forms,
        template=shipped_template("invitation", lang),
        titles=SCHEMA.mail_titles(lang),
        sender="spkom@example.org",
        centre="SPKoM Düsseldorf",
        deadline=DEADLINE,
        lang=lang,
        checklists=checklists or (SCHEMA.category_label("psychotherapie", lang),),
    )


LONG_NAMES = (
    "Консультаційний центр психосоціальної підтримки біженців та мігрантів – Консультація",
    "مركز الاستشارات النفسية والاجتماعية للاجئين والمهاجرين في دوسلدورف – استشارة",
    "Psikososyal Danışma Merkezi Göçmenler ve Mülteciler için Düsseldorf Şubesi – Danışmanlık",
    "Poradnia Psychospołeczna dla Uchodźców i Migrantów w Düsseldorfie – Konsultacja źdźbło",
)
"""Institutions' names longer than one encoded word, split inside a word over several."""


def reparse(msg):
    return message_from_bytes(msg.as_bytes(), policy=policy.default)


def test_form_of_a_never_goes_to_b():
    a_form = form_for("inst-a", "Beratung A")
    b = recipient("inst-b", "Beratung B", "b@example.org")
    with pytest.raises(
        WrongRecipientError, match=r"made for inst-a\) to the mail for inst-b <b@example.org>"
    ):
        build(b, [a_form])
    # also when A's form hides among B's own forms
    with pytest.raises(WrongRecipientError, match="made for inst-a"):
        build(b, [form_for("inst-b", "Beratung B"), a_form])


def test_blank_checklist_is_not_a_personal_form():
    checklist = form_for("", "", kind="checklist")
    with pytest.raises(WrongRecipientError, match="no institution"):
        check_form_for(recipient("inst-a", "A"), checklist)


@pytest.mark.parametrize(
    "name",
    [
        "Çiğdem Öztürk-İnce Danışmanlık",
        "Ольга Петренко",
        "Poradnia Łódź",
        "مركز الاستشارة",
        "Jörg Weiß",
    ],
)
def test_unicode_names_survive_subject_to_and_filenames(name):
    pdf, docx = form_for("i1", name, "pdf"), form_for("i1", name, "docx")
    docx = type(docx)(docx.data, pdf.identity, docx.suffix)  # one instance in two formats
    msg = reparse(build(recipient("i1", name, "i1@example.org"), [pdf, docx]))
    assert name in str(msg["Subject"])
    assert header_text(msg, "To") == f"{name} <i1@example.org>"
    assert msg["To"].addresses[0].addr_spec == "i1@example.org"
    raw = build(recipient("i1", name, "i1@example.org"), [pdf, docx]).as_bytes()
    assert raw.isascii()  # every header RFC 2047, every file name RFC 2231, body quoted-printable
    assert b"filename*=utf-8''Bestandsaufnahme_" in raw  # RFC 2231, in one piece
    # the DOCX MIME type is not folded into encoded words (a standard library pitfall)
    assert (
        b"Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document;"
        in raw
    )
    atts = list(msg.iter_attachments())
    assert [a.get_content_type() for a in atts] == [
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ]
    assert [a.get_content() for a in atts] == [pdf.data, docx.data]
    expected = f"Bestandsaufnahme_{name.replace(' ', '_')}_{pdf.identity.reference}"
    assert [a.get_filename() for a in atts] == [expected + ".pdf", expected + ".docx"]
    assert msg["X-Formgen-Instance"] == pdf.identity.instance_id
    assert msg["X-Formgen-Institution"] == "i1"


@pytest.mark.parametrize(
    "name",
    [
        "Psychosoziales Zentrum für Flüchtlinge Düsseldorf",
        "Ольга Çiğdem Flüchtlinge Łódź Łódź für Łódź und Öztürk für Zentrum e.V. Zentrum مركز",
        "مركز Yılmaz Flüchtlinge für Praxis für für الأمل Flüchtlinge",
        *LONG_NAMES,
    ],
)
def test_a_long_name_keeps_every_space_in_subject_and_to(name):
    """Folded over several lines, the Subject and To keep the space between two words that are
    both encoded (Python's own folding dropped it: „für FlüchtlingeDüsseldorf“ in Thunderbird)."""
    msg = build(recipient("i1", name, "i1@example.org"), [form_for("i1", name)])
    subject = "Bestandsaufnahme der regionalen Versorgung – Ihre Angaben für " + name
    assert header_text(msg, "Subject") == subject
    assert header_text(msg, "To") == f"{name} <i1@example.org>"
    assert header_text(msg, "From") == "SPKoM Düsseldorf <spkom@example.org>"
    assert all(len(line) <= 78 for line in msg.as_bytes().split(b"\r\n\r\n")[0].split(b"\r\n"))
    assert str(reparse(msg)["Subject"]) == subject  # and as Python reads it


def test_body_names_deadline_reference_and_centre():
    form = form_for("i1", "Praxis Brücke")
    body = reparse(build(recipient("i1", "Praxis Brücke"), [form])).get_body().get_content()
    assert "bis zum 15.12.2026" in body
    assert form.identity.reference in body
    assert "„Praxis Brücke“" in body and "SPKoM Düsseldorf" in body


def test_english_template():
    form = form_for("i1", "Praxis")
    msg = reparse(build(recipient("i1", "Praxis"), [form], lang="en"))
    assert str(msg["Subject"]).startswith("Inventory of regional care")
    assert "by 2026-12-15" in msg.get_body().get_content()  # as the form's date fields write it
    assert next(iter(msg.iter_attachments())).get_filename().startswith("Inventory_Praxis_FG-")


@pytest.mark.parametrize(
    ("lang", "one", "two"),
    [
        (
            "de",
            "ist darin vorgesehen für die Checkliste „PsychotherapeutIn, niedergelassen“.",
            "ist darin vorgesehen für folgende Checklisten: „PsychotherapeutIn, niedergelassen“, "
            "„Krisen(interventions)dienst“.",
        ),
        (
            "en",
            "is listed for the checklist “Psychotherapist in private practice”.",
            "is listed for these checklists: “Psychotherapist in private practice”, "
            "“Crisis (intervention) service”.",
        ),
    ],
)
def test_invitation_names_one_checklist_in_the_singular(lang, one, two):
    """One checklist: 'the checklist “…”', not 'these checklists: …'; each name quoted, so a
    name with a comma in it stays one name."""
    form = form_for("i1", "Praxis")
    body = reparse(build(recipient("i1", "Praxis"), [form], lang)).get_body().get_content()
    assert one in body.replace("\n", " ")
    names = tuple(SCHEMA.category_label(c, lang) for c in ("psychotherapie", "krisendienst"))
    body = reparse(build(recipient("i1", "Praxis"), [form], lang, names)).get_body().get_content()
    assert two in body.replace("\n", " ")


def test_draft_is_marked_unsent_and_has_no_date():
    form = form_for("i1", "Praxis Öz")
    draft = message_from_bytes(
        as_draft(build(recipient("i1", "Praxis Öz"), [form])), policy=policy.default
    )
    assert draft["X-Unsent"] == "1"
    assert draft["Date"] is None
    assert draft["To"].addresses[0].addr_spec == "x@example.org"
    assert next(iter(draft.iter_attachments())).get_content() == form.data


def test_own_template_with_unknown_placeholder_names_the_file():
    with pytest.raises(
        MailError, match=r"brief.txt: unknown placeholder \{frist\}; known: name, deadline"
    ):
        parse_template("Betreff: Hallo {name}\n\nBis {frist}\n", "brief.txt")
    with pytest.raises(MailError, match=r"brief\.txt:1: the first line must be the subject"):
        parse_template("Hallo {name}\n", "brief.txt")
    t = parse_template("Subject: {{Info}} {name}\n\nText\n", "brief.txt")
    assert t.render({"name": "X"})[0] == "{Info} X"


def test_recipient_without_address_cannot_get_a_mail():
    with pytest.raises(MailError, match=r"i1 \(Praxis\): no e-mail address"):
        build(recipient("i1", "Praxis", ""), [form_for("i1", "Praxis")])


def test_german_mails_tie_z_b_with_a_no_break_space():
    """„z. B.“ in the shipped German mail texts is tied with U+00A0, as in the forms and the
    German reasons, so that a mail program never ends a line after „z.“; read back from the mail."""
    form = form_for("inst-a", "Beratung A")
    found = []
    for kind in KINDS:
        msg = build_message(
            recipient=recipient("inst-a", "Beratung A"),
            forms=[form],
            template=shipped_template(kind, "de"),
            titles=SCHEMA.mail_titles("de"),
            sender="spkom@example.org",
            centre="SPKoM Düsseldorf",
            deadline=DEADLINE,
        )
        body = reparse(msg).get_body(("plain",)).get_content()
        found += re.findall(r"z\.(\s)B\.", body)
    assert found == ["\u00a0"]  # the invitation's „PDF: z. B. in Firefox …“


def test_a_long_name_in_an_attachments_file_name_ends_at_a_word_and_keeps_its_e_v_dot() -> None:
    """„…_Bildung_und_Integr_FG-….pdf“: the name was cut to 60 characters inside a word; and
    „…_Neuss_e.V_FG-….pdf“ lost the closing dot of „e.V.“ (a tester's finding)."""
    name = "Verein für interkulturelle Begegnung, Beratung, Bildung und Integration e.V."
    form = form_for("i1", name)
    got = attachment_name(recipient("i1", name), form, SCHEMA.mail_titles("de")[1])
    assert got == (
        "Bestandsaufnahme_Verein_für_interkulturelle_Begegnung,_Beratung,_Bildung_und"
        f"_{form.identity.reference}.pdf"
    )
    short = "Praxis Öztürk"
    for name, shown in [
        (
            "Türkisch-Arabischer Elternverein Neuss e.V.",
            "Türkisch-Arabischer_Elternverein_Neuss_e.V.",
        ),
        ("„Brücke“ e.V. ", "„Brücke“_e.V."),
        ("...", "i1"),  # a name of dots alone: the id
    ]:
        got = attachment_name(recipient("i1", name), form, SCHEMA.mail_titles("de")[1])
        assert got == f"Bestandsaufnahme_{shown}_{form.identity.reference}.pdf"
    assert attachment_name(recipient("i1", short), form, SCHEMA.mail_titles("en")[1]) == (
        f"Inventory_Praxis_Öztürk_{form.identity.reference}.pdf"
    )


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    ("lang", "save"),
    [
        (
            "de",
            "und hängen Sie die gespeicherte Datei an – sonst erreicht uns der Bogen ohne Ihre Eintragungen.",
        ),
        ("en", "and attach the saved file – otherwise the form reaches us without your entries."),
    ],
)
def test_a_mail_with_a_form_asks_to_save_it_after_filling_it_in(kind, lang, save):
    """Filled in the browser and not saved, the original goes back empty: every mail that
    carries a form says to save it and attach the saved file; read back from the mail."""
    form = form_for("inst-a", "Beratung A")
    msg = build_message(
        recipient=recipient("inst-a", "Beratung A"),
        forms=[form],
        template=shipped_template(kind, lang),
        titles=SCHEMA.mail_titles(lang),
        sender="spkom@example.org",
        centre="SPKoM Düsseldorf",
        deadline=DEADLINE,
        lang=lang,
    )
    body = reparse(msg).get_body(("plain",)).get_content()
    assert save in body.replace("\n", " ")


def both_formats(iid: str, name: str, lang: str = "de"):
    """The PDF and the Word form of one form (one identity), as ``mail --format both`` attaches
    them."""
    record = InstitutionRecord(iid, ("psychotherapie",), {"name": name})
    request = FormRequest("institution", ("psychotherapie",), record, lang)
    identity = new_identity(SCHEMA, request, SECRET)
    return [renderers()[fmt](SCHEMA, request, identity) for fmt in ("pdf", "docx")]


TWO_FORMATS = {
    "de": (
        "Im Anhang finden Sie Ihren persönlichen Erhebungsbogen ({ref}).",
        "Er liegt in zwei Formaten bei, als PDF und als Word-Datei: Es ist derselbe Bogen, bitte "
        "füllen Sie nur eine der beiden Dateien aus. Die Word-Datei eignet sich besonders für die "
        "Arbeit mit einem Screenreader, das PDF für jedes gängige PDF-Programm.",
    ),
    "en": (
        "Attached is your personal form ({ref}).",
        "It comes in two formats, a PDF and a Word file: they are the same form, so please fill "
        "in only one of the two files. The Word file works best with a screen reader, the PDF in "
        "any common PDF program.",
    ),
}
"""The invitation's sentence naming the attachment, and what follows it with two formats."""


@pytest.mark.parametrize("lang", sorted(TWO_FORMATS))
@pytest.mark.parametrize("kind", KINDS)
def test_a_pdf_and_a_word_form_attached_are_said_to_be_one_form_to_fill_once(lang, kind):
    """Two files attached where the text spoke of one form: the mail says they are the same
    form in two formats, to fill in one, and which suits a screen reader; it names its
    language (Content-Language), so a screen reader reads it in that language's voice."""
    forms = both_formats("i1", "Praxis Çiğdem", lang)
    attached, formats = TWO_FORMATS[lang]

    def mail(attach):
        return reparse(
            build_message(
                recipient=recipient("i1", "Praxis Çiğdem"),
                forms=attach,
                template=shipped_template(kind, lang),
                titles=SCHEMA.mail_titles(lang),
                sender="spkom@example.org",
                centre="SPKoM Düsseldorf",
                deadline=DEADLINE,
                lang=lang,
            )
        )

    both = mail(forms)
    assert both["Content-Language"] == lang
    assert [a.get_content_type() for a in both.iter_attachments()] == [
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ]
    body = " ".join(both.get_body().get_content().split())
    assert f"({forms[0].identity.reference}). {formats}" in body
    if kind == "invitation":
        assert f"{attached} {formats}".format(ref=forms[0].identity.reference) in body
    one = mail(forms[1:])  # the Word form alone: nothing of two formats
    assert one["Content-Language"] == lang
    assert formats[:20] not in one.get_body().get_content()


def test_a_workspace_s_own_text_made_before_formats_still_serves():
    """A workspace's own template written from the shipped one before it had ``{formats}``
    fills in as it did: its placeholders are all still known."""
    own = parse_template(
        "Betreff: {short_title} – {name}\n\nIm Anhang Ihr Bogen ({reference}) für "
        "{checklists}, bis zum {deadline}.{missing}\n\n{sender}\n",
        "mail_templates/invitation.de.txt",
    )
    forms = both_formats("i1", "Praxis Öz")
    msg = reparse(
        build_message(
            recipient=recipient("i1", "Praxis Öz"),
            forms=forms,
            template=own,
            titles=SCHEMA.mail_titles("de"),
            sender="spkom@example.org",
            centre="SPKoM Düsseldorf",
            deadline=DEADLINE,
        )
    )
    assert (
        msg.get_body()
        .get_content()
        .startswith(f"Im Anhang Ihr Bogen ({forms[0].identity.reference}) für die Checkliste")
    )
    assert msg["Content-Language"] == "de"
