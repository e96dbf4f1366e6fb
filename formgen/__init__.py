"""formgen: one schema drives fillable PDF/DOCX checklists, their ingest and a consolidated register.

The schema model (:mod:`formgen.model`) is owned here; :mod:`ingest` imports it.
"""

__all__ = ["__version__"]

__version__: str  # no value here: given by __getattr__ when asked for


def __getattr__(name: str) -> str:
    """``__version__``, looked up when asked for: importlib.metadata takes longer to load than
    most commands take to run."""
    if name != "__version__":
        raise AttributeError(f"module 'formgen' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("formgen")
    except PackageNotFoundError:  # running from a source tree that was not installed
        return "0.0.0+source"
