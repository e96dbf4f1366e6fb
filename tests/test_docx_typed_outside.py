"""Text an institution typed into the Word form outside its content controls: after a control,
a table pasted into a field's cell, a number typed where a control was deleted. Said in the
ingest report with the field it stands after, never dropped without a word."""

from __future__ import annotations

import copy
from pathlib import Path

from ingest_support import SAMPLES, libreoffice
from lxml import etree
from test_docx_reader import edit, sdt

from formgen.docx_xml import qn
from ingest.docx_reader import read_docx

BLANK = (SAMPLES / "docx" / "blank-institution.docx").read_bytes()
"""The institution form as formgen made it (Psychotherapie, Migrantenselbstorganisationen)."""


def _run(text: str) -> etree._Element:
    r = etree.Element(qn("w:r"))
    t = etree.SubElement(r, qn("w:t"))
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return r


def _typed_after(root: etree._Element) -> None:
    """Word: typed after the „Pläne“ control in its paragraph."""
    sdt(root, "psychotherapie.plans").addnext(_run(" Ab 2027 Gruppe für Männer (ትግርኛ)"))


def _table_pasted(root: etree._Element) -> None:
    """Word: a table pasted into the „Konzepte“ cell, under its control."""
    cell = next(a for a in sdt(root, "psychotherapie.concepts").iterancestors(qn("w:tc")))
    tbl = etree.SubElement(cell, qn("w:tbl"))
    for a, b in (("Angebot", "Sprache"), ("Frauencafé", "العربية, Русский")):
        tr = etree.SubElement(tbl, qn("w:tr"))
        for text in (a, b):
            etree.SubElement(etree.SubElement(tr, qn("w:tc")), qn("w:p")).append(_run(text))
    etree.SubElement(cell, qn("w:p"))  # Word ends a cell with a paragraph


def _control_removed(root: etree._Element) -> None:
    """Word's „Inhaltssteuerelement entfernen“ on the contact's phone, then a number typed."""
    node = sdt(root, "psychotherapie.contact_phone")
    content = node.find(qn("w:sdtContent"))
    runs = [copy.deepcopy(r) for r in content.iter(qn("w:r"))][:1]
    for t in runs[0].iter(qn("w:t")):
        t.text = "0176 99988877"
    parent = node.getparent()
    at = parent.index(node)
    parent.remove(node)
    for r in runs:
        parent.insert(at, r)


def _said(notes: list[str], path: str) -> str:
    (line,) = [n for n in map(str, notes) if n.startswith(path + ":")]
    return line


def test_text_typed_after_a_control_is_said_with_its_place() -> None:
    sub = read_docx(edit(BLANK, _typed_after), "r.docx")
    line = _said(list(sub.notes), "psychotherapie.plans")
    assert "after 'Pläne'" in line and "'Ab 2027 Gruppe für Männer (ትግርኛ)'" in line
    assert "psychotherapie.plans" not in sub.values  # not taken as the plans: said


def test_a_table_pasted_under_a_field_is_said_line_by_line() -> None:
    sub = read_docx(edit(BLANK, _table_pasted), "r.docx")
    line = _said(list(sub.notes), "psychotherapie.concepts")
    assert "'Angebot / Sprache / Frauencafé / العربية, Русский'" in line


def test_a_number_typed_where_its_control_was_removed_is_its_value() -> None:
    sub = read_docx(edit(BLANK, _control_removed), "r.docx")
    assert sub.values["psychotherapie.contact_phone"] == "0176 99988877"
    line = _said(list(sub.notes), "psychotherapie.contact_phone")
    assert "'0176 99988877' typed in its place" in line


def test_the_form_as_made_and_as_libreoffice_saves_it_has_no_such_text(tmp_path: Path) -> None:
    assert not [n for n in read_docx(BLANK, "r.docx").notes if "outside" in str(n)]
    saved = libreoffice(edit(BLANK, _typed_after), "docx:MS Word 2007 XML", tmp_path)
    sub = read_docx(saved, "r.docx")
    line = _said(list(sub.notes), "psychotherapie.plans")
    assert "'Ab 2027 Gruppe für Männer (ትግርኛ)'" in line
