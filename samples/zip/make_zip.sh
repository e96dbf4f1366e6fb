#!/bin/sh
# Returned forms packed into one ZIP archive by Info-ZIP's zip (Debian's `zip` 3.0), as a
# Träger does that answers for several institutions: two returned forms in a folder with a
# German name, file names in Turkish and Polish. tests/test_ingest_archive.py ingests it.
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/Rückmeldungen"
cp ../pdf/institution_pdfjs.pdf "$tmp/Rückmeldungen/Praxis Şule Yılmaz.pdf"
cp ../docx/lo74-export-institution.pdf "$tmp/Rückmeldungen/Beratung Łódź (Word als PDF).pdf"
rm -f rueckmeldungen.zip
(cd "$tmp" && zip -q -r "$OLDPWD/rueckmeldungen.zip" "Rückmeldungen")
# The same archive protected with a password (zip -P, ZipCrypto): formgen cannot read its files
# and says so, file by file.
rm -f mit-passwort.zip
(cd "$tmp" && zip -q -r -P geheim "$OLDPWD/mit-passwort.zip" "Rückmeldungen")
