"""``python -m formgen``: the ``formgen`` command where its script is not on the PATH."""

from formgen.cli import main

main()
