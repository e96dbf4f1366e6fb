"""ingest: read returned forms, validate them against the schema, merge them into the register.

Imports the schema model from :mod:`formgen`; never the reverse.
"""

__all__: list[str] = []
