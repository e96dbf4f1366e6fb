"""The forms a mail round kept (``forms/mail/ROUND/``), and forgetting them once it is done.

Each form a round mails is kept in the workspace, prefilled with the institution's values, for a
rerun of the round to attach again (:func:`formgen.mailrun.plan_round` reuses it). A return needs
none of them: it is known by the identity ``issued.jsonl`` holds, and the send log says what was
mailed; so once every mail of the round has gone (sent, or written as a draft) or cannot go
(the address refused for good, no address), its folder is only a copy of personal data, about
150 KB a form. :func:`round_forms` says what it holds, :func:`forget` deletes it; ``issued.jsonl``
and the send log stay.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from formgen.errors import MailError
from formgen.messages import Said
from formgen.sendlog import SendLog
from formgen.workspace import Workspace


@dataclass(frozen=True)
class RoundForms:
    """A round's kept forms: its folder, the files in it and their size in bytes."""

    round: str
    folder: Path
    files: tuple[Path, ...]
    size: int


def round_forms(ws: Workspace, round_: str) -> RoundForms:
    """The forms kept for ``round_``; :class:`~formgen.errors.MailError` for a round the send
    log does not know, or one with a mail not yet gone: prepared but neither sent nor drafted,
    a run killed while sending it, or put off by the server (451) — its rerun attaches the
    kept form."""
    every = SendLog(ws.root).deliveries()
    this = [d for d in every if d.round == round_]
    folder = ws.forms_dir / "mail" / round_
    if not this or folder.parent != ws.forms_dir / "mail":
        known = sorted({d.round for d in every})
        raise MailError(Said("forget_forms_no_round", round=round_, known=", ".join(known) or "–"))
    waiting = [
        d.institution_id
        for d in this
        if d.prepared_at and not d.delivered and not d.refused_for_good
    ]
    if waiting:
        raise MailError(
            Said("forget_forms_waiting", round=round_, n=len(waiting), ids=", ".join(waiting))
        )
    files = tuple(sorted(p for p in folder.rglob("*") if p.is_file())) if folder.is_dir() else ()
    return RoundForms(round_, folder, files, sum(p.stat().st_size for p in files))


def forget(forms: RoundForms) -> None:
    """Delete a round's kept forms and their folder (one someone put other files into stays,
    with them)."""
    for path in forms.files:
        path.unlink(missing_ok=True)
    folders = sorted((p for p in forms.folder.rglob("*") if p.is_dir()), reverse=True)
    for folder in (*folders, forms.folder):
        # not empty (a file put there since), or gone: it stays as it is
        with contextlib.suppress(OSError):
            folder.rmdir()
