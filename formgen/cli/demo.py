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
from formgen.cli.common import (
    SaidHelp,
    echo,
    library_errors,
)
from formgen.cli.ingest import save_report
from formgen.cli.mail import mail as mail_command
from formgen.cli.mail import status as status_command
from formgen.errors import FormgenError
from formgen.forms import FormRequest
from formgen.languages import MAIL_LANGUAGES
from formgen.messages import Said, in_language, say
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
LIST_NAME = {"de": "institutionen.csv", "en": "institutions.csv"}
LIST_HEADER = {"de": "Kennung;Einrichtung;E-Mail;Checkliste;Region"}
"""The round's recipients list, left in the demo's folder as an example of a list (German
column names in a German workspace), named as the README's cycle names it."""

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


def shipped_samples() -> Path:
    """The samples the demo reads, installed with formgen as the package data folder
    ``formgen/samples`` (pyproject.toml); in a source tree that was not installed, its
    ``samples/``."""
    package = Path(__file__).resolve().parents[1]
    installed = package / "samples"
    return installed if installed.is_dir() else package.parent / "samples"


def find_samples(given: str | None, lang: str) -> Path:
    """The samples folder: ``--samples``, else the one installed with formgen (not found:
    said in ``lang``)."""
    folder = Path(given) if given else shipped_samples()
    if (folder / "workspace" / "secret.key").is_file() and (folder / "pdf").is_dir():
        return folder
    raise FormgenError(say("demo_no_samples", lang, where=str(folder)))


def prepare_folder(directory: Path, lang: str) -> None:
    """An empty folder, or one an earlier demo made (it is made again); never anything else
    (refused in ``lang``)."""
    if directory.exists():
        if (directory / MARKER).is_file():
            shutil.rmtree(directory)
        elif directory.is_dir() and not any(directory.iterdir()):
            directory.rmdir()
        else:
            raise FormgenError(say("demo_not_ours", lang, directory=str(directory)))


@click.command(cls=SaidHelp)
@click.argument("directory", type=click.Path(file_okay=False), default="demo-workspace")
@click.option(
    "--samples",
    "samples_dir",
    type=click.Path(file_okay=False, exists=True),
    default=None,
    help="Folder with the returned sample forms (default: those installed with formgen).",
)
@click.option(
    "--lang",
    type=click.Choice(MAIL_LANGUAGES, case_sensitive=False),
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
    samples = find_samples(samples_dir, lang)
    root = Path(directory)
    prepare_folder(root, lang)

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
    n_categories = len(schema.categories)
    echo(
        say(
            "demo_workspace",
            lang,
            root=str(root),
            schema=schema.schema_id,
            version=schema.schema_version,
            n=n_categories,
        )
    )

    # 2. blank checklists of every category, PDF and DOCX
    blank = ws.forms_dir / "blank"
    request = FormRequest("checklist", tuple(c.id for c in schema.categories), lang=ws.language)
    outputs: list[tuple[str, Path]] = []  # what (a Said) and where
    for fmt in ("pdf", "docx"):
        path = blank / f"{BLANK_NAME[lang]}.{fmt}"
        generate_one(schema, request, path, secret=ws.secret, fmt=fmt, seed=11, workspace=ws)
        outputs.append((Said("demo_out_blank", fmt=fmt.upper()), path))
    echo(say("demo_blank", lang, n=n_categories))

    # 3. personalised forms as mail drafts for the demo recipients, from their list in the folder
    listed = root / LIST_NAME[lang]
    header, rows = (samples / "demo" / "recipients.csv").read_text("utf-8-sig").split("\n", 1)
    listed.write_text(f"{LIST_HEADER.get(lang, header)}\n{rows}", "utf-8-sig")
    outputs.append((Said("demo_out_list"), listed))
    drafts = root / "drafts"
    echo(say("demo_drafts", lang, listed=listed.name))
    ctx.invoke(
        mail_command,
        recipients=str(listed),
        workspace_dir=str(root),
        fmt="both",
        drafts_dir=str(drafts),
        seed=ROUND_SEED,
    )
    outputs.append((Said("demo_out_drafts"), drafts))
    outputs.append((Said("demo_out_attached"), ws.forms_dir / "mail"))

    # 4. the returned forms, read by every reader and merged into the register
    paths = [samples / name for name in RETURNS if (samples / name).exists()]
    report = ingest_into_register(paths, ws)
    report_path = save_report(ws, report)
    echo(say("demo_ingested", lang, n=len(paths)))
    for line in report.lines(lang=lang):
        if not line.startswith(" "):  # one line per file; every warning is in the report file
            echo(f"   {line}")
    outputs.append((Said("demo_out_report"), report_path))

    # 5. who answered the round, as the coordinator sees it next
    echo(say("demo_status", lang))
    ctx.invoke(status_command, workspace_dir=str(root))

    # 6. update forms prefilled from the register
    reg = journal.load(ws)
    records = [reg.record(iid) for iid in sorted(reg.institutions)]
    update_dir = ws.forms_dir / "update"
    for fmt in ("pdf", "docx"):
        generate_batch(
            schema, records, update_dir / fmt, secret=ws.secret, fmt=fmt, seed=12, workspace=ws
        )
    outputs.append((Said("demo_out_update", n=len(records)), update_dir))
    echo(say("demo_update", lang, n=len(records)))

    # 7. register outputs: exports, printed register, stale entries, gaps
    written = write_outputs(ws, reg, dt.date.today())
    echo(say("demo_outputs", lang))
    outputs.extend(written.items())

    echo("")
    echo(say("demo_where", lang))
    for label, path in outputs:
        echo(f"  {in_language(label, lang)}: {path}")
