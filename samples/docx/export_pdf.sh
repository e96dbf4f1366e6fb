#!/bin/sh
# Filled Word forms that an institution "exported as PDF" instead of sending the .docx:
# lo252-institution.docx and lo252-checklist.docx (filled by LibreOffice 25.2) exported by the
# system's LibreOffice (File > Export as PDF, here headless) as lo74-export-*.pdf, and the
# institution form's PDF printed once more by poppler (pdftocairo -pdf), as a print driver
# would: lo74-export-institution-printed.pdf. formgen reads their values from the tables
# (tests/test_docx_reader.py).
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for form in institution checklist; do
    cp "lo252-$form.docx" "$tmp/lo74-export-$form.docx"
    soffice --headless --convert-to pdf --outdir "$tmp" "$tmp/lo74-export-$form.docx" >/dev/null
    cp "$tmp/lo74-export-$form.pdf" .
done
pdftocairo -pdf lo74-export-institution.pdf lo74-export-institution-printed.pdf
