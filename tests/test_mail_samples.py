"""Drafts as formgen writes them, decoded by an independent MIME parser (Node's mailparser).

samples/mail/drafts/ holds the drafts (made by make_samples.py) and what mailparser decoded from them
(parse_mailparser.mjs → mailparser.json), so the test needs no Node at run time.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
from email import message_from_bytes, policy
from pathlib import Path

import pytest

SAMPLES = Path(__file__).parent.parent / "samples" / "mail" / "drafts"
DECODED = json.loads((SAMPLES / "mailparser.json").read_text("utf-8"))


def _make_samples():
    spec = importlib.util.spec_from_file_location("make_mail_samples", SAMPLES / "make_samples.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MAKE = _make_samples()


@pytest.mark.parametrize("entry", DECODED, ids=[e["file"] for e in DECODED])
def test_mailparser_decodes_what_formgen_meant(entry):
    key = re.match(r"draft-(\w+)\.eml", entry["file"]).group(1)
    name = MAKE.NAMES[key]
    assert entry["to"] == [{"name": name, "address": f"{key}@example.org"}]
    assert entry["from"] == [{"name": "SPKoM Düsseldorf", "address": "spkom@example.org"}]
    assert entry["subject"].endswith(f"Ihre Angaben für {name}")
    assert entry["x_unsent"] == "1" and entry["text_has_deadline"]
    (att,) = entry["attachments"]
    assert att["contentType"] == "application/pdf"
    assert re.fullmatch(
        rf"Bestandsaufnahme_{re.escape(name.replace(' ', '_'))}_FG-\w{{5}}-\w{{5}}\.pdf",
        att["filename"],
    )
    # the same bytes as Python's own decoder finds in the file
    msg = message_from_bytes((SAMPLES / entry["file"]).read_bytes(), policy=policy.default)
    (py_att,) = msg.iter_attachments()
    assert hashlib.sha256(py_att.get_content()).hexdigest() == att["sha256"]
    assert py_att.get_filename() == att["filename"]


def test_samples_match_what_formgen_writes_today(tmp_path, monkeypatch):
    """The committed drafts are current: regenerated, every header line and the text are the same."""
    monkeypatch.setattr(MAKE, "HERE", tmp_path)
    MAKE.main()

    def header_lines(data: bytes) -> list[str]:
        return [
            line
            for line in data.decode("ascii").split("\r\n")
            if re.match(
                r"^(Subject|To|From|X-|Content-Disposition|Content-Type: application| )", line
            )
            and "boundary=" not in line
        ]

    def text(data: bytes) -> str:
        msg = message_from_bytes(data, policy=policy.default)
        return msg.get_body(("plain",)).get_content()

    for entry in DECODED:
        fresh = (tmp_path / entry["file"]).read_bytes()
        committed = (SAMPLES / entry["file"]).read_bytes()
        assert header_lines(fresh) == header_lines(committed)
        assert text(fresh) == text(committed)
