"""A returned PDF with objects qpdf cannot parse (a flipped byte, an integer beyond 64 bits, a
``null`` among a group's kids): the report says the file is damaged and names the fields lost,
none of them is taken as left empty, and the entry is not confirmed from that copy."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pikepdf
from ingest_support import SAMPLES, sample_workspace

from formgen.messages import in_language
from ingest.pdf_reader import read_acroform
from ingest.pipeline import ingest_into_register
from ingest.register import CONFIRMED

FORM = (SAMPLES / "pdf" / "institution_pdfjs.pdf").read_bytes()


def _updated(replaced: tuple[int, int], body: bytes) -> bytes:
    """The sample with an incremental update that replaces object ``replaced`` by ``body``."""
    with pikepdf.open(SAMPLES / "pdf" / "institution_pdfjs.pdf") as pdf:
        size, root = int(pdf.trailer.Size), pdf.Root.objgen[0]
    prev = int(re.findall(rb"startxref\s+(\d+)", FORM)[-1])
    num, gen = replaced
    out = FORM + b"%d %d obj\n" % (num, gen) + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n%d 1\n%010d %05d n \n" % (num, len(FORM), gen)
    out += b"trailer\n<< /Size %d /Root %d 0 R /Prev %d >>\n" % (size, root, prev)
    return out + b"startxref\n%d\n%%%%EOF\n" % xref


def null_kid_first() -> bytes:
    """``null`` first among the kids of ``institution``: what qpdf makes of a lost field."""
    with pikepdf.open(SAMPLES / "pdf" / "institution_pdfjs.pdf") as pdf:
        group = pdf.Root.AcroForm.Fields[0]
        assert str(group.T) == "institution"
        kids = b" ".join(b"%d 0 R" % k.objgen[0] for k in group.Kids)
        rest = pikepdf.Dictionary({k: v for k, v in group.items() if k != "/Kids"}).unparse()
        objgen = group.objgen
    return _updated(objgen, b"<< /Kids [null " + kids + b"] " + rest[2:])


def name_too_large() -> bytes:
    """``institution.name`` whose ``/V`` is an integer beyond 64 bits: qpdf drops the field."""
    with pikepdf.open(SAMPLES / "pdf" / "institution_pdfjs.pdf") as pdf:
        name = next(k for k in pdf.Root.AcroForm.Fields[0].Kids if str(k.T) == "name")
        body = pikepdf.Dictionary({k: v for k, v in name.items() if k != "/V"}).unparse()
        objgen = name.objgen
    return _updated(objgen, body[:-2] + b" /V 99999999999999999999999999999999999 >>")


def test_a_null_first_among_kids_hides_none_of_its_siblings() -> None:
    whole = read_acroform(FORM, "whole.pdf")
    damaged = read_acroform(null_kid_first(), "null.pdf")
    assert damaged.values == whole.values  # the street, postcode, city, Träger … all read
    assert damaged.values["institution.name"] == "Psychosoziales Zentrum Düsseldorf"
    assert damaged.damaged == ("institution",)
    assert any(n.startswith("the PDF is damaged: parts of its form") for n in damaged.notes)
    assert whole.damaged == ()


def test_a_field_qpdf_cannot_parse_is_named_from_its_warning() -> None:
    sub = read_acroform(name_too_large(), "bigint.pdf")
    assert "institution.name" not in sub.values
    assert sub.values["institution.street"] == "Kölner Straße 12"  # its siblings are read
    assert sub.damaged == ("institution",)
    (note,) = [n for n in sub.notes if n.startswith("the PDF is damaged")]
    assert "treating object as null" in note and "/proc/self" not in note


def test_a_damaged_copy_never_confirms_the_entry_nor_empties_a_field(tmp_path: Path) -> None:
    ws = sample_workspace(tmp_path / "ws")
    (tmp_path / "whole.pdf").write_bytes(FORM)
    ingest_into_register([tmp_path / "whole.pdf"], ws)
    (tmp_path / "damaged.pdf").write_bytes(name_too_large())
    report = ingest_into_register([tmp_path / "damaged.pdf"], ws)
    (outcome,) = report.outcomes
    assert outcome.merged is not None and not outcome.merged.startswith(CONFIRMED)
    lost = [w for w in outcome.warnings if "not read from the damaged PDF" in w]
    assert lost and lost[0].startswith("institution: ")
    # said to the coordinator by the labels the form shows („Name der Einrichtung“), not „name“
    assert in_language(lost[0], "de").startswith(
        "Einrichtung: aus dem beschädigten PDF nicht gelesen: Name der Einrichtung"
    ), in_language(lost[0], "de")
    assert not any("required field 'name'" in w for w in outcome.warnings)
    assert not any(w.startswith("institution.name") for w in outcome.warnings)  # left empty
    (inst,) = json.loads((ws.root / "register.json").read_text("utf-8"))["institutions"].values()
    assert inst["institution"]["name"]["v"] == "Psychosoziales Zentrum Düsseldorf"
    assert inst["institution"]["street"]["v"] == "Kölner Straße 12"


def _with_instance_id(value: str, info: bool) -> bytes:
    """The sample with its hidden ``formgen.instance_id`` set to ``value``, and without the copy
    of the identity in its document properties unless ``info``."""
    out = io.BytesIO()
    with pikepdf.open(SAMPLES / "pdf" / "institution_pdfjs.pdf") as pdf:
        (field,) = [f for f in pdf.Root.AcroForm.Fields if str(f.get("/T")) == "formgen"]
        (kid,) = [k for k in field.Kids if str(k.T) == "instance_id"]
        kid.V = pikepdf.String(value)
        if not info:
            del pdf.docinfo["/FormgenIdentity"]
        pdf.save(out)
    return out.getvalue()


def test_a_malformed_identity_is_said_in_german_with_the_value_escaped(tmp_path: Path) -> None:
    (tmp_path / "kennung.pdf").write_bytes(_with_instance_id("a\nb\u202ec", info=False))
    (tmp_path / "info.pdf").write_bytes(_with_instance_id("a\nb\u202ec", info=True))
    ws = sample_workspace(tmp_path / "ws")
    outcome, from_info = ingest_into_register(
        [tmp_path / "kennung.pdf", tmp_path / "info.pdf"], ws
    ).outcomes
    assert outcome.quarantine_kind == "tampered"
    assert in_language(outcome.reason, "de") == (
        "Kennung verändert oder beschädigt: Formularkennung: die Instanz-ID „a\\nb\\u202ec“ ist "
        "fehlerhaft; nicht übernommen – bitte beim Absender nachfragen"
    )
    assert outcome.reason.startswith(  # --json: English
        "tampered or damaged identity: form identity: instance id 'a\\nb\\u202ec' is malformed"
    )
    assert from_info.merged  # the identity in the document properties was used
    assert [in_language(w, "de") for w in from_info.warnings if "identity" in w] == [
        "die versteckten Kennungsfelder sind fehlerhaft (Formularkennung: die Instanz-ID "
        "„a\\nb\\u202ec“ ist fehlerhaft); die Dokumenteigenschaften wurden verwendet"
    ]
