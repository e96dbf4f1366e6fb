// Fill a PDF form with pdf.js (Firefox's PDF engine) the way its viewer does, and save it.
//
//   node fill_pdfjs.mjs IN.pdf VALUES.json OUT.pdf
//
// VALUES.json maps fully qualified field names to what a person enters in Firefox:
//   text / multi-line text:  "string"            (typed; line breaks as "\n")
//   checkbox:                true | false         (ticked or not)
//   group of boxes sharing one name (yes/no/none): "fehlanzeige" (the box with that export value
//                            is ticked, the others unticked — as the viewer's change handler does)
//   combo box / list box:    "export value"       (the option picked; the viewer stores the
//                            option's export value)
// The values go into annotationStorage exactly as pdf.js's AnnotationLayer puts them there, then
// PDFDocumentProxy.saveDocument() writes the file (pdf.js appends an incremental update).
import { readFile, writeFile } from "node:fs/promises";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const [, , input, valuesPath, output] = process.argv;
if (!input || !valuesPath || !output) {
  console.error("usage: node fill_pdfjs.mjs IN.pdf VALUES.json OUT.pdf");
  process.exit(2);
}
const values = JSON.parse(await readFile(valuesPath, "utf8"));
const data = new Uint8Array(await readFile(input));
const doc = await getDocument({ data, verbosity: 0 }).promise;
const fields = (await doc.getFieldObjects()) ?? {};
const storage = doc.annotationStorage;
const missing = [];

for (const [name, value] of Object.entries(values)) {
  const widgets = fields[name];
  if (!widgets) {
    missing.push(name);
    continue;
  }
  for (const w of widgets) {
    if (w.type === "") continue; // the parent field of a group: its kids are the widgets
    if (w.type === "checkbox" || w.type === "radiobutton") {
      // One box: true/false. A group: tick the box whose export value was chosen.
      const checked = typeof value === "boolean" ? value : w.exportValues === value;
      storage.setValue(w.id, { value: checked });
    } else if (w.type === "combobox" || w.type === "listbox") {
      storage.setValue(w.id, { value });
    } else if (w.type === "text") {
      storage.setValue(w.id, { value: String(value) });
    } else {
      console.error(`${name}: pdf.js field type ${w.type} is not filled by this script`);
      process.exit(1);
    }
  }
}
if (missing.length) {
  console.error(`fields not in the form: ${missing.join(", ")}`);
  process.exit(1);
}
const saved = await doc.saveDocument();
await writeFile(output, saved);
await doc.destroy();
console.log(`pdf.js ${(await import("pdfjs-dist/legacy/build/pdf.mjs")).version}: ${output}`);
