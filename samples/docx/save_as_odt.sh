#!/bin/sh
# Filled Word forms that an institution saved as OpenDocument text (LibreOffice's own format)
# before sending them back: lo252-institution.docx saved by the system's LibreOffice 7.4 as
# lo74-odt-institution.odt, lo252-checklist.docx saved by LibreOffice 25.2 (/opt/lo25/run.sh,
# see get_libreoffice_25.sh) as lo252-odt-checklist.odt. formgen reads their values from the
# tables (tests/test_odt_reader.py).
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp lo252-institution.docx "$tmp/lo74-odt-institution.docx"
soffice --headless --convert-to odt --outdir "$tmp" "$tmp/lo74-odt-institution.docx" >/dev/null
cp lo252-checklist.docx "$tmp/lo252-odt-checklist.docx"
/opt/lo25/run.sh soffice --headless --convert-to odt --outdir "$tmp" "$tmp/lo252-odt-checklist.docx" >/dev/null
cp "$tmp/lo74-odt-institution.odt" "$tmp/lo252-odt-checklist.odt" .
