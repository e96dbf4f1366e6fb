// Parse every draft-*.eml here with mailparser (an independent MIME implementation) and print
// what it decoded as JSON: subject, addresses, attachment file names, types and SHA-256.
import { simpleParser } from "mailparser";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";

const out = [];
for (const file of readdirSync(".").filter((f) => /^draft-.*\.eml$/.test(f)).sort()) {
  const mail = await simpleParser(readFileSync(file));
  out.push({
    file,
    subject: mail.subject,
    to: mail.to.value.map((a) => ({ name: a.name, address: a.address })),
    from: mail.from.value.map((a) => ({ name: a.name, address: a.address })),
    x_unsent: mail.headers.get("x-unsent"),
    text_has_deadline: mail.text.includes("15.12.2026"),
    attachments: mail.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      size: a.size,
      sha256: createHash("sha256").update(a.content).digest("hex"),
    })),
  });
}
console.log(JSON.stringify(out, null, 1));
