"""A new institution's id is never one the workspace gave another institution already.

A round mailed from the centre's recipients list gives each institution the list's id; the
register learns it only when its form comes back. A practice a working group's checklist names
that the register does not know becomes a new institution: it must not take the id of one the
round mailed that has not answered yet, or that one's reminder is prefilled with the other's
name and its return merges into the other's record.
"""

from __future__ import annotations

import email
import email.policy
import io
import json
from pathlib import Path

from mailkit import make_workspace
from pdf_engines import pdfium_fill
from pypdf import PdfReader
from register_support import YILMAZ, checklist
from test_register_returns import mailed_form, run

from formgen.sendlog import SendLog
from formgen.workspace import Workspace
from ingest.journal import load, writing

LIST = (
    "\ufeffid;institution;email;categories;region\n"
    "inst-0001;Praxis Dr. Gülşen Öztürk;oeztuerk@example.org;psychotherapie;duesseldorf\n"
    "inst-0002;Gabinet Psychoterapii Żółkiewska;zolkiewska@example.org;psychotherapie;"
    "neuss_meerbusch\n"
)


def returned(ws: Workspace, iid: str, out: Path) -> Path:
    """``iid``'s mailed form, dated and initialled in Chrome's engine."""
    filled = {"psychotherapie.date": "26.11.2026", "psychotherapie.initials": "AB"}
    out.write_bytes(pdfium_fill(mailed_form(ws, iid).read_bytes(), filled))
    return out


def group_checklist(ws: Workspace, out: Path, values: dict[str, str]) -> Path:
    """A working group's checklist: a blank psychotherapy checklist of the workspace, filled in
    Chrome's engine with ``values``."""
    blank = out.with_name("leer.pdf")
    run("generate", "pdf", "--category", "psychotherapie", "-w", str(ws.root), "--out", str(blank))
    out.write_bytes(pdfium_fill(blank.read_bytes(), values))
    return out


def test_a_new_institution_never_takes_the_id_of_one_a_round_mailed(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws")
    w = str(ws.root)
    listed = tmp_path / "liste.csv"
    listed.write_text(LIST, "utf-8")
    run("mail", str(listed), "-w", w, "--drafts", str(tmp_path / "runde1"))
    run("ingest", str(returned(ws, "inst-0001", tmp_path / "oeztuerk.pdf")), "-w", w)
    # a working group's checklist names a practice the centre does not know
    ivanov = {
        "psychotherapie.1.name": "Praxis Ivanov & Partner",
        "psychotherapie.1.city": "Neuss",
        "psychotherapie.1.phone": "02131 556677",
    }
    out = run("ingest", str(group_checklist(ws, tmp_path / "AK-Liste.pdf", ivanov)), "-w", w)
    assert "neu aufgenommen, inst-0003," in out  # inst-0002 is Gabinet's, not answered yet
    reg = load(ws)
    assert reg.name_of("inst-0003") == "Praxis Ivanov & Partner"
    assert "inst-0002" not in reg.institutions
    listed_now = run("status", "-w", w, "--list")
    (line,) = [s for s in listed_now.splitlines() if s.startswith("inst-0002")]
    assert "Gabinet Psychoterapii Żółkiewska <zolkiewska@example.org>" in line
    # its reminder goes to Gabinet, prefilled with Gabinet's name
    sendlog = ws.root / "sendlog.jsonl"
    events = [json.loads(s) for s in sendlog.read_text("utf-8").splitlines()]
    for e in events:
        e["deadline"] = e.get("deadline") and "2020-01-31"
    sendlog.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in events), "utf-8")
    run("mail", "--overdue", "-w", w, "--drafts", str(tmp_path / "erinnerung"))
    draft = email.message_from_bytes(
        (tmp_path / "erinnerung" / "inst-0002.eml").read_bytes(), policy=email.policy.default
    )
    assert draft["To"] == "Gabinet Psychoterapii Żółkiewska <zolkiewska@example.org>"
    (pdf,) = [p for p in draft.iter_attachments() if p.get_filename().endswith(".pdf")]
    fields = PdfReader(io.BytesIO(pdf.get_payload(decode=True))).get_fields() or {}
    assert fields["institution.name"]["/V"] == "Gabinet Psychoterapii Żółkiewska"
    assert fields["formgen.institution_id"]["/V"] == "inst-0002"
    # Gabinet's own form of the first round comes back: a record of its own, nothing waits
    out = run("ingest", str(returned(ws, "inst-0002", tmp_path / "gabinet.pdf")), "-w", w)
    reg = load(ws)
    assert reg.name_of("inst-0002") == "Gabinet Psychoterapii Żółkiewska"
    assert reg.name_of("inst-0003") == "Praxis Ivanov & Partner"
    assert reg.conflicts() == []
    assert "zolkiewska@example.org" not in json.dumps(reg.institutions["inst-0003"])
    # the journal numbers them alike
    before = reg.institutions
    run("register", "rebuild", "-w", w)
    assert load(ws).institutions == before


def test_a_probable_duplicate_kept_as_new_is_numbered_after_an_id_a_round_left_unmailed(
    tmp_path: Path,
) -> None:
    """An institution of a round's list that got no mail (no address) has its id too; so
    has one the register retired. A probable duplicate decided to be another institution,
    here by the writer as ``register resolve d-NNNN --new`` does it, is numbered after both,
    and a rebuild numbers it alike."""
    ws = make_workspace(tmp_path / "ws")
    with writing(ws) as w:
        w.merge(checklist("psychotherapie", YILMAZ))
        w.retire("inst-0001")
    SendLog(ws.root).append("not_mailed", round="r1", institution_id="inst-0007", reason="no_email")
    similar = dict(YILMAZ, name="Praxis Şule Yılmaz-Demir", postcode="41460", phone="")
    with writing(ws) as w:
        w.merge(checklist("psychotherapie", similar))
        (did,) = w.register.data["duplicates"]
        assert w.resolve_duplicate(did, "new") == "inst-0008"
    assert list(load(ws).institutions) == ["inst-0001", "inst-0008"]
    run("register", "rebuild", "-w", str(ws.root))
    assert list(load(ws).institutions) == ["inst-0001", "inst-0008"]


def test_a_checklist_naming_an_institution_a_round_mailed_is_that_institution(
    tmp_path: Path,
) -> None:
    """A partner's checklist names a practice the round mailed that has not answered yet, as
    the round named it (case and accents aside): it is that practice, under the round's id,
    so its own return later comes to the same record; a rebuild gives it the same id."""
    ws = make_workspace(tmp_path / "ws")
    log = SendLog(ws.root)
    log.append("prepared", round="r1", institution_id="inst-0002", name="Gabinet Żółkiewska")
    log.append("prepared", round="r1", institution_id="inst-0003", name="Praxis Ivanov")
    log.append("prepared", round="r1", institution_id="inst-0004", name="Praxis Ivanov")
    gabinet = dict(YILMAZ, name="GABINET ZOLKIEWSKA")
    ivanov = dict(YILMAZ, name="Praxis Ivanov", phone="+49 2131 556677", postcode="41460")
    with writing(ws) as w:
        out = w.merge(checklist("psychotherapie", gabinet, ivanov))
    # a name mailed under two ids names neither: a new institution
    assert out.created == ("inst-0002", "inst-0005")
    assert (
        "psychotherapie.1: 'GABINET ZOLKIEWSKA' is inst-0002, as a mail round named it "
        "(its own form has not come back yet); created under that id"
    ) in map(str, out.flags)
    run("register", "rebuild", "-w", str(ws.root))
    assert list(load(ws).institutions) == ["inst-0002", "inst-0005"]


def test_an_erased_name_leaves_no_trace_in_how_its_id_was_found(tmp_path: Path) -> None:
    """The journal keeps the name a checklist row took a round's id by; a practice named after
    its therapist asks to have its name erased: the journal keeps the marker instead, and a
    rebuild still gives the row the round's id."""
    ws = make_workspace(tmp_path / "ws")
    SendLog(ws.root).append(
        "prepared", round="r1", institution_id="inst-0002", name="Praxis Żółkiewska"
    )
    with writing(ws) as w:
        w.merge(checklist("psychotherapie", dict(YILMAZ, name="Praxis Zolkiewska")))
    w_ = str(ws.root)
    run("register", "erase", "inst-0002", "institution.name", "--note", "DSGVO", "--yes", "-w", w_)
    journal = (ws.root / "journal.jsonl").read_text("utf-8").casefold()
    assert "zolkiewska" not in journal and "żółkiewska" not in journal
    run("register", "rebuild", "-w", w_)
    assert list(load(ws).institutions) == ["inst-0002"]
