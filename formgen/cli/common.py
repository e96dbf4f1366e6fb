"""Helpers shared by the CLI modules: error translation and shared options."""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
import functools
import importlib
import io
import json
import os
import re
import select
import shlex
import shutil
import sys
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from formgen.errors import FormgenError, Problem, SheetError, UnreadableListError
from formgen.filenames import not_typed, readable, shown, terminal
from formgen.languages import MAIL_LANGUAGES

if TYPE_CHECKING:
    from formgen.model import Schema
    from formgen.recipients import RecipientList

F = TypeVar("F", bound=Callable[..., Any])


def echo(message: str = "", err: bool = False) -> None:
    """``click.echo`` for formgen: every line a command writes to the terminal goes through
    here (ruff bans ``click.echo`` elsewhere), with control characters and direction overrides
    shown as escapes (:func:`formgen.filenames.terminal`), so that a value from outside cannot
    make the terminal show something other than what the register holds. Error messages are
    shown here too (:class:`_SaidError`, :class:`_SaidUsageError`). Where the reader of the
    output has stopped reading (``formgen mail --send | head -1``), the command goes on
    without it (:func:`_reader_gone`)."""
    try:
        click.echo(terminal(message), err=err)
    except BrokenPipeError:
        _reader_gone(sys.stderr if err else sys.stdout)


class _Output:
    """What became of this run's output."""

    cut = False
    """Whether a reader of stdout or stderr stopped reading in this run (:func:`_reader_gone`):
    formgen then ends with exit status 141 (:meth:`FormgenGroup.main`)."""


def _reader_gone(stream: Any) -> None:
    """Where the reader of ``stream`` (stdout, stderr) has stopped reading, the rest of it
    goes to /dev/null and the command goes on to its end: how much work a command does never
    depends on the reader of its output (``formgen mail --send | head -1`` sends every mail,
    ``ingest … | head`` reads every file); its exit status is then 141 (:class:`FormgenGroup`)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, stream.fileno())
    os.close(devnull)
    _Output.cut = True


def _stdout_closed() -> bool:
    """Whether stdout is a pipe whose reader has gone (``poll`` says POLLERR of its write end):
    a BrokenPipeError of another pipe or socket (a mail server's) is an error of the command."""
    try:
        poller = select.poll()
        poller.register(sys.stdout.fileno(), 0)  # POLLERR is always said
        return any(events & select.POLLERR for _fd, events in poller.poll(0))
    except (OSError, ValueError):  # no file descriptor (io.UnsupportedOperation), closed
        return False


def command_line() -> str:
    """The formgen command line of this run as it was given, each word quoted as a shell
    needs it (``formgen ingest /srv/eingang -w '/srv/SPKoM ws'``): a report says what ran."""
    args = click.get_current_context().meta.get(_ARGS, ())
    return shlex.join(["formgen", *(readable(a) for a in args)])


def echo_json(data: Any, indent: int = 2) -> None:
    """Print ``data`` as JSON (``--json``): its text as it is where stdout takes UTF-8, else
    with ``\\u`` escapes for all but ASCII, so that what a program reads is whole JSON of the
    same values in any terminal (a Windows console's cp1252, a server set to Latin-1)."""
    encoding = getattr(sys.stdout, "encoding", None) or "ascii"
    utf8 = codecs.lookup(encoding).name == "utf-8"
    echo(json.dumps(data, ensure_ascii=not utf8, indent=indent))


def shown_in_any_terminal() -> None:
    """Have stdout and stderr show a character their encoding has not („Yılmaz“ in a Windows
    console's cp1252, a server set to Latin-1) as its escape (``\\u0131``), where it ended the
    command with a traceback and nothing printed."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def agreed(question: str, again: str) -> bool:
    """A yes to ``question`` (ending in „[j/N]“ or „[y/N]“): j, ja, y or yes; nothing, n, nein
    or no is a no, and so are Ctrl-C and the end of the input; anything else asks again with
    ``again`` (click's confirm knows only y/n, and refuses a German „j“ in English)."""
    while True:
        try:
            answer = click.prompt(terminal(question), default="", show_default=False)
        except BrokenPipeError:  # the question goes nowhere; the answer is read as typed
            _reader_gone(sys.stdout)
            continue
        except click.Abort:  # Ctrl-C or the end of the input: a no, on a line of its own
            echo()
            return False
        if answer.strip().lower() in ("j", "ja", "y", "yes"):
            return True
        if answer.strip().lower() in ("", "n", "nein", "no"):
            return False
        echo(again, err=True)


def columns() -> int | None:
    """The terminal's width in columns, for what is laid out to fit it (tables, long lines):
    ``COLUMNS`` where it is set, else the terminal's own; ``None`` (no limit) where the output
    goes to no terminal (a file, a pipe), so that a saved or grepped line stays whole, one line
    per row."""
    return shutil.get_terminal_size(fallback=(0, 0)).columns or None


def echo_fitted(message: str = "", err: bool = False) -> None:
    """:func:`echo` for a line that may be longer than the terminal (:func:`columns`): folded
    at its spaces, the rest four columns further in than it starts
    (:func:`ingest.tables.fold_in`); whole where the output goes to no terminal."""
    from ingest.tables import fold_in  # not at start-up: `formgen --help` stays quick

    echo(fold_in(message, columns()), err=err)


def stderr_is_terminal() -> bool:
    """Whether stderr is a terminal, where a progress bar is read (tests stand in for one
    here: click's runner has none)."""
    return sys.stderr.isatty()


@contextlib.contextmanager
def progress_bar(label: str, least: int) -> Iterator[Callable[[int, int], None]]:
    """A progress bar ``label`` on stderr for a long run, as ``formgen ingest`` shows one:
    told ``(done, total)`` as the work goes (a total may grow: a print's third pass). Only on
    a terminal and from ``least`` things to do on: nothing in a pipe, a cron job's mail or a
    file, nor for a run too short to wait for (the caller leaves it out for ``--json``)."""
    shown = stderr_is_terminal()
    with contextlib.ExitStack() as stack:
        bars: list[Any] = []  # the bar, once there is enough to do

        def tell(done: int, total: int) -> None:
            if not bars:
                if not shown or total < least:
                    return
                bar = click.progressbar(length=total, label=label, file=sys.stderr)
                bars.append(stack.enter_context(bar))
            bars[0].length, bars[0].finished = total, False  # a total grown: not at its end
            bars[0].update(done - bars[0].pos)

        yield tell


def library_errors(func: F) -> F:
    """Turn library errors, and the command's own ``click.ClickException``, into an error that
    ends the command (:class:`_SaidError`: exit status 1, „Fehler: …“ on stderr in German,
    ``Error: …`` in English), said in the language of :func:`_error_language`: a library
    error's message too where it is a :class:`~formgen.messages.Said`, else as the library
    wrote it; the command's own is said in its workspace's language already. The workspace is
    the command's ``--workspace``; ``generate --institution`` without it: the current folder,
    where the command finds it."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (click.UsageError, _SaidError):
            raise  # a usage error is said in FormgenGroup.invoke; one said already (demo's steps)
        except click.ClickException as exc:
            lang = _error_language(_workspace_of(kwargs), kwargs.get("lang"))
            raise _SaidError(exc.format_message(), lang) from exc
        except FormgenError as exc:
            lang = _error_language(_workspace_of(kwargs), kwargs.get("lang"))
            raise _SaidError(_said(exc, lang), lang) from exc

    return wrapper  # type: ignore[return-value]


def _workspace_of(kwargs: dict[str, Any]) -> str | None:
    """The workspace folder of a command called with ``kwargs``: its ``--workspace``, or for
    ``generate --institution`` without it the current folder, where that command finds it."""
    return kwargs.get("workspace_dir") or ("." if kwargs.get("institution_id") else None)


def _error_language(workspace_dir: str | None, lang: str | None) -> str:
    """The language an error that ends a command is said in: that of the workspace in
    ``workspace_dir`` (the command's ``--workspace``); for a command without one, its ``lang``
    (the language ``formgen init`` makes a workspace in, ``generate --lang`` forms in); else
    :func:`language_here`, as for a usage error, also where ``workspace_dir`` is no workspace
    (a typo, ``-w`` forgotten)."""
    if workspace_dir is not None:
        return _opened_language(workspace_dir) or language_here()
    return lang or language_here()


def language_here() -> str:
    """The language of a command run without a workspace (``formgen schema check FILE``): that
    of the workspace in the current folder, the language its user works in, as a usage error
    of the command is said (:func:`_said_language`); outside one, that of the user's
    locale."""
    return _said_language(())


def _said(exc: FormgenError, lang: str) -> str:
    """``exc``'s message in ``lang`` where it was made as a :class:`~formgen.messages.Said`,
    else as the library wrote it."""
    from formgen.messages import Said  # not at start-up: `formgen --help` stays quick

    message = exc.args[0] if len(exc.args) == 1 else None
    return message.in_language(lang) if isinstance(message, Said) else str(exc)


def workspace_language(workspace_dir: str) -> str:
    """The language of the workspace in ``workspace_dir``, for a message said before (or
    instead of) the command's own opening of it (why it does not open): that of the user's
    locale where it names none."""
    return _opened_language(workspace_dir) or _locale_language()


def _opened_language(workspace_dir: str) -> str | None:
    """The language of the workspace in ``workspace_dir``; where it does not open, the one its
    ``workspace.toml`` names as far as it can be read (saved as Windows-1252); None where none,
    also where the folder holds no ``workspace.toml`` (formgen.workspace.CONFIG): then without
    loading formgen.workspace, which takes longer than ``formgen --help`` takes to run."""
    if not Path(workspace_dir, "workspace.toml").is_file():
        return None
    from formgen.workspace import Workspace, config_language

    try:
        return Workspace.open(workspace_dir).language
    except (FormgenError, OSError):
        return config_language(workspace_dir)


def text_only(_ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """A click callback for a parameter kept or looked for as text (a value, a note, a reason,
    the words ``register find`` looks for), each of its values where it takes several: refused
    when it holds a lone surrogate, which is how Python hands over bytes of the command line
    that are not UTF-8 (a terminal set to Windows-1252), which no file can store
    (:mod:`formgen.record`); and where the terminal sent UTF-8 to a system set to another
    encoding (:func:`_sent_in_utf8`)."""
    from formgen.messages import Said
    from formgen.record import lone_surrogate  # not at start-up: `formgen --help` stays quick

    for text in (value,) if isinstance(value, str) else value or ():
        if why := lone_surrogate(text):
            said = Said("click_terminal_encoding", why=why, shown=readable(text))
            raise click.BadParameter(said, param=param)
        if meant := _sent_in_utf8(text):
            encoding = sys.getfilesystemencoding()
            said = Said("click_terminal_utf8", value=text, encoding=encoding, meant=meant)
            raise click.BadParameter(said, param=param)
    return value


def note_only(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A click callback for a ``--note`` kept in a history or a record: :func:`text_only`, and
    refused where it holds a control character or U+202E, as a value ``register set`` sets or a
    cell ``register import`` reads is (:func:`formgen.filenames.not_typed`): the history would
    show the note otherwise than it was typed."""
    from formgen.messages import Said

    if value is not None and (odd := not_typed(text_only(ctx, param, value))):
        kind, char = odd
        raise click.BadParameter(
            Said(f"click_note_{kind}", char=char, value=shown(value)), param=param
        )
    return value


def _sent_in_utf8(text: str) -> str | None:
    """``text`` of the command line as the terminal sent it, where that was UTF-8 but the
    system is set to another encoding (a server set to de_DE.ISO-8859-1, reached from a UTF-8
    terminal): Python read its bytes in the system's („YÄ±lmaz“ for „Yılmaz“), and nothing
    would match it or should be stored. None where it was read as sent: text in a single-byte
    encoding that is valid UTF-8 by chance („PÓŁNOC“ in ISO-8859-2 reads „PӣNOC“) is refused
    only where its UTF-8 reading is the plausible one (:func:`_garbled`)."""
    encoding = sys.getfilesystemencoding()
    if text.isascii() or codecs.lookup(encoding).name == "utf-8":
        return None
    try:
        meant = os.fsencode(text).decode("utf-8")
    except UnicodeError:
        return None
    return meant if _garbled(meant, encoding) else None


def _garbled(meant: str, encoding: str) -> bool:
    """Whether the reading of ``meant``'s UTF-8 bytes in ``encoding`` (the system's) is
    garbled text and ``meant`` is not: ``meant`` is text (no control character, nothing
    unassigned: „2×½“ in Latin-1 reads „2\u05fd“), and one of its letters shows in
    ``encoding`` as something that is no letter (ı as „Ä±“, ö as „Ã¶“, М as „Ð\x9c“), or as a capital inside a word that is
    not in capitals (ó as „Ăł“ in „KrakĂłw“, ı as „Äą“ in „YÄąlmaz“ in ISO-8859-2), or in
    an ordinal sign that a letter follows (ú as „Ãº“ in „Ãºltimo“, ê as „Ãª“ in „Ãªnfase“: º
    and ª end a word, „2º“, „Nº“). Letters that show as letters in capitals („PÓŁNOC“, „ТА“
    in ISO-8859-5, „Ñº 5“) are taken as typed."""
    before = ""
    for i, char in enumerate(meant):
        if unicodedata.category(char) in ("Cc", "Cn", "Co"):
            return False
        if not char.isascii() and char.isalpha():
            shown = char.encode("utf-8").decode(encoding, "surrogateescape")
            if not shown.isalpha():
                return True
            if before.isalpha() and shown[0].isupper() and not (before + shown).isupper():
                return True
            if shown[-1] in "ºª" and meant[i + 1 : i + 2].isalpha():
                return True
        before = char
    return False


def read_list(path: str | Path) -> bytes:
    """A coordinator's list (recipients, the centre's table) as its reader takes it: at most one
    byte more than :data:`~formgen.recipients.MAX_FILE`, so that a huge file is refused
    without being read whole; a named pipe or a device is never opened
    (:func:`ingest.sniff.open_regular`: a pipe would wait for good)."""
    from formgen.recipients import MAX_FILE  # not at start-up: `formgen --help` stays quick
    from ingest.sniff import open_regular

    with open_regular(path, str(path)) as fh:
        return fh.read(MAX_FILE + 1)


def read_recipients(
    data: bytes,
    source: str,
    schema: Schema,
    lang: str | None = None,
    said_in: str = "en",
    encoding: str | None = None,
) -> RecipientList:
    """The recipients list ``data`` (named ``source``), CSV or XLSX, as ``formgen mail`` and
    ``generate --recipients`` read it: by the reader of ``register import``
    (:func:`ingest.sheet.read_sheet`), then row by row
    (:func:`formgen.recipients.parse_recipients`), its header below a title where the first
    line is none (:func:`ingest.sheet.with_header`); a note names the header's line then, a
    workbook's further sheets that hold data, which are not read, and the columns not read
    (:func:`formgen.recipients.unread_columns`), with the way to have a checklist's in the
    forms (``register import``). Raises :class:`~formgen.errors.UnreadableListError` for
    a file that is no such list. The note and the error are said in ``said_in`` (the
    workspace's language); ``lang`` names the regions and languages a row can give;
    ``encoding`` is a plain CSV's code page as ``--encoding`` names it (:func:`encoding_option`)."""
    from formgen.messages import Said, SaidJoined, say
    from formgen.recipients import headers_meant, known_column, parse_recipients, unread_columns
    from ingest.sheet import (  # the CLI is the one place that knows both
        read_sheet,
        two_lines_said,
        with_header,
    )

    try:
        what, fix = Said("table_what_recipients"), Said("table_recipients_fix")
        sheet = read_sheet(data, source, what, fix, encoding)
    except SheetError as exc:
        said = SaidJoined((exc.what, exc.fix), "; ") if exc.fix else exc.what
        raise UnreadableListError([Problem(exc.file, exc.line, said)], said_in) from None
    sheet = with_header(sheet, lambda header: known_column(header, schema))
    if sheet.titled:
        echo(say("table_header_at", said_in, file=source, line=sheet.header_line), err=True)
    for said in two_lines_said(sheet.groups, sheet.header_line, source, said_in):
        echo(said, err=True)
    if sheet.left_out:
        names = ", ".join(say("quoted", said_in, value=n) for n in sheet.left_out)
        echo(say("recipients_left_out", said_in, source=source, names=names), err=True)
    try:
        listed = parse_recipients(
            sheet.header,
            sheet.rows,
            schema,
            source,
            lang,
            sheet.encoding,
            sheet.delimiter,
            sheet.unsaved,
            sheet.header_line,
            sheet.yes_no,
        )
    except UnreadableListError as exc:  # a list without the header it needs
        raise UnreadableListError(exc.problems, said_in) from None
    meant = headers_meant(sheet.header, schema)
    unread = dict.fromkeys(
        say("quoted", said_in, value=f"{n:.40}")
        + (meant[i].in_language(said_in) if i in meant else "")
        for i, n in unread_columns(sheet.header, schema).items()
    )
    if unread:  # prefilled from the register only: said, not lost unsaid
        names = ", ".join(unread)
        quoted = shlex.quote(source)
        echo(say("recipients_unread", said_in, source=source, names=names, quoted=quoted), err=True)
    return listed


class _SaidFormatter(click.HelpFormatter):
    """Click's help formatter for a help page or usage line in ``lang``: the usage line's
    „Aufruf:“ and placeholders (``[OPTIONEN]``, ``BEFEHL [ARGUMENTE]...``), the sections'
    headings („Optionen“, „Befehle“), from the catalogue's ``click_`` words."""

    def __init__(self, ctx: click.Context, lang: str) -> None:
        super().__init__(width=ctx.terminal_width, max_width=ctx.max_content_width)
        self.lang = lang

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        from formgen.messages import say

        args = args.replace("[OPTIONS]", say("click_options", self.lang))
        args = args.replace("COMMAND [ARGS]...", say("click_command_args", self.lang))
        super().write_usage(prog, args, f"{say('click_usage', self.lang)} ")

    def write_heading(self, heading: str) -> None:
        from formgen.messages import say

        key = {"Options": "click_heading_options", "Commands": "click_heading_commands"}
        super().write_heading(say(key[heading], self.lang) if heading in key else heading)


def _usage_line(ctx: click.Context, lang: str) -> str:
    """The usage line of ``ctx``'s command in ``lang`` (:class:`_SaidFormatter`)."""
    formatter = _SaidFormatter(ctx, lang)
    ctx.command.format_usage(ctx, formatter)
    return formatter.getvalue().rstrip("\n")


def help_path(ctx: click.Context) -> str:
    """The command line that names ``ctx``'s command, as the help catalogue keys it
    (:data:`formgen.messages.COMMAND_HELP`): ``formgen register find``, whatever the program was
    called (``python -m formgen``)."""
    names = []
    while ctx.parent is not None:
        names.append(ctx.info_name or "")
        ctx = ctx.parent
    return " ".join(["formgen", *reversed(names)])


class SaidHelp(click.Command):
    """A command whose help (``--help``; a group's when called without a command) is said in
    the language of a usage error of the same command line (:func:`_said_language`): that of
    the workspace ``-w`` names or the current folder holds, else of the user's locale. The
    English help is click's own, from the command's docstring and its options' ``help``; the
    German from the catalogue (:func:`formgen.messages.command_help`,
    :func:`formgen.messages.option_help`), where every command and option has its own
    (tests/test_help_language.py)."""

    def get_help(self, ctx: click.Context) -> str:
        lang = _said_language(ctx.meta.get(_ARGS, ()))
        if lang == "en":
            return super().get_help(ctx)
        from formgen.messages import command_help

        formatter = _SaidFormatter(ctx, lang)
        self.format_usage(ctx, formatter)
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(_unbroken(command_help(help_path(ctx), lang) or self.help or ""))
        self._format_options_said(ctx, formatter, lang)
        names = self.list_commands(ctx) if isinstance(self, click.Group) else []
        if names:  # the first sentence of each one's help, as click shortens it
            limit = formatter.width - 6 - max(map(len, names))
            rows = [
                (name, _short_help(command_help(f"{help_path(ctx)} {name}", lang), limit))
                for name in names
            ]
            with formatter.section("Commands"):
                formatter.write_dl(rows)
        laid_out = formatter.getvalue().rstrip("\n").replace("\N{NO-BREAK SPACE}", " ")
        return laid_out.replace("\N{NON-BREAKING HYPHEN}", "-")

    def _format_options_said(
        self, ctx: click.Context, formatter: click.HelpFormatter, lang: str
    ) -> None:
        """The options as click lists them, each with its help in ``lang``, and what click
        adds in brackets (default, environment variable, range, required) in its words."""
        from formgen.messages import option_help, say

        rows = []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None or not isinstance(param, click.Option):
                continue
            extra, items = param.get_help_extra(ctx), []
            if "envvars" in extra:
                items.append(say("click_env_var", lang, var=", ".join(extra["envvars"])))
            if "default" in extra:
                items.append(say("click_default", lang, default=extra["default"]))
            if "range" in extra:
                items.append(extra["range"])
            if "required" in extra:
                items.append(say("click_required", lang))
            text = _unbroken(option_help(param.help or "", lang))
            if items:
                text = f"{text}  [{'; '.join(items)}]" if text else f"[{'; '.join(items)}]"
            rows.append((record[0], text))
        if rows:
            with formatter.section("Options"):
                formatter.write_dl(rows)


_ABBREVIATED = re.compile(r"\b(\w\.) (?=\w\.)")
"""The space inside an abbreviation of two letters („z. B.“, „d. h.“)."""

_HYPHENATED = re.compile(r"(?<![\w-])--?\w+(?:-\w+)+|\b\w+(?:-\w+)+\.[a-z]{2,4}\b")
"""An option (``--from-register``) or a file name (``register-DATUM-en.pdf``) with a hyphen in
it, which is copied as it stands."""


def _unbroken(text: str) -> str:
    """``text`` whose abbreviations („z. B.“), options and file names a help page's lines do
    not break in two: their spaces no-break spaces, their hyphens non-breaking hyphens while
    the page is laid out (:meth:`SaidHelp.get_help` puts them back)."""
    text = _ABBREVIATED.sub("\\1\N{NO-BREAK SPACE}", text)
    return _HYPHENATED.sub(
        lambda found: found[0][:2] + found[0][2:].replace("-", "\N{NON-BREAKING HYPHEN}"), text
    )


def _short_help(text: str | None, limit: int) -> str:
    """A command's short help, in a group's list of commands, from its help ``text``: the
    first sentence, as click takes it."""
    return click.Command(None, help=text).get_short_help_str(limit)


class SaidHelpGroup(SaidHelp, click.Group):
    """A group of commands (``formgen register``) whose help, and that of its commands, is said
    as :class:`SaidHelp` says it."""

    command_class = SaidHelp
    group_class = type


class FormgenGroup(SaidHelpGroup):
    """The ``formgen`` command group: any command that meets an error of the operating system
    (a read-only workspace, permission denied, a full disk) ends with ``Error: …`` (in German
    „Fehler: …“, :class:`_SaidError`) on stderr and exit status 1, not a traceback; so does
    Ctrl-C, or the end of the input at a prompt, where the command does not stop on its own
    terms (ingest and mail between two steps): it says that nothing more was done, not
    click's English „Aborted!“. An error's message shows control characters as escapes, as
    :func:`echo` does; a character the terminal's encoding has not is shown as its escape
    (:func:`shown_in_any_terminal`). Where the output's reader has stopped reading
    (``formgen status --list | head -1``, ``formgen mail --send | head -1``) the command goes
    on quietly to its end, the rest of its output going nowhere (:func:`_reader_gone`), and
    ends with exit status 141, the status of ``git log | head`` killed by SIGPIPE, unless it
    failed otherwise (its own status then): a script with ``set -o pipefail`` still sees that
    not all was read.

    Its commands load when they are used (click's lazy group): ``lazy_commands`` maps a name to
    ``("module:attribute", short help)``, so ``formgen --help`` lists every command from the short
    help alone and ``formgen status`` does not import what ``formgen demo`` needs (reportlab, the
    ingest pipeline).
    """

    def __init__(
        self,
        *args: Any,
        lazy_commands: Mapping[str, tuple[str, str]] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands = dict(lazy_commands or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self.lazy_commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy_commands:
            module, _, attribute = self.lazy_commands[cmd_name][0].partition(":")
            self.add_command(getattr(importlib.import_module(module), attribute), cmd_name)
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """List the commands as click does, with the short help of those not loaded yet."""
        listed = [
            self.commands.get(name) or click.Command(name, help=self.lazy_commands[name][1])
            for name in self.list_commands(ctx)
        ]
        click.Group(commands=listed).format_commands(ctx, formatter)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """As click's; a mistyped command is told with the one meant among all of them, also
        those not loaded yet (click looks only among the loaded ones)."""
        try:
            return super().resolve_command(ctx, args)
        except click.exceptions.NoSuchCommand:
            raise click.exceptions.NoSuchCommand(
                args[0], possibilities=self.list_commands(ctx), ctx=ctx
            ) from None

    def main(self, *args: Any, **kwargs: Any) -> Any:
        shown_in_any_terminal()
        _Output.cut = False
        try:
            return super().main(*args, **kwargs)
        except SystemExit as exc:
            if _Output.cut and exc.code in (0, None):
                raise SystemExit(141) from None
            raise

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta[_ARGS] = tuple(args)  # the workspace a usage error is said in: -w among them
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as exc:  # of formgen's own options (`formgen --bogus`)
            given = ctx.meta[_ARGS]  # as typed: click's parser took the option out of args
            moved = self._option_moved(ctx, given, exc)
            if moved is None:
                raise _said_usage(exc, given) from exc
            from formgen.messages import say

            lang = _said_language(given)  # `formgen -w ws status`: where -w goes
            words = say("click_after_command", lang, option=moved[0], line=moved[1])
            message = f"{_said_usage(exc, given).format_message()} {words}"
            raise _SaidUsageError(message, exc.ctx, lang) from exc
        except BrokenPipeError:  # formgen --help | head -1: click's own echo, the help
            _reader_gone(sys.stdout)
            raise click.exceptions.Exit(141) from None

    def _option_moved(
        self, ctx: click.Context, args: Sequence[str], exc: click.UsageError
    ) -> tuple[str, str] | None:
        """Where ``exc`` is an option formgen does not take but the command of ``args`` does
        (``formgen -w ws status``, ``formgen --workspace=ws register find x``): the option and
        the command line with the options given before the command moved after it
        (``formgen status -w ws``); else None."""
        at = next((i for i, a in enumerate(args) if a in self.list_commands(ctx)), None)
        if not isinstance(exc, click.NoSuchOption) or at is None:
            return None
        command: click.Command | None = self.get_command(ctx, args[at])
        for name in args[at + 1 :]:
            if not isinstance(command, click.Group) or command.get_command(ctx, name) is None:
                break
            command = command.get_command(ctx, name)
        taken = {o for p in command.params for o in (*p.opts, *p.secondary_opts)} if command else ()
        if exc.option_name not in taken:
            return None
        return exc.option_name, f"{ctx.command_path} {shlex.join([*args[at:], *args[:at]])}"

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except OSError as exc:
            if isinstance(exc, BrokenPipeError) and _stdout_closed():
                _reader_gone(sys.stdout)  # formgen ingest --help | head -1: click's own echo
                raise click.exceptions.Exit(141) from None
            from formgen.messages import os_error_message

            lang = _said_language(ctx.meta.get(_ARGS, ()))
            raise _SaidError(os_error_message(exc).in_language(lang), lang) from exc
        except click.UsageError as exc:  # about the command line, as it was typed
            raise _said_usage(exc, ctx.meta.get(_ARGS, ())) from exc
        except _SaidError:
            raise
        except click.ClickException as exc:  # not of a command's (click.File's, say)
            lang = _said_language(ctx.meta.get(_ARGS, ()))
            raise _SaidError(exc.format_message(), lang) from exc
        except (KeyboardInterrupt, click.Abort) as exc:  # Ctrl-C, or no answer to a prompt
            from formgen.messages import say

            lang = _said_language(ctx.meta.get(_ARGS, ()))
            eof = isinstance(exc.__context__, EOFError)  # click's prompt: `raise Abort() from None`
            by = say("click_end_of_input", lang) if eof else "Ctrl-C"
            raise _SaidError(say("click_stopped", lang, by=by), lang) from exc


_ARGS = "formgen.args"
"""The key of ``ctx.meta`` that holds the command line given to ``formgen``."""


def _said_usage(exc: click.UsageError, args: Sequence[str]) -> click.UsageError:
    """Click's usage error ``exc`` of the command line ``args`` in the language it is said in
    (:func:`_said_language`): as it is in English, and where it is the help that a group
    called without a command shows."""
    lang = _said_language(args)
    if lang == "en" or isinstance(exc, click.exceptions.NoArgsIsHelpError):
        return exc  # click's own words
    return _SaidUsageError(_usage_said(exc, lang), exc.ctx, lang)


def _said_language(args: Sequence[str]) -> str:
    """The language a usage error of the command line ``args`` is said in, and an error of
    the operating system: that of its workspace (:func:`_workspace_language_of`); where none
    opens, that of the user's locale (``LANG=de_DE.UTF-8``: German; else English)."""
    return _workspace_language_of(args) or _locale_language()


def _workspace_language_of(args: Sequence[str]) -> str | None:
    """The language of the first workspace that opens of the one ``-w``/``--workspace`` names
    in the command line ``args`` (also where formgen's own options do not take it: ``formgen
    --workspace DIR status``), $FORMGEN_WORKSPACE and the current folder: the default
    workspace of most commands, and where a command that needs none (``generate``, ``schema
    check``) is run from a workspace's folder, the language its user works in; None where
    none opens."""
    given = [
        args[i + 1] if a in ("-w", "--workspace") else a.removeprefix("--workspace=")
        for i, a in enumerate(args)
        if (a in ("-w", "--workspace") and i + 1 < len(args)) or a.startswith("--workspace=")
    ][:1]
    for folder in (*given, os.environ.get("FORMGEN_WORKSPACE"), "."):
        if isinstance(folder, str) and (lang := _opened_language(folder)):
            return lang
    return None


def _locale_language() -> str:
    """``de`` where the user's locale is German (``LC_ALL``, ``LC_MESSAGES`` or ``LANG``, the
    first that is set, as the C library reads them), else ``en``."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if value := os.environ.get(name):
            return "de" if value.lower().startswith("de") else "en"
    return "en"


_CLICK_SAID = (
    (re.compile(r"'(?P<value>[^']*)' is not one of (?P<choices>.*)\."), "click_not_choice"),
    (
        re.compile(r"(?P<kind>File|Directory|Path) '(?P<path>[^']*)' does not exist\."),
        "click_no_path",
    ),
    (re.compile(r"(?:File|Directory|Path) '(?P<path>[^']*)' is a file\."), "click_is_file"),
    (re.compile(r"(?:File|Directory|Path) '(?P<path>[^']*)' is a directory\."), "click_is_folder"),
    (re.compile(r"'(?P<value>[^']*)' is not a valid integer( range)?\."), "click_not_integer"),
    (re.compile(r"'(?P<value>[^']*)' is not a valid float( range)?\."), "click_not_float"),
    (re.compile(r"(?P<value>.*) is not in the range (?P<range>.*)\."), "click_not_in_range"),
    (re.compile(r"Got unexpected extra argument \((?P<args>.*)\)"), "click_extra"),
    (re.compile(r"Got unexpected extra arguments \((?P<args>.*)\)"), "click_extras"),
)
"""The messages of click's own checks said in other words (the ``click_`` words), by click's
English (:mod:`click.types`, the parser); any other message stays as made."""


def _said_message(message: str, lang: str) -> str:
    """``message`` of click in ``lang`` where it is one of :data:`_CLICK_SAID`."""
    from formgen.messages import say

    for pattern, key in _CLICK_SAID:
        if found := pattern.fullmatch(message):
            args = found.groupdict()
            if key == "click_no_path":
                args["kind"] = say(f"click_kind_{args['kind']}", lang)
            said = say(key, lang, **args)
            if key == "click_is_file" and Path(args["path"]).name == "workspace.toml":
                meant = readable(Path(args["path"]).parent)  # -w DIR/workspace.toml
                said = f"{said} {say('click_did_you_mean', lang, name=meant)}"
            return said
    return message


def _usage_said(exc: click.UsageError, lang: str) -> str:
    """The message of click's usage error ``exc`` in ``lang``: an unknown option or command
    (with the one meant), a missing argument or option, a value an option or argument does not
    take, an option without its value, arguments too many; a message of formgen's own (said
    in the workspace's language already) as it is."""
    from formgen.messages import Said, in_language, say

    if isinstance(exc, click.NoSuchOption | click.exceptions.NoSuchCommand):
        option = isinstance(exc, click.NoSuchOption)
        name = exc.option_name if isinstance(exc, click.NoSuchOption) else exc.command_name
        if exc.message != f"No such {'option' if option else 'command'} {name!r}.":
            return exc.format_message()
        said = say("click_no_option" if option else "click_no_command", lang, name=name)
        meant = exc.possibilities or []
        if len(meant) == 1:
            return f"{said} {say('click_did_you_mean', lang, name=meant[0])}"
        return (
            f"{said} {say('click_possible', lang, names=', '.join(f'„{m}“' for m in sorted(meant)))}"
            if meant
            else said
        )
    if isinstance(exc, click.BadParameter):
        hint = (
            exc.param_hint
            if exc.param_hint is not None
            else (exc.param.get_error_hint(exc.ctx) if exc.param is not None else None)
        )
        if hint is None:
            return exc.format_message()
        if not isinstance(hint, str):
            hint = " / ".join(f"'{h}'" for h in hint)
        if isinstance(exc, click.MissingParameter):
            extra = (
                exc.param.type.get_missing_message(param=exc.param, ctx=exc.ctx)
                if exc.param
                else ""
            )
            if exc.message or extra:  # "Choose from: …": click's words, as a whole
                return exc.format_message()
            kind = exc.param_type or (exc.param.param_type_name if exc.param else "")
            key = {"argument": "click_missing_argument", "option": "click_missing_option"}
            return say(key.get(kind, "click_missing"), lang, hint=hint)
        # formgen's own (a date option's) in the language, click's by its words
        message = exc.message
        said = (
            in_language(message, lang)
            if isinstance(message, Said)
            else _said_message(message, lang)
        )
        return say("click_invalid", lang, hint=hint, message=said)
    if isinstance(exc, click.BadOptionUsage):
        if exc.message == f"Option {exc.option_name!r} requires an argument.":
            return say("click_needs_value", lang, name=exc.option_name)
        return exc.format_message()
    if isinstance(exc.message, Said):  # formgen's own (quarantine --done without --note)
        return exc.message.in_language(lang)
    return _said_message(exc.format_message(), lang)


class _SaidError(click.ClickException):
    """An error that ends a command (exit status 1): its message after „Fehler:“ in German,
    ``Error:`` in English, as a usage error's (:class:`_SaidUsageError`); a value from outside
    that it quotes (a recipients list's) is shown as :func:`echo` shows it."""

    def __init__(self, message: str, lang: str) -> None:
        super().__init__(message)
        self.lang = lang

    def show(self, file: Any = None) -> None:
        from formgen.messages import say

        echo(f"{say('click_error', self.lang)} {self.format_message()}", err=True)


class _SaidUsageError(click.UsageError):
    """A usage error of click in another language than click's English: the usage line, the
    hint to the help and the message, after „Fehler:“ in German (exit status 2)."""

    def __init__(self, message: str, ctx: click.Context | None, lang: str) -> None:
        super().__init__(message, ctx)
        self.lang = lang

    def show(self, file: Any = None) -> None:
        from formgen.messages import say

        if self.ctx is not None:
            usage = _usage_line(self.ctx, self.lang)
            names = self.ctx.command.get_help_option_names(self.ctx)
            option = max(names, key=len) if names else "--help"
            help_ = say("click_help", self.lang, command=self.ctx.command_path, option=option)
            echo(f"{usage}\n{help_}\n", err=True)
        echo(f"{say('click_error', self.lang)} {self.format_message()}", err=True)


def warn_of_workspace(_ctx: click.Context, _param: click.Parameter, value: Any) -> Any:
    """A click callback of ``--workspace``: say once, before the command runs, where the
    workspace folder lets other users in (:func:`~formgen.workspace.open_to_others`: made by
    an earlier formgen), and where it holds copies a sync program made of its own files
    (:func:`~formgen.workspace.sync_copies`: two computers changed them at once), which
    formgen never reads, and what to do. While the command runs, say at once where it waits
    for another run to finish with the workspace (:data:`formgen.workspace.tell_waiting`):
    it waited 30 s unsaid before it failed; once, where register.json was changed outside
    formgen (:data:`formgen.workspace.tell_edited`). Say, too, what ``workspace.toml`` holds that
    formgen does not read (:meth:`~formgen.workspace.Workspace.unknown_settings`: ``[[region]]``)."""
    from formgen import workspace  # not at start-up: `formgen --help` stays quick
    from formgen.messages import say
    from formgen.workspace import open_to_others, sync_copies

    workspace.tell_waiting = functools.partial(echo_fitted, err=True)
    # once a run, however often the command reads the register
    workspace.tell_edited = functools.cache(functools.partial(echo_fitted, err=True))
    try:
        unknown = workspace.Workspace.open(value).unknown_settings() if value is not None else []
    except (FormgenError, OSError):  # the command says why it does not open
        unknown = []
    for said in unknown:
        echo_fitted(said.in_language(workspace_language(value)), err=True)
    if value is not None and open_to_others(Path(value)):
        lang = workspace_language(value)
        # whole, not folded: the command in it is copied as it stands
        echo(say("workspace_open", lang, root=value, quoted=shlex.quote(value)), err=True)
    copies = sync_copies(Path(value)) if value is not None else {}
    if copies:
        lang = workspace_language(value)
        copied = set(copies.values())
        what = "".join(
            say(f"workspace_sync_copies_{kind}", lang)
            for kind, of in (
                ("ingest", {"register.json", "journal.jsonl"}),
                ("sendlog", {"sendlog.jsonl"}),
                ("other", {"workspace.toml", "secret.key", "issued.jsonl"}),
            )
            if copied & of
        )
        names = ", ".join(copies)
        echo_fitted(
            say("workspace_sync_copies", lang, root=value, names=names, what=what), err=True
        )
    return value


def workspace_option(func: F) -> F:
    """``--workspace/-w DIR``: the workspace (default: $FORMGEN_WORKSPACE, else the current
    folder), and a warning where others can read it or it holds a sync program's copies of its
    files (:func:`warn_of_workspace`)."""
    return click.option(
        "--workspace",
        "-w",
        "workspace_dir",
        type=click.Path(file_okay=False),
        default=".",
        show_default=True,
        envvar="FORMGEN_WORKSPACE",
        help="The workspace (made by 'formgen init'; env FORMGEN_WORKSPACE).",
        callback=warn_of_workspace,
    )(func)


def optional_workspace_option(help: str) -> Callable[[F], F]:
    """``--workspace/-w DIR`` for a command that also works without a workspace: the given
    folder, else $FORMGEN_WORKSPACE, else none (never the current folder); ``help`` says what
    the command does with it."""
    return click.option(
        "--workspace",
        "-w",
        "workspace_dir",
        type=click.Path(file_okay=False, exists=True),
        default=None,
        envvar="FORMGEN_WORKSPACE",
        help=help,
        callback=warn_of_workspace,
    )


def encoding_option(func: F) -> F:
    """``--encoding CODEPAGE``: the code page of a list saved as plain CSV where its letters do
    not tell which Windows saved it (:func:`ingest.sheet.decode_csv` asks for it then), in
    lower case; ``None``: told by its letters."""
    from formgen.recipients import CODE_PAGES  # loaded by every command that reads a list

    return click.option(
        "--encoding",
        type=click.Choice(CODE_PAGES, case_sensitive=False),
        default=None,
        callback=lambda _ctx, _param, value: value and value.lower(),
        help="The code page of a CSV saved as plain 'CSV' (not 'CSV UTF-8'), where its letters "
        "do not tell which Windows saved it: cp1252 German/Western, cp1250 Central European "
        "(Polish, Czech, Croatian, Romanian …), cp1254 Turkish, cp1251 Cyrillic; iso-8859-2 and "
        "iso-8859-16 Central European and Romanian of Linux or an older program.",
    )(func)


def schema_option(func: F) -> F:
    """``--schema FILE``: the schema to use (default: the shipped Arbeitshilfe)."""
    return click.option(
        "--schema",
        "schema_path",
        type=click.Path(dir_okay=False),
        default=None,
        help="Schema file (YAML). Default: the shipped Arbeitshilfe schema.",
    )(func)


def lang_option(help: str) -> Callable[[F], F]:
    """``--lang de|en``, None when not given; ``help`` says what it is the language of and the
    command's default (the workspace's, a recipients row's, the schema's …)."""
    return click.option(
        "--lang", type=click.Choice(MAIL_LANGUAGES, case_sensitive=False), default=None, help=help
    )


class DateType(click.ParamType[dt.date]):
    """A date option (``--deadline``, ``--today``, ``--stand`` …): a :class:`datetime.date`
    from what a form's date field takes (:func:`ingest.values.parse_date`: ``15.12.2026``,
    ``15.12.26``, ``2026-12-15``); anything else is refused, the message naming those forms."""

    name = "date"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> dt.date:
        if isinstance(value, dt.date):
            return value
        from formgen.messages import SaidProblem
        from ingest.values import parse_date  # phonenumbers: not for `formgen --help`

        checked = parse_date(str(value))
        if not isinstance(checked.value, str):  # the reason names the forms it takes
            assert checked.problem is not None
            self.fail(SaidProblem(checked.problem), param, ctx)  # said in a German workspace too
        return dt.date.fromisoformat(checked.value)


DATE = DateType()


def stale_by_option(text: str) -> Callable[[F], F]:
    """``--stale-by DATE``: judge the update list as of DATE, today or later (``mail --stale``
    and ``status``); the option's value is that day (a :class:`datetime.date`) or None. ``text``:
    the command's help for it."""

    def not_past(ctx: click.Context, _param: click.Parameter, value: Any) -> dt.date | None:
        if value is None:
            return None
        day: dt.date = value
        today = dt.date.today()
        if day < today:
            from formgen.messages import Said

            past = Said("mail_usage_stale_by_past", day=day.isoformat(), today=today.isoformat())
            raise click.UsageError(past, ctx=ctx)
        return day

    return click.option(
        "--stale-by",
        type=DATE,
        default=None,
        callback=not_past,
        metavar="DATE",
        help=text,
    )


def resolve_schema(schema_path: str | None) -> Schema:
    from formgen.schema_load import default_schema, load_schema  # PyYAML: not for --help

    return load_schema(schema_path) if schema_path else default_schema()
