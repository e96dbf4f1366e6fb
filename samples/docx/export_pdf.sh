#!/bin/sh
# A filled Word form that an institution "exported as PDF" instead of sending the .docx:
# lo252-institution.docx (filled by LibreOffice 25.2) exported by the system's LibreOffice
# (File > Export as PDF, here headless) as lo74-export-institution.pdf. formgen cannot read the
# values of such a PDF and must keep it aside saying so (tests/test_docx_reader.py).
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp lo252-institution.docx "$tmp/lo74-export-institution.docx"
soffice --headless --convert-to pdf --outdir "$tmp" "$tmp/lo74-export-institution.docx" >/dev/null
cp "$tmp/lo74-export-institution.pdf" .
