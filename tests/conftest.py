"""What every test runs with."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """The C locale, whatever the locale of whoever runs the tests: formgen says a mistyped
    command line outside a workspace in the locale's language (German for ``LANG=de_DE``)."""
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture(autouse=True)
def _no_login_name(monkeypatch: pytest.MonkeyPatch) -> None:
    """No login name is journaled (:func:`ingest.journal.user`): what a test asserts of the
    history and ``find --all`` is the same whoever runs it (``root`` in a container, a
    developer's name); tests/test_register_who.py asks for the real one."""
    from ingest import journal

    monkeypatch.setattr(journal, "user", lambda: None)
