"""Make the recipients list as LibreOffice Calc saves it as a workbook (run: python
tests/data/mail/make_workbooks.py; needs LibreOffice Calc's ``soffice`` on the PATH; Debian:
libreoffice-calc-nogui).

``Verteiler.xlsx``: "Excel 2007-365", which formgen reads. ``Verteiler.xls``: Excel 97-2003,
as an old Excel or a coordinator choosing that format saves it, and ``Verteiler.ods``: Calc's
own format, which it saves unless told otherwise; both are refused with what to do. All three
are made from ``excel_utf8_bom.csv``. ``Verteiler-Passwort.xlsx``: ``Verteiler.xlsx`` saved
with the password "geheim" as Excel encrypts it (an OLE2 file holding the encrypted workbook,
made with msoffcrypto-tool, which implements Microsoft's "agile encryption").
"""

import shutil
import subprocess
import tempfile
from pathlib import Path

from msoffcrypto.format.ooxml import OOXMLFile

HERE = Path(__file__).parent
FILTERS = {"xlsx": "xlsx:Calc MS Excel 2007 XML", "xls": "xls:MS Excel 97", "ods": "ods:calc8"}
CSV_IMPORT = "Text - txt - csv (StarCalc):59,34,76"  # ';' separates, '"' quotes, UTF-8


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "Verteiler.csv"
        shutil.copy(HERE / "excel_utf8_bom.csv", source)
        for suffix, convert in FILTERS.items():
            subprocess.run(
                ["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                 f"--infilter={CSV_IMPORT}", "--convert-to", convert, "--outdir", tmp,
                 str(source)],
                check=True,
            )  # fmt: skip
            shutil.copy(Path(tmp) / f"Verteiler.{suffix}", HERE / f"Verteiler.{suffix}")
    with (
        (HERE / "Verteiler.xlsx").open("rb") as plain,
        (HERE / "Verteiler-Passwort.xlsx").open("wb") as locked,
    ):
        OOXMLFile(plain).encrypt("geheim", locked)


if __name__ == "__main__":
    main()
