"""Write the cut fonts shipped in formgen/fonts again: ``python -m formgen.fonts``."""

from formgen.cli.common import echo
from formgen.fonts import cuts

for path, data in cuts().items():
    path.write_bytes(data)
    echo(f"{path.name}: {len(data):,} bytes")
