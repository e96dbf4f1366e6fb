"""Fill a formgen DOCX form in LibreOffice through its scripting API (UNO) and save it as DOCX.

Run with the system Python that has LibreOffice's bindings (Debian: python3-uno):

    /usr/bin/python3 samples/docx/lo_fill.py FORM.docx OUT.docx FILL.json [PROFILE_DIR]

FILL.json is a list of ``[table, row, position, kind, value]`` (0-based table among the body's
tables, 0-based row, 0-based control in the row's value cell; kind text/date/dropdown/checkbox).
Nothing here knows formgen's tags: the controls are found the way a person finds them, by where
they are, and filled the way LibreOffice's own UI does (input field content, content-control
text, checkbox state). Made by samples/docx/make_samples.py, which says which version ran.
"""

import json
import os
import sys

import uno
from lo_office import office, open_copy, pv


def controls_in(cell):
    out = []
    paras = cell.createEnumeration()
    while paras.hasMoreElements():
        para = paras.nextElement()
        if not para.supportsService("com.sun.star.text.Paragraph"):
            continue
        portions = para.createEnumeration()
        while portions.hasMoreElements():
            portion = portions.nextElement()
            kind = portion.TextPortionType
            if kind == "TextField":
                out.append(("field", portion.TextField))
            elif kind == "ContentControl":
                out.append(("cc", portion.ContentControl))
            elif kind == "TextFieldStart":
                out.append(("fieldmark", portion.Bookmark))
    return out


def has_prop(obj, name):
    return obj.getPropertySetInfo().hasPropertyByName(name)


def set_cc_text(cc, text):
    """Replace what a content control shows, as typing over it does.

    The cursor walks right over the control's current text (``gotoEnd`` selects nothing inside a
    content control in LibreOffice 7.4) and replaces it.
    """
    old = cc.getAnchor().getString()
    cursor = cc.createTextCursor()
    cursor.gotoStart(False)
    cursor.goRight(len(old), True)
    cursor.setString(text)


def fill(control, kind, value):
    how, obj = control
    if how == "field":
        names = obj.getSupportedServiceNames()
        if "com.sun.star.text.textfield.DropDown" in names:
            obj.SelectedItem = value
        else:
            obj.Content = value
        return "field"
    if how == "cc":
        if kind == "checkbox":
            obj.Checked = bool(value)
            set_cc_text(obj, "\u2612" if value else "\u2610")
            return "cc-checkbox"
        set_cc_text(obj, value)
        if has_prop(obj, "ShowingPlaceHolder"):
            obj.ShowingPlaceHolder = False
        if kind == "date" and has_prop(obj, "CurrentDate"):
            day, month, year = value.split(".")
            obj.CurrentDate = f"{year}-{month}-{day}T00:00:00Z"
        if kind == "dropdown" and has_prop(obj, "SelectedListItem"):
            items = [dict((p.Name, p.Value) for p in item) for item in obj.ListItems]
            for i, item in enumerate(items):
                if item.get("DisplayText") == value:
                    obj.SelectedListItem = i
        return "cc"
    raise SystemExit(f"unsupported control {how}")


def main():
    src, dst, plan_file = sys.argv[1:4]
    profile = sys.argv[4] if len(sys.argv) > 4 else "/tmp/formgen-lo-fill-profile"
    with open(plan_file, encoding="utf-8") as fh:
        plan = json.load(fh)
    with office(profile, "fill") as desktop:
        doc = open_copy(desktop, src, profile)
        tables = []
        items = doc.Text.createEnumeration()
        while items.hasMoreElements():
            item = items.nextElement()
            if item.supportsService("com.sun.star.text.TextTable"):
                tables.append(item)
        counts = {}
        for t, r, i, kind, value in plan:
            cell = tables[t].getCellByName(f"B{r + 1}")
            controls = controls_in(cell)
            how = fill(controls[i], kind, value)
            counts[how] = counts.get(how, 0) + 1
        doc.getTextFields().refresh()
        doc.storeToURL(
            uno.systemPathToFileUrl(os.path.abspath(dst)), (pv("FilterName", "MS Word 2007 XML"),)
        )
        doc.close(True)
        print(json.dumps({"filled": len(plan), "how": counts}))


main()
