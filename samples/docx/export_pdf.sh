#!/bin/sh
# Filled Word forms that an institution "exported as PDF" instead of sending the .docx:
# lo252-institution.docx and lo252-checklist.docx (filled by LibreOffice 25.2) exported by the
# system's LibreOffice (File > Export as PDF, here headless) as lo74-export-*.pdf, and the
# institution form's PDF printed once more by poppler (pdftocairo -pdf), as a print driver
# would: lo74-export-institution-printed.pdf. formgen reads their values from the tables
# (tests/test_docx_reader.py).
#
# With LibreOffice 25.2 in /opt/lo25 (get_libreoffice_25.sh): blank-institution.docx filled by
# 25.2 (lo_fill.py) with Arabic mixed with Latin text, numbers and brackets, and Polish,
# Turkish and Cyrillic text (fill-bidi.json), exported by the system's LibreOffice
# (lo74-export-bidi.pdf, printed again: lo74-export-bidi-printed.pdf) and by 25.2
# (lo252-export-bidi.pdf). (Filled by 7.4, whose input fields split such text into pieces, the
# PDF shows each value several times over: nothing to read.)
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
if [ -x /opt/lo25/run.sh ]; then
    /opt/lo25/run.sh /usr/bin/python3 lo_fill.py blank-institution.docx "$tmp/bidi.docx" \
        fill-bidi.json "$tmp/profile25" >/dev/null
    for lo in lo74 lo252; do
        cp "$tmp/bidi.docx" "$tmp/$lo-export-bidi.docx"
    done
    soffice --headless --convert-to pdf --outdir "$tmp" "$tmp/lo74-export-bidi.docx" >/dev/null
    /opt/lo25/run.sh soffice "-env:UserInstallation=file://$tmp/profile25" --headless \
        --convert-to pdf --outdir "$tmp" "$tmp/lo252-export-bidi.docx" >/dev/null
    cp "$tmp/lo74-export-bidi.pdf" "$tmp/lo252-export-bidi.pdf" .
    pdftocairo -pdf lo74-export-bidi.pdf lo74-export-bidi-printed.pdf
fi
