"""``formgen demo``: the whole cycle on the shipped schema and the returned forms in ``samples/``.

The demo is a CLI orchestration: it is the one place besides the other commands that knows both
``formgen`` (forms, mailing) and ``ingest`` (readers, register), and it runs exactly what a
coordinator would run by hand — ``init``, ``generate``, ``mail --drafts``, ``ingest``,
``register stale|gaps|export|print`` — in one go.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import click

from formgen.batch import generate_batch, generate_one
from formgen.cli.common import echo, library_errors
from formgen.cli.mail import mail as mail_command
from formgen.cli.mail import status as status_command
from formgen.errors import FormgenError
from formgen.forms import FormRequest
from formgen.languages import MAIL_LANGUAGES
from formgen.workspace import Workspace
from ingest import journal
from ingest.outputs import write_outputs
from ingest.pipeline import ingest_into_register

MARKER = ".formgen-demo"
"""A folder holding this file was made by ``formgen demo`` and may be made again."""
ROUND_SEED = 2026
"""The demo's round mails forms with these reproducible ids: ``samples/demo/returns/`` holds
forms of that round as institutions filled them (``samples/demo/make_returns.py``), so the
demo's ``status`` shows who answered."""
BLANK_NAME = {"de": "checkliste-alle-kategorien", "en": "checklist-all-categories"}
"""The blank checklist of every category, named in the workspace's language."""

RETURNS = (
    # returned forms as real programs filled and saved them (see samples/*/README.md). An
    # institution form keeps the id it was issued for (inst-0001, inst-0042); each row of a
    # checklist becomes a new institution with the next free id (inst-0002 …), in this order.
    # samples/demo/recipients.csv mails those institutions under those ids, names and
    # addresses, so that 'status' and 'register' agree: keep both in step.
    "pdf/institution_pdfjs.pdf",
    "pdf/institution_pdfium.pdf",
    "pdf/institution_pdftk.pdf",
    "pdf/checklist_pdfjs.pdf",
    "pdf/checklist_pdfium.pdf",
    "pdf/checklist_qpdf_flat.pdf",
    "pdf/checklist_poppler_print.pdf",
    "docx/lo74-export-institution.pdf",  # the Word form sent as PDF; later as .docx
    "docx/lo252-institution.docx",
    "docx/lo74-checklist.docx",
    "docx/wordsim-checklist.docx",
    "mail/rueckmeldung.eml",
    "mail/postfach.mbox",
    "mail/rueckmeldung.msg",
    # the round's own answers: forms the demo mails (ROUND_SEED), filled by the institutions
    "demo/returns/inst-0008-pdfium.pdf",
    "demo/returns/inst-0010-libreoffice.docx",
)


def find_samples(given: str | None) -> Path:
    """The samples folder: ``--samples``, else ``./samples``, else the source tree's."""
    candidates = (
        [Path(given)]
        if given
        else [Path("samples"), Path(__file__).resolve().parents[2] / "samples"]
    )
    for folder in candidates:
        if (folder / "workspace" / "secret.key").is_file() and (folder / "pdf").is_dir():
            return folder
    where = ", ".join(str(c) for c in candidates)
    raise FormgenError(
        f"the returned sample forms were not found (looked in {where}); run the demo from the "
        "formgen folder (the one with samples/) or give --samples DIR"
    )


def prepare_folder(directory: Path) -> None:
    """An empty folder, or one an earlier demo made (it is made again); never anything else."""
    if directory.exists():
        if (directory / MARKER).is_file():
            shutil.rmtree(directory)
        elif directory.is_dir() and not any(directory.iterdir()):
            directory.rmdir()
        else:
            raise FormgenError(
                f"{directory} exists and was not made by 'formgen demo'; give a new folder "
                "(the demo never overwrites your files)"
            )


@click.command()
@click.argument("directory", type=click.Path(file_okay=False), default="demo-workspace")
@click.option(
    "--samples",
    "samples_dir",
    type=click.Path(file_okay=False, exists=True),
    default=None,
    help="Folder with the returned sample forms (default: ./samples).",
)
@click.option(
    "--lang",
    type=click.Choice(MAIL_LANGUAGES),
    default="de",
    show_default=True,
    help="The demo workspace's language (as 'formgen init --lang'): of its blank forms, mails, "
    "register tables, reports and print.",
)
@click.pass_context
@library_errors
def demo(ctx: click.Context, directory: str, samples_dir: str | None, lang: str) -> None:
    """Run the whole cycle on the shipped schema and sample returns, into DIRECTORY.

    Creates a workspace (default: demo-workspace), generates blank and personalised PDF and DOCX
    forms, writes mail drafts for ten institutions, ingests forms returned through pdf.js,
    PDFium, pdftk, qpdf, poppler, LibreOffice and mail (two of them the round's own forms,
    answered), merges them into the register, shows the round's status, reports stale entries
    and gaps, exports JSON/CSV/XLSX, prints the register — and says where each output is. A
    folder an earlier demo made is made again; any other non-empty folder is refused. With
    --lang en the workspace works in English, as a centre's made by 'formgen init --lang en'
    (the returned samples stay as their senders filled them, in German).
    """
    samples = find_samples(samples_dir)
    root = Path(directory)
    prepare_folder(root)

    # 1. the workspace; it signs with the samples' secret so that their returns verify
    ws = Workspace.init(
        root,
        name="SPKoM Düsseldorf und Rhein-Kreis Neuss (Demo)",
        sender="spkom-demo@example.org",
        language=lang,
    )
    (root / MARKER).write_text(
        "made by formgen demo; 'formgen demo' may replace this folder\n", "utf-8"
    )
    shutil.copyfile(samples / "workspace" / "secret.key", root / "secret.key")
    shutil.copyfile(samples / "workspace" / "issued.jsonl", root / "issued.jsonl")
    ws = Workspace.open(root)
    schema = ws.schema()
    echo(
        f"1. workspace {root} (schema {schema.schema_id} {schema.schema_version}, {len(schema.categories)} checklists)"
    )

    # 2. blank checklists of every category, PDF and DOCX
    blank = ws.forms_dir / "blank"
    request = FormRequest("checklist", tuple(c.id for c in schema.categories), lang=ws.language)
    outputs: list[tuple[str, Path]] = []
    for fmt in ("pdf", "docx"):
        path = blank / f"{BLANK_NAME[lang]}.{fmt}"
        generate_one(schema, request, path, secret=ws.secret, fmt=fmt, seed=11, workspace=ws)
        outputs.append((f"blank checklist, all categories ({fmt.upper()})", path))
    echo(f"2. blank checklists of all {len(schema.categories)} categories: PDF and DOCX")

    # 3. personalised forms as mail drafts for the demo recipients
    drafts = root / "drafts"
    echo("3. mail drafts with personalised forms (formgen mail --drafts):")
    ctx.invoke(
        mail_command,
        recipients=str(samples / "demo" / "recipients.csv"),
        workspace_dir=str(root),
        fmt="both",
        drafts_dir=str(drafts),
        seed=ROUND_SEED,
    )
    outputs.append(("mail drafts (.eml, open in Outlook/Thunderbird)", drafts))
    outputs.append(("forms attached to the drafts", ws.forms_dir / "mail"))

    # 4. the returned forms, read by every reader and merged into the register
    paths = [samples / name for name in RETURNS if (samples / name).exists()]
    report = ingest_into_register(paths, ws)
    report_path = ws.exports_dir / "ingest-report.txt"
    report_path.write_text("\n".join(report.lines(verbose=True)) + "\n", "utf-8")
    echo(
        f"4. ingested {len(paths)} returned files (PDF, flattened PDF, DOCX, Word form as PDF, .eml, .mbox, .msg):"
    )
    for line in report.lines():
        if not line.startswith(" "):  # one line per file; every warning is in the report file
            echo(f"   {line}")
    outputs.append(("ingest report with every warning", report_path))

    # 5. who answered the round, as the coordinator sees it next
    echo("5. the round so far (formgen status):")
    ctx.invoke(status_command, workspace_dir=str(root))

    # 6. update forms prefilled from the register
    reg = journal.load(ws)
    records = [reg.record(iid) for iid in sorted(reg.institutions)]
    update_dir = ws.forms_dir / "update"
    for fmt in ("pdf", "docx"):
        generate_batch(
            schema, records, update_dir / fmt, secret=ws.secret, fmt=fmt, seed=12, workspace=ws
        )
    outputs.append(
        (
            f"update forms prefilled from the register ({len(records)} institutions, PDF and DOCX)",
            update_dir,
        )
    )
    echo(f"6. update forms prefilled from the register for {len(records)} institutions")

    # 7. register outputs: exports, printed register, stale entries, gaps
    written = write_outputs(ws, reg, dt.date.today())
    echo("7. register exported, printed, stale entries and gaps reported")
    outputs.extend(written.items())

    echo("")
    echo("Where everything is:")
    for label, path in outputs:
        echo(f"  {label}: {path}")
