"""Save a filled Word form as OpenDocument text with a password, as LibreOffice does with
"Save as" → "Save with password": samples/docx/lo74-odt-passwort.odt.

Run with the system Python that has LibreOffice's bindings (Debian: python3-uno):

    /usr/bin/python3 samples/docx/save_with_password.py [PROFILE_DIR]

LibreOffice encrypts every part but the ``mimetype`` entry (AES-256, key from the password by
PBKDF2) and says so in ``META-INF/manifest.xml``; formgen cannot read such a file and says so
(tests/test_odt_reader.py). The password is ``geheim``. Embedding the fonts is switched off
(Tools ▸ Options ▸ Fonts, "Embed fonts in document"), so the file stays small.
"""

import contextlib
import os
import shutil
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "lo252-institution.docx")
TARGET = os.path.join(HERE, "lo74-odt-passwort.odt")


def pv(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main():
    profile = sys.argv[1] if len(sys.argv) > 1 else "/tmp/formgen-lo-password-profile"
    os.makedirs(profile, exist_ok=True)
    copy = os.path.join(profile, "form-" + os.path.basename(SOURCE))
    shutil.copyfile(SOURCE, copy)
    pipe = f"formgen_password_{os.getpid()}"
    proc = subprocess.Popen(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            f"--accept=pipe,name={pipe};urp;",
        ]
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local
        )
        for _ in range(120):
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.5)
        else:
            raise SystemExit("LibreOffice did not start")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = None
        for _ in range(5):  # a freshly started office sometimes returns no document at first
            doc = desktop.loadComponentFromURL(
                uno.systemPathToFileUrl(copy), "_blank", 0, (pv("Hidden", True),)
            )
            if doc is not None:
                break
            time.sleep(2)
        if doc is None:
            raise SystemExit(f"LibreOffice could not open {copy}")
        settings = doc.createInstance("com.sun.star.text.DocumentSettings")
        settings.setPropertyValue("EmbedFonts", False)
        doc.storeToURL(
            uno.systemPathToFileUrl(TARGET), (pv("FilterName", "writer8"), pv("Password", "geheim"))
        )
        doc.close(True)
    finally:
        with contextlib.suppress(Exception):  # it may already have gone
            desktop.terminate()
        proc.wait(timeout=60)


main()
