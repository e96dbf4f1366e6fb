"""Make the bad (and a few good) returned files the ingest batch must survive.

    python tests/data/ingest/make_bad_inputs.py OUT_DIR

Writes into OUT_DIR, for a workspace whose secret is :data:`SECRET`:

* good returns: an institution form and a checklist form made by formgen's PDF generator and
  filled with PDFium (Chrome's engine, ``samples/pdf/tools/fill_pdfium.py``);
* every bad input of issue 5: a zero-byte file, a truncated PDF, a ``.pdf`` that is not a PDF,
  a password-protected PDF, a PDF with XFA, a PDF with 50,000 objects, a PDF with a 20 MB field
  value, a DOCX zip bomb, a DOCX with an external entity, a mail with 200 attachments, a mail with
  path-traversal attachment names, a form of an unknown schema, a tampered identity and a form
  that is not ours (fields, no identity).

The tests build these once per session (:func:`make_all`); nothing large is committed. The
fill step needs pypdfium2 (a dependency of pdfplumber, so always installed with formgen).
"""

from __future__ import annotations

import dataclasses
import io
import json
import subprocess
import sys
import tempfile
import zipfile
from email.message import EmailMessage
from pathlib import Path

import pikepdf

from formgen.forms import FormRequest, new_identity
from formgen.identity import FormIdentity
from formgen.model import Schema
from formgen.pdf_form import render_pdf
from formgen.record import record_from_json
from formgen.schema_load import default_schema

SECRET = bytes.fromhex("5eed" * 16)
"""The signing secret of the test workspace (tests write it to ``secret.key``)."""

ROOT = Path(__file__).resolve().parents[3]
FILL_PDFIUM = ROOT / "samples" / "pdf" / "tools" / "fill_pdfium.py"

INSTITUTION_VALUES: dict[str, object] = {
    "institution.name": "Praxis Şule Yılmaz",
    "institution.region": "Düsseldorf",
    "institution.phone": "0211 1234567",
    "institution.email": "praxis@example.org",
    "psychotherapie.migrant_experience": "ja",
    "psychotherapie.share_migrants": "40 %",
    "psychotherapie.languages_offered.tr": True,
    "psychotherapie.languages_offered.fa": True,
    "psychotherapie.languages_offered._other": "Griechisch, Klingonisch",
    "psychotherapie.contact_name": "Çiğdem Öztürk-İnce",
    "psychotherapie.contact_phone": "kaputt",
    "psychotherapie.date": "24.9.25",
    "psychotherapie.initials": "ÇÖ",
}
"""What a person types into the institution form (one invalid phone number on purpose)."""

CHECKLIST_VALUES: dict[str, object] = {
    "facharzt.1.name": "Центр Ольга Петренко",
    "facharzt.1.region": "Dormagen",
    "facharzt.1.postcode": "41539",
    "facharzt.1.languages_offered.ru": True,
    "facharzt.1.languages_offered.uk": True,
    "facharzt.1.date": "2025-09-24",
    "facharzt.1.initials": "OP",
    "facharzt.2.name": "مركز الاستشارة",
    "facharzt.2.region": "Rhein-Kreis Neuss (Neuss, Meerbusch)",
    "facharzt.2.languages_offered.ar": True,
    "facharzt.2.date": "01.10.2025",
    "facharzt.2.initials": "MA",
}


def institution_request() -> FormRequest:
    schema = default_schema()
    record = record_from_json(
        schema,
        {
            "id": "inst-0007",
            "base_version": 1,
            "categories": ["psychotherapie"],
            "institution": {"name": "Praxis Yılmaz", "region": "duesseldorf"},
        },
    )
    return FormRequest("institution", ("psychotherapie",), record=record, stand="2025-09-01")


def blank_form(request: FormRequest, schema: Schema | None = None) -> tuple[bytes, FormIdentity]:
    schema = schema or default_schema()
    identity = new_identity(schema, request, SECRET)
    return render_pdf(schema, request, identity).data, identity


def fill(form: bytes, values: dict[str, object]) -> bytes:
    """Fill ``form`` with PDFium as a person in Chrome would (samples/pdf/tools/fill_pdfium.py)."""
    with tempfile.TemporaryDirectory() as tmp:
        src, vals, dst = Path(tmp, "in.pdf"), Path(tmp, "v.json"), Path(tmp, "out.pdf")
        src.write_bytes(form)
        vals.write_text(json.dumps(values, ensure_ascii=False), "utf-8")
        subprocess.run(
            [sys.executable, str(FILL_PDFIUM), str(src), str(vals), str(dst)],
            check=True,
            capture_output=True,
        )
        return dst.read_bytes()


def _edit(pdf_bytes: bytes, edit: object, **save: object) -> bytes:
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        edit(pdf)  # type: ignore[operator]
        pdf.save(out, **save)  # type: ignore[arg-type]
    return out.getvalue()


def _field(pdf: pikepdf.Pdf, name: str) -> pikepdf.Dictionary:
    for f in pdf.Root.AcroForm.Fields:
        stack = [(f, str(f.get("/T", "")))]
        while stack:
            node, path = stack.pop()
            if path == name:
                return node
            for kid in node.get("/Kids", []):
                if "/T" in kid:
                    stack.append((kid, f"{path}.{kid.T}"))
    raise KeyError(name)


def tampered(filled: bytes) -> bytes:
    """Someone changed the hidden institution id (to update another institution's entry)."""

    def edit(pdf: pikepdf.Pdf) -> None:
        _field(pdf, "formgen.institution_id").V = pikepdf.String("inst-0666")
        info = json.loads(str(pdf.docinfo["/FormgenIdentity"]))
        info["formgen.institution_id"] = "inst-0666"
        pdf.docinfo["/FormgenIdentity"] = json.dumps(info)

    return _edit(filled, edit)


def without_identity(filled: bytes) -> bytes:
    """A filled form whose identity fields and metadata are gone: not a form formgen knows."""

    def edit(pdf: pikepdf.Pdf) -> None:
        fields = pdf.Root.AcroForm.Fields
        keep = [f for f in fields if str(f.get("/T", "")) != "formgen"]
        pdf.Root.AcroForm.Fields = pikepdf.Array(keep)
        for page in pdf.pages:
            annots = page.obj.get("/Annots")
            if annots is None:
                continue
            kept = []
            for a in annots:
                node, top = a, a
                while "/Parent" in node:
                    node = node.Parent
                    top = node
                if str(top.get("/T", "")) != "formgen":
                    kept.append(a)
            page.obj.Annots = pikepdf.Array(kept)
        if "/FormgenIdentity" in pdf.docinfo:
            del pdf.docinfo["/FormgenIdentity"]

    return _edit(filled, edit)


def with_xfa(filled: bytes) -> bytes:
    def edit(pdf: pikepdf.Pdf) -> None:
        xfa = pdf.make_stream(b'<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"></xdp:xdp>')
        pdf.Root.AcroForm.XFA = pikepdf.Array([pikepdf.String("xdp"), xfa])

    return _edit(filled, edit)


def huge_value(filled: bytes, chars: int = 20 * 1024 * 1024) -> bytes:
    def edit(pdf: pikepdf.Pdf) -> None:
        _field(pdf, "institution.name").V = pikepdf.String("Ş" + "x" * (chars - 1))

    return _edit(
        filled, edit, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True
    )


def many_objects(count: int = 50_000) -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.Root.Junk = pikepdf.Array(
        [pdf.make_indirect(pikepdf.Dictionary(N=i)) for i in range(count)]
    )
    out = io.BytesIO()
    pdf.save(out, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()


def encrypted(filled: bytes) -> bytes:
    return _edit(
        filled, lambda pdf: None, encryption=pikepdf.Encryption(user="geheim", owner="geheim", R=6)
    )


_CT = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_zip_bomb(megabytes: int = 200) -> bytes:
    """A 200 MB document.xml in a DOCX of a few hundred KB."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", _CT)
        zf.writestr("_rels/.rels", _RELS)
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(
                f'<?xml version="1.0"?><w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>'.encode()
            )
            chunk = b" " * (1 << 20)
            for _ in range(megabytes):
                fh.write(chunk)
            fh.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return out.getvalue()


def docx_external_entity() -> bytes:
    """A DOCX whose document.xml declares an external entity (XXE) reading /etc/passwd."""
    doc = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        f'<w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CT)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("word/document.xml", doc)
    return out.getvalue()


def mail(subject: str, sender: str = "Şule Yılmaz <praxis@example.org>") -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "SPKoM Düsseldorf <spkom@example.org>"
    msg["Subject"] = subject
    msg["Date"] = "Wed, 24 Sep 2025 10:15:00 +0200"
    msg.set_content("Guten Tag,\n\nanbei unser ausgefüllter Bogen.\n\nMit freundlichen Grüßen")
    return msg


def mail_with_attachments(form: bytes, count: int = 200) -> bytes:
    msg = mail("200 Anlagen")
    msg.add_attachment(form, maintype="application", subtype="pdf", filename="bogen.pdf")
    for i in range(2, count + 1):
        msg.add_attachment(
            f"Notiz {i}: Öffnungszeiten geändert".encode(),
            maintype="text",
            subtype="plain",
            filename=f"notiz-{i}.txt",
        )
    return bytes(msg)


def mail_path_traversal(form: bytes) -> bytes:
    msg = mail("Rückmeldung Checkliste")
    msg.add_attachment(
        form, maintype="application", subtype="pdf", filename="../../../../tmp/formgen-evil.pdf"
    )
    msg.add_attachment(
        b"%PDF-1.4 nothing",
        maintype="application",
        subtype="octet-stream",
        filename="/etc/cron.d/formgen-evil",
    )
    msg.add_attachment(
        b"junk",
        maintype="application",
        subtype="octet-stream",
        filename="..\\..\\Windows\\evil\x00.docx",
    )
    return bytes(msg)


def unknown_schema_form() -> bytes:
    """A correctly signed form made with a schema version this workspace does not know."""
    schema = dataclasses.replace(default_schema(), schema_version="9.9.9")
    form, _ = blank_form(institution_request(), schema)
    return fill(form, {"institution.name": "Praxis aus der Zukunft"})


def make_all(out: Path) -> dict[str, Path]:
    """Write every file into ``out``; the name → path of each."""
    out.mkdir(parents=True, exist_ok=True)
    inst_form, _ = blank_form(institution_request())
    inst = fill(inst_form, INSTITUTION_VALUES)
    check_form, _ = blank_form(FormRequest("checklist", ("facharzt",), stand="2025-09-01"))
    checklist = fill(check_form, CHECKLIST_VALUES)
    files: dict[str, bytes] = {
        "ok-institution.pdf": inst,
        "ok-checklist.pdf": checklist,
        "empty.pdf": b"",
        "truncated.pdf": inst[: len(inst) // 2],
        "not-a-pdf.pdf": b"<html><body>Formular siehe Anhang</body></html>\n",
        "password.pdf": encrypted(inst),
        "xfa.pdf": with_xfa(inst),
        "objects-50000.pdf": many_objects(),
        "value-20mb.pdf": huge_value(inst),
        "zip-bomb.docx": docx_zip_bomb(),
        "external-entity.docx": docx_external_entity(),
        "attachments-200.eml": mail_with_attachments(checklist),
        "path-traversal.eml": mail_path_traversal(checklist),
        "unknown-schema.pdf": unknown_schema_form(),
        "tampered.pdf": tampered(inst),
        "unknown-form.pdf": without_identity(inst),
    }
    paths = {}
    for name, data in files.items():
        path = out / name
        path.write_bytes(data)
        paths[name] = path
    return paths


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python tests/data/ingest/make_bad_inputs.py OUT_DIR")
    for name, path in make_all(Path(sys.argv[1])).items():
        print(f"{path.stat().st_size:>12,}  {name}")
