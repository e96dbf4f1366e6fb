"""A return saved by pdf.js (Firefox) and cut off: pdf.js appends what was typed after the form's
own end (an incremental update), so a file cut at that end is the form as it was sent, byte for
byte, and one cut a little after it still ends in the form's ``%%EOF``.

The sample workspace's ``issued.jsonl`` holds no SHA-256 of the files it issued (as a workspace
from before those hashes, or forms made by a script): the form is known as formgen's own by its
bytes (:func:`formgen.pdf_write.as_written`). The pdf.js returns are the committed samples
(``samples/pdf/*_pdfjs.pdf``, made by ``samples/pdf/tools/fill_pdfjs.mjs``), cut here.
"""

from __future__ import annotations

import json
import re
from email.message import EmailMessage
from pathlib import Path

import pytest
from click.testing import CliRunner
from ingest_support import sample_workspace

from formgen.cli import main
from formgen.errors import UnreadableFileError
from formgen.messages import in_language
from formgen.pdf_write import as_written
from ingest.pdf_reader import check_end_marker, read_acroform
from ingest.pipeline import ingest_into_register
from ingest.report import Status

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "pdf"
PDFJS = ("institution_e2_pdfjs.pdf", "checklist_e2_pdfjs.pdf", "institution_pdfjs.pdf")
AS_SENT = (
    "das Formular kam genau so zurück, wie formgen es erstellt hat, nichts darin gespeichert: als "
    "Bestätigung dessen übernommen, womit es verschickt wurde; hat die Einrichtung es "
    "ausgefüllt, wurde die Datei abgeschnitten (ein abgebrochener Upload?) oder die "
    "unausgefüllte angehängt: bitte die ausgefüllte anfordern"
)


def _first_end(data: bytes) -> int:
    """Where the first revision of ``data`` ends: after its ``%%EOF``."""
    return data.index(b"%%EOF") + len(b"%%EOF")


def _cut(name: str, after: int = 1) -> bytes:
    """The pdf.js return ``name`` cut ``after`` bytes past its first ``%%EOF`` (1: its line end)."""
    data = (SAMPLES / name).read_bytes()
    return data[: _first_end(data) + after]


@pytest.mark.parametrize("name", PDFJS)
def test_a_pdfjs_return_cut_at_the_forms_end_is_the_form_as_formgen_made_it(name: str) -> None:
    data = (SAMPLES / name).read_bytes()
    assert not as_written(data)  # what pdf.js saved
    assert as_written(_cut(name)) and as_written(_cut(name, after=0))  # with or without "\n"
    flipped = bytearray(_cut(name))
    flipped[len(flipped) // 3] ^= 0x01  # one bit inside an object: not formgen's bytes
    assert not as_written(bytes(flipped))


def test_only_the_forms_formgen_wrote_are_as_written_not_those_a_program_saved() -> None:
    """Every committed file a program made (pdf.js, PDFium, pdftk-java, qpdf, poppler,
    pdfunite, mutool …) is not; the blank forms formgen wrote are."""
    found = {p.name for p in SAMPLES.glob("*.pdf") if as_written(p.read_bytes())}
    assert found == {p.name for p in SAMPLES.glob("*_blank.pdf")}
    assert len(found) == 3


def test_the_reader_notes_a_form_as_written() -> None:
    sub = read_acroform(_cut("institution_e2_pdfjs.pdf"), "Bogen.pdf")
    assert [in_language(n, "de") for n in sub.notes] == [AS_SENT]
    assert sub.identity is not None and sub.identity.reference == "FG-FK6SY-9541S"
    full = read_acroform((SAMPLES / "institution_e2_pdfjs.pdf").read_bytes(), "Bogen.pdf")
    assert not [n for n in full.notes if in_language(n, "de") == AS_SENT]


def test_a_cut_return_copied_in_is_the_form_as_sent_not_merged(tmp_path: Path) -> None:
    """Without its hash in issued.jsonl, the cut file was merged as a return holding the
    prefilled values (an institution confirming them): now it is skipped as a file formgen
    made, as it is where the log has the hash."""
    ws = sample_workspace(tmp_path / "ws")
    assert "sha256" not in (ws.root / "issued.jsonl").read_text("utf-8")
    path = tmp_path / "Rückmeldung Ольга.pdf"
    path.write_bytes(_cut("institution_e2_pdfjs.pdf"))
    result = CliRunner().invoke(main, ["ingest", "--workspace", str(ws.root), str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        f"übersprungen {path}: Formular FG-FK6SY-9541S genau so, wie formgen es erstellt hat, "
        "nichts ausgefüllt oder geändert: eine Kopie davon, keine Rückmeldung; eine Einrichtung, "
        "die ihr Formular unverändert bestätigt, zählt erst mit ihrer eigenen Mail"
    )
    register = json.loads((ws.root / "register.json").read_text("utf-8"))
    assert register["sources"] == {}


def test_a_cut_return_in_the_institutions_mail_says_it_may_be_the_form_as_sent(
    tmp_path: Path,
) -> None:
    ws = sample_workspace(tmp_path / "ws")
    msg = EmailMessage()
    msg["From"] = "Şule Yılmaz <praxis@example.org>"
    msg["Subject"] = "Rückmeldung"
    msg["Date"] = "Mon, 23 Nov 2026 09:15:00 +0100"
    msg.set_content("Anbei der ausgefüllte Bogen.")
    msg.add_attachment(
        _cut("institution_e2_pdfjs.pdf"),
        maintype="application",
        subtype="pdf",
        filename="Bogen Şule.pdf",
    )
    mail = tmp_path / "rueckmeldung.eml"
    mail.write_bytes(bytes(msg))
    _, form = ingest_into_register([mail], ws).outcomes
    assert form.status is Status.WARNINGS and form.form == "FG-FK6SY-9541S" and form.merged
    assert in_language(form.warnings[0], "de") == AS_SENT


@pytest.mark.parametrize("after", [2, 300, 1000])
def test_a_return_cut_inside_pdfjs_update_is_unreadable_not_the_form_as_sent(
    after: int, tmp_path: Path
) -> None:
    """Cut within a KiB after the form's end, the file still ends in its ``%%EOF``: qpdf read
    the form as it was sent, without a word; the bytes after that end begin pdf.js's update."""
    data = _cut("institution_e2_pdfjs.pdf", after)
    with pytest.raises(UnreadableFileError, match=r"ends [\d,]+ bytes into changes saved") as info:
        read_acroform(data, "Bogen.pdf")
    assert info.value.reason == "truncated"
    ws = sample_workspace(tmp_path / "ws")
    path = tmp_path / "Bogen.pdf"
    path.write_bytes(data)
    (out,) = ingest_into_register([path], ws).outcomes
    assert out.status is Status.UNREADABLE
    assert re.fullmatch(
        r"das PDF ist unvollständig: es endet [\d.]+ Bytes nach dem Beginn von Änderungen, die "
        r"nach einem früheren Stand gespeichert wurden \([\d.]+ Bytes sind angekommen\); das "
        r"zuletzt Gespeicherte, die eingetragenen Werte, fehlt; die Mail oder der Upload wurde "
        r"wohl abgeschnitten – bitte beim Absender die Datei neu anfordern",
        in_language(out.reason, "de"),
    )


def test_a_line_end_or_padding_after_the_end_is_no_update() -> None:
    data = (SAMPLES / "institution_e2_pdfjs.pdf").read_bytes()
    for tail in (b"\r\n", b"\x00" * 40, b"\n\n  \n"):
        assert read_acroform(data + tail, "Bogen.pdf").identity is not None


@pytest.mark.parametrize("after", [2, 500, 5000])
def test_a_return_cut_inside_its_update_with_an_end_marker_put_after_it_is_damaged(
    after: int, tmp_path: Path
) -> None:
    """A tester's finding: cut 500 bytes into pdf.js's update, with „%%EOF“ typed after it,
    the return was merged as the form as sent, „aktualisiert, 5 Änderungen“ (qpdf reads the
    earlier revision and says nothing); the update has no startxref of its own."""
    data = _cut("institution_e2_pdfjs.pdf", after) + b"\n%%EOF\n"
    with pytest.raises(UnreadableFileError, match="end without their cross-reference") as info:
        read_acroform(data, "Bogen.pdf")
    assert info.value.reason == "damaged"
    ws = sample_workspace(tmp_path / "ws")
    path = tmp_path / "Bogen Łódź.pdf"
    path.write_bytes(data)
    (out,) = ingest_into_register([path], ws).outcomes
    assert out.status is Status.UNREADABLE
    size = f"{after + 1:,}".replace(",", ".")  # with the line end before the %%EOF
    assert in_language(out.reason, "de") == (
        f"das PDF ist beschädigt: die zuletzt gespeicherten Änderungen ({size} Bytes nach "
        "einem früheren Stand) enden ohne ihr Verzeichnis (startxref), wie bei einer "
        "abgeschnittenen Datei, an die die Endmarke %%EOF angehängt wurde; lesbar wäre nur der "
        "frühere Stand, ohne das zuletzt Gespeicherte – bitte beim Absender die Datei neu "
        "anfordern"
    )
    register = json.loads((ws.root / "register.json").read_text("utf-8"))
    assert register["sources"] == {}


@pytest.mark.parametrize("name", [p.name for p in sorted(SAMPLES.glob("*.pdf"))])
def test_every_sample_ends_its_last_revision_with_its_own_startxref(name: str) -> None:
    """No committed return (one revision or several: pdf.js, PDFium, Acrobat's updates, qpdf,
    linearized files) is taken for an update without its end."""
    data = (SAMPLES / name).read_bytes()
    check_end_marker(data, name)
