"""formgen: one schema drives fillable PDF/DOCX checklists, their ingest and a consolidated register.

The schema model (:mod:`formgen.model`) is owned here; :mod:`ingest` imports it.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("formgen")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+source"

__all__ = ["__version__"]
