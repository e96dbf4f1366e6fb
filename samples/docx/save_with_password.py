"""Save a filled Word form as OpenDocument text with a password, as LibreOffice does with
"Save as" → "Save with password": samples/docx/lo74-odt-passwort.odt.

Run with the system Python that has LibreOffice's bindings (Debian: python3-uno):

    /usr/bin/python3 samples/docx/save_with_password.py [PROFILE_DIR]

LibreOffice encrypts every part but the ``mimetype`` entry (AES-256, key from the password by
PBKDF2) and says so in ``META-INF/manifest.xml``; formgen cannot read such a file and says so
(tests/test_odt_reader.py). The password is ``geheim``. Embedding the fonts is switched off
(Tools ▸ Options ▸ Fonts, "Embed fonts in document"), so the file stays small.
"""

import os
import sys

import uno
from lo_office import office, open_copy, pv

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "lo252-institution.docx")
TARGET = os.path.join(HERE, "lo74-odt-passwort.odt")


def main():
    profile = sys.argv[1] if len(sys.argv) > 1 else "/tmp/formgen-lo-password-profile"
    with office(profile, "password") as desktop:
        doc = open_copy(desktop, SOURCE, profile)
        settings = doc.createInstance("com.sun.star.text.DocumentSettings")
        settings.setPropertyValue("EmbedFonts", False)
        doc.storeToURL(
            uno.systemPathToFileUrl(TARGET), (pv("FilterName", "writer8"), pv("Password", "geheim"))
        )
        doc.close(True)


main()
