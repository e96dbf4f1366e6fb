"""The AcroForm reader against the field naming contract, and every kind of bad input."""

from __future__ import annotations

import errno
import io
import json
import multiprocessing
import warnings
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pikepdf
import pytest
from pdfread_contract import Spec, contract_form
from pikepdf import String
from pypdf import PdfWriter
from pypdf.generic import NameObject, TextStringObject

from formgen.errors import IdentityError, UnreadableFileError
from formgen.identity import FormIdentity
from formgen.messages import in_language
from ingest import pdf_reader
from ingest.pdf_reader import ReadLimits, open_pdf, pdf_date_iso, read_acroform

SECRET = b"s" * 32
IDENT = FormIdentity(
    schema_id="arbeitshilfe_migration_psychiatrie",
    schema_version="1.0.0",
    instance_id="7K3M9Q2XAB",
    kind="institution",
    categories=("psychotherapie",),
    institution_id="inst-0001",
    base_version=3,
).sign(SECRET)
REGIONS = [("duesseldorf", "Düsseldorf"), ("dormagen", "Dormagen")]
YNN = [("ja", ""), ("nein", ""), ("fehlanzeige", "")]


def read(data: bytes, **kw: object) -> object:
    return read_acroform(data, "return.pdf", **kw)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- the contract


def test_values_follow_the_contract() -> None:
    data = contract_form(
        [
            Spec("institution.name", "text", "Çiğdem Öztürk-İnce"),
            Spec("institution.opening_hours", "text", "Mo–Fr 9–13\r\nDo 14–18\rSa nach Absprache"),
            Spec("institution.region", "combo", "dormagen", options=REGIONS),
            Spec("psychotherapie.languages_offered.tr", "checkbox", True, on_state="On"),
            Spec("psychotherapie.languages_offered.ar", "checkbox", True, on_state="1"),
            Spec("psychotherapie.languages_offered.fa", "checkbox", True, on_state="Ja"),
            Spec("psychotherapie.languages_offered.fr", "checkbox", True, on_state="Oui"),
            Spec("psychotherapie.languages_offered.ru", "checkbox", False, on_state="Yes"),
            Spec("psychotherapie.languages_offered._other", "text", "Tamil, Urdu"),
            Spec("psychotherapie.migrant_experience", "choice_boxes", "fehlanzeige", options=YNN),
        ],
        IDENT,
    )
    sub = read_acroform(io.BytesIO(data), "return.pdf")
    assert sub.values == {
        "institution.name": "Çiğdem Öztürk-İnce",
        "institution.opening_hours": "Mo–Fr 9–13\nDo 14–18\nSa nach Absprache",
        "institution.region": "dormagen",
        "psychotherapie.languages_offered.tr": True,
        "psychotherapie.languages_offered.ar": True,
        "psychotherapie.languages_offered.fa": True,
        "psychotherapie.languages_offered.fr": True,
        "psychotherapie.languages_offered.ru": False,
        "psychotherapie.languages_offered._other": "Tamil, Urdu",
        "psychotherapie.migrant_experience": "fehlanzeige",
    }
    assert sub.identity == IDENT and sub.identity is not None
    assert sub.identity.verify(SECRET)
    assert sub.confidence == "high" and sub.notes == ()
    prov = sub.provenance
    assert prov.reader == "acroform-pdf" and prov.file_name == "return.pdf"
    assert prov.size == len(data) and len(prov.sha256) == 64
    assert prov.timestamps == {
        "created": "2025-09-24T10:15:00+02:00",
        "modified": "2025-09-25T08:30:00Z",
    }


def _name_form(name: str) -> bytes:
    return contract_form([Spec("institution.name", "text", name)], IDENT)


def _read_names(data: bytes, times: int) -> set[object]:
    return {read(data).values["institution.name"] for _ in range(times)}  # type: ignore[attr-defined]


def test_reads_in_a_forked_worker_and_in_threads_never_see_each_others_file() -> None:
    """Each process and thread has its own memory file for qpdf; a fork must not share it."""
    a, b = _name_form("Łódź " * 50), _name_form("Диана")
    assert _read_names(a, 1) == {"Łódź " * 50}  # the parent's memory file exists before the fork
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(1) as pool:
        child = pool.apply_async(_read_names, (b, 30))
        assert _read_names(a, 30) == {"Łódź " * 50}
        assert child.get(timeout=60) == {"Диана"}
    with ThreadPoolExecutor(2) as threads:
        results = list(threads.map(_read_names, [a, b], [30, 30]))
    assert results == [{"Łódź " * 50}, {"Диана"}]


def test_without_memory_files_qpdf_reads_from_a_stream(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the system has no memfd (macOS, Windows), the same values come through BytesIO."""
    monkeypatch.setattr("ingest.pdf_reader._MEMORY_FILES", False)
    assert _read_names(_name_form("Ærøskøbing – Діана"), 2) == {"Ærøskøbing – Діана"}


def test_when_no_memory_file_can_be_made_qpdf_reads_from_a_stream(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Out of descriptors or memory: the form is still read, not refused."""

    def no_memfd(name: str, flags: int = 0) -> int:
        raise OSError(errno.EMFILE, "Too many open files")

    monkeypatch.setattr("ingest.pdf_reader._memory_file", pdf_reader._MemoryFile())
    monkeypatch.setattr("os.memfd_create", no_memfd)
    assert _read_names(_name_form("Ærøskøbing – Діана"), 2) == {"Ærøskøbing – Діана"}


def test_a_pdf_opened_inside_another_keeps_its_own_bytes() -> None:
    # qpdf reads objects lazily (of a file larger than its buffer): the outer file's fields
    # are read only after the inner file was opened and closed.
    outer_form = contract_form(
        [
            Spec("institution.concepts", "text", "Ж" * 100_000),
            Spec("institution.name", "text", "Şule"),
        ],
        IDENT,
    )
    with open_pdf(outer_form, "a.pdf") as outer:
        with open_pdf(_name_form("Zoë"), "b.pdf") as inner:
            inner_names = [str(k.T) for k in inner.Root.AcroForm.Fields[0].Kids]
        outer_names = [str(k.T) for k in outer.Root.AcroForm.Fields[0].Kids]
    assert (outer_names, inner_names) == (["concepts", "name"], ["name"])


def test_text_is_nfc() -> None:
    decomposed = "S\u0327ule Yi\u0307lmaz Lo\u0301dz\u0301"
    sub = read_acroform(contract_form([Spec("institution.name", "text", decomposed)]), "x.pdf")
    assert sub.values["institution.name"] == "Şule Yi̇lmaz Łódź".replace("Ł", "L")
    assert sub.values["institution.name"] == __import__("unicodedata").normalize("NFC", decomposed)


def test_display_text_of_a_choice_is_mapped_back_to_its_value() -> None:
    data = contract_form([Spec("institution.region", "combo", "Düsseldorf", options=REGIONS)])
    assert read_acroform(data, "x.pdf").values == {"institution.region": "duesseldorf"}


def test_a_choice_stored_as_a_list_like_pdfjs_gives_a_string() -> None:
    data = contract_form([Spec("institution.region", "combo", ["dormagen"], options=REGIONS)])
    assert read_acroform(data, "x.pdf").values == {"institution.region": "dormagen"}


def test_a_multi_select_list_gives_a_list() -> None:
    data = contract_form(
        [Spec("institution.regions", "listbox", ["duesseldorf", "Dormagen"], options=REGIONS)]
    )
    assert read_acroform(data, "x.pdf").values == {
        "institution.regions": ["duesseldorf", "dormagen"]
    }


def test_a_box_ticked_only_in_its_appearance_counts() -> None:
    data = contract_form(
        [Spec("psychotherapie.languages_offered.fa", "checkbox", True, "Ja", set_as_only=True)]
    )
    assert read_acroform(data, "x.pdf").values == {"psychotherapie.languages_offered.fa": True}


def test_a_group_whose_value_says_off_but_shows_a_ticked_box_uses_the_box() -> None:
    # what pdf.js writes when a prefilled "ja" is changed to "fehlanzeige"
    data = contract_form(
        [Spec("psychotherapie.migrant_experience", "choice_boxes", "fehlanzeige", options=YNN)]
    )
    pdf = pikepdf.open(io.BytesIO(data))
    field = pdf.Root.AcroForm.Fields[0].Kids[0]
    field.V = pikepdf.Name.Off
    buf = io.BytesIO()
    pdf.save(buf)
    sub = read_acroform(buf.getvalue(), "x.pdf")
    assert sub.values == {"psychotherapie.migrant_experience": "fehlanzeige"}
    assert any("stored value is /Off but the box /fehlanzeige is ticked" in n for n in sub.notes)


def test_a_stored_state_the_box_does_not_have_is_reported() -> None:
    data = contract_form([Spec("x.languages.tr", "checkbox", False, on_state="On")])
    pdf = pikepdf.open(io.BytesIO(data))
    pdf.Root.AcroForm.Fields[0].Kids[0].Kids[0].V = pikepdf.Name("/Yes")
    buf = io.BytesIO()
    pdf.save(buf)
    sub = read_acroform(buf.getvalue(), "x.pdf")
    assert sub.values == {"x.languages.tr": False}
    assert sub.notes == (
        "x.languages.tr: the stored value /Yes is none of the box's states (/On); treated as not ticked",
    )


# --------------------------------------------------------------------------- identity


def test_identity_falls_back_to_document_metadata() -> None:
    data = contract_form([Spec("institution.name", "text", "A")], IDENT, hidden_identity=False)
    sub = read_acroform(data, "x.pdf")
    assert sub.identity == IDENT and sub.identity is not None and sub.identity.verify(SECRET)
    assert "document metadata" in sub.notes[0]


def test_a_form_without_identity_is_unknown() -> None:
    sub = read_acroform(contract_form([Spec("name", "text", "A")]), "x.pdf")
    assert sub.identity is None and sub.values == {"name": "A"}


def test_a_malformed_identity_is_an_error_naming_the_file() -> None:
    broken = contract_form([Spec("formgen.instance_id", "text", "nonsense")])
    with pytest.raises(IdentityError, match=r"^bad\.pdf: form identity incomplete"):
        read_acroform(broken, "bad.pdf")


def test_an_edited_identity_still_reads_but_does_not_verify() -> None:
    data = contract_form([Spec("institution.name", "text", "A")], IDENT)
    pdf = pikepdf.open(io.BytesIO(data))
    for f in pdf.Root.AcroForm.Fields:
        if str(f.T) == "formgen":
            for kid in f.Kids:
                if str(kid.T) == "institution_id":
                    kid.V = pikepdf.String("inst-0002")
    buf = io.BytesIO()
    pdf.save(buf)
    sub = read_acroform(buf.getvalue(), "x.pdf")
    assert sub.identity is not None and sub.identity.institution_id == "inst-0002"
    assert not sub.identity.verify(SECRET)
    assert "differ" in sub.notes[0]


def test_pdf_dates() -> None:
    assert pdf_date_iso("D:20250924") == "2025-09-24T00:00:00"
    assert pdf_date_iso("D:20250924101500-05'30'") == "2025-09-24T10:15:00-05:30"
    assert pdf_date_iso("gestern") is None


# --------------------------------------------------------------------------- incremental updates


def test_an_incremental_update_wins() -> None:
    data = contract_form(
        [
            Spec("institution.name", "text", "Alt"),
            Spec("psychotherapie.migrant_experience", "choice_boxes", "ja", options=YNN),
        ],
        IDENT,
    )
    writer = PdfWriter(io.BytesIO(data), incremental=True)
    fields = {f.get("/T"): f for f in writer.root_object["/AcroForm"]["/Fields"]}
    name = fields["institution"]["/Kids"][0].get_object()
    name[NameObject("/V")] = TextStringObject("Ольга Петренко")
    ynn = fields["psychotherapie"]["/Kids"][0].get_object()
    ynn[NameObject("/V")] = NameObject("/nein")
    for kid in ynn["/Kids"]:
        kid = kid.get_object()
        state = "/nein" if "/nein" in kid["/AP"]["/N"] else "/Off"
        kid[NameObject("/AS")] = NameObject(state)
    buf = io.BytesIO()
    writer.write(buf)
    updated = buf.getvalue()
    assert updated.startswith(data) and updated.count(b"%%EOF") == 2  # really appended
    sub = read_acroform(updated, "x.pdf")
    assert sub.values == {
        "institution.name": "Ольга Петренко",
        "psychotherapie.migrant_experience": "nein",
    }
    assert sub.identity == IDENT


# --------------------------------------------------------------------------- bad input


def _reason(data: bytes, reason: str, match: str, **kw: object) -> None:
    with pytest.raises(UnreadableFileError, match=match) as info:
        read_acroform(data, "return.pdf", **kw)  # type: ignore[arg-type]
    assert info.value.reason == reason
    assert str(info.value).startswith("return.pdf: ")


def test_empty_file() -> None:
    _reason(b"", "empty", r"the file is empty \(0 bytes\); ask the sender")


def test_not_a_pdf() -> None:
    _reason(b"PK\x03\x04 a zip file", "not-pdf", r"not a PDF file \(it starts with 'PK")


def test_truncated_pdf() -> None:
    data = contract_form([Spec("institution.name", "text", "Łódź")], IDENT)
    _reason(data[: len(data) // 2], "truncated", r"the PDF is truncated .* send the file again")


def test_damaged_beyond_repair() -> None:
    _reason(
        b"%PDF-1.7\n" + b"\x00garbage" * 200 + b"\n%%EOF\n",
        "damaged",
        r"the PDF is damaged and could not be repaired \(unable to find trailer dictionary",
    )


def test_damaged_but_repairable_is_read_and_noted() -> None:
    data = contract_form([Spec("institution.name", "text", "Łódź")], IDENT)
    xref = data.rindex(b"startxref")
    damaged = data[:xref] + b"startxref\n999999\n%%EOF\n"
    sub = read_acroform(damaged, "x.pdf")
    assert sub.values == {"institution.name": "Łódź"}
    (note,) = [n for n in sub.notes if n.startswith("the PDF was damaged and repaired")]
    assert note.startswith("the PDF was damaged and repaired on reading: file is damaged")


def test_password_protected() -> None:
    data = contract_form([Spec("institution.name", "text", "A")], IDENT)
    pdf = pikepdf.open(io.BytesIO(data))
    buf = io.BytesIO()
    pdf.save(buf, encryption=pikepdf.Encryption(user="geheim", owner="geheim"))
    _reason(buf.getvalue(), "encrypted", r"the PDF is password-protected; ask the sender")


def test_encrypted_without_an_open_password_is_read() -> None:
    data = contract_form([Spec("institution.name", "text", "Łódź")], IDENT)
    pdf = pikepdf.open(io.BytesIO(data))
    buf = io.BytesIO()
    pdf.save(buf, encryption=pikepdf.Encryption(user="", owner="owner-only"))
    assert read_acroform(buf.getvalue(), "x.pdf").values == {"institution.name": "Łódź"}


def test_xfa_form() -> None:
    data = contract_form([Spec("institution.name", "text", "A")], IDENT)
    pdf = pikepdf.open(io.BytesIO(data))
    pdf.Root.AcroForm.XFA = pikepdf.Stream(pdf, b"<xdp:xdp xmlns:xdp='http://ns.adobe.com/xdp/'/>")
    buf = io.BytesIO()
    pdf.save(buf)
    _reason(buf.getvalue(), "xfa", r"the PDF is an XFA form \(made or converted with Adobe")


def test_fifty_thousand_objects_are_read_in_bounds() -> None:
    data = contract_form([Spec("institution.name", "text", "Łódź")], IDENT)
    pdf = pikepdf.open(io.BytesIO(data))
    junk = pikepdf.Array([pdf.make_indirect(pikepdf.Dictionary(N=i)) for i in range(50_000)])
    pdf.Root.Junk = junk
    buf = io.BytesIO()
    pdf.save(buf)
    assert len(pdf.objects) > 50_000
    sub = read_acroform(buf.getvalue(), "x.pdf")
    assert sub.values == {"institution.name": "Łódź"}
    _reason(
        buf.getvalue(),
        "too-large",
        r"the PDF declares 50,0\d\d objects, more than the limit of 10,000; it is not a formgen form",
        limits=ReadLimits(max_objects=10_000),
    )


def test_too_many_fields_are_refused() -> None:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    fields = pikepdf.Array(
        [
            pdf.make_indirect(pikepdf.Dictionary(T=f"f{i}", FT=pikepdf.Name.Tx))
            for i in range(25_000)
        ]
    )
    pdf.Root.AcroForm = pikepdf.Dictionary(Fields=fields)
    buf = io.BytesIO()
    pdf.save(buf)
    _reason(buf.getvalue(), "too-large", r"more than 20,000 form fields; it is not a formgen form")


def _field_tree(build: Callable[[pikepdf.Pdf], pikepdf.Object]) -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.Root.AcroForm = pikepdf.Dictionary(Fields=pikepdf.Array([build(pdf)]))
    buf = io.BytesIO()
    pdf.save(buf)
    return buf.getvalue()


def test_a_field_hierarchy_with_a_reference_cycle_is_read_once() -> None:
    def build(pdf: pikepdf.Pdf) -> pikepdf.Object:
        parent = pdf.make_indirect(pikepdf.Dictionary(T="institution"))
        name = pdf.make_indirect(
            pikepdf.Dictionary(T="name", FT=pikepdf.Name.Tx, V=pikepdf.String("Łódź"))
        )
        parent.Kids = pikepdf.Array([name, parent])  # the parent is its own kid
        return parent

    sub = read(_field_tree(build))
    assert sub.values == {"institution.name": "Łódź"}  # type: ignore[attr-defined]


def test_a_field_hierarchy_nested_too_deep_is_refused() -> None:
    def build(pdf: pikepdf.Pdf) -> pikepdf.Object:
        node = pdf.make_indirect(pikepdf.Dictionary(T="leaf", FT=pikepdf.Name.Tx, V="x"))
        for i in range(40):
            node = pdf.make_indirect(pikepdf.Dictionary(T=f"n{i}", Kids=pikepdf.Array([node])))
        return node

    _reason(_field_tree(build), "too-large", r"nested more than 32 levels deep")


def test_a_twenty_megabyte_value_is_left_out_and_reported() -> None:
    huge = "Ж" * (20 * 1024 * 1024 // 2)
    data = contract_form(
        [Spec("institution.name", "text", "Łódź"), Spec("institution.concepts", "text", huge)],
        IDENT,
    )
    assert len(data) > 20 * 1024 * 1024
    sub = read_acroform(data, "x.pdf")
    assert sub.values == {"institution.name": "Łódź"}
    assert sub.notes == (
        "institution.concepts: the value has 10,485,760 characters, more than the limit of "
        "100,000; left out (the original file is kept)",
    )
    assert in_language(sub.notes[0], "de") == (
        "institution.concepts: der Wert hat 10.485.760 Zeichen, mehr als die Grenze von "
        "100.000; nicht übernommen (die Originaldatei bleibt erhalten)"
    )


def test_a_file_beyond_the_size_limit_is_not_read_whole() -> None:
    data = contract_form([Spec("institution.name", "text", "A")], IDENT)
    assert len(data) > 2000
    stream = io.BytesIO(data)
    with pytest.raises(UnreadableFileError, match=r"more than the limit of 1,000") as info:
        read_acroform(stream, "big.pdf", limits=ReadLimits(max_file_bytes=1000))
    assert info.value.reason == "too-large" and stream.tell() == 1001
    assert in_language(info.value.said or "", "de") == (  # as the report says it in German
        "die Datei hat 1.001 Bytes, mehr als die Grenze von 1.000; so groß ist kein "
        "zurückgeschicktes Formular – bitte prüfen, was geschickt wurde"
    )


def test_a_pdf_without_fields_says_so() -> None:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    buf = io.BytesIO()
    pdf.save(buf)
    sub = read_acroform(buf.getvalue(), "scan.pdf")
    assert sub.identity is None and sub.values == {}
    assert sub.notes == ("the PDF has no form fields (a flattened or printed copy, or not a form)",)


def test_identity_json_with_plain_keys() -> None:
    data = contract_form([Spec("a.b", "text", "x")])
    pdf = pikepdf.open(io.BytesIO(data))
    plain = {k.split(".", 1)[1]: v for k, v in IDENT.to_fields().items()}
    pdf.docinfo["/FormgenIdentity"] = json.dumps(plain)
    buf = io.BytesIO()
    pdf.save(buf)
    sub = read_acroform(buf.getvalue(), "x.pdf")
    assert sub.identity == IDENT


# --------------------------------------------------------------------------- text encodings


def _edited(data: bytes, edit: Callable[[pikepdf.Pdf], None]) -> bytes:
    pdf = pikepdf.open(io.BytesIO(data))
    edit(pdf)
    buf = io.BytesIO()
    with warnings.catch_warnings():  # widgets no /AcroForm reaches: what the test makes
        warnings.simplefilter("ignore", pikepdf.PageCopyWarning)
        pdf.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (b"Gr\xc3\xb6\xc3\x9fe \xc5\x9e\xc4\x9f", "Größe Şğ"),  # UTF-8 without a mark
        (b"\xef\xbb\xbfGr\xc3\xb6\xc3\x9fe", "Größe"),  # UTF-8 with its mark (PDF 2.0)
        (b"Gr\xf6\xdfe", "Größe"),  # PDFDocEncoding
        (b"\xfe\xff\x04\x1c\x04>\x04A\x04:\x042\x040", "Москва"),  # UTF-16BE
        (b"\xff\xfeK\x00\xf6\x00l\x00n\x00", "Köln"),  # UTF-16LE with its mark
        (b"\xc3(", "Ã("),  # no UTF-8: PDFDocEncoding
        # PDFDocEncoding that is also UTF-8 (PDFium's): "Çı" would read "ǚ", "ÓŁ" "ӕ", "ØŁ" "ؕ"
        (b"\xc7\x9anar \xc7\x9atak", "Çınar Çıtak"),
        (b"W\xd3\x95KA", "WÓŁKA"),
        (b"\xd8\x95", "ØŁ"),
        (b"a\xe7\x9a\x8d", "açı“"),  # "çı“" would read a CJK letter
        # UTF-8 without a mark whose PDFDocEncoding reads as letters too
        ("Nguyễn Văn Đức".encode(), "Nguyễn Văn Đức"),
        ("Ștefan Țurcanu, Əliyev".encode(), "Ștefan Țurcanu, Əliyev"),
        ("Оксана Київ Әлия".encode(), "Оксана Київ Әлия"),
        ("Αθήνα".encode(), "Αθήνα"),
        ("محمد عربي".encode(), "محمد عربي"),
        ("ژاله دری پښتو".encode(), "ژاله دری پښتو"),  # Persian ژ would read "ÚŸ"
    ],
)
def test_text_strings_in_every_encoding_fillers_write(raw: bytes, text: str) -> None:
    data = contract_form([Spec("institution.name", "text", "x")], IDENT)

    def encode(pdf: pikepdf.Pdf) -> None:
        for field in pdf.Root.AcroForm.Fields[0].Kids:
            field.V = String(raw)

    sub = read_acroform(_edited(data, encode), "x.pdf")
    assert sub.values == {"institution.name": text}
    assert sub.identity == IDENT


@pytest.mark.parametrize(
    ("raw", "text"),
    [(b"\xc7\x9anar", "Çınar"), ("Größe Şğ".encode(), "Größe Şğ"), (b"Gr\xf6\xdfe", "Größe")],
)
def test_a_text_stream_is_read_as_a_text_string_is(raw: bytes, text: str) -> None:
    data = contract_form([Spec("institution.name", "text", "x")], IDENT)

    def encode(pdf: pikepdf.Pdf) -> None:
        for field in pdf.Root.AcroForm.Fields[0].Kids:
            field.V = pikepdf.Stream(pdf, raw)

    assert read_acroform(_edited(data, encode), "x.pdf").values == {"institution.name": text}


def test_a_choice_shown_text_in_utf8_without_a_mark_is_mapped_to_its_value() -> None:
    """The filler writes the shown text as UTF-8 without a mark; the options are the form's."""
    region = "Köln-Mülheim"
    data = contract_form(
        [Spec("institution.region", "combo", region, options=[("koeln", region)])], IDENT
    )

    def encode(pdf: pikepdf.Pdf) -> None:
        (field,) = pdf.Root.AcroForm.Fields[0].Kids
        field.V = String(region.encode())

    sub = read_acroform(_edited(data, encode), "x.pdf")
    assert sub.values == {"institution.region": "koeln"}


# --------------------------------------------------------------------------- one name, two fields


def test_an_extra_field_named_with_dots_does_not_silently_override() -> None:
    """A top-level field named ``institution.name`` beside ``name`` under ``institution``:
    the same name in every reader; the first filled one is used and the two are noted."""
    data = contract_form([Spec("institution.name", "text", "Zentrum Łódź")], IDENT)

    def forge(pdf: pikepdf.Pdf) -> None:
        extra = pdf.make_indirect(
            pikepdf.Dictionary(T="institution.name", FT=pikepdf.Name.Tx, V=String("Fälschung"))
        )
        pdf.Root.AcroForm.Fields.append(extra)

    sub = read_acroform(_edited(data, forge), "x.pdf")
    assert sub.values == {"institution.name": "Zentrum Łódź"}
    assert sub.notes == (
        "institution.name: the field appears 2 times with different values (Fälschung, "
        "Zentrum Łódź); the first filled one was used, please review",
    )


def test_a_second_parent_of_the_same_name_fills_only_what_the_first_left_empty() -> None:
    data = contract_form(
        [Spec("institution.name", "text", "Zentrum Łódź"), Spec("institution.street", "text")],
        IDENT,
    )

    def second(pdf: pikepdf.Pdf) -> None:
        parent = pdf.make_indirect(pikepdf.Dictionary(T="institution", Kids=pikepdf.Array()))
        for part, value in (("name", "Zweiter Name"), ("street", "Żółta 5")):
            kid = pikepdf.Dictionary(T=part, FT=pikepdf.Name.Tx, V=String(value), Parent=parent)
            parent.Kids.append(pdf.make_indirect(kid))
        pdf.Root.AcroForm.Fields.append(parent)

    sub = read_acroform(_edited(data, second), "x.pdf")
    assert sub.values == {"institution.name": "Zentrum Łódź", "institution.street": "Żółta 5"}
    assert sub.notes == (
        "institution.name: the field appears 2 times with different values (Zentrum Łódź, "
        "Zweiter Name); the first filled one was used, please review",
        "institution.street: the field appears 2 times with different values ((empty), "
        "Żółta 5); the first filled one was used, please review",
    )
    assert in_language(sub.notes[1], "de") == (  # as a German workspace's report says it
        "institution.street: das Feld kommt 2-mal mit verschiedenen Werten vor ((leer), "
        "Żółta 5); der erste ausgefüllte wurde übernommen – bitte prüfen"
    )


def test_the_same_value_twice_is_no_note() -> None:
    data = contract_form([Spec("institution.name", "text", "Łódź")], IDENT)

    def twice(pdf: pikepdf.Pdf) -> None:
        extra = pikepdf.Dictionary(T="institution.name", FT=pikepdf.Name.Tx, V=String("Łódź"))
        pdf.Root.AcroForm.Fields.append(pdf.make_indirect(extra))

    sub = read_acroform(_edited(data, twice), "x.pdf")
    assert sub.values == {"institution.name": "Łódź"} and sub.notes == ()


def test_a_field_tree_qpdf_copied_under_a_new_name_is_the_same_field() -> None:
    """``qpdf --empty --pages`` copies a category's fields once for each page showing some of
    them, the second copy named ``psychotherapie+1``: one field, not an unknown one."""
    data = contract_form([Spec("psychotherapie.date", "text", "01.11.2026")], IDENT)

    def copy(pdf: pikepdf.Pdf, value: str = "01.11.2026") -> None:
        root = pdf.make_indirect(pikepdf.Dictionary(T="psychotherapie+1", Kids=pikepdf.Array()))
        kid = pikepdf.Dictionary(T="date", FT=pikepdf.Name.Tx, V=String(value), Parent=root)
        root.Kids.append(pdf.make_indirect(kid))
        pdf.Root.AcroForm.Fields.append(root)

    sub = read_acroform(_edited(data, copy), "x.pdf")
    assert sub.values == {"psychotherapie.date": "01.11.2026"} and sub.notes == ()
    sub = read_acroform(_edited(data, lambda pdf: copy(pdf, "02.11.2026")), "x.pdf")
    assert sub.values == {"psychotherapie.date": "01.11.2026"}
    assert sub.notes == (
        "psychotherapie.date: the field appears 2 times with different values (01.11.2026, "
        "02.11.2026); the first filled one was used, please review",
    )


# --------------------------------------------------------------------------- fields only on pages


CONTRACT = [
    Spec("institution.name", "text", "Zentrum Łódź"),
    Spec("institution.region", "combo", "dormagen", options=REGIONS),
    Spec("psychotherapie.languages_offered.tr", "checkbox", True, on_state="On"),
    Spec("psychotherapie.migrant_experience", "choice_boxes", "fehlanzeige", options=YNN),
]


@pytest.mark.parametrize("drop", ["/AcroForm", "/Fields"])
def test_fields_only_on_the_pages_are_read_from_their_widgets(drop: str) -> None:
    """A merging tool that copies the pages with their widgets (and the fields above them)
    but not the catalog's /AcroForm: every value is still there, read as from the form."""
    data = contract_form(CONTRACT, IDENT, info_identity=False)
    intact = read_acroform(data, "x.pdf")

    def lose(pdf: pikepdf.Pdf) -> None:
        del (pdf.Root if drop == "/AcroForm" else pdf.Root.AcroForm)[drop]

    sub = read_acroform(_edited(data, lose), "x.pdf")
    assert (
        sub.values
        == intact.values
        == {
            "institution.name": "Zentrum Łódź",
            "institution.region": "dormagen",
            "psychotherapie.languages_offered.tr": True,
            "psychotherapie.migrant_experience": "fehlanzeige",
        }
    )
    assert sub.identity == IDENT and sub.confidence == "high"
    assert sub.notes == (pdf_reader.FIELDS_FROM_PAGES_NOTE,)


def test_widgets_whose_fields_lost_their_parents_are_no_fields() -> None:
    """pdfunite keeps the widgets but not the fields above them: their names are parts
    (``name``, ``tr``), no field of the form; the PDF counts as one without fields (the
    flattened-copy reader then matches the widgets to the form's boxes by position)."""
    data = contract_form(CONTRACT, IDENT, info_identity=False)

    def orphan(pdf: pikepdf.Pdf) -> None:
        del pdf.Root["/AcroForm"]
        for annot in pdf.pages[0].Annots:
            if "/Parent" in annot:
                del annot["/Parent"]

    sub = read_acroform(_edited(data, orphan), "x.pdf")
    assert sub.values == {} and sub.identity is None
    assert sub.notes == (pdf_reader.NO_FIELDS_NOTE,)


def test_a_parent_cycle_above_a_widget_is_read_once() -> None:
    data = contract_form([Spec("institution.name", "text", "Łódź")], IDENT, info_identity=False)

    def cycle(pdf: pikepdf.Pdf) -> None:
        del pdf.Root["/AcroForm"]
        institution = pdf.pages[0].Annots[0].Parent
        loop = pdf.make_indirect(pikepdf.Dictionary(T="loop", Kids=pikepdf.Array([institution])))
        institution.Parent, loop.Parent = loop, institution

    sub = read_acroform(_edited(data, cycle), "x.pdf")
    assert sub.values["loop.institution.name"] == "Łódź"  # type: ignore[attr-defined]


def test_a_parent_chain_above_a_widget_nested_too_deep_is_refused() -> None:
    data = contract_form([Spec("institution.name", "text", "Łódź")], IDENT)

    def deep(pdf: pikepdf.Pdf) -> None:
        del pdf.Root["/AcroForm"]
        node = pdf.pages[0].Annots[0].Parent
        for i in range(40):
            node.Parent = pdf.make_indirect(pikepdf.Dictionary(T=f"n{i}"))
            node = node.Parent

    _reason(_edited(data, deep), "too-large", r"nested more than 32 levels deep")


def test_widgets_on_the_pages_are_bounded_like_fields() -> None:
    data = contract_form([Spec("institution.name", "text", "Łódź")], IDENT)

    def many(pdf: pikepdf.Pdf) -> None:
        del pdf.Root["/AcroForm"]
        widget = pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Widget)
        pdf.pages[0].Annots = pikepdf.Array([pdf.make_indirect(widget) for _ in range(300)])

    _reason(
        _edited(data, many),
        "too-large",
        r"more than 200 form fields",
        limits=ReadLimits(max_fields=200),
    )
