"""Why a typed value is invalid: every message template, in English and German, in one place.

A problem found while checking a value (:mod:`ingest.values`, :mod:`ingest.validate`) is a
:class:`Problem`: a stable ``key`` naming its template in :data:`MESSAGES`, the ``args`` the
template is filled with, and the English ``text``. The register stores all three with the value
(``problem``, ``problem_key``, ``problem_args``; see :mod:`ingest.register`), and so does the
journal, so that a rebuild gives the same register.

* The ingest report and the flags of a merge show the English ``text``.
* Whatever is made in a language — the printed register in German or English, ``register
  history`` and ``register conflicts`` in the workspace's — shows :meth:`Problem.in_language`:
  the key's template in that language.
* A value stored by an older formgen has the English text only (no key), and a key this formgen
  does not know (a newer one wrote it) or args that do not fit its template are treated alike:
  the stored text is shown, in every language, as before.

Args are strings and whole numbers (JSON keeps them as they are), or, for what is said in
words of the schema, the string in each language (:func:`per_language`): the choices of a field
by their labels, ``{"de": "Düsseldorf, Rhein-Kreis Neuss …", "en": "Düsseldorf, …"}``, so
that the German print names them as the German form does. A number written with ``,`` in a
template (``{length:,}``) is grouped as the language writes it: 20,000 in English, 20.000 in
German, and a decimal (``{mb:.1f}``) has the language's decimal mark: 1.6 in English, 1,6 in
German; a day is stored in ISO and written with ``{today:date}`` as the language writes dates:
23.11.2026 in German, 2026-11-23 in English. A date quoted as typed, ``{raw:day}``, is quoted
as the value is shown (:func:`day_text`): one typed as an ISO day (a Word date picker's
``2027-02-01``) as the language writes dates, any other as typed.

A key whose args change shape gets a new name, and the old key keeps its template
(:data:`EARLIER`): a register written before says its message as it did, and an older formgen
reading a newer register shows the stored English text of a key it does not know.
"""

from __future__ import annotations

import datetime as dt
import errno
import functools
import os
import re
import string
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from formgen.filenames import readable

Arg = str | int | float | Mapping[str, str]

ENGLISH = "en"

MESSAGES: dict[str, dict[str, str]] = {
    "en": {
        "date": "'{raw}' is not a date; write it as 24.09.2025 or 2025-09-24",
        "date_or_month": "'{raw}' is not a date; write it as 24.09.2025 or 2025-09-24, or a "
        "month as 09.2025 or September 2025",
        "date_year": "'{raw}' is not a day of the calendar (year {year} is out of range)",
        "date_month": "'{raw}' is not a day of the calendar (the month must be from 1 to 12)",
        "date_day": "'{raw}' is not a day of the calendar (the month has only {days} days)",
        "future": "'{raw:day}' lies in the future (today is {today}), but it is the day the "
        "information was given or confirmed — check the date (a mistyped year?)",
        "future_iso": "'{raw:day}' lies in the future (today is {today:date}), but it is the day "
        "the information was given or confirmed — check the date (a mistyped year?)",
        "future_two_digit_year": "'{raw}' has a two-digit year, and neither {later} (in the "
        "future: today is {today:date}) nor {earlier} can be the day the information was given "
        "or confirmed — write the year with four digits",
        "far_future": "'{raw:day}' lies more than a year ahead (today is {today:date}) — check "
        "the date (a mistyped year?)",
        "integer": "'{raw}' is not a whole number; write digits only, e.g. 12",
        "percentage": "'{raw}' is not a percentage; write a whole number from 0 to 100, e.g. 40 or 40\u00a0%",
        "range": "{value} is outside {low}–{high}",
        "minimum": "{value} is less than the minimum of {low}",
        "maximum": "{value} is more than the maximum of {high}",
        "phone": "'{raw}' is not a phone number (region {region}); write one number with area code, e.g. 0211 1234567",
        "phone_mixed": "'{raw}' is not one phone number: it has words or a second number in it; "
        "write one number with area code, an extension after a hyphen (0211 123456-12), and a "
        "note such as 'main line' elsewhere",
        "phone_no_prefix": "'{raw}' has no area code starting with 0 and would be read as "
        "{read}; write the number with its area code, e.g. 0211 1234567",
        "phone_mobile_extension": "'{raw}' is a mobile number with an extension, which mobile "
        "numbers do not have; write the number as it is dialled, e.g. 0171 1234567",
        "email": "'{raw}' is not an e-mail address; write one address like name@example.org",
        "email_domain": "'{raw}': the part after the @ is no domain name IDNA 2008 allows; ask "
        "the institution for its address",
        "email_domain_char": "'{raw}': the part after the @ is no domain name IDNA 2008 allows "
        "(it holds {char}); ask the institution for its address",
        "url": "'{raw}' does not look like a web address; write e.g. www.example.org",
        "choice": "'{raw}' is not one of the choices: {allowed}",
        "choice_labels": "'{raw}' is not one of the choices: {allowed}",
        "choice_dropped": "'{label}' was a choice of the form, but the current schema version "
        "no longer offers it; the choices now: {allowed}",
        "boxes": "{count} boxes ticked ({ticked}); tick one",
        "boxes_labels": "{count} boxes ticked ({ticked}); tick one",
        "too_long": "{length} characters; at most {limit} are allowed",
        "too_short": "{length} characters; at least {limit} are needed",
        "pattern": "'{raw}' does not have the expected form",
        "pattern_hint": "'{raw}' does not have the expected form: {hint}",
        "placeholder": "'{raw}' is a placeholder, not a value; please enter the value itself",
        "capped": "the value is {length:,} characters long; only the first {limit:,} are kept "
        "here (up to '…') — shorten it; the full text stays in the archived file",
        "no_choice_of": "'{raw}' names none of the choices of '{field}'",
        "not_choice_of": "not among the choices of '{field}': {rest}",
        "no_choice_of_labels": "'{raw}' names none of the choices of '{field}': {allowed}",
        "not_choice_of_labels": "not among the choices of '{field}' ({allowed}): {rest}",
    },
    "de": {
        "date": "„{raw}“ ist kein gültiges Datum (erwartet z.\u00a0B. 24.09.2025 oder 2025-09-24)",
        "date_or_month": "„{raw}“ ist kein gültiges Datum (erwartet z.\u00a0B. 24.09.2025 oder "
        "2025-09-24, oder ein Monat wie 09.2025 oder September 2025)",
        "date_year": "„{raw}“ ist kein gültiges Datum (ein Jahr {year} gibt es nicht)",
        "date_month": "„{raw}“ ist kein gültiges Datum (der Monat muss zwischen 1 und 12 liegen)",
        "date_day": "„{raw}“ ist kein gültiges Datum (der Monat hat nur {days} Tage)",
        "future": "„{raw:day}“ liegt in der Zukunft (heute ist der {today}), ist aber der Tag, an "
        "dem die Angaben gemacht oder bestätigt wurden – bitte das Datum prüfen (Jahr "
        "vertippt?)",
        "future_iso": "„{raw:day}“ liegt in der Zukunft (heute ist der {today:date}), ist aber der "
        "Tag, an dem die Angaben gemacht oder bestätigt wurden – bitte das Datum prüfen (Jahr "
        "vertippt?)",
        "future_two_digit_year": "„{raw}“ hat ein zweistelliges Jahr, und weder {later} (in der "
        "Zukunft: heute ist der {today:date}) noch {earlier} kann der Tag sein, an dem die "
        "Angaben gemacht oder bestätigt wurden – bitte das Jahr vierstellig eintragen",
        "far_future": "„{raw:day}“ liegt mehr als ein Jahr in der Zukunft (heute ist der "
        "{today:date}) – bitte das Datum prüfen (Jahr vertippt?)",
        "integer": "„{raw}“ ist keine ganze Zahl; bitte nur Ziffern eintragen, z.\u00a0B. 12",
        "percentage": "„{raw}“ ist keine gültige Prozentangabe; bitte eine ganze Zahl von 0 bis "
        "100 eintragen, z.\u00a0B. 40 oder 40\u00a0%",
        "range": "{value} liegt außerhalb des zulässigen Bereichs von {low} bis {high}",
        "minimum": "{value} liegt unter dem Mindestwert {low}",
        "maximum": "{value} liegt über dem Höchstwert {high}",
        "phone": "„{raw}“ ist keine gültige Telefonnummer; bitte eine einzelne Nummer mit "
        "Vorwahl eintragen, z.\u00a0B. 0211 1234567",
        "phone_mixed": "„{raw}“ ist keine einzelne Telefonnummer: darin stehen Wörter oder eine "
        "zweite Nummer; bitte eine Nummer mit Vorwahl eintragen, eine Durchwahl mit Bindestrich "
        "(z.\u00a0B. 0211 123456-12) und Hinweise wie „Zentrale“ an anderer Stelle",
        "phone_no_prefix": "„{raw}“ hat keine Vorwahl mit 0 und würde als {read} gelesen; "
        "bitte mit Vorwahl eintragen, z.\u00a0B. 0211 1234567",
        "phone_mobile_extension": "„{raw}“ ist eine Mobilnummer mit Durchwahl, die "
        "Mobilnummern nicht haben; bitte die Nummer so eintragen, wie sie gewählt wird, "
        "z.\u00a0B. 0171 1234567",
        "email": "„{raw}“ ist keine gültige E-Mail-Adresse; bitte eine einzelne Adresse "
        "eintragen, z.\u00a0B. name@example.org",
        "email_domain": "„{raw}“: der Teil nach dem @ ist kein Domainname, den IDNA 2008 zulässt; "
        "bitte die Einrichtung nach ihrer Adresse fragen",
        "email_domain_char": "„{raw}“: der Teil nach dem @ ist kein Domainname, den IDNA 2008 "
        "zulässt (er enthält {char}); bitte die Einrichtung nach ihrer Adresse fragen",
        "url": "„{raw}“ ist keine gültige Internetadresse; bitte z.\u00a0B. www.example.org eintragen",
        "choice": "„{raw}“ ist keine der Auswahlmöglichkeiten: {allowed}",
        "choice_labels": "„{raw}“ ist keine der Auswahlmöglichkeiten: {allowed}",
        "choice_dropped": "„{label}“ stand im Formular zur Auswahl, die aktuelle Schemaversion "
        "bietet es nicht mehr an; zur Auswahl stehen jetzt: {allowed}",
        "boxes": "{count} Kästchen angekreuzt ({ticked}); bitte nur eines ankreuzen",
        "boxes_labels": "{count} Kästchen angekreuzt ({ticked}); bitte nur eines ankreuzen",
        "too_long": "{length} Zeichen; zulässig sind höchstens {limit}",
        "too_short": "{length} Zeichen; erforderlich sind mindestens {limit}",
        "pattern": "„{raw}“ hat nicht die erwartete Form",
        "pattern_hint": "„{raw}“ hat nicht die erwartete Form: {hint}",
        "placeholder": "„{raw}“ ist ein Platzhalter, kein Wert; bitte den Wert selbst eintragen",
        "capped": "der Eintrag ist {length:,} Zeichen lang; übernommen sind nur die ersten "
        "{limit:,} (bis „…“) – bitte kürzen; der vollständige Text bleibt in der archivierten "
        "Datei erhalten",
        "no_choice_of": "„{raw}“ nennt keine der Auswahlmöglichkeiten von „{field}“",
        "not_choice_of": "nicht unter den Auswahlmöglichkeiten von „{field}“: {rest}",
        "no_choice_of_labels": "„{raw}“ nennt keine der Auswahlmöglichkeiten von „{field}“: "
        "{allowed}",
        "not_choice_of_labels": "nicht unter den Auswahlmöglichkeiten von „{field}“ "
        "({allowed}): {rest}",
    },
}
"""Message key → template, per language; every language has every key. A template uses some
or all of the args its key is made with (the German phone message needs no region, the German
impossible date names the month's length, which the English one does not; ``pattern`` keeps the
regular expression in its args for machines and says it in neither: nobody at a coordination
centre reads ``^[0-9]{5}$``, and ``pattern_hint`` says it in the schema's words)."""

EARLIER: dict[str, str] = {
    "future": "future_iso",
    "choice": "choice_labels",
    "boxes": "boxes_labels",
    "no_choice_of": "no_choice_of_labels",
    "not_choice_of": "not_choice_of_labels",
}
"""Keys no check makes any more → the key that took their place. Their args named choices and
fields by their stored values (``duesseldorf, neuss_meerbusch``, ``angebot``), or, for
``future``, held today's date written the German way (``23.11.2026``) for every language; the
templates stay, so that registers and journals written before print as they did."""

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "col_id": "id",
        "col_list_ids": "id in the list",
        "col_name": "name",
        "col_category": "category",
        "col_region": "region",
        "col_languages": "languages",
        "col_city": "town",
        "col_phone": "phone",
        "col_confirmed": "confirmed",
        "col_why": "why",
        "col_gap": "gap",
        "reason_stale": "stale",
        "reason_missing": "missing",
        "reason_invalid": "invalid",
        "reason_contradictory": "'None available' ticked, yet answered",
        "reason_unconfirmed": "unconfirmed",
        "reason_never_answered": "never answered",
        "age": "{days} d > {limit}",
        "from_others": "{fields} given by someone else",
        "never": "never",
        "nothing_stale": "nothing to do: every entry is current, complete and confirmed",
        "stale_register_empty": "nothing to review: the register holds no institution yet "
        "(formgen register import LIST, or formgen ingest for returned forms)",
        "update_list_file": "update list for {n} institutions: {path}",
        "update_list_file_one": "update list for 1 institution: {path}",
        "update_list": "{n} institutions on the update list, to be mailed with\n"
        "→ {command} --drafts DIR (or --send)",
        "update_list_one": "1 institution on the update list, to be mailed with\n"
        "→ {command} --drafts DIR (or --send)",
        "gap_none": "no entry",
        "no_longer_offered": "{label} (no longer offered)",
        "region_dropped": "{region}: the current schema no longer offers this region; the "
        "update forms of its institutions ask for it again (formgen mail --stale --drafts DIR, or "
        "--send)",
        "gaps_dropped": "{region}: {n} entries hold this region, counted above in none → "
        "formgen register find --region {code}",
        "gaps_dropped_one": "{region}: 1 entry holds this region, counted above in none → "
        "formgen register find --region {code}",
        "gaps_region_dropped": "{region}: the current schema no longer offers this region, so "
        "no checklist has a gap there; {n} entries hold it → formgen register find --region {code}",
        "gaps_region_dropped_one": "{region}: the current schema no longer offers this region, so "
        "no checklist has a gap there; 1 entry holds it → formgen register find --region {code}",
        "gap_fehlanzeige": "only 'None available'",
        "no_gaps": "no gaps: every category has an entry in every region",
        "no_gaps_no_regions": "no gaps: every category has an entry (the schema has no regions)",
        "gaps": "{n} gaps: {none} with no entry, {only} with only 'None available'",
        "gaps_one": "1 gap: {none} with no entry, {only} with only 'None available'",
        "no_match": "no entry matches",
        "find_wider": "* {language}: only the wider term is named, not which of its languages",
        "entries": "{n} entries",
        "entries_one": "1 entry",
        "no_conflicts": "nothing waits for a decision",
        "no_conflicts_here": "nothing of these waits for a decision ({n} in all: formgen register "
        "conflicts)",
        "waiting_count": "{held} and {dups} wait for a decision",
        "waiting_count_part": "{what} wait for a decision",
        "waiting_count_part_one": "{what} waits for a decision",
        "waiting_by_checklist": "held by checklist: {each}",
        "held_register": "in the register",
        "held_returned": "returned",
        "held_imported": "imported",
        "keep_mine": "keep it: --take mine",
        "take_theirs": "take it: --take theirs",
        "src_form": "from {file}, the institution's form {form}",
        "src_checklist": "from {file}, checklist {form}",
        "src_import": "from {file}, an imported list",
        "read_in": "read in {at}",
        "prefilled_from": "prefilled with what the register held at revision {rev}",
        "prefilled_before": "made from a recipients list before the register knew the institution",
        "held_why": "why: {why}",
        "changed_since": "the register's value changed since: was '{was}' when this was held",
        "held_moot": "the register holds the returned value by now: either decision keeps it",
        "held_both": "changed in the register and in this return since revision {rev}, the one "
        "the form was prefilled from",
        "held_both_unprefilled": "changed in the register and in this return; its form was not "
        "prefilled from the register, so all the register holds counts as changed since",
        "held_institution": "the institution itself gave another value; this checklist came "
        "from someone else",
        "held_hand": "a coordinator set another value by hand; this checklist came from "
        "someone else",
        "held_confirmed": "the institution confirmed the register's value on its own form; this "
        "checklist came from someone else",
        "held_invalid": "not a valid value, and the register holds a valid one: a value from "
        "someone else never replaces it by itself",
        "held_superseded": "from a form older than one whose return the register holds "
        "already: that return is the institution's latest word",
        "held_superseded_by": "from a form older than form {newer}, whose return the register "
        "holds since {day:day}: the return of {newer} is the institution's latest word",
        "held_older_copy": "from a copy of the form older than another copy the register holds "
        "already: that copy is the institution's latest word",
        "held_twin_copy": "the PDF and the Word file of the same form give different values, "
        "and which is the institution's latest word is not known (the same date, no mail's "
        "Date to tell): the register holds the other file's",
        "held_low": "read from a copy without its form fields (a printed PDF by where each "
        "value sits; a Word form saved by LibreOffice 7.4, or sent as PDF or .odt, from its "
        "tables); a value read so never replaces one read from form fields by itself",
        "held_low_hand": "read from a copy without its form fields (a printed PDF by where "
        "each value sits; a Word form saved by LibreOffice 7.4, or sent as PDF or .odt, from its "
        "tables); a value read so never replaces one a coordinator set by hand by itself",
        "held_reversed": "probably read reversed: the register's value with its letters in "
        "reverse order, read from a copy without its form fields (a viewer drew the "
        "right-to-left text left to right); keep the register's with --take mine",
        "left_empty": "left empty on the form; the register keeps '{value}' — if it is no "
        'longer true: formgen register set {iid} {path} --clear --note "no longer true"',
        "ingest_merge_contact_kept": "{iid}: {path}: a new contact person, '{name}' (was "
        "'{former}'), but {details} are still the former contact's, left as they were — still "
        'hers? If not: formgen register set {iid} {first} VALUE --note "new contact person"',
        "duplicate": "'{name}' ({category}) looks like {candidate} '{candidate_name}': {reason}",
        "dup_similar_name": "similar name ({percent} %)",
        "dup_same_phone": "same phone number, different name",
        "dup_same_email": "same e-mail address (no other institution's), different name",
        "dup_same_web": "same website (no other institution's), different name",
        "dup_similar_email": "similar name ({percent} %) and same e-mail address",
        "dup_similar_web": "similar name ({percent} %) and same website",
        "dup_former_name": "the name it had before ({percent} %)",
        "decide": "decide with:\n  formgen register resolve c-NNNN --take mine (keep the value "
        "in the register) or --take theirs (take the returned or imported one)\n  formgen "
        "register resolve d-NNNN --merge (the same institution) or --new (another one)",
        "institution": "Institution",
        "others": "others",
        "blank": "(blank)",
        "invalid_value": "[invalid: {why}]",
        "revision_now": "(revision {rev})",
        "revision": "revision {rev}  {at}  {op}  from {origin}",
        "origin": "{file} [{reader}, form {form}]",
        "origin_version": "{file} [{reader}, form {form} of schema version {version}]",
        "origin_mail": "(mailed by {sender})",
        "origin_erased": "(the file was deleted {at} by register erase)",
        "op_merge": "merge",
        "op_resolve": "resolve {target}",
        "op_import": "import",
        "origin_import": "{file} [imported list]",
        "origin_import_note": "{file} [imported list: {note}]",
        "held_import": "the institution itself gave another value; an imported list never "
        "replaces it by itself",
        "held_import_hand": "a coordinator set another value by hand; an imported list never "
        "replaces it by itself",
        "held_import_confirmed": "the institution confirmed the register's value on its own "
        "form; an imported list never replaces it by itself",
        "import_row": "line {line}: {iid} {name}: {status}",
        "import_status_new": "new",
        "import_status_updated": "updated ({n} values)",
        "import_status_updated_one": "updated (1 value)",
        "import_status_unchanged": "unchanged",
        "import_matched": "{status}; no id given, found by its name and postcode or phone",
        "import_duplicate": "line {line}: '{name}': probable duplicate {did} of {candidate} "
        "'{candidate_name}' ({reason}) → formgen register resolve {did} --merge|--new",
        "import_skipped": "line {line}: not imported: {why}",
        "import_invalid": "{field}: kept as typed, invalid: {why}",
        "import_held": "{field}: held as {cid} ({why}) → formgen register resolve {cid} "
        "--take theirs (take the list's value) or --take mine (keep the register's)",
        "import_merged_into": "{iid} was merged into {keep} on {date}; the row went to {keep}",
        "import_retired": "{retired}; imported all the same — if it still exists: formgen "
        "register restore {iid}",
        "import_unknown_id": "'{id}' is no id of the register: looked for by its name, else new",
        "import_list_id_kept": "'{id}' is no id of the register: looked for by its name, else "
        "new, and kept as its id in this list (a row giving '{id}' again is that institution's)",
        "import_no_place": "{field}: '{value}' not imported — {category} has no such field",
        "import_erased_cell": "{field}: '{value}' not imported: it shows an erased value "
        "(register erase), not the one the register holds; write the new value into the cell",
        "import_differs": "{field}: '{value}' not imported: line {first} gives '{other}' for "
        "the same institution",
        "import_why_category": "'{text}' is no checklist{hint}; write its id or its name as "
        "the export does",
        "import_did_you_mean": " (did you mean '{name}'?)",
        "import_split": "checklist '{checklist}', one of {n} in '{cell}': an entry for each",
        "import_region_note": "town {town}",
        "import_regions_missing": "{field} (required) missing for {n} institutions ({ids}): "
        "formgen register set ID institution.region REGION --note …, REGION one of: {regions}",
        "import_regions_missing_one": "{field} (required) missing for 1 institution ({ids}): "
        "formgen register set ID institution.region REGION --note …, REGION one of: {regions}",
        "import_region_towns": "{field} missing for {n} institutions in {town}; {town} belongs "
        "to the region '{region}' — if that is right: {command}",
        "import_region_towns_one": "{field} missing for 1 institution in {town}; {town} belongs "
        "to the region '{region}' — if that is right: {command}",
        "import_why_total": "'{name}' is a total or a remark under the list, no institution "
        "(no checklist, address, phone or e-mail)",
        "import_why_total_formula": "'{name}': a row with a formula and no checklist, address, "
        "phone or e-mail (a total?), no institution",
        "import_two_lines": "note: {file}: the header has two lines, {line} and {below}: "
        "'{group}' (merged cells) over {columns}, read as the columns' headers",
        "import_unread": "note: {file}: columns not read, the register's table has none such: "
        "{columns} (to keep their text, copy it into a column of the table, e.g. a checklist's "
        "free-text field)",
        "import_unread_one": "note: {file}: column not read, the register's table has none "
        "such: {columns} (to keep its text, copy it into a column of the table, e.g. a "
        "checklist's free-text field)",
        "import_headerless": "column {column} has no header but values in {n} rows",
        "import_headerless_one": "column {column} has no header but a value in 1 row",
        "import_headerless_note": "note: {file}: {column}: not read — give it the header of "
        "the column it is (as 'formgen register export' writes them) and import the file again",
        "import_mail_columns": "note: {file}: {columns} not taken into the register, which does "
        "not hold the mails' language and format: each round mails an institution in those of its "
        "last mail (those of its row where a round of this list mailed it: formgen mail {quoted}), "
        "else in the round's (--lang, --format)",
        "import_contact_email": "'{field}' given, but not '{email}': mails go to the "
        "institution's address only, the column '{email}'",
        "import_address_split": "'{value}' split: street '{street}', postcode {postcode}, town "
        "'{city}'",
        "import_control": "column '{column}' holds the control character {char} ('{value}'), "
        "which no form shows: imported as typed; please delete it in the list",
        "import_override": "column '{column}' holds {char}, a character that reverses the "
        "direction of the text after it, so that it shows otherwise than typed: '{value}'; "
        "imported as typed, please check it",
        "import_why_no_category": "values of a checklist ({fields}) but no checklist in the "
        "column '{column}'",
        "import_why_no_name": "neither an id the register knows nor a name",
        "import_why_no_name_column": "neither an id the register knows nor an institution's "
        "name: the table has no column '{column}'",
        "import_why_repeated": "the same institution and checklist as line {first}",
        "import_why_other_id": "{id} is '{other}' in the register, not '{name}' (nor its e-mail "
        "address or phone number): for a new institution leave the id empty; if it is the same "
        'one renamed, set the name first: formgen register set {id} institution.name "{name}" '
        '--note "renamed"',
        "import_why_lost": "'{value}' has '?' in place of letters: Excel writes '?' for every "
        "letter its plain 'CSV' cannot hold (ş, ı, ł, Cyrillic, Arabic …); save the list as "
        "'CSV UTF-8' and import it again",
        "import_why_columns": "{n} values but the header has {m} columns (a separator inside "
        "a value? put that value in double quotes)",
        "import_why_formula": "columns {columns}: formulas without a saved result, which read "
        "as empty: open and save the workbook in Excel or LibreOffice and import it again",
        "import_why_formula_one": "column {columns}: a formula without a saved result, which "
        "reads as empty: open and save the workbook in Excel or LibreOffice and import it again",
        "import_why_yes_no": "columns {columns}: yes/no cells (TRUE or FALSE) where text "
        "belongs: type the text in and import it again",
        "import_why_yes_no_one": "column {columns}: a yes/no cell (TRUE or FALSE) where text "
        "belongs: type the text in and import it again",
        "import_left_out": "note: {file}: only the first sheet is read, not {sheets}, which "
        "hold data too; put the rows to import on the first sheet",
        "import_left_out_one": "note: {file}: only the first sheet is read, not {sheets}, which "
        "holds data too; put the rows to import on the first sheet",
        "import_summary": "{file}: {n} rows — new {new}, updated {updated}, unchanged "
        "{unchanged}, probable duplicates {duplicates}, not imported {skipped}; invalid values "
        "kept as typed {invalid}; values held for a decision {held}",
        "import_summary_one": "{file}: 1 row — new {new}, updated {updated}, unchanged "
        "{unchanged}, probable duplicates {duplicates}, not imported {skipped}; invalid values "
        "kept as typed {invalid}; values held for a decision {held}",
        "import_decide": "what waits for a decision: formgen register conflicts",
        "import_next": "the imported entries are not confirmed by the institutions: formgen "
        "mail --from-register --drafts DIR (or --send; --stale for the update list alone) sends "
        "each its form, prefilled, to confirm or correct",
        "import_dry_run": "dry run: nothing was changed",
        "import_again": "{file} was imported on {date} already (as {earlier}); nothing changed",
        "col_field": "field",
        "col_value": "value",
        "col_raw": "as typed",
        "col_problem": "problem",
        "col_revision": "revision",
        "col_file": "file",
        "col_sha256": "SHA-256 of the file",
        "col_form": "form",
        "col_reader": "read by",
        "col_confidence": "confidence",
        "col_read_in": "read in",
        "col_last_confirmed": "last confirmed",
        "col_stale": "stale",
        "col_by_institution": "confirmed by the institution",
        "col_problems": "problems",
        "yes": "yes",
        "no": "no",
        "confidence_high": "high",
        "confidence_low": "low",
        "sheet_register": "Register",
        "sheet_values": "Values",
        # the XLSX export's last sheet: what the table is and what its columns mean
        "sheet_info": "About",
        "sheet_choices": "Choices",
        "info_fill_head": "Filling in",
        "info_fill": "One row per institution and checklist. Copy your own list in with Paste "
        "Special → Values (a plain paste takes the drop-downs away) and read it in with "
        "„formgen register import FILE“. A column of choices offers its values in the cell (the "
        "arrow); the sheet „{sheet}“ lists them. The columns from „{computed}“ on are computed by "
        "formgen and not read in.",
        "info_required_head": "Required",
        "info_required": "the schema requires these columns (their header is orange): {columns}",
        "xlsx_not_a_choice": "Not one of the choices (sheet „{sheet}“): register import keeps it "
        "as typed and flags it as invalid.",
        "info_centre": "Centre",
        "info_sheets": '"{register}": one row per institution and checklist. "{values}": one row '
        "per value, with where it came from (file, form, when read in).",
        "info_last_confirmed": "the day the institution last confirmed the entry (the date on its "
        "form, or the day its return came in); empty: never confirmed.",
        "info_made": "Made on",
        "info_stale": '"{yes}": as of {stand}, last confirmed longer ago than the '
        "checklist allows, or never; the institution is asked again (formgen register stale).",
        "info_by_institution": '"{yes}": the details come from the institution itself (its '
        'returned form); "{no}": at least one comes from a list, from someone else\'s checklist '
        "or was entered by hand.",
        "info_problems": 'invalid values: the field and why, separated by "; "; the value '
        "itself stands in its column as typed.",
        "info_languages": 'Languages share one cell, separated by commas ("{example}"). To find '
        'one language, filter the column with "Text Filters" → "Contains…" (not "Equals").',
        "decided": "decided ({take}): {cid}  {iid} {name}  {field}",
        "decided_would": "would decide ({take}): {cid}  {iid} {name}  {field}",
        "would_hold": "the register would then hold:",
        "took_mine": "the register's value kept",
        "took_theirs": "the returned value taken",
        "took_imported": "the imported value taken",
        "holds_now": "the register now holds:",
        "merged_into": "{target}: merged into {iid}",
        "created_as": "{target}: created as {iid}",
        "retired": "{iid} {name}: retired{why}; from now on left out of find, stale, gaps, "
        "status, the print, the tables and the mail rounds (its history stays) → undo: formgen register "
        "restore {iid}",
        "restored": "{iid} {name}: restored; back in the lists, the print and the mail rounds",
        "op_retire": "retired",
        "op_restore": "restored",
        "op_confirm": "confirmed by hand",
        "confirmed_by_return": "{at}  confirmed, nothing changed  from {origin}",
        "confirmed_partly": "{at}  confirmed what its form showed  from {origin}",
        "unconfirmed_fields": "not confirmed, changed by someone else since the form was made, "
        "which did not show it: {fields}",
        "contact_kept_fields": "a new contact person, these still the former one's (still hers?): "
        "{fields}",
        "op_erase": "data erased",
        "erased": "(erased)",
        "revision_erase": "revision {rev}  {at}  data erased: {note}",
        "erase_edited": "{path} was changed outside formgen; nothing erased: first 'formgen "
        "register rebuild' (it keeps the changed file aside: delete that copy once what is to "
        "stay is set again with 'formgen register set'), then erase",
        "erase_head": "to erase from {iid} {name}: {paths}",
        "erase_head_texts": "to erase from {iid} {name}: {texts} inside its notes, its fields' "
        "texts and what its forms were prefilled with",
        "erase_values": "  {count}; in {revisions}, {conflicts}, {duplicates}; "
        "{operations}, {sendlog}:",
        "erase_value": "    {path}: {value} ({when}), erased",
        "erase_value_now": "current value",
        "erase_value_before": "earlier value",
        "erase_value_copied": "{when}, copied from {iid} by register split: {iid} and the files "
        "showing its values keep it",
        "erase_kept": "    {path}: {value} (current value), stays",
        "erase_inner": "    {text} inside its notes (register set, confirm, erase), its other "
        "fields' texts and what its forms were prefilled with: erased there",
        "erase_note_marked": "  the note of this erasure names what it erases: kept as „{note}“",
        "erase_noted": "  also named in notes (register set, confirm, an erasure) or other fields' "
        "texts of {iid}: {texts}: NOT erased there; to erase it there too: --text with the "
        "name (her surname)",
        "erase_note_names": "  the note of this erasure names {texts}, a part of an erased "
        "value: it would stay in the history; --text with it erases it there too",
        "erase_no_path": "give the fields to erase (PATH) or a text to erase inside notes and "
        "texts (--text)",
        "erase_original": "  archived original, deleted: {file}",
        "erase_spool": "  folder an ingest killed outright left with the files it took apart, "
        "deleted: {path}",
        "erase_provenance": "  what the returns that brought or held a value say of who sent "
        "them, erased whole (their date, SHA-256 and reader stay): {texts}",
        "erase_kind_file_name": "file name",
        "erase_kind_container": "mail file",
        "erase_kind_mail_from": "sender",
        "erase_kind_mail_subject": "subject",
        "erase_quarantine": "  copy in the quarantine, deleted: {file}",
        "erase_others": "    also the original of {others}: their values stay in the register and "
        "the journal, only the file goes",
        "erase_others_list": "    an imported list with values of {n} institutions (this one and "
        "{more} others): it holds a value to erase; the others keep their values, only this "
        "copy goes. Erase the value in the list where the centre keeps it too",
        "erase_made": "  file made by formgen that contains a value, deleted: {path}",
        "erase_made_again": "  file made by formgen that contains a value, deleted: {path}; make it "
        "again with '{command}'",
        "erase_elsewhere": "  also found among the values of {count}: NOT erased there, their "
        "returns and forms are kept; where it is the same person, erase it there too:",
        "erase_elsewhere_at": "    {iid} {name}: {paths} → {command}",
        "erase_merged_at": "  also among the values of {iid} {name}, merged into {keep} (the same "
        "institution): NOT erased there; erase it there too: {paths} → {command}",
        "erase_merged_into": "(merged into {keep})",
        "erase_within": "  also found in other fields of {iid}: {paths}: NOT erased there; where "
        "it names the same person, erase it there too → {command}",
        "erase_count_elsewhere": "{n} other institutions",
        "erase_count_elsewhere_one": "1 other institution",
        "erase_draft": "  mail draft whose text or attached form carries a value, deleted: {path}",
        "erase_draft_missing": "  mail draft the send log names, not found at {path} (moved, or "
        "written by an older formgen relative to the folder 'formgen mail' ran in): its form "
        "may carry the values; delete it where it is",
        "erase_draft_unproven": "  mail draft whose text or attached form carries a value, NOT "
        "deleted: {path}: the send log does not show it is this workspace's (a copy of a "
        "workspace names the original's drafts; an older formgen did not say): delete it by "
        "hand where it is",
        "erase_mail_sent": "  mail sent with a value (in its form, or to the address), out of "
        "the erasure's reach: round {round}, {day}, to {to}: delete it by hand in the mailbox "
        "(Sent) and ask the recipient to",
        "erase_mail_draft": "  mail written as a draft with a value (in its form, or to the "
        "address), out of the erasure's reach if it was sent from the mail program: round "
        "{round}, {day}, to {to}: delete it by hand in the mailbox (Sent) and ask the "
        "recipient to",
        "erase_mail_maybe": "  mail with a value (in its form, or to the address) whose sending "
        "was never confirmed (the run ended while it went to the server, before its answer was "
        "noted: it may have gone), out of the erasure's reach: round {round}, {day}, to {to}: "
        "look for it in the mailbox (Sent), delete it there by hand and ask the recipient to",
        "erase_aside": "  copy 'register repair' or 'register rebuild' kept aside (a damaged "
        "journal or register, one changed outside formgen), the values in it replaced by their "
        "markers as in the register, the copy kept: {path}",
        "erase_outside": "  file formgen wrote outside the workspace on {day} (--out, --output, "
        "-o) that holds a value, out of the erasure's reach: {path}: delete it by hand",
        "erase_outside_gone": "  file formgen wrote outside the workspace on {day} (--out, "
        "--output, -o), no longer there: {path}: if it was moved or copied, delete it there by "
        "hand",
        "erase_test_draft": "  test draft (formgen mail … --test-to), out of the erasure's reach "
        "(formgen does not know what it holds; it may carry the values): {path}: look at it "
        "and delete it by hand",
        "erase_ask": "Erase these values and delete these files? [y/N]",
        "erase_ask_again": "please answer y (yes) or n (no)",
        "erase_done": "{iid} {name}: data erased ({note}); 'formgen register history {iid}' "
        "shows the erasure, 'formgen register find --all TEXT' where in the workspace a name or "
        "address is still (the files out of reach are named above)",
        "erase_reread": "{file}: the original was erased (register erase); its submission from "
        "the journal was taken",
        "erase_count_values": "{n} values",
        "erase_count_values_one": "1 value",
        "erase_count_hits": "{n} places",
        "erase_login_head": "login name „{login}“: named as who made {n} changes of the journal "
        "(register history: „by {login}“): replaced by a marker, shown as (erased); the changes "
        "stay",
        "erase_login_aside": "  copy 'register repair' or 'register rebuild' kept aside that "
        "names it: marked too, the copy kept: {path}",
        "erase_login_ask": "Erase this login name? [y/N]",
        "erase_login_done": "login name „{login}“ erased: {n} changes name (erased) as who made "
        "them; mind that every change made under this login from now on names it again, and "
        "the workspace's backups still hold it",
        "reg_erase_by_nowhere": "no change in the journal names „{login}“ as who made it "
        "(register history: „by …“); nothing erased, nothing changed",
        "erase_count_hits_one": "1 place",
        "erase_text_short_yes": "--text „{text}“: shorter than 3 characters (initials): erased only "
        "where it stands as a word of its own, as typed, and only once you saw each place; run it "
        "without --yes, or erase a field's whole value by its PATH (psychotherapie.initials)",
        "erase_hits": "    --text „{text}“ is shorter than 3 characters (initials): erased only where "
        "it stands as a word of its own, as typed, {count} (not inside other words; not looked "
        "for in files, where it would be found by chance: exports, forms, copies kept aside; "
        "the archived original of a return it came from, typed or prefilled, is deleted, named "
        "below):",
        "erase_hit": "      {where}: „{text}“",
        "erase_hit_note": "note of revision {rev}",
        "erase_count_revisions": "{n} revisions",
        "erase_count_revisions_one": "1 revision",
        "erase_count_conflicts": "{n} held conflicts",
        "erase_count_conflicts_one": "1 held conflict",
        "erase_count_duplicates": "{n} probable duplicates",
        "erase_count_duplicates_one": "1 probable duplicate",
        "erase_count_operations": "{n} journal operations",
        "erase_count_operations_one": "1 journal operation",
        "erase_count_sendlog": "{n} send log entries",
        "erase_count_sendlog_one": "1 send log entry",
        "confirmed_done": "{iid} {name}: {category} confirmed on {date} ({note})",
        "still_incomplete": "  still incomplete: {why}",
        "by_hand": "set by hand: {note}",
        "revision_by_hand": "revision {rev}  {at}  {how}",
        "changed_by": "by {user}",
        "set_done": "{iid} {path}: {old} → {new} ({how})",
        "set_unconfirmed": "{iid} {categories}: entered by hand, no longer confirmed by the "
        'institution itself ("no" in the tables, on the update list) until it confirms: on its '
        'next form, or, if it told you so itself: formgen register confirm {iid} --note "…"',
        "set_again": "{iid} {path}: {value} set again: mail rounds use it again ({how})",
        "quoted": "'{value}'",
        "retired_on": "retired on {date}",
        "col_retired_on": "retired on",
        "col_retired_reason": "why retired",
        "rebuilt": "rebuilt {path}: {operations}, {merged}, {institutions}",
        "rebuild_progress": "Rebuilding the register",
        "as_of_progress": "Making the register as of {day} from the journal",
        "report_title": "Figures of {year} (as of {stand})",
        "report_title_read": "Figures of {year} (as of {stand}; answers read by {made})",
        "report_institutions": "institutions in the register: {n}",
        "report_new": "new in the register in {year}: {n}",
        "report_answered": "answered in {year} (returned a form): {n}",
        "report_mailed": "mailed in {year}: {n} ({rounds})",
        "report_rounds": "in {n} rounds",
        "report_rounds_one": "in 1 round",
        "report_mailed_answered": "  of them answered these mails: {n} ({share} %)",
        "report_confirmed": "with an entry confirmed in {year} (a return or 'register confirm' "
        "that came in in {year}, whatever date its form gives): {n}",
        "report_closed": "taken out of the register in {year}: {n}, merged into another: {merged}",
        "report_entries": "Entries by checklist and region:",
        "report_sum": "total",
        "report_no_region": "no region",
        "report_no_entries": "No entries in the register.",
        "report_empty_checklists": "{n} checklists without an entry.",
        "report_empty_checklists_one": "1 checklist without an entry.",
        "report_future": "--year {year}: that year has not begun (today is {today})",
        "stand_before_start": "note: the register began only on {first:date} (its first "
        "operation in the journal): on {stand:date} it held no institution yet",
        "stand_future": "--stand {stand:date}: that day is still to come (today is {today:date}): "
        "the register is known up to the end of a day gone by, or as it is today",
        "operations": "{n} operations",
        "operations_one": "1 operation",
        "returns_merged": "{n} returns merged",
        "returns_merged_one": "1 return merged",
        "institutions": "{n} institutions",
        "institutions_one": "1 institution",
        "damaged_kept": "the damaged register was kept as {path}",
        "repair_nothing": "{path} is whole: nothing to repair, nothing changed",
        "repair_done": "repaired {path}: the damaged journal was kept as {kept}; the new one "
        "begins with the register as it is ({institutions}, {operations})",
        "repair_kept_all": "nothing of {register} is lost: its {institutions} with their history "
        "and the register's operations up to {seq}",
        "repair_register_damaged": "{register} was damaged too and was kept as {path}: the "
        "register was made from the journal's operations before the damaged line",
        "repair_register_missing": "there was no {register}: the register was made from the "
        "journal's operations before the damaged line",
        "repair_lost": "lost: operations {first} to {last}, numbered after the damage (returns "
        "ingested, decisions, values set by hand); {kept} shows what they were: ingest those "
        "returns again and redo the rest",
        "repair_lost_one": "lost: operation {last}, numbered after the damage (a return "
        "ingested, a decision, a value set by hand); {kept} shows what it was: ingest that "
        "return again or redo it",
        "repair_after": "from now on every command works again; 'formgen register rebuild' "
        "starts from the register as it is now (with --reread it reads again only the returns "
        "ingested from now on). {kept} holds personal data as the journal did (register erase "
        "does not reach it): delete it once it is not needed",
        "edited_kept": "the register changed outside formgen was kept as {path}: what was "
        "changed in it is undone; set each such value with 'formgen register set ID FIELD VALUE "
        "--note TEXT'",
        "exported": "{path}: {institutions} ({fmt})",
        "export_progress": "Exporting the register",
        "exported_no_personal": "{path}: {institutions} ({fmt}, without personal data)",
        "exported_csv_spreadsheet": "for Excel or LibreOffice Calc: --format xlsx (they read a "
        "CSV's postcode 04109 as the number 4109)",
        "exported_csv_comma": "its values are separated by ',': an Excel set to German opens "
        "it with each row in one column; for it: --delimiter ';'",
        "printed": "{path}: printed register ({kb} KB)",
        "print_progress": "Printing the register",
        "erase_progress": "Reading the printed registers",
        "printed_no_personal": "{path}: printed register ({kb} KB, without personal data)",
        "written_not_noted": "{path} was written, but formgen could not note it in {log} "
        "({error}): a later 'register erase' will not name it; delete it yourself once not needed",
        "print_no_personal": "Without personal data (contact persons)",
        "print_file_no_personal": "no-personal",
        "print_file_simplex": "simplex",
        "export_file_labels": "labels",
        "print_title": "Regional care register",
        "print_stand": "As of",
        "print_region": "Care region",
        "print_all_regions": "all regions",
        "print_contents": "Contents",
        "print_update_count": "{n} entries to update (of them {stale} stale{more}, {never} never "
        "answered)",
        "print_update_count_one": "1 entry to update (of them {stale} stale{more}, {never} never "
        "answered)",
        "print_update_missing": "{n} incomplete",
        "print_update_invalid": "{n} with invalid values",
        "print_update_dropped": "{n} with a choice no longer offered",
        "print_update_contradictory": "{n} contradictory",
        "print_update_unconfirmed": "{n} unconfirmed",
        "print_stale": "STALE – last confirmed on {date} ({days} days ago)",
        "print_never": "NEVER ANSWERED – details unconfirmed",
        "print_unanswered": "CHECKLIST UNANSWERED – not even 'none available'",
        "print_unconfirmed": "not confirmed by the institution itself",
        "print_no_entry_region": "No entry – no service has been recorded for this region yet.",
        "print_no_entry": "No entry – no service has been recorded yet.",
        "print_no_entry_in": "No entry in {region}",
        "print_no_entry_yet": "No entries yet",
        "print_no_region": "Without a valid care region",
        "print_only_fehlanzeige": "None available – the entries report no experience/resources.",
        "print_confirmed": "confirmed on {date}",
        "print_held": "another value awaits a decision ({cid})",
        "print_stale_after": "Entries count as stale after {days} days.",
        "print_page": "Page",
        "print_loose": "Loose-leaf collection – every section starts on a new sheet, counts its own "
        "pages and can be replaced on its own; key and index at the end.",
        "print_address": "Address",
        "print_more_regions": "and {n} more",
        "print_continued": "(continued)",
        "print_blank": "This page is intentionally left blank",
        "print_section_pages": "{n} pp.",
        "print_section_pages_one": "1 p.",
        "print_withdrawn": "Taken out of the register since {date} – remove their sheets from the "
        "binder",
        "print_withdrawn_in": "section {sections}",
        "print_index": "Index and key",
        "print_index_label": "Index",
        "print_swap_title": "Changed sheets since the Stand {since:date}",
        "print_swap_intro": "This print holds only the sections of the register whose entries "
        "changed since the Stand {since:date} (now: Stand {stand:date}), with the cover, contents and index, "
        "which change with them. In the binder, take out all sheets of each part below and put in "
        "the new ones; every other section stays as it is.",
        "print_swap_part": "{part}: {pages} ({sheets})",
        "print_swap_emptied": "{part}: take its sheets out, it has no entries any more (the "
        "contents list it)",
        "print_swap_older": "A binder formgen printed before 25.11.2026 has sheets for the "
        "checklists without an entry too, which the contents name now: take out the sheets of "
        "sections {parts}.",
        "print_swap_pages": "pages {first}–{last}",
        "print_swap_pages_one": "page {first}",
        "print_swap_cover": "Cover and contents",
        "print_swap_label": "Replace",
        "print_swap_rest": "An entry that has only become stale since is not printed again: its "
        "sheet says the day it was printed; the cover counts the entries to update as of today.",
        "print_swap_whole": "A section is replaced whole, not from its changed entry on: its pages "
        'are numbered within it, of how many ("Page 3/6"), and an entry that grows or shrinks '
        "moves every page after it and changes that count on all of its pages.",
        "print_swap_all": "Every section changed since the Stand {since:date}: this print is the "
        "whole register behind this sheet; the plain print (without --changed-since) makes the "
        "same sheets, faster.",
        "print_sheets": "{n} sheets",
        "print_sheets_one": "1 sheet",
        "print_file_changed": "changed-since-{since}",
        "print_partial": "Partial print: only {sections}. It replaces only these sheets in the "
        "binder; its contents and index name only what it holds.",
        "print_partial_note": "Partial print: these name only the sections it holds; not to be "
        "put in the binder in place of its own.",
        "printed_changed": "{path}: changed sheets since {since:date}: {sections} ({pages} of {total} "
        "pages) ({kb} KB)",
        "printed_unchanged": "No section changed since {since:date}: nothing to print.",
        "printed_changed_all": "Every section changed since {since:date}: the plain 'register "
        "print' makes the same sheets, faster.",
        "print_changed_after": "--changed-since {since:date} lies after the Stand {stand:date} "
        "printed: a binder of a later Stand has nothing to replace from an earlier one",
        "print_changed_with": "--changed-since prints the whole register's changed sections; "
        "--category and --region choose them yourself: use one or the other",
        "register_as_of_unknown": "the register as of {day:date} is not known: its journal begins on "
        "{first:date} (register repair began it anew); the register is known from that day on",
        "print_index_languages": "By language",
        "print_index_places": "By place",
        "print_index_how": "After each name its section and the page in it: 20/3 is section 20, "
        "page 3. German is not listed.",
        "print_legend": "Key",
        "print_legend_pages": "At the foot of every page its section and the section's pages "
        '("Page 3/6": the third of its six pages). Every section begins on the front of a new '
        "sheet and counts its own pages: printed again alone (register print --category) it is the "
        'same sheets. "This page is intentionally left blank": the back of its last sheet.',
        "print_legend_pages_simplex": "At the foot of every page its section and the section's "
        'pages ("Page 3/6": the third of its six pages). Every section begins on a new page and '
        "counts its own pages: printed again alone (register print --category --simplex) it is "
        "the same pages.",
        "print_legend_stale": "last confirmed longer ago than the section allows (said in its box); "
        "the institution is asked again.",
        "print_legend_never": "the details come from a list or from others; the institution has "
        "never answered.",
        "print_legend_unanswered": "nothing of the checklist is given (a form sent back as it "
        "was, or 'no changes' by mail): the institution's details count as confirmed, the "
        "checklist is asked for again.",
        "print_legend_unconfirmed": "at least one detail does not come from the institution itself "
        "(from a list, someone else's checklist or entered by hand).",
        "print_legend_dates": '"confirmed on …": the day the institution last confirmed its '
        'details; "As of …": the day they were last entered, where the institution never '
        "confirmed them.",
        "status_head": "institutions mailed: {n} ({sent} sent, {drafted} as drafts){answered}",
        "status_answered_any": "; {n} answered at least one round",
        "status_answered_any_one": "; 1 answered at least one round",
        "status_latest": "each institution by its latest mail (answer awaited: {n}):",
        "status_returned": "returned",
        "status_outstanding": "outstanding",
        "status_overdue": "overdue",
        "status_failed": "failed",
        "status_prepared": "prepared",
        "status_not_mailed": "not mailed",
        "status_not_made": "not made",
        "status_mailed": "mailed",
        "status_superseded": "{n} of the overdue: a later round followed theirs and is past its "
        "deadline too; formgen mail --overdue --drafts DIR (or --send) reminds them only with "
        "--force",
        "status_superseded_one": "1 of the overdue: a later round followed its own and is past "
        "its deadline too; formgen mail --overdue --drafts DIR (or --send) reminds it only with "
        "--force",
        "status_drafts_unknown": "{n} of them only written as drafts: formgen learns that a draft went out only "
        "when its form comes back (formgen ingest) or its mail bounces (formgen bounces); until "
        "then it counts as mailed, its deadline as the mail says it",
        "status_drafts_unknown_one": "1 of them only written as a draft: formgen learns that a draft went out "
        "only when its form comes back (formgen ingest) or its mail bounces (formgen bounces); "
        "until then it counts as mailed, its deadline as the mail says it",
        "status_answered": "answered",
        "status_waiting": "waiting",
        "status_asked_again": "asked again",
        "status_outstanding_why": "(mailed, deadline not passed{before})",
        "status_outstanding_delayed": "; {n} of them delayed: the receiving server still tries, "
        "do not send them again (see --list)",
        "status_delayed": "  delayed: the receiving server said on {at:moment} that it is still "
        "trying ({error}); do not send it again: if it gives up, a bounce comes (formgen "
        "bounces), else the mail has most likely arrived by {until:date}",
        "status_delayed_over": "  said delayed on {at:moment}; no bounce recorded by {until:date}: "
        "the mail has most likely arrived (a bounce came after all? formgen bounces FILE)",
        "status_answered_before": "{n} answered an earlier round",
        "status_answered_before_one": "1 answered an earlier round",
        "status_prepared_why": "(forms made, not yet mailed{maybe})",
        "status_prepared_maybe": "; {n} of them maybe sent: a run ended while handing the mail "
        "to the server, before its answer was logged; run the same formgen mail command again, "
        "it sends that mail once more and says so",
        "status_maybe_sent": "  maybe sent: a run of {at:moment} ended while handing this mail "
        "to the server, before its answer was logged; run the command of its round again",
        "status_failed_again": "(not delivered; run the same formgen mail command again)",
        "status_failed_refused": "(refused for good: {fix}, then run the same formgen mail "
        "command again)",
        "status_failed_some": "({n} refused for good: {fix}; the others: run the same formgen "
        "mail command again)",
        "status_fix_address": "fix the address in the recipients list or the register (see --list)",
        "status_elsewhere_line": "sent to the address with 'ss' for 'ß' {n}, another domain: "
        "{ids}  → mail them again in a round of their own (--round; see --list)",
        "status_not_mailed_line": "not mailed (no usable address) {n} ({why})  → add or correct "
        "the address in the recipients list or the register, then run the same formgen mail "
        "command again (see --list)",
        "status_unusable_no_email": "none",
        "status_unusable_invalid_email": "invalid",
        "status_unusable_dead_email": "refused",
        "status_not_made_line": "form not made {n}  (so nothing was mailed)  → fix what each "
        "line says, then run the command of its round again",
        "status_not_made_row": "  {iid} ({name}), round {round}: {error}",
        "status_more": "  … {n} more: formgen status --list",
        "status_by_round": "by round",
        "status_kind_invitation": "invitation",
        "status_kind_reminder": "reminder",
        "status_kind_update": "update",
        "status_round_due": "({kind}, due {deadline:day})",
        "status_register": "register:",
        "status_to_update": "institutions with entries to update, to mail now {n}",
        "status_stale_by": " (stale by {day:date})",
        "status_to_update_why": "  (out of date, incomplete, invalid or not confirmed; formgen "
        "register stale{as_of})  → formgen mail --stale{also} --drafts DIR (or --send)",
        "status_overdue_next": "→ formgen mail --overdue --drafts DIR (or --send)",
        "status_unknown": "unknown",
        "status_update_waiting": "waiting {n}  (on the update list too, but the form they were "
        "sent is on its way; their answer may bring the update)",
        "status_conflicts": "conflicts {n}",
        "status_retired": "retired {n}  (taken out of the register: in no count, no mail round; "
        "formgen register history ID)",
        "status_without_email": "without a usable e-mail address {n} ({why}): {ids}",
        "status_kept_aside": "quarantine: {n} files kept aside ({kinds}){done} → formgen "
        "quarantine -w {root} says why, who sent them and what to do",
        "status_kept_aside_one": "quarantine: 1 file kept aside ({kinds}){done} → formgen "
        "quarantine -w {root} says why, who sent it and what to do",
        "status_kept_aside_done": "; {n} more dealt with",
        "status_kept_aside_all_done": "quarantine: {n} files dealt with, none open (formgen "
        "quarantine -w {root})",
        "status_kept_aside_all_done_one": "quarantine: 1 file dealt with, none open (formgen "
        "quarantine -w {root})",
        "quarantine_none": "nothing kept aside in {folder}",
        "quarantine_head": "{n} files kept aside in {folder}, {open} of them open",
        "quarantine_head_one": "1 file kept aside in {folder}, {open} of them open",
        "quarantine_day": "{day:date}",
        "quarantine_came": "{name}, came in {day}",
        "quarantine_from": ", from {sender}",
        "quarantine_subject": ", subject: {subject}",
        "quarantine_more_arrivals": " (and {n} more times)",
        "quarantine_more_arrivals_one": " (and once more)",
        "quarantine_by_hand": "dealt with on {day}: {note}",
        "quarantine_answered": "dealt with: {iid} ({name}) answered on {day}; its return is in "
        "the register",
        "quarantine_how_done": "dealt with (typed into the institution's form, the sender "
        "asked)? → formgen quarantine -w {root} --done {id} --note '…'",
        "quarantine_how_again": "fixed (the missing schema version added, say)? → formgen "
        "ingest -w {root} {folder}: a form that merges leaves the quarantine",
        "quarantine_marked": "{id} ({name}): marked dealt with ({note})",
        "quarantine_how_reopen": "the file stays in {folder}; the wrong one? → formgen "
        "quarantine -w {root} --reopen {id} --note '…'",
        "quarantine_reopened": "{id} ({name}): open again ({note}); the mark undone stays in "
        "its record",
        "quarantine_open_again": "open again since {day}: {note}",
        "quarantine_reopen_open": "{id} ({name}): is open, neither marked dealt with nor "
        "answered since; nothing changed",
        "quarantine_reopen_needs_note": "--reopen needs --note: say why it is open again",
        "quarantine_unknown_id": "{id}: no file in the quarantine is named so; 'formgen "
        "quarantine -w {root}' lists them with their numbers",
        "quarantine_ambiguous": "{id} names {n} files of the quarantine ({ids}); give more "
        "digits of the number",
        "quarantine_done_already": "{id} ({name}): marked dealt with already on {day} ({note}); "
        "nothing changed",
        "quarantine_done_needs_note": "--done needs --note: say what was done (typed in, asked)",
        "quarantine_note_needs_done": "--note goes with --done, --reopen or --delete NUMBER",
        "quarantine_done_or_delete": "--done, --reopen or --delete: one of them",
        "quarantine_yes_needs_delete": "--yes goes with --delete NUMBER",
        "quarantine_delete_needs_note": "--delete needs --note: say why it is deleted (a "
        "private person's letter, no institution's)",
        "quarantine_delete_ask": "Delete this file and what its record says of where it came "
        "from? [y/N]",
        "quarantine_delete_declined": "nothing deleted, nothing changed",
        "quarantine_delete_reports": "named in these ingest reports too, which stay (delete "
        "them by hand once they are not needed): {paths}",
        "quarantine_deleted": "{id} ({name}): deleted ({note}); its record keeps only that a "
        "file was deleted, when and why",
        "quarantine_gone": "{id}  deleted on {day}: {note}",
        "quarantine_deleted_already": "{id}: already deleted on {day} ({note}); nothing changed",
        "quarantine_delete_return": "no stranger's letter: the return of {iid} ({name}) to form "
        "{form}, as this workspace made it: deleting it loses their answer in it (it is not in "
        "the register)",
        "quarantine_delete_return_checklist": "no stranger's letter: a return of the checklist "
        "{form}, as this workspace made it, filled by whoever it was given to: deleting it loses "
        "their answer in it (it is not in the register)",
        "quarantine_how_delete": "no institution's (a private person's letter)? → formgen "
        "quarantine -w {root} --delete {id} --note '…'",
        "status_quarantine_unknown-form": "unknown-form",
        "status_quarantine_tampered": "another workspace's or identity changed",
        "status_quarantine_no-workspace": "made without a workspace",
        "status_quarantine_test-mail": "a test mail's form",
        "status_quarantine_unknown-schema": "unknown-schema",
        "status_quarantine_unknown-category": "unknown-category",
        "status_quarantine_unread-copy": "unread-copy",
        "status_quarantine_unread-fields": "form with damaged fields",
        "status_quarantine_picture": "picture",
        "status_quarantine_part": "part of a form",
        "status_quarantine_merge": "merge",
        "status_quarantine_unknown": "unknown",
        "status_note": "note: {note}",
        "status_note_no_register": "no register in this workspace yet",
        "status_note_empty": "the register is empty (nothing ingested yet): take your list of "
        "institutions into it (formgen register import LIST) or mail them (formgen mail LIST "
        "--drafts FOLDER); the forms that come back are read in by formgen ingest FILE",
        "status_note_unmatched": "returns cannot be matched (the register does not show form "
        "instance ids); every mailed institution counts as outstanding or overdue",
        "status_note_no_instances": "the register keeps no form instance ids; returns cannot be "
        "matched",
        "status_note_plain_json": "this build has no register module; read register.json as "
        "plain JSON",
        "status_note_stale_unknown": "the register was read as plain JSON: stale entries unknown",
        "status_note_damaged": "sendlog.jsonl: damaged line(s) {lines} skipped",
        "status_due": "due",
        "status_asked_in": "  (answered {rounds}; asked again in {round})",
        "status_elsewhere": "  sent to the address with 'ss' for 'ß', another domain than that "
        "of {email} (formgen wrote it so before 25.11.2026); mail it again in a round of its own "
        "(--round)",
        "status_rerun_mail": "  → the server refused the mail itself, not the address: too big? "
        "send one form only (--format pdf); else ask the provider of the mail server what its "
        "answer means; then run the command of round {round} again",
        "status_rerun": "  → run the command of round {round} again (it sends what is still "
        "missing)",
        "status_not_made_in": "  form not made in round {round}: {error}",
        "status_fix_rerun": "  → fix that, then run the command of round {rounds} again",
        # -- formgen status --list: why an institution was not mailed, said again (mailrun.py)
        "status_no_email": "no e-mail address",
        # (end of status_list)
        # -- formgen register: a choice the schema no longer offers; erase; import
        "reg_reason_dropped": "no longer offered, to ask again",
        "reg_region_gone": "'{region}': the current schema no longer offers this region, and no "
        "entry holds it any more; give a region it offers: {regions}",
        "reg_erase_declined": "nothing erased, nothing changed",
        "reg_erase_note_blank": "--note is blank: say who asked for the erasure and when; "
        "nothing changed",
        "reg_erase_already": "{iid} {paths}: erased already ('formgen register history {iid}' "
        "says when); nothing left to erase",
        "reg_erase_never": "{iid} {paths}: never held a value; nothing to erase, nothing changed",
        "reg_erase_none_chosen": "{iid} {paths}: no value held there holds {texts} (case and "
        "accents aside); nothing erased, nothing changed",
        "reg_erase_only_current": "{iid} {paths}: only the current values were ever held there, "
        "and --keep-current keeps them; nothing erased, nothing changed",
        "reg_erase_text_nowhere": "{iid}: {texts} is in none of its notes, values or returns' "
        "names (any more); nothing erased, nothing changed",
        "reg_erase_replay": "{iid}: with the erasure the journal would not make the register "
        "again ({why}); nothing erased, nothing changed — please report this",
        "reg_erase_replay_ids": "other institutions' ids: {ids}",
        "rebuild_half_erased": "{iid}: the journal still holds its name as it was before a "
        "text in it was erased, as the name a checklist row took its id by (a formgen before "
        "25.11.2026 left it so): run that erasure again to erase it there too ('formgen register "
        "erase {iid} --text TEXT --note …')",
        "journal_damaged_line": "{path}:{n}: damaged journal line ({error}); the register can "
        "still be read up to there; restore the file from a backup, or run 'formgen register "
        "repair -w {root}' (without a backup: it keeps the file aside and goes on from the "
        "register as it is)",
        "journal_not_utf8": "not UTF-8 at byte {byte}",
        "journal_not_json": "not JSON at character {column}",
        "journal_not_object": "not an operation",
        "issued_not_record": "not a form's record",
        "prints_not_record": "not a print's record: its stand, personal and sections by checklist",
        "log_empty": "empty (0 bytes)",
        "log_blank": "empty",
        "prints_damaged_more": ", and lines {lines} too",
        "prints_damaged_more_one": ", and line {lines} too",
        "prints_damaged_line": "{path}:{n}: damaged line ({error}){more}, left out: a print "
        "of the binder it recorded is not known; {instead}; restore the file from a backup to compare "
        "with that print",
        "prints_damaged_file": "{path}: {error}, the prints it recorded lost; "
        "{instead}; restore the file from a backup to compare with them",
        "prints_damaged_compared": "compared with the prints of {since:date} it still records "
        "({n}): a section only the lost one printed otherwise is not reprinted",
        "prints_damaged_journal": "no print of {since:date} is recorded readably, so compared "
        "with the register of the day before, made again from the journal (a section that "
        "changed that day is reprinted too), and the sheets of the checklists without an entry "
        "are named to take out as for a binder printed before 25.11.2026",
        "issued_bad_identity": "its form's identity cannot be read: {why}",
        "issued_wrong_type": "{keys} not as formgen writes it",
        "issued_glued": "{error}; a whole line follows it on the same line, read",
        "issued_damaged_line_form": "{path}:{n}: damaged line ({error}) of form {form}; what "
        "formgen made it with and as is not known, so a return of it is kept in the quarantine, "
        "not merged (an unchanged copy could not be told from an answer); restore the file from "
        "a backup, then 'formgen ingest -w {root} {quarantine}' (without a backup: delete the "
        "line, and its returns merge as answers, every value the institution's)",
        "issued_damaged_line": "{path}:{n}: damaged line ({error}), its form not named; a return "
        "of a form the file names nowhere else is kept in the quarantine, not merged (an "
        "unchanged copy could not be told from an answer); restore the file from a backup, then "
        "'formgen ingest -w {root} {quarantine}' (without a backup: delete the line, and such "
        "returns merge as answers, every value the institution's)",
        "ingest_pipeline_issued_damaged": "issued.jsonl line {lines} is damaged{whose}: what "
        "formgen made this form with and as is not known, so an unchanged copy cannot be told "
        "from an answer; not merged — restore issued.jsonl from a backup, then ingest it again",
        "ingest_pipeline_issued_damaged_maybe": " and names no form, and the file names this "
        "form nowhere else",
        "journal_seq_gap": "operation {seq} follows operation {before}: lines are missing",
        "journal_seq_first": "the journal begins with operation {seq}: lines before it are missing",
        "journal_seq_again": "operation {seq} follows operation {before}: a line is there twice "
        "or out of order",
        "journal_short": "{path}:{n}: damaged journal: it ends with operation {last}, but "
        "{register} holds {held} (its last line cut off, or lines missing); nothing changed: "
        "restore {path} from a backup, or run 'formgen register repair -w {root}' (without a "
        "backup: it keeps the file aside and goes on from the register as it is); until then "
        "the register can be read as it is, not changed or rebuilt",
        "journal_unknown_op": "journal operation {seq}: unknown kind '{kind}' (written by a newer "
        "formgen? update formgen to read this workspace)",
        "journal_original_missing": "journal operation {seq}: the original {sha}… is missing from "
        "{folder}; rebuild without re-reading to use the journal's copy",
        # -- formgen register: a command line that cannot be done as given (cli/register.py)
        "reg_usage_duplicate": "a probable duplicate needs --merge or --new",
        "reg_usage_conflict": "a conflict needs --take mine (keep the value the register holds) "
        "or --take theirs (take the returned or imported one)",
        "reg_usage_target": "name a conflict (c-0001), an institution id or a probable "
        "duplicate (d-0001), or --field PATH to decide that field's held values of every "
        "institution",
        "reg_usage_group": "--region and --category choose among the held values of --field "
        "PATH without TARGET; {target} names its own",
        "reg_usage_dry_duplicate": "--dry-run is for held values; 'formgen register conflicts' "
        "shows what {target} would merge",
        "reg_usage_note_blank": "--note is blank; {ask}",
        "reg_usage_ask_merge": "say why they are one",
        "reg_usage_ask_split": "say why it splits off",
        "reg_usage_ask_set": "say where the change comes from",
        "reg_usage_ask_confirm": "say who confirmed it and how",
        "reg_usage_ask_import": "say where the list comes from, or leave --note out",
        "reg_usage_value_or_clear": "give a VALUE, or --clear to remove the value (not both)",
        "reg_usage_value_blank": "VALUE is blank; to remove the value, use --clear",
        "reg_usage_text_once": "give the text to look for once: as WORDS or with --text",
        "reg_usage_all_text_only": "--all looks for a text everywhere: give the text (a name, "
        "an address, a phone number), without --category, --region or --language",
        "access_head": "„{text}“ in {root}: found at {n} places",
        "access_head_one": "„{text}“ in {root}: found at 1 place",
        "access_none": "„{text}“: found nowhere in {root}",
        "access_spool": "Not searched, left by an ingest killed outright with the files it took "
        "apart (the next 'formgen ingest' or 'formgen register erase' deletes it): {path}",
        "access_partial": "  {n} of them with a part of the name only ({parts}): see whether it "
        "is the same person",
        "access_partial_one": "  1 of them with a part of the name only ({parts}): see whether "
        "it is the same person",
        "access_partial_at": "only „{part}“",
        "access_where_value": "Values now (register.json):",
        "access_where_earlier": "Earlier values and the history (register.json):",
        "access_where_held": "Held for a decision (register.json):",
        "access_where_source": "Where values came from: files, mail senders, notes "
        "(register.json; the originals in archive/):",
        "access_where_journal": "Journal (journal.jsonl):",
        "access_where_aside": "Copies of register.json kept aside by 'register repair' or "
        "'register rebuild' (damaged, or changed outside formgen):",
        "access_where_quarantine": "Quarantine records (quarantine/):",
        "access_where_property": "Who wrote and last saved the Word and OpenDocument files in "
        "archive/ and quarantine/ (their document properties):",
        "access_where_sendlog": "Send log (sendlog.jsonl):",
        "access_where_issued": "Forms issued and what they were prefilled with (issued.jsonl; "
        "the forms in forms/):",
        "access_where_mail": "Mails with these forms (sendlog.jsonl): out of formgen's reach, "
        "in the mailbox they were sent from (Sent) and the recipient's; a draft if it was sent "
        "from the mail program:",
        "access_mail_sent": "sent",
        "access_mail_draft": "draft",
        "access_mail_maybe_sent": "maybe sent (the run ended before the server's answer)",
        "access_where_export": "Reports and exports (exports/):",
        "access_outside": "Not searched, written by formgen outside the workspace (--out, "
        "--output, -o; written.jsonl): forms, prints and tables that may hold the text:",
        "access_outside_file": "  {path} · {day}",
        "access_outside_gone": "  {path} · {day} · no longer there (moved or deleted)",
        "access_line": "{file} line {n}",
        "access_since_until": "stored {since}, replaced {until}",
        "access_operation": "operation {n}: {op}",
        "access_op_merge": "return read in",
        "access_op_import": "list imported",
        "access_op_set": "set by hand",
        "access_op_confirm": "confirmed",
        "access_op_resolve": "decided",
        "access_op_resolve_duplicate": "probable duplicate decided",
        "access_op_retire": "taken out of the register",
        "access_op_restore": "restored",
        "access_op_merge_institutions": "institutions merged",
        "access_op_split": "service split off",
        "access_op_erase": "erased",
        "access_key_note": "note",
        "access_key_problem": "why it is invalid",
        "access_key_problem_args": "why it is invalid",
        "access_key_file_name": "file name",
        "access_key_mail_from": "mail's sender",
        "access_key_mail_subject": "mail's subject",
        "access_not_searched": "Not searched inside: {files}the mail drafts outside the "
        "workspace (mail --drafts: the send log names them) and test drafts (mail --test-to).",
        "access_count_archive": "{n} archived originals (archive/), ",
        "access_count_archive_one": "1 archived original (archive/), ",
        "access_count_quarantine": "{n} files in the quarantine, ",
        "access_count_quarantine_one": "1 file in the quarantine, ",
        "access_count_forms": "{n} forms (forms/), ",
        "access_count_forms_one": "1 form (forms/), ",
        "access_count_exports": "{n} PDF or XLSX files in exports/ (made from the register), ",
        "access_count_exports_one": "1 PDF or XLSX file in exports/ (made from the register), ",
        "reg_import_held_invalid": "{field}: the value held is invalid: {why}",
        "reg_merge_unseen": "{iid}: {paths}: changed in the register since this form was "
        "made, which did not show the new value: not confirmed by this return; the entries it "
        "belongs to stay unconfirmed, on the update list ('formgen register stale')",
        "reg_merge_held": "{field}: held as {cid}: {theirs}; the register keeps {mine} ({why}) "
        "→ formgen register resolve {cid} --take theirs (take the held value) or --take mine "
        "(keep the register's)",
        # -- formgen register: values the institution confirmed to a coordinator (confirm)
        "reg_held_confirmed_hand": "the institution confirmed the register's value, recorded "
        "by hand on {day:date} ({note}); this checklist came from someone else",
        "reg_held_import_confirmed_hand": "the institution confirmed the register's value, "
        "recorded by hand on {day:date} ({note}); an imported list never replaces it by itself",
        # -- register commands' errors (ingest/register.py, formgen/cli/register.py)
        "regerr_none": "none",
        "regerr_decided": "{target} was decided already{how}",
        "regerr_decided_taken": ": the returned value was taken ('formgen register history {iid}')",
        "regerr_decided_kept": ": the register's value was kept",
        "regerr_not_held": "'{target}' is neither a held conflict nor an institution; 'formgen "
        "register conflicts' lists what waits for a decision",
        "regerr_no_held": "{target} has no held conflict; 'formgen register conflicts' lists them",
        "regerr_no_held_path": "{target} has no held conflict for {path}; 'formgen register "
        "conflicts' lists them",
        "regerr_no_held_field": "no held conflict for {path} among these; 'formgen register "
        "conflicts' lists them",
        "regerr_take": "--take must be 'mine' or 'theirs', not '{take}'",
        "regerr_no_duplicate": "no probable duplicate '{did}'; 'formgen register conflicts' lists "
        "them",
        "regerr_decide_with": "decide with 'merge' or 'new', not '{decision}'",
        "regerr_retired_already": "{iid} is {retired} already; nothing changed ('formgen register "
        "restore {iid}' takes it back)",
        "regerr_not_retired": "{iid} is not retired; nothing changed ('formgen register retire "
        "{iid}' takes an institution out of the register)",
        "regerr_retired": "{iid} is {retired}; nothing changed — 'formgen register restore {iid}' "
        "takes it back, or {doing} with --force all the same",
        "regerr_doing_confirm": "confirm it",
        "regerr_doing_set": "set the value",
        "regerr_confirm_no_entry": "{iid} has no entry in {cid_name} ({cid}); its entries: {has}; "
        "nothing changed",
        "regerr_confirm_nothing": "{iid} has no entry to confirm; nothing changed",
        "regerr_set_held": "{iid} {path}: a returned value waits for a decision as {cid}; nothing "
        "changed — decide it first ('formgen register resolve {cid} --take mine|theirs'; 'formgen "
        "register conflicts' shows both values), then set it",
        "regerr_set_too_long": "{where}: the value is {n:,} characters long, more than the "
        "{most:,} a value may have — shorten it; nothing changed",
        "regerr_set_invalid": "{where}: {problem}; nothing changed",
        "regerr_set_control": "{where}: the value holds the control character {char} "
        "('{value}'), which is no text and which no form shows; type it without; nothing changed",
        "regerr_set_override": "{where}: the value holds {char}, a character that reverses "
        "the direction of the text after it, so that it shows otherwise than typed: '{value}'; "
        "type it without (Arabic or Hebrew needs none); nothing changed",
        "regerr_set_no_value": "{where}: no value given; nothing changed — to remove the "
        "value, use --clear",
        "regerr_set_holds": "{iid} {path} holds '{value}' already; nothing changed",
        "regerr_set_holds_none": "{iid} {path} holds no value already; nothing changed",
        "regerr_path_no_value": "'{path}' names no value{hint}: write institution.FIELD or "
        "CATEGORY.FIELD, e.g. institution.phone or psychotherapie.languages_offered",
        "regerr_path_no_checklist": "'{path}': '{scope}' is neither 'institution' nor a "
        "checklist of the schema{hint}; {iid}'s entries: {has}",
        "regerr_path_meant": " (did you mean {path}, '{label}'?)",
        "regerr_path_no_entry": "'{path}': {iid} has no entry in {scope_name} ({scope}); its "
        "entries: {has}; {advice}",
        "regerr_path_get_entry": "a checklist's values come with its form: 'formgen generate pdf "
        "--institution {iid} --category {scope}'",
        "regerr_path_erase_none": "it holds no value there to erase; nothing changed",
        "regerr_path_no_field": "'{path}': {scope_name} ({scope}) has no field '{field}'{hint}; "
        "its fields: {fields}",
        "regerr_path_field_missing": "'{path}': the field is missing, write {scope}.FIELD; the "
        "fields of {scope_name}: {fields}",
        "regerr_unknown_language": "unknown language '{text}'{hint}; give an ISO code (fa, ar, tr) "
        "or a name (Farsi, Arabisch)",
        "find_region_as_text": "'{text}' is in {n} entries (a town?); the text search finds them: "
        "{command}",
        "find_region_as_text_one": "'{text}' is in 1 entry (a town?); the text search finds it: "
        "{command}",
        "regerr_unknown_region": "unknown region '{text}'; give its id or its name, or add it to "
        "workspace.toml under [[regions]]{known}",
        "regerr_no_regions": "region '{text}': the schema has no regions (nothing is split by "
        "region); leave the region out",
        "regerr_unknown_category": "unknown category '{text}'; give its id or its name{known}",
        "regerr_import_empty_sheet": "{file}: the first sheet is empty; nothing was imported",
        "regerr_import_empty_file": "{file}: the file is empty; nothing was imported",
        "regerr_import_not_table": "{file}: not a table of the register: none of its columns "
        "({shown}) is one 'formgen register export' writes; nothing was imported — the header must "
        "be in line 1 (delete title lines above it); export the "
        "register (--format csv or xlsx, with or without --labels) and fill in that table",
        "regerr_import_column": "'{column}'{hint}",
        "regerr_import_unknown_column": "{file}: column the register's table does not have: "
        "{columns}; nothing was imported — rename or delete it (the table 'formgen register "
        "export' writes, with or without --labels, has the columns to use)",
        "regerr_import_unknown_columns": "{file}: columns the register's table does not have: "
        "{columns}; nothing was imported — rename or delete them (the table 'formgen register "
        "export' writes, with or without --labels, has the columns to use)",
        "regerr_import_no_id": "{file}: the table has neither the column {id} nor {name}; nothing "
        "was imported — each row needs the id of an institution the register knows, or a name",
        "regerr_import_refused": "{file}: not imported: {reason}; nothing changed",
        "regerr_no_reread": "re-reading the archived originals needs the ingest pipeline "
        "(ingest.pipeline.make_reread), which this installation lacks; run 'formgen register "
        "rebuild' without --reread",
        "regerr_export_left_out": "{iid}, {field}: {chars} left out of the XLSX export: an Excel "
        "cell cannot hold control characters; the register and the CSV and JSON exports keep the "
        "value",
        "regerr_warning": "Warning: {warning}",
        "register_edited": "Note: {path} was changed outside formgen (by hand, in an "
        "editor?). formgen uses what was changed there, but it is not in the history ('formgen "
        "register history'), and 'formgen register rebuild' would undo it. Do not change "
        "register.json yourself: change a value with 'formgen register set ID FIELD VALUE "
        '--note TEXT\' (e.g. formgen register set inst-0001 institution.phone "0211 5556667" '
        '--note "per Telefon"). To make the register match its history again: \'formgen '
        "register rebuild' (it keeps the changed file aside), then 'formgen register set' for "
        "each value that is to stay",
        "regerr_not_utf8": "{source}: not UTF-8 text (byte {byte}); the register is damaged. It "
        "was not changed: restore it from a backup or run 'formgen register rebuild'",
        "regerr_not_json": "{source}: line {line}, column {column}: {why}; the register is damaged "
        "or was edited by hand. It was not changed: fix that place, restore a backup, or run "
        "'formgen register rebuild' to make it again from the archive",
        "regerr_not_register": '{source}: not a formgen register (no "format": "{format}"); it '
        "was not changed",
        "regerr_no_version": "{source}: 'format_version' is missing or not a number",
        "regerr_shape": "{source}: {where}: {what}; the register was edited by hand or is damaged. "
        "It was not changed: fix that place, restore a backup, or run 'formgen register rebuild'",
        "regerr_shape_inst": "institution {iid}",
        "regerr_shape_entry": "institution {iid}, entry {cid}",
        "regerr_shape_value": "institution {iid}, {path}",
        "regerr_shape_history": "institution {iid}, history item {n}",
        "regerr_shape_conflict": "conflicts, {cid}",
        "regerr_shape_object": "must be an object",
        "regerr_shape_whole": "must be a whole number",
        "regerr_shape_kind": "'{name}' is missing or of the wrong kind",
        "regerr_shape_fields": "'fields' is missing",
        "regerr_shape_stored": "not a stored value",
        "regerr_shape_retired": "'retired' must be an object with 'at' (a time) and 'reason' "
        "(text or null)",
        "regerr_shape_changes": "must be an object whose 'changes' is a list of [field path, old "
        "value, new value]",
        "regerr_shape_held": "must be an object with 'path' and 'institution_id' (text)",
        "regerr_newer": "{source}: written by a newer formgen (register format {version}; this "
        "formgen reads up to {most}); update formgen to work with this register",
        "regerr_lacks": "{source}: the register lacks {keys}; it was edited by hand or is damaged. "
        "It was not changed: restore a backup or run 'formgen register rebuild'",
        "regerr_other_schema": "{source}: the register belongs to schema '{theirs}', the workspace "
        "uses '{ours}'",
        # (end of reg_errors)
        # -- formgen register merge: two institutions of the register are one (ingest/register.py,
        # formgen/cli/register.py, ingest/history.py)
        "merge_done": "{other} {other_name}: merged into {keep} {name} ({note}) and retired: "
        "from now on left out of find, stale, gaps, status, the print, the tables and the mail "
        "rounds; a form of it that comes back goes to {keep} (its history stays: formgen "
        "register history {other})",
        "merge_would": "--dry-run: {other} {other_name} would be merged into {keep} {name}; "
        "nothing changed",
        "merge_taken": "  taken from {other}: {field}: {value}",
        "merge_held": "  held as {cid}: {field}: {keep} keeps {mine}, {other} has {theirs} → "
        "formgen register resolve {cid} --take mine|theirs",
        "merge_same_values": "  {n} values the same in both",
        "merge_same_values_one": "  1 value the same in both",
        "merge_restored": "  it was merged into {keep}: what the merge took into {keep} stays "
        "there (and its values held there in 'formgen register conflicts'); returns of its forms "
        "go to {iid} again",
        "merge_by_hand": "merged from {other} by hand: {note}",
        # -- formgen register split: a service split off another (ingest/register.py,
        # formgen/cli/register.py, ingest/history.py, ingest/printed.py)
        "split_by_hand": "split off {other} by hand: {note}",
        "op_split_off": "{other} {name} split off it: {note}",
        "split_done": "{new} {name}: split off {iid} {old} ({note}), a new institution with the "
        "other values and checklists of {iid} as a start (not its contact persons: the new one "
        "names its own on its form), none of them its word: until it "
        "answers, its entries are never confirmed, and formgen mail --stale --drafts FOLDER (or "
        "--send) mails it a form to correct them (to correct one now: formgen register set {new} "
        "PATH VALUE --note …); {iid} keeps its id and history; a checklist tells them apart by "
        "their names: an address or phone they share tells nothing",
        "split_would": "--dry-run: {new} {name} would split off {iid} {old} ({note}), starting "
        "with these values of {iid} (not its contact persons), none of them its word; nothing "
        "changed",
        "split_would_value": "  {field}: {value}",
        "split_would_checklists": "  its checklists: {categories}",
        "split_retired": "{iid} is {retired}; nothing changed — to split a service off it, take it "
        "back first: 'formgen register restore {iid}'",
        "split_same_name": "{iid} is named {name} already; nothing changed — the service that "
        "splits off needs a name of its own (to rename {iid}: formgen register set {iid} "
        "institution.name NAME --note …)",
        "split_name_where": "--name of the service that splits off {iid}",
        "split_no_name": "the service that splits off {iid} needs a name (--name NAME); "
        "nothing changed",
        "print_split_from": "split off from {name} on\u00a0{date}",
        "print_split_off": "{name} split off on\u00a0{date}",
        "merge_reason": "merged into {keep}",
        "held_merged_value": "merged",
        "took_merged": "the merged institution's value taken",
        "op_merge_into": "merged into {keep} {name} and retired: {note}",
        "held_merged": "the institution merged into this one held another value; the register "
        "keeps its own until you decide",
        "held_merged_form": "its form was made for an institution merged into this one since, "
        "and the register holds another value than the form showed",
        "ingest_merge_merged_into": "{iid} was merged into {keep} '{name}' on {day:day}; its return "
        "was merged into {keep}",
        "merge_same": "{iid} given twice: give the institution to keep, then the one to merge "
        "into it; nothing changed",
        "merge_merged_already": "{other} was merged into {keep} already; nothing changed "
        "('formgen register history {other}')",
        "merge_other_retired": "{other} is {retired}; nothing changed — to merge its values, take "
        "it back first: 'formgen register restore {other}'",
        "merge_keep_merged": "{keep} was merged into {into}; nothing changed — merge into that "
        "one: 'formgen register merge {into} {other} --note \"the same institution\"'",
        "merge_keep_retired": "{keep} is {retired}; nothing changed — take it back first "
        "to keep it: 'formgen register restore {keep}'",
        "merge_other_held": "{other}: values wait for a decision ({cids}); nothing changed — "
        "decide them first ('formgen register resolve {other} --take mine|theirs'), then merge",
        "merge_other_duplicates": "returns that look like {other} wait for a decision ({dids}); "
        "nothing changed — decide them first ('formgen register resolve d-NNNN --merge|--new'), "
        "then merge",
        # (end of register merge)
        # -- formgen ingest: the report's frame (ingest/report.py)
        "ingest_status_ok": "ok",
        "ingest_status_warnings": "warnings",
        "ingest_status_quarantined": "quarantined",
        "ingest_status_unreadable": "unreadable",
        "ingest_status_unsupported": "unsupported",
        "ingest_status_skipped": "skipped",
        "ingest_status_duplicate": "duplicate",
        "ingest_status_container": "container",
        "ingest_count_ok": "{n} ok",
        "ingest_count_warnings": "{n} with warnings",
        "ingest_count_quarantined": "{n} quarantined",
        "ingest_count_unreadable": "{n} unreadable",
        "ingest_count_unsupported": "{n} unsupported",
        "ingest_count_skipped": "{n} skipped",
        "ingest_count_duplicate": "{n} duplicates",
        "ingest_count_duplicate_one": "1 duplicate",
        "ingest_count_no_attachment": "{n} mails without a form",
        "ingest_count_no_attachment_one": "1 mail without a form",
        "ingest_form": "form {form}",
        "ingest_entries": "{n} entries",
        "ingest_entries_one": "1 entry",
        "ingest_warnings": "{n} warnings",
        "ingest_warnings_one": "1 warning",
        "ingest_more": "… and {n} more (--json shows all)",
        "ingest_skipped_run": "{n} attachments that are not forms ({kinds})",
        "ingest_duplicate_run": "{n:,} attachments with the content of one before them; each "
        "content handled once (--json lists them)",
        "ingest_summary": "{n} files in {seconds:.1f} s ({rate:.1f}/s): {counts}",
        "ingest_summary_one": "1 file in {seconds:.1f} s ({rate:.1f}/s): {counts}",
        "ingest_nothing_handled": "nothing handled",
        "ingest_nothing": "nothing to ingest",
        "ingest_interrupted": "; interrupted: {n} more not handled — run the same command again "
        "for them (what was merged is kept and reported as duplicate then)",
        # -- formgen ingest: the pipeline (ingest/pipeline.py, sniff.py, spool.py, cli/ingest.py)
        "ingest_pipeline_what_empty": "an empty file (0 bytes)",
        "ingest_pipeline_what_odt": "an OpenDocument text (.odt)",
        "ingest_pipeline_what_office_zip": "an Office file that is not a Word document or text "
        "(Excel, PowerPoint, a LibreOffice spreadsheet …)",
        "ingest_pipeline_what_zip": "a ZIP archive",
        "ingest_pipeline_what_ole": "an old Office file (.doc/.xls) or another OLE2 file",
        "ingest_pipeline_what_archive": "an archive formgen does not unpack (.gz, .tar, .7z, .rar)",
        "ingest_pipeline_what_program": "a Windows program (.exe), perhaps a self-extracting "
        "archive",
        "ingest_pipeline_what_tnef": "Outlook's winmail.dat (TNEF)",
        "ingest_pipeline_what_image": "an image",
        "ingest_pipeline_what_text": "a text file",
        "ingest_pipeline_what_unknown": "not a file type formgen reads",
        "ingest_pipeline_what_gzip": "a gzip-compressed file (.gz, .tar.gz)",
        "ingest_pipeline_what_7z": "a 7-Zip archive (.7z)",
        "ingest_pipeline_what_rar": "a RAR archive (.rar)",
        "ingest_pipeline_what_tar": "a tar archive (.tar)",
        "ingest_pipeline_what_bzip2": "a bzip2-compressed file (.bz2, .tar.bz2)",
        "ingest_pipeline_what_xz": "an xz-compressed file (.xz, .tar.xz)",
        "ingest_pipeline_what_zstd": "a zstd-compressed file (.zst, .tar.zst)",
        "ingest_pipeline_what_folder": "a folder",
        "ingest_pipeline_what_fifo": "a named pipe (FIFO)",
        "ingest_pipeline_what_socket": "a socket",
        "ingest_pipeline_what_device": "a device (like /dev/zero)",
        "ingest_pipeline_what_disk": "a disk device",
        "ingest_pipeline_what_other": "something other than a file",
        "ingest_pipeline_what_picture": "a picture",
        "ingest_pipeline_what_picture_size": "a picture of {width}×{height} pixels",
        "ingest_pipeline_link_to": "a link to {what}",
        "ingest_pipeline_paper_advice": "type its values in and ingest that: a form mailed to "
        "an institution into that form (forms/mail/ROUND/ID_FG-….pdf in the workspace, or, "
        "once mail --forget-forms deleted it, a new one: 'formgen generate pdf "
        "--institution ID'; its return then answers that round), a blank checklist handed out on paper into the "
        "institution's own form ('formgen generate pdf --institution ID' where the register has "
        "it) or a new checklist ('formgen generate pdf --category CATEGORY'); or set them with "
        "'formgen register set ID PATH VALUE --note …', or ask the sender to fill in the PDF on "
        "screen",
        "ingest_pipeline_part": "part of form {form} ({iid}) without the page that holds its "
        "identity: {pages}; kept aside in the quarantine, not merged ({count} fields filled in, "
        "listed in this run's report) — ask the institution for the whole form (all pages in "
        "one file) or type the values into its form (forms/mail/ROUND/{iid}_{form}.pdf in the "
        "workspace, or, once mail --forget-forms deleted it, a new one: 'formgen "
        "generate pdf --institution {iid}') and ingest that",
        "ingest_pipeline_part_pages": "only page {pages} of {total}, page {missing} missing",
        "ingest_pipeline_part_pages_unknown": "which pages are missing cannot be told",
        "ingest_pipeline_part_value": "on the part: {path} = {value}",
        "ingest_pipeline_flattened": "flattened PDF",
        "ingest_pipeline_no_reader": "{what} files cannot be read: this installation has no "
        "{what} reader ({module})",
        "ingest_pipeline_not_a_form": "{what}, not a returned form (PDF, DOCX or ODT)",
        "ingest_pipeline_advice_ole": "if it is the form, ask the sender to save it as .docx or "
        "PDF",
        "ingest_pipeline_advice_archive": "unpack it and ingest the files in it",
        "ingest_pipeline_advice_program": "do not run it: ask the sender for the forms themselves "
        "(PDF, DOCX or a ZIP archive of them)",
        "ingest_pipeline_misnamed": "named {claimed} but it is {what}, not a {type}; ask the "
        "sender for the form itself",
        "ingest_pipeline_empty": "empty file (0 bytes): nothing to read; ask the sender to send "
        "the form again",
        "ingest_pipeline_too_large": "{size:,} bytes is more than the {limit:,} bytes a returned "
        "form may have; not read",
        "ingest_pipeline_unknown_form": "unknown form: {why}; kept aside in the quarantine, not "
        "merged",
        "ingest_pipeline_tampered": "tampered or damaged identity: {why}; not merged — check with "
        "the sender",
        "ingest_pipeline_not_a_file": "{what}, not a file; not read",
        "ingest_pipeline_memory": "needed more than the {mb} MB memory bound per file; not read "
        "(a damaged or hostile file?) — ask the sender to save the form again",
        "ingest_pipeline_nested": "nested too deeply to read (a damaged or hostile file?)",
        "ingest_pipeline_cannot_read": "cannot read the file: {why}",
        "ingest_pipeline_reader_failed": "the {kind} reader failed ({error}: {message}); {where}",
        "ingest_pipeline_file_reader_failed": "the file reader failed ({error}: {message}); "
        "{where}",
        "ingest_pipeline_report_file": "the file is kept where it is — please report this with "
        "the file",
        "ingest_pipeline_report_container": "it came in {container} (formgen keeps no copy of it) "
        "— please report this with that mail or archive",
        "ingest_pipeline_logo": "{what}, too small for a form's page (a logo?); not a returned "
        "form",
        "ingest_pipeline_picture": "{what}: a photo or scan of a paper form? formgen cannot read "
        "pictures; kept aside in the quarantine — {advice}",
        "ingest_pipeline_scanned_pdf": "a PDF whose pages are only pictures, without text or "
        "form fields",
        "ingest_pipeline_nested_archives": "archives and mails nested more than {n} deep; not "
        "unpacked (a damaged or hostile archive?)",
        "ingest_pipeline_attachment": "#{position} {name}: {why}",
        "ingest_pipeline_mailbox_too_big": "the attachments of this mailbox exceed {limit:,} "
        "bytes; the rest were not read — split the mailbox",
        "ingest_pipeline_archive_of": "{what} of {n} files",
        "ingest_pipeline_archive_of_one": "{what} of 1 file",
        "ingest_pipeline_mails": "{n} mails",
        "ingest_pipeline_mails_one": "1 mail",
        "ingest_pipeline_attachments": "{n} attachments",
        "ingest_pipeline_attachments_one": "{n} attachment",
        "ingest_answer_unknown": "{what} (mail from {sender}, subject '{subject}')",
        "ingest_answer_by_message_id": "by the Message-ID of the mail it answers",
        "ingest_answer_by_reference": "by the form's reference it quotes",
        "ingest_answer_by_address": "by its sender's address, which only this institution has",
        "ingest_answer_found": "{what}, no form: the answer of {sender} ({day}, '{subject}') to "
        "the mail to {iid} ({name}) of {mailed} (known {how}); if it says that nothing changed, "
        "read it in as that institution's form {forms} sent back unchanged: {command}",
        "ingest_answer_taken": "{what}, no form: the answer of {sender} ({day}, '{subject}') to "
        "the mail to {iid} ({name}) of {mailed} (known {how}), read in as its form {forms} sent "
        "back unchanged (--no-changes)",
        "ingest_answer_no_form_kept": "{what}, no form: the answer of {sender} ({day}, "
        "'{subject}') to the mail to {iid} ({name}) of {mailed} (known {how}); the workspace "
        "no longer keeps the form that mail carried: if it says that nothing changed, {command}",
        "ingest_answer_other_sender": "{what}, no form: the answer of {sender} ({day}, "
        "'{subject}') to the mail to {iid} ({name}) of {mailed} (known {how}); but it was sent "
        "from the address of {others}, as formgen mailed it: credited to neither, not even with "
        "--no-changes (a forwarded, mixed-up or forged mail?) — once read, record by hand the "
        "one that answered: {command}",
        "ingest_answer_unreadable": "{what}, no form: the answer of {sender} ({day}, "
        "'{subject}') to the mail to {iid} ({name}) of {mailed} (known {how}); its text cannot "
        "be read ({why}): not read in, not even with --no-changes — if the mail program shows "
        "that it says nothing changed: {command}",
        "ingest_answer_charset": "written in the charset '{charset}', which formgen does not know",
        "ingest_answer_undecodable": "damaged",
        "ingest_answer_kept": "an answer without a form fills in none of the required fields "
        "left empty when the form was sent ({fields}); the register keeps their values",
        "ingest_answers_in_box": "--no-changes reads in every answer recognised in this "
        "mailbox ({n}), each as its forms sent back unchanged; one that tells of a change is "
        'recorded by hand instead (formgen register set ID PATH VALUE --note "mail of DAY"), '
        "or read in from the mail saved on its own",
        "ingest_answers_in_box_one": "--no-changes reads in the answer recognised in this "
        "mailbox as its forms sent back unchanged; if it tells of a change, record that by hand "
        'instead (formgen register set ID PATH VALUE --note "mail of DAY")',
        "ingest_pipeline_no_attachment": "{what}: no attachment to ingest; an answer without a "
        'form ("no changes", nothing to report) is recorded by hand: formgen register confirm '
        'ID --note "mail of DAY: no changes" (the ID: formgen register find NAME), or a value '
        'told: formgen register set ID PATH VALUE --note "mail of DAY"',
        "ingest_pipeline_result_too_big": "the result was too big to hand back within the memory "
        "bound",
        "ingest_pipeline_timeout": "reading took longer than {seconds:g} s and was stopped (a "
        "damaged or hostile file?); not read, the other files went on — ingest it again on its "
        "own with a longer --timeout, and if it is stopped again, ask the sender to save the form "
        "again",
        "ingest_pipeline_killed": "the reader was killed while reading this file (SIGKILL), most "
        "likely by the system for lack of memory; not read, the other files went on — ingest it "
        "again on its own, and if that fails too, ask the sender to save the form again",
        "ingest_pipeline_crashed": "the reader crashed on this file ({signal}): a damaged or "
        "hostile file, or one over the {mb} MB memory bound",
        "ingest_pipeline_ended": "the reader ended unexpectedly on this file",
        "ingest_pipeline_ended_status": "the reader ended unexpectedly on this file (exit status "
        "{code})",
        "ingest_pipeline_died": "{what}; not read, the other files went on — ask the sender to "
        "save the form again; {where}",
        "ingest_pipeline_cannot_read_folder": "cannot read the folder: {why}; its files were not "
        "read (check its permissions)",
        "ingest_pipeline_no_such": "no such file or folder",
        "ingest_pipeline_gone": "no such file or folder (moved or deleted meanwhile?)",
        "ingest_pipeline_link_loops": "a link that loops (it leads back to itself); not read",
        "ingest_pipeline_link_nowhere": "a link to something that does not exist{target}; not read",
        "ingest_pipeline_folder_link": "a link to a folder{target}; not followed (it may lead in "
        "a circle, or to files read twice) — ingest that folder on its own",
        "ingest_pipeline_hidden_files": "{n} hidden files",
        "ingest_pipeline_hidden_files_one": "1 hidden file",
        "ingest_pipeline_hidden_folders": "{n} hidden folders",
        "ingest_pipeline_hidden_folders_one": "1 hidden folder",
        "ingest_pipeline_hidden_both": "{files} and {folders}",
        "ingest_pipeline_hidden": "{what} (names starting with '.')",
        "ingest_pipeline_lock_files": "{n} Office lock or temporary files (~$…, ~….tmp)",
        "ingest_pipeline_lock_files_one": "1 Office lock or temporary file (~$…, ~….tmp)",
        "ingest_pipeline_windows_files": "{n} files of Windows Explorer (Thumbs.db, desktop.ini)",
        "ingest_pipeline_windows_files_one": "1 file of Windows Explorer (Thumbs.db, desktop.ini)",
        "ingest_pipeline_left_out": "{what} left out; to read one, name it on the command line",
        "ingest_pipeline_left_out_never": "{what} left out: never a returned form",
        "ingest_pipeline_downloading": "still downloading, or a download that did not finish "
        "(a browser's {suffix}); once it has finished, ingest {name}, or download it again",
        "ingest_pipeline_maildir_folder": "a folder inside the Maildir's {sub}/, where a mail "
        "program keeps only mails; not read — if it holds saved mails, ingest it on its own",
        "ingest_pipeline_maildir_folder_link": "a link to a folder inside the Maildir's {sub}/, "
        "where a mail program keeps only mails; not read — if it holds saved mails, ingest it on "
        "its own",
        "ingest_pipeline_same_content": "same content as {first}; handled once",
        "ingest_pipeline_not_merged": "not merged: {why}",
        "ingest_pipeline_as_made": "form {form} exactly as formgen made it, nothing filled in or "
        "changed: {where}, not a return; an institution confirming its form unchanged is counted "
        "from its own mail",
        "ingest_pipeline_as_made_mail": "a mail from this centre (a draft or a sent mail?)",
        "ingest_pipeline_as_made_copy": "a copy of it",
        "ingest_pipeline_kept_aside": "{name} (kept aside from {file})",
        "ingest_pipeline_progress": "Ingesting",
        "ingest_pipeline_dry_run": "(dry run: nothing merged)",
        "ingest_pipeline_report_saved": "report with every warning: {path}",
        "ingest_pipeline_report_header": "{at}: {command} (workspace {root})",
        "ingest_pipeline_report_not_saved": "warning: the report could not be saved: {why}",
        "ingest_pipeline_interrupted": "interrupted ({by}): {n} files not handled; run the same "
        "command again for them",
        "ingest_pipeline_interrupted_one": "interrupted ({by}): 1 file not handled; run the same "
        "command again for it",
        "ingest_pipeline_strict": "--strict: {failed} of {n} files were not ok; see the report "
        "above",
        "ingest_pipeline_run_failed": "the run failed: {why}",
        "ingest_pipeline_run_failed_kept": "the run failed: {why}; the {n} files merged before "
        "this are kept in the register (run the command again when this is fixed: they are then "
        "reported as duplicate)",
        "ingest_pipeline_run_failed_kept_one": "the run failed: {why}; the 1 file merged before "
        "this is kept in the register (run the command again when this is fixed: they are then "
        "reported as duplicate)",
        # (end of ingest_pipeline)
        # -- formgen ingest: the PDF readers (pdf_reader.py, flat_reader.py, printed.py)
        "ingest_pdf_empty": "the file is empty (0 bytes); ask the sender to send the form again",
        "ingest_pdf_not_pdf": "not a PDF file (it starts with {start!r}); if it is a form, ask "
        "for the PDF itself",
        "ingest_pdf_truncated": "the PDF is truncated (its end marker %%EOF is missing; {size} "
        "bytes arrived); the mail or download was probably cut off, ask the sender to send the "
        "file again",
        "ingest_pdf_cut_update": "the PDF is incomplete: it ends {after:,} bytes into changes "
        "saved after an earlier state ({size:,} bytes arrived), so what was saved last, the "
        "values typed in, is missing; the mail or upload was probably cut off, ask the sender "
        "to send the file again",
        "ingest_pdf_update_unended": "the PDF is damaged: the changes saved last ({after:,} bytes "
        "after an earlier state) end without their cross-reference (startxref), as a file cut "
        "off with an end marker %%EOF put after it; only the earlier state could be read, "
        "without what was saved last; ask the sender to send the file again",
        "ingest_pdf_damaged": "the PDF is damaged and could not be repaired ({detail}); ask the "
        "sender to save the form again and resend it",
        "ingest_pdf_encrypted": "the PDF is password-protected; ask the sender to save it without "
        "a password (or to send the password) and send it again",
        "ingest_pdf_xfa": "the PDF is an XFA form (made or converted with Adobe "
        "LiveCycle/Designer); formgen's forms carry no XFA and the values may only be in the XFA "
        "data; ask the sender to fill the original formgen form, or print it to PDF",
        "ingest_pdf_too_large_file": "the file has {size:,} bytes, more than the limit of "
        "{limit:,}; a returned form is not that large, check what was sent",
        "ingest_pdf_too_many_objects": "the PDF declares {count:,} objects, more than the limit "
        "of {limit:,}; it is not a formgen form",
        "ingest_pdf_too_many_fields": "the PDF has more than {limit:,} form fields; it is not a "
        "formgen form",
        "ingest_pdf_too_deep": "the PDF's form fields are nested more than {limit} levels deep; "
        "it is not a formgen form",
        "ingest_pdf_too_many_pages": "the PDF has {count:,} pages, more than the limit of "
        "{limit:,}; it is not a printed formgen form",
        "ingest_pdf_pages_damaged": "the PDF's pages could not be read: the file is damaged; ask "
        "the sender to print or save the form again",
        "ingest_pdf_repaired": "the PDF was damaged and repaired on reading: {detail}",
        "ingest_pdf_repaired_more": "the PDF was damaged and repaired on reading: {detail} (and "
        "{n} more)",
        "ingest_pdf_objects_damaged": "the PDF is damaged: parts of its form could not be read "
        "({detail}); a field in them is not taken as left empty, the register keeps its value",
        "ingest_pdf_no_fields": "the PDF has no form fields (a flattened or printed copy, or not "
        "a form)",
        "ingest_pdf_fields_from_pages": "the form's list of fields was missing (a merged or "
        "optimised PDF); the values were read from the fields on its pages",
        "ingest_pdf_empty_value": "(empty)",
        "ingest_pdf_repeated": "{name}: the field appears {count} times with different values "
        "({values}); the first filled one was used, please review",
        "ingest_pdf_undecodable": "{name}: the value is stored in a form formgen cannot decode; "
        "left out",
        "ingest_pdf_fields_unreadable": "the form's fields could not be read: none has the type "
        "(text, box, choice) or the name formgen gave it (a program that edited the PDF "
        "damaged them)",
        "ingest_pdf_number_value": "{name}: the value is stored as a number, not as text; taken "
        "as a viewer shows it: {value}",
        "ingest_pdf_damaged_text": "{name}: the stored text is damaged (characters that cannot "
        "be decoded); what could be read was taken: '{value}' — please compare with the "
        "original",
        "ingest_pdf_value_too_long": "{name}: the value has {length:,} characters, more than the "
        "limit of {limit:,}; left out (the original file is kept)",
        "ingest_pdf_state_unknown": "{name}: the stored value {stored} is none of the box's "
        "states ({states}); treated as not ticked",
        "ingest_pdf_state_unknown_ticked": "{name}: the stored value {stored} is none of the "
        "box's states ({states}); the ticked box {shown} was used",
        "ingest_pdf_off_but_ticked": "{name}: the stored value is /Off but the box {shown} is "
        "ticked; the ticked box was used",
        "ingest_pdf_state_differs": "{name}: the stored value is {stored} but the box {shown} "
        "is shown ticked; the stored value was used",
        "ingest_pdf_several_choices": "{name}: several choices stored in a single-choice field "
        "({choices}); the first was used",
        "identity_incomplete": "form identity incomplete: {missing} missing",
        "identity_too_long": "form identity: {name} has {count:,} characters, more than a form "
        "made by formgen ever has",
        "identity_instance_malformed": "form identity: instance id '{value}' is malformed",
        "identity_kind_unknown": "form identity: kind '{value}' is not one of {kinds}",
        "identity_base_not_number": "form identity: base_version '{value}' is not a number",
        "identity_info_not_json": "the identity in the document metadata is not valid JSON",
        "identity_info_not_object": "the identity in the document metadata is not a JSON object",
        "ingest_pdf_identity_malformed": "the hidden identity fields are malformed ({error}); the "
        "document metadata was used",
        "ingest_pdf_identity_differs": "the hidden identity fields and the document metadata "
        "differ; the fields were used",
        "ingest_pdf_part": "only part of the form: {pages}; the register keeps what the missing "
        "pages' fields hold as it was (a required field of theirs is said to be empty)",
        "ingest_pdf_as_written": "the form came back exactly as formgen made it, nothing saved "
        "into it: taken as a confirmation of what it was sent with; if the institution filled "
        "it in, the file was cut off (an upload broken off?) or the blank one attached: ask for "
        "the filled one",
        "ingest_pdf_identity_from_info": "the identity was taken from the document metadata (no "
        "identity fields)",
        "ingest_pdf_scan": "the pages are pictures without text: a scan or a photo of a paper "
        "form, which formgen cannot read; {advice}",
        "ingest_pdf_order_guessed": "right-to-left text (Arabic, Persian, Hebrew) drawn with "
        "Latin letters or numbers only in the order it is shown; the order of its parts was "
        "guessed — compare it with the copy",
        "ingest_pdf_unreadable": "not readable in this copy: the program that filled or flattened "
        "the form drew the text with glyphs that map to no character (the page shows empty "
        "boxes, stray signs or nothing); nothing was read — ask the sender for the filled-in PDF "
        "form itself, not a flattened copy",
        "ingest_pdf_cut_off": "the text runs past the edge of its box, where the copy cuts it "
        "off; it was read as far as it is drawn, which may be less than was typed — check it "
        "with the sender",
        "ingest_pdf_no_reference": "no form reference (FG-XXXXX-XXXXX) found on the pages: not a "
        "formgen form, or the footer was cut off",
        "ingest_pdf_other_schema": "the form was made with schema {schema} {version}, not "
        "{current} {current_version}; its field positions are unknown",
        "ingest_pdf_no_layout": "the form's layout could not be rebuilt: {error}",
        "ingest_pdf_word_copy": "values were read from the tables of a PDF made of the Word form "
        "(reference {reference}), row by row; check them before relying on them",
        "ingest_pdf_word_processor": "a PDF that {maker} made of the form, without the Word "
        "form's tables: no values were read — ask the sender for the .docx or the PDF form "
        "itself",
        "ingest_pdf_no_match": "the pages do not match the layout of form {reference}: only "
        "{percent}% of its printed labels are where formgen put them (printed scaled, made by "
        "another formgen version, or edited); no values were read — enter them by hand",
        "ingest_pdf_pages_beyond": "the copy has {count} pages, the form had {form_pages}; the "
        "fields on the pages beyond were not read",
        "ingest_pdf_names_by_position": "the form's fields had lost their names (a merged PDF: "
        "pdfunite and pypdf's add_page keep the fields on the pages without the fields above "
        "them); each field's value was read and matched to the form's box at its position",
        "ingest_pdf_scaled": "the copy was printed at {percent}% of the form's size; positions "
        "were scaled to match",
        "ingest_pdf_by_position": "values were recovered by position from a copy without form "
        "fields (reference {reference}); check them before relying on them",
        "ingest_pdf_out_of_order": "the copy's pages are out of order: they show the form's "
        "pages {order}; each was read as the form's page whose printed labels it shows",
        "ingest_pdf_page_missing": "the copy has {count} pages, the form had {form_pages}: the "
        "form's page {pages} is not in it; the boxes there were not read",
        "ingest_pdf_pages_missing": "the copy has {count} pages, the form had {form_pages}: the "
        "form's pages {pages} are not in it; the boxes there were not read",
        "ingest_pdf_page_unknown": "the copy's page {page} shows none of the form's pages; it "
        "was not read",
        "ingest_pdf_not_form_page": "the copy's page {pages} has no form reference and shows "
        "none of the form's pages (a covering letter or fax cover sheet sent with it): it was "
        "not read; the file is kept whole, with it",
        "ingest_pdf_not_form_pages": "the copy's pages {pages} have no form reference and show "
        "none of the form's pages (a covering letter or fax cover sheet sent with it): they were "
        "not read; the file is kept whole, with them",
        "ingest_pdf_page_twice": "{path}: the copy shows the form's page {number} on its pages "
        "{pages}, filled in otherwise ({values}); none was read — ask the sender which is right",
        "ingest_pdf_page_twice_filled": "the copy shows the form's page {number} on its pages "
        "{pages}; what only one of them shows filled in, or readably, was read from it: {fields}",
        "ingest_pdf_nothing_filled": "nothing is written or ticked in any of the form's boxes on "
        "this copy: it came back blank, or a program that merged or saved it dropped the form's "
        "fields with everything typed into them (mutool merge does so); no values were read — "
        "ask the sender for the filled-in PDF form itself",
        "ingest_pdf_page_twice_same": "the copy's page {again} shows the form's page {number} "
        "again, with the same values as its page {first}, which was read",
        "ingest_pdf_references": "the pages carry different form references ({refs}); the first "
        "was used",
        "ingest_pdf_info_other_form": "the document metadata names another form ({other}) than "
        "the printed reference {reference}; the printed reference was used",
        "ingest_pdf_not_issued_info": "the reference {reference} is not in this workspace's "
        "issued forms; the identity was taken from the document metadata",
        "ingest_pdf_not_issued": "the form reference {reference} was not issued by this "
        "workspace: an unknown form (made in another workspace, or the reference was misread)",
        "ingest_pdf_word_rows": "the Word form's rows could not be rebuilt: {error}",
        "ingest_pdf_word_copy_failed": "a PDF made of the Word form (.docx), but {why}: no values "
        "were read — ask the sender for the .docx",
        "ingest_pdf_not_a_choice": "{path}: the shown text '{text}' is none of the choices",
        "ingest_pdf_several_ticked": "{path}: several boxes are ticked ({chosen}); left out",
        # (end of ingest_pdf)
        # -- formgen ingest: the Word, ODT and table readers (docx_reader.py, odt_reader.py, sheet.py)
        "ingest_office_docx_encrypted": "this DOCX is protected with a password (encrypted), so "
        "its fields cannot be read; ask the sender to remove the password (File → Info → Protect "
        "Document) and send it again",
        "ingest_office_doc": "this is a binary Word document (.doc) or a password-protected "
        "file, not a DOCX; open it in Word or LibreOffice, remove any password and save it as "
        "'Word document (.docx)', then ingest the new file",
        "ingest_office_is_pdf": "this is a PDF, not a DOCX; ingest it as a PDF form",
        "ingest_office_rtf": "this is an RTF file, not a DOCX; open it in Word or LibreOffice and "
        "save it as 'Word document (.docx)'",
        "ingest_office_not_zip": "not a DOCX file (a DOCX is a ZIP archive; this one starts with "
        "{start}); was it renamed or damaged in transit? Ask the sender to save it again as .docx",
        "ingest_office_nothing": "nothing (empty file)",
        "ingest_office_part_overflow": "part '{part}' unpacks to more than its declared {size} "
        "bytes; refused (a damaged or forged archive)",
        "ingest_office_part_damaged": "part '{part}' cannot be unpacked: the file is damaged; ask "
        "the sender to save and send it again",
        "ingest_office_part_deep": "part '{part}' is nested too deeply or holds a text too long "
        "to be read (a damaged or hostile file); ask the sender to save the form again from Word "
        "or LibreOffice",
        "ingest_office_part_not_xml": "part '{part}' is not well-formed XML: the file is "
        "damaged; ask the sender to save it again",
        "ingest_office_part_doctype": "part '{part}' declares a DOCTYPE; refused",
        "ingest_office_part_entities": "part '{part}' declares a DOCTYPE or XML entities, which "
        "Word and LibreOffice never write and which can make a reader open other files or "
        "exhaust memory; the file was refused unread. Ask the sender to save the form again from "
        "Word or LibreOffice",
        "ingest_office_zip_entries": "the archive has {n} entries (a form has about 20); refused "
        "as a possible zip bomb",
        "ingest_office_zip_part_size": "part '{part}' would unpack to {size}; a form's parts are "
        "far below {limit}, so it was refused as a possible zip bomb",
        "ingest_office_zip_ratio": "part '{part}' would unpack to {size} from {packed} bytes "
        "(ratio {ratio}:1, limit {limit}:1); refused as a possible zip bomb",
        "ingest_office_zip_total": "the archive would unpack to {size} in all; refused as a "
        "possible zip bomb",
        "ingest_office_mib": "{point} MiB",
        "ingest_office_zip_damaged": "the ZIP archive is damaged; ask the sender to save and send "
        "it again",
        "ingest_office_is_od": "this is {kind}, not a DOCX; open it in LibreOffice and save it "
        "with 'Save as' → 'Word 2007–365 (.docx)', then ingest the new file",
        "ingest_office_odt_kind": "an OpenDocument text (.odt)",
        "ingest_office_od_kind": "an OpenDocument file ({mime})",
        "ingest_office_not_word": "a ZIP archive but not a Word document (no [Content_Types].xml "
        "or _rels/.rels)",
        "ingest_office_no_main": "the main document part '{part}' is missing; the file is damaged",
        "ingest_office_strict": "saved as 'Strict Open XML Document', which formgen does not "
        "read; open it in Word and save it as 'Word Document (.docx)', then ingest the new file",
        "ingest_office_no_body": "'{part}' has no document body; this is not a Word document",
        "ingest_office_docx_not_ours": "a Word document, but not a formgen form (no formgen "
        "identity in its properties and no formgen form fields); ingest only the forms formgen "
        "sent out",
        "ingest_office_too_large": "the file is larger than {size}; a returned form is a few MB "
        "at most",
        "ingest_office_old_libreoffice": "saved by {program}: when it saves, that version "
        "removes the names of the form's fields and the line breaks typed in them; please check "
        "those",
        "ingest_office_breaks_restored": "LibreOffice 7.4 dropped the line breaks in {n} "
        "fields; formgen put them back where two lines met — {fields}; an empty line between "
        "two lines leaves no trace and is not put back: please check these values",
        "ingest_office_breaks_unsure": "LibreOffice 7.4 wrote {n} multi-line fields in pieces "
        "(Arabic among other text) and left no trace of their line breaks: their lines may come "
        "back joined — {fields}; please check these values",
        "ingest_office_breaks_unsure_one": "LibreOffice 7.4 wrote a multi-line field in pieces "
        "(Arabic among other text) and left no trace of its line breaks: its lines may come "
        "back joined — {fields}; please check this value",
        "ingest_office_breaks_restored_one": "LibreOffice 7.4 dropped the line breaks in one "
        "field; formgen put them back where two lines met — {fields}; an empty line between "
        "two lines leaves no trace and is not put back: please check this value",
        "ingest_office_no_identity": "the form's identity (document properties) is missing: it "
        "can be matched by its reference only, please review",
        "ingest_office_no_identity_footer": "the form's identity (document properties) is "
        "missing; its footer shows the reference {reference}: it can be matched by that only, "
        "please review",
        "ingest_office_untagged": "LibreOffice 7.4 removed the names of {n} fields when it "
        "saved the form; formgen recognised them by where they stand in the form, {filled} of "
        "them filled in — {fields}; please check these values",
        "ingest_office_untagged_empty": "LibreOffice 7.4 removed the names of {n} fields when "
        "it saved the form; formgen recognised them by where they stand in the form, none of "
        "them filled in",
        "ingest_office_untagged_one": "LibreOffice 7.4 removed the name of one field when it "
        "saved the form; formgen recognised it by where it stands in the form, filled in — "
        "{fields}; please check this value",
        "ingest_office_untagged_empty_one": "LibreOffice 7.4 removed the name of one field "
        "when it saved the form; formgen recognised it by where it stands in the form, not "
        "filled in",
        "ingest_office_block": "{scope}, block {block}",
        "ingest_office_missing": "{n} fields are missing from the form (deleted?): {fields}",
        "ingest_office_missing_one": "a field is missing from the form (deleted?): {fields}",
        "ingest_office_typed_instead": "its field was deleted and '{text}' typed in its place: "
        "read as its value",
        "ingest_office_typed_outside": "typed outside the form's fields, after '{label}', and "
        "not read into the register: '{text}' — enter what belongs there by hand "
        "('formgen register set')",
        "ingest_office_foreign_tags": "{n} controls with tags that are not formgen field paths "
        "were ignored: {tags}",
        "ingest_office_unknown_tags": "tags not in this form's layout (another schema version?): "
        "{paths}",
        "ingest_office_and_more": "{shown} … and {n} more",
        "ingest_office_unknown_schema": "schema '{schema}' is not known here: controls without a "
        "tag cannot be recovered",
        "ingest_office_other_version": "the form was made from schema version {form_version}, "
        "this is {version}: controls without a tag were recovered by the current layout",
        "ingest_office_no_layout": "the form's layout could not be rebuilt ({error}); controls "
        "without a tag were not recovered",
        "ingest_office_copied": "{path}: the control appears {n} times (copied?); the first "
        "filled one was used, please review",
        "ingest_office_copied_differ": "{path}: the control appears {n} times (copied?) with "
        "different values ({values}); the first filled one was used, please review",
        "ingest_office_table_count": "the document has {found} tables where the form had "
        "{planned}; controls without a tag were matched only in tables whose labels still fit",
        "ingest_office_row_changed": "table {table} row {row} is no longer '{label}'",
        "ingest_office_split": "'{label}' (table {table}) was split into {n} fields by the "
        "program that saved it, and they hold different texts; the first one was read: check it",
        "ingest_office_control_count": "'{label}' (table {table}) holds {found} fields where "
        "the form had {planned}",
        "ingest_office_checkbox_for": "a checkbox where a {type} value was expected",
        "ingest_office_encoding_utf8": "part '{part}' declares the encoding {encoding} but "
        "holds UTF-8, which Word and LibreOffice write: read as UTF-8, please check its texts",
        "ingest_office_encoding": "part '{part}' declares the encoding {encoding}, which Word and "
        "LibreOffice never write: read so, please check its texts",
        "ingest_office_nested": "the control '{inner}' is nested inside the control "
        "'{outer}': each was read with its own text, please review",
        "ingest_office_checkbox_state": "the checkbox's stored state '{state}' is not valid; "
        "read as the box it shows ({glyph}), please check",
        "ingest_office_not_an_item": "shows '{text}', which is not one of its list items",
        "ingest_office_after_hint": "began with the field's grey hint, left in it before what "
        "was typed; read without the hint (as typed: '{text}')",
        "ingest_office_date_unread": "shows '{text}' but its stored date is {stored:date}; kept "
        "the shown text",
        "ingest_office_date_differs": "shows {shown:date} but its stored date is {stored:date}; "
        "kept the shown date",
        "ingest_office_odt_no_mimetype": "looks like an OpenDocument file, but its 'mimetype' "
        "entry is missing and nothing else in it says it is a text (damaged, or packed again by "
        "another program); ask the sender to open it in LibreOffice, save it again (File → Save "
        "As) and send it again",
        "ingest_office_odt_no_content": "an OpenDocument text without its content (content.xml "
        "is missing): damaged; ask the sender to save the form again and send it again",
        "ingest_office_zip_not_odt": "a ZIP archive but not an OpenDocument text (.odt); ask the "
        "sender to send the form itself",
        "ingest_office_odt_not_ours": "an OpenDocument text, but not a formgen form (no formgen "
        "identity in its document properties); ingest only the forms formgen sent out",
        "ingest_office_zip_marked": "this file is protected with a password: its parts are "
        "encrypted in its ZIP archive ('{first}' and {more} more), so its fields cannot be read "
        "(packed with a password by an archiver, or damaged); ask the sender to send the form "
        "again as Word or LibreOffice saved it, without a password",
        "ingest_office_zip_marked_one": "this file is protected with a password: its part "
        "'{first}' is encrypted in its ZIP archive, so its fields cannot be read (packed with a "
        "password by an archiver, or damaged); ask the sender to send the form again as Word or "
        "LibreOffice saved it, without a password",
        "ingest_office_zip_twice": "the archive holds {n} parts named '{part}', and Word or "
        "LibreOffice may show another one than formgen would read: damaged or altered, refused "
        "unread; ask the sender to save the form again and send it again",
        "ingest_office_odt_encrypted": "this ODT is protected with a password (encrypted), so its "
        "fields cannot be read; ask the sender to save it again without the password "
        "(LibreOffice: File → Save As, untick 'Save with password') and send it again",
        "ingest_office_odt_other_schema": "the form was made with schema {schema} {version}, "
        "which is not the workspace's current one; its rows are unknown",
        "ingest_office_odt_no_rows": "the form's rows could not be rebuilt: {error}",
        "ingest_office_odt_none_shown": "its tables show none of the form's rows",
        "ingest_office_odt_unread": "the form saved as OpenDocument text{by}, but {why}: no "
        "values were read — ask the sender to save it as Word document (.docx) and send it again",
        "ingest_office_odt_by_rows": "the form saved as OpenDocument text (.odt){by}: values were "
        "read from its tables, row by row; check them before relying on them",
        "ingest_office_by": " by {program}",
        "ingest_office_rows_changed": "its tables show {found} of the form's {wanted} rows, or "
        "in another order (rows deleted, moved or relabelled)",
        "ingest_office_rows_no_choice": "{path}: the shown text '{text}' is none of the choices",
        "ingest_office_rows_boxes": "{path}: the boxes shown are not the form's ({found} of "
        "{wanted} found); their ticks were not read",
        # (end of ingest_office)
        # -- the shared table reader: recipients lists and register import (sheet.py, table_import.py)
        "table_larger": "larger than {mb} MB, and a list of institutions is a few MB",
        "table_split": "split it into files of at most {rows:,} rows",
        "table_password": "a workbook saved with a password, which cannot be read",
        "table_password_fix": "save it from Excel without a password (Datei ▸ Informationen ▸ "
        "Arbeitsmappe schützen), or as CSV",
        "table_xls": "a workbook of Excel 97-2003 (.xls), which cannot be read",
        "table_save_as": "save it from Excel as 'Excel-Arbeitsmappe (*.xlsx)' or as CSV",
        "table_save_ods": "save it in LibreOffice as an Excel file (.xlsx) or as CSV",
        "table_not_table": "not a table (CSV or XLSX)",
        "table_not_table_kind": "not a table (CSV or XLSX): {kind}",
        "table_kind_pdf": "a PDF document",
        "table_kind_picture": "a picture",
        "table_kind_docx": "a Word document (DOCX)",
        "table_kind_opendocument": "an OpenDocument file (LibreOffice, .ods or .odt)",
        "table_kind_zip": "a ZIP archive",
        "table_nul": "a NUL byte, which no spreadsheet program writes into a CSV (a damaged file?)",
        "table_nul_fix": "delete it, or export the list again",
        "table_not_utf8": "byte 0x{byte} is not UTF-8, but the rest of the file is (a value "
        "pasted from another program, or Windows-1252 and UTF-8 mixed)",
        "table_not_utf8_fix": "correct that line, or save the list from Excel as 'CSV UTF-8'",
        "table_either": "a plain CSV that reads '{word}' if {whose} Windows saved it and "
        "'{other}' if {other_whose} one did, and does not say which",
        "table_either_fix": "save the list from Excel as 'CSV UTF-8', or say which Windows "
        "saved it: --encoding {encoding} or --encoding {other}",
        "table_sign": "a plain CSV with a sign inside a word: '{word}' as {whose} Windows "
        "saves it, '{other}' in {other_encoding} (as Linux or an older program may save it)",
        "table_sign_fix": "save the list from Excel as 'CSV UTF-8', or say its code page: "
        "--encoding {other_encoding} (or --encoding {encoding})",
        "table_windows_romanian": "a Romanian",
        "table_windows_croatian": "a Croatian",
        "table_windows_cp1252": "a German",
        "table_windows_cp1250": "a Polish",
        "table_windows_cp1251": "a Cyrillic",
        "table_windows_cp1254": "a Turkish",
        "table_csv": "not a readable CSV ({why})",
        "table_long_value": 'a value longer than {limit:,} characters (a quotation mark (") that '
        "opens a value and is never closed?)",
        "table_long_value_fix": "close it, or shorten the value",
        "table_beyond_column": "a value beyond column {limit:,}, and {what} has some dozens of "
        "columns at most",
        "table_beyond_column_fix": "delete what stands right of the table",
        "table_rows": "more than {limit:,} rows (line {line}), and a centre's list has hundreds "
        "or a few thousand",
        "table_shared_text": "a text cell refers to shared text '{value}', and the workbook has "
        "{texts:,}",
        "table_shared_text_none": "a text cell refers to shared text '{value}', and the workbook "
        "has none",
        "table_yes_no_cell": "a yes/no cell holds '{value}'",
        "table_number_cell": "a number cell holds '{value}'",
        "table_row_numbered": "the row after row {line} is numbered '{number}'",
        "table_cell_named": "a cell is named '{ref}', and the cells of a sheet are A1 to "
        "XFD1048576",
        "table_at_cell": ", cell {cell}",
        "table_at_row": ", row {line}",
        "table_damaged": "sheet '{title}'{where}: {what}; the workbook is damaged",
        "table_repair": "open it in Excel or LibreOffice and save it again, or save it as CSV",
        "table_part": "part '{name}'",
        "table_sheet_part": "sheet '{title}' (part '{part}')",
        "table_entities": "part '{name}' declares a DOCTYPE or XML entities, which Excel and "
        "LibreOffice never write and which can make a reader open other files or exhaust memory",
        "table_no_sheet": "a workbook without a sheet",
        "table_sheet_rows": "{line:,} rows or more in the first sheet",
        "table_cut_off": "a damaged Excel workbook (XLSX): its ZIP archive cannot be read (cut "
        "off while it was copied or downloaded?)",
        "table_cut_off_fix": "copy or download it again, or open it in Excel or LibreOffice and "
        "save it again, or save it as CSV",
        "table_broken": "a damaged Excel workbook (XLSX): {broken} cannot be read",
        "table_broken_lists": "its list of sheets, styles or texts",
        "table_given_twice": "column '{name}' is given twice (columns {numbers} and {last})",
        "table_given_times": "column '{name}' is given {n} times (columns {numbers} and {last})",
        "table_column_at": "'{name}' (column {column})",
        "table_and": "{first} and {second}",
        "table_same_column": "{shown} are the same column, {column}",
        "table_what_recipients": "a recipients list",
        "table_recipients_fix": "give the recipients list as an Excel workbook (XLSX) or a CSV",
        "table_what_register": "the register's table",
        "table_register_fix": "export the register ('formgen register export --format xlsx') for "
        "a table to fill in",
        "table_import_unreadable": "{where}: {what}; nothing was imported",
        "table_import_unreadable_fix": "{where}: {what}; nothing was imported — {fix}",
        "table_import_twice": "{file}: {twice}; nothing was imported — keep one of each and "
        "delete or rename the others",
        # (end of table)
        # -- formgen ingest: mails and archives (mailbox.py, archive.py, mailview.py)
        "ingest_mail_headers_twice": "#{position}: a part with {n} {header} headers ({said}), "
        "which no mail program writes; read as {ctype} — a damaged or forged mail: ask the "
        "sender to send the form again",
        "ingest_mail_empty_parts": "#{position}: {n} empty parts without a name passed over (a "
        "mail program's leftovers)",
        "ingest_mail_empty_parts_one": "#{position}: 1 empty part without a name passed over (a "
        "mail program's leftover)",
        "ingest_mail_nested_deep": "#{position}: forwarded mails nested deeper than {depth} "
        "levels; the inner ones were not read — save the innermost mail on its own",
        "ingest_mail_too_many": "#{position}: more than {limit} attachments; the rest were not "
        "read — split the mail or save the attachments as files",
        "ingest_mail_header_broken": "starts like a saved mail, but its header is broken off by a "
        "line that is no header line; no attachment could be read — save the mail again from the "
        "mail program, or ask the sender to send the form again",
        "ingest_mail_header_unended": "starts like a saved mail, but its header never ends (no "
        "blank line after it: cut off?); no attachment could be read — save the mail again from "
        "the mail program, or ask the sender to send the form again",
        "ingest_mail_mbox_no_mail": "starts like a mailbox (a line 'From …'), but no mail's "
        "header follows; no mail could be read — export the mailbox again from the mail program, "
        "or save the mail as .eml",
        "ingest_mail_maildir_empty": "{where}: an empty file (0 bytes), not a mail; nothing to "
        "read, and no answer",
        "ingest_mail_maildir_no_mail": "{where}: no mail's header at its start (a damaged "
        "file?); not read, and no answer",
        "ingest_mail_torn_unended": "#{position}: a mail whose header never ends (no blank line "
        "after it: the mailbox cut off?); nobody can read it, and it counts as no answer — "
        "export the mailbox again from the mail program",
        "ingest_mail_torn_broken": "#{position}: a mail whose header is broken off by a line "
        "that is no header line (damaged?); nobody can read it, and it counts as no answer — "
        "export the mailbox again from the mail program",
        "ingest_mail_maildir_not_file": "{where}: {what}, not a mail; not read",
        "ingest_mail_maildir_dangling": "{where}: a link to something that does not exist; not read",
        "ingest_mail_maildir_gone": "{where}: gone before it was read (moved by a mail program?); "
        "not read — ingest the Maildir again",
        "ingest_mail_maildir_unreadable": "{where}: cannot read the mail: {error}",
        "ingest_mail_msg_damaged": "the Outlook mail (.msg) is damaged and cannot be read; save "
        "it from Outlook again, or ask the sender to send the form again",
        "ingest_mail_msg_too_many": "#{position}: more than {limit} attachments; the rest were "
        "not read",
        "ingest_mail_msg_nested": "#{position}: forwarded mails nested too deep; not read",
        "ingest_mail_zip_joined": "the file is {n} ZIP archives joined into one; the files "
        "of each were read",
        "ingest_mail_zip_joined_damaged": "the file is ZIP archives joined into one: the "
        "{size:,} bytes before the last are a damaged archive, its files were not read; ask "
        "the sender to send each archive on its own",
        "ingest_mail_zip_joined_cut": "the file is ZIP archives joined into one: the last "
        "{size:,} bytes are an archive cut off, its files were not read; ask the sender to send "
        "each archive on its own",
        "ingest_mail_zip_joined_cut_named": "the file is ZIP archives joined into one: the last "
        "{size:,} bytes are an archive cut off, its files (the first: '{first}') were not read; "
        "ask the sender to send each archive on its own",
        "ingest_mail_zip_joined_many": "the file is more than {limit:,} ZIP archives joined "
        "into one: the {size:,} bytes before the last {limit:,} were not read; ask the sender to "
        "send each archive on its own",
        "ingest_mail_zip_damaged": "the ZIP archive is damaged; ask the sender to pack and send "
        "it again",
        "ingest_mail_zip_too_many": "the archive holds {n:,} files; only the first {limit:,} "
        "were read",
        "ingest_mail_zip_password": "{where}: protected with a password; ask the sender to send "
        "it without one",
        "ingest_mail_too_large": "{where}: {size:,} bytes is more than the {limit:,} bytes a "
        "returned form may have; not read",
        "ingest_mail_zip_bomb": "{where}: would unpack to {size:,} bytes from {packed:,} (more "
        "than {ratio}:1); refused as a possible zip bomb",
        "ingest_mail_zip_method": "{where}: packed with a compression method formgen cannot "
        "unpack; unpack the archive yourself and ingest the folder",
        "ingest_mail_zip_entry_damaged": "{where}: damaged in the archive; not read — ask the "
        "sender to pack and send it again",
        "ingest_mail_tnef_too_large": "Outlook's winmail.dat of {size:,} bytes is more than the "
        "{limit:,} bytes formgen unpacks; ask the sender to send the forms as normal attachments",
        "ingest_mail_tnef_damaged": "Outlook's winmail.dat is damaged and cannot be unpacked; ask "
        "the sender to send the form again as a normal attachment (message format HTML)",
        "ingest_mail_tnef_too_many": "winmail.dat holds {n:,} files; only the first {limit:,} "
        "were read",
        "ingest_mail_tnef_checksum": "{n} parts fail their checksum (winmail.dat damaged on the "
        "way?); what it holds is read all the same",
        "ingest_mail_tnef_checksum_one": "1 part fails its checksum (winmail.dat damaged on the "
        "way?); what it holds is read all the same",
        "ingest_mail_tnef_overrun": "winmail.dat is damaged: a list of properties in it claims "
        "{count:,} entries, more than the file holds; what it holds is read all the same",
        "ingest_mail_tnef_not_file": "#{position} {name}: not a file; not read",
        "ingest_mail_tnef_item": "#{position} {name}: an Outlook item (a mail, contact or list) "
        "without files; nothing to read",
        # (end of ingest_mail)
        # -- formgen ingest: the register's merge and the quarantine (register.py, quarantine.py, validate.py)
        "ingest_merge_unchanged": "unchanged",
        "ingest_merge_updated": "updated",
        "ingest_merge_confirmed": "confirmed",
        "ingest_merge_merged-flagged": "merged-flagged",
        "ingest_merge_held": "held",
        "ingest_merge_quarantined": "quarantined",
        "ingest_merge_merged": "merged",
        "ingest_merge_new": "{iid} (new)",
        # a return that only made new institutions: --json keeps the code word and (new)
        "ingest_merge_added": "updated",
        "ingest_merge_added_iid": "{iid} (new)",
        "ingest_merge_changes": "{n} changes",
        "ingest_merge_changes_one": "1 change",
        "ingest_merge_conflicts": "{n} conflicts",
        "ingest_merge_conflicts_one": "1 conflict",
        "ingest_merge_duplicates": "{n} probable duplicate",
        "ingest_merge_duplicates_one": "1 probable duplicate",
        "ingest_merge_released": "; taken out of the quarantine",
        "ingest_merge_file_again": "this file was already ingested on {day:day} as {file}; "
        "nothing changed",
        "ingest_merge_form_again": "form {form} with the same content was already ingested; "
        "nothing changed",
        "ingest_merge_looks_like": "{where}: '{name}' looks like {candidate} '{candidate_name}' "
        "({reason}); held as {did} — 'formgen register resolve {did} --merge' or '--new'",
        "ingest_merge_matched": "{where}: matched {iid} '{name}' ({reason})",
        "ingest_merge_other_institution": "{where}: the form made for {candidate} "
        "'{candidate_name}' came back with another name, '{name}', and another address and "
        "phone or mail: probably another institution filled it in; held as {did}, {candidate} "
        "unchanged — 'formgen register resolve {did} --new' (another institution) or '--merge' "
        "(renamed and moved; then its own values held: '--take theirs')",
        "ingest_merge_other_reason": "its own form, with another name, address and phone or mail",
        "ingest_merge_same_postcode": "same name and postcode",
        "ingest_merge_same_phone": "same name and phone",
        "ingest_merge_same_name": "same name and no address to compare",
        "ingest_merge_similar_postcode": "similar name ({percent} %) and same postcode",
        "ingest_merge_similar_phone": "similar name ({percent} %) and same phone",
        "ingest_merge_same_email": "same name and e-mail address",
        "ingest_merge_same_web": "same name and website",
        "ingest_merge_similar_email": "similar name ({percent} %) and same e-mail address",
        "ingest_merge_similar_web": "similar name ({percent} %) and same website",
        "ingest_merge_created": "{where}: institution {iid} was not in the register; created "
        "under that id",
        "ingest_merge_mailed": "{where}: '{name}' is {iid}, as a mail round named it (its own "
        "form has not come back yet); created under that id",
        "ingest_merge_held_as": "{iid} {path}: {reason}; held as {cid} — 'formgen register "
        "resolve {cid} --take mine|theirs'",
        "ingest_merge_spelled": "{iid} {path}: '{theirs}' is the register's '{mine}' without "
        "its accents and special letters or in other capitals; the register keeps its spelling",
        "ingest_merge_retired": "{iid} '{name}' is {retired}; its return was merged all the "
        "same — if it still exists: 'formgen register restore {iid}'",
        "ingest_merge_retired_on": "retired on {day:day}",
        "ingest_merge_stale": "the register had changed since this form was made; other fields "
        "changed there, so both changes were kept",
        "ingest_merge_form_made": "{form} (made on {day:day})",
        "ingest_merge_superseded": "{iid}: form {form} is older than form {newer}, whose "
        "return the register holds since {day:day}: that one is the institution's latest word, "
        "so this form changes nothing by itself — what it gives otherwise waits for a decision "
        "('formgen register conflicts'), its date and initials are left out",
        "ingest_merge_older_copy": "{iid}: this copy of form {form} is older than another "
        "one, {file}, that the register holds since {day:day} ({why}): that one is the "
        "institution's latest word, so this copy changes nothing by itself — what it gives "
        "otherwise waits for a decision ('formgen register conflicts'), its date and initials "
        "are left out",
        "ingest_merge_copies_disagree": "{iid}: this copy of form {form} and another one, "
        "{file}, that the register holds since {day:day}, give different values, and which is "
        "the institution's latest word is not known (the PDF and the Word file of one mail, "
        "both filled in, of the same date): the register keeps that one's, this one's wait "
        "for a decision ('formgen register conflicts')",
        "ingest_merge_copy_corrects": "{iid}: this copy of form {form} gives other values "
        "than another one, {file}, that the register holds since {day:day}; neither a date nor "
        "a mail tells which is newer, so this one, read later, was taken as its correction "
        "('formgen register history {iid}' shows both)",
        "ingest_merge_dated_before": "dated {this:day}, that one {that:day}",
        "ingest_merge_sent_before": "sent on {this:day} at {this_time}, that one on {that:day} "
        "at {that_time}",
        "ingest_merge_other_schema": "form of schema '{schema}', the register holds '{held}'",
        "ingest_merge_entry_no_category": "entry values without a category",
        "ingest_merge_unknown_field": "unknown field '{field}' in {scope} (schema {version})",
        "ingest_merge_no_name": "{where}: values without the institution's "
        "name; add the name on the form and ingest it again",
        "ingest_merge_unknown_form": "unknown form: no formgen identity (not a form made by "
        "formgen, a scan, or its identity fields were removed); kept aside in the quarantine, "
        "not merged",
        "ingest_merge_tampered": "tampered or forged identity: form {form} (institution {iid}, "
        "{checklists}) {what} under this workspace's secret; not merged — check with the "
        "sender, or ingest it in the workspace that issued it",
        "ingest_merge_other_workspace": "made in another workspace, it seems: form {form} "
        "(institution {iid}, {checklists}) was not made in this workspace, and its signature "
        "does not fit this workspace's key — probably a form of another coordination centre or "
        "of another workspace; not merged — ingest it in the workspace that made it (if it was "
        "made here after all, its identity was changed or forged: check with the sender)",
        "ingest_merge_checklist": "checklist {names}",
        "ingest_merge_checklists": "checklists {names}",
        "ingest_merge_no_signature": "has no signature",
        "ingest_merge_bad_signature": "has a signature that does not match",
        "ingest_merge_no_workspace": "made without a workspace: form {form} (categories "
        "{categories}) was made by 'formgen generate' without --workspace, so its signature "
        "cannot be checked (no sign of tampering, but no proof that it is genuine either); not "
        "merged — {then}",
        "ingest_merge_no_workspace_take": "look at it and, if it is the form you expect, take it "
        "in with 'formgen ingest FILE --accept-no-workspace' (this file, or the workspace's "
        "quarantine folder)",
        "ingest_merge_no_workspace_retype": "an institution's form made so names an id no "
        "register gave: type its values into the institution's own form ('formgen generate "
        "pdf --institution ID --workspace DIR') and ingest that",
        "ingest_merge_test_mail": "form {form} of {iid} came with a test mail ('formgen mail … "
        "--test-to'): it is no answer of the institution; not merged",
        "ingest_merge_no_workspace_taken": "form {form} was made without a workspace: its "
        "signature could not be checked; taken in as asked (--accept-no-workspace)",
        "ingest_merge_unread_copy": "form {form} came back as a copy whose values could not be "
        "read (see below); kept aside in the quarantine, not merged — ask the sender for the "
        "filled form itself, or enter the values by hand",
        "ingest_merge_unread_fields": "form {form} came back with every field damaged: none "
        "could be read (see below); kept aside in the quarantine, not merged — open the file: "
        "where a PDF viewer still shows the values, enter them by hand; else ask the "
        "institution to fill in its form again",
        "ingest_merge_unknown_category": "unknown category '{category}' in schema '{schema}'; "
        "known: {known}",
        "ingest_merge_category_gone": "category '{category}' of schema version {old} does not "
        "exist in the current version {current}; not merged — add the category back or enter "
        "the values by hand",
        "ingest_merge_not_a_path": "value of '{path}' ignored: not a field path of this form "
        "({value})",
        "ingest_merge_not_in_form": "value of '{path}' ignored: this {kind} form for "
        "{categories} has no such field ({value})",
        "ingest_merge_kind_institution": "institution",
        "ingest_merge_kind_checklist": "checklist",
        "ingest_merge_no_category": "no category",
        "ingest_merge_look_alike": "{path}: {why}",
        "ingest_merge_direction_override": "{path}: the value holds a character that reverses "
        "the direction of the text after it, so it shows otherwise than typed: '{value}'; kept "
        "as typed — please check it with the sender",
        "ingest_merge_unknown_field_ignored": "{where}: value of unknown field '{field}' "
        "ignored ({value})",
        "ingest_merge_required": "{where}: required field '{field}' is not filled in",
        "ingest_merge_language_remark": "{where}: {label}: '{text}' kept as typed in the other "
        "box, not as a language the team speaks: it says '{word}'",
        "ingest_merge_required_kept": "{where}: required field '{field}' left empty on "
        "the form; the register keeps {value}",
        "ingest_merge_required_erased": "{where}: required field '{field}' left empty on the "
        "form; the register keeps it erased (register erase): nothing of the erased value comes "
        "back, and the field stays missing until the institution fills it in",
        "ingest_merge_damaged_fields": "{where}: not read from the damaged PDF: {fields}; the "
        "register keeps their values (ask for the form again, or set them by hand)",
        "ingest_merge_unanswered": "{where}: nothing of the checklist is filled in but date and "
        "initials (not even 'none available'); the entry is incomplete and stays on the update "
        "list",
        "ingest_merge_unanswered_unsigned": "{where}: nothing of the checklist is filled in, "
        "not even date and initials (nor 'none available'); the entry is incomplete and stays "
        "on the update list",
        "ingest_merge_no_block": "{where}: the form has no such block; its values were ignored",
        "ingest_merge_mapped": "form made with schema version {old}; mapped to the current "
        "version {current}",
        "ingest_merge_field_gone": "{where}: field '{field}' of schema version {old} no longer "
        "exists; its value {value} was not merged",
        "ingest_merge_choice_dropped": "{where}: {why}; the choices still offered were merged",
        "ingest_merge_empty": "no values filled in: the form came back empty",
        "ingest_merge_unknown_schema": "unknown schema: {why}; put the schema file this form "
        "was made with ({schema} {version}: the file as it was then, e.g. from a backup) into "
        "the workspace as {where} and ingest the file again (its copy in the workspace's "
        "quarantine/ folder will do)",
        "ingest_merge_other_schema_id": "it was made from schema '{schema}', this workspace "
        "uses '{current}'",
        "ingest_merge_other_version": "it was made with schema version {version}, this "
        "workspace knows {known}",
        "ingest_merge_schema_invalid": "the schema file for version {version} ({path}) is not "
        "valid: {error}",
        "ingest_merge_schema_misnamed": "{path} holds schema {held} {held_version}, not "
        "{schema} {version}; name each file <schema_id>/<schema_version>.yaml",
        "ingest_merge_erased_prefill": "{path}: the form was made before this value was erased "
        "(register erase); its prefilled value was left out, and the file is not kept",
        # (end of ingest_merge)
        # -- formgen mail and bounces (formgen/mailrun.py, cli/mail.py, sendlog.py, bounces.py)
        "mail_note": "note: {note}",
        "mail_not_in_list": "not mailed: {iid}: not in the recipients list",
        "mail_nothing_overdue": "no institution is overdue; nothing to do",
        "mail_nothing_stale": "no institution is stale; nothing to do",
        "mail_round_head": "round {round}{kind}: {todo} to mail, {done} already done, "
        "{left_out}{without} without a usable e-mail address{why}{invalid}",
        "mail_round_kind": " ({kind})",
        "mail_left_out": "{n} skipped, ",
        "mail_invalid_rows": ", {n} invalid rows left out",
        "mail_invalid_rows_one": ", 1 invalid row left out",
        "mail_skipped": "  skipped {who}: {why}",
        "mail_skipped_invalid": "skipped (invalid): {problem}",
        "mail_invalid_address": "invalid e-mail address ({source}): {problem}",
        "mail_fix_address": "; correct it: formgen register set {iid} institution.email "
        "{address} --note …",
        "mail_no_address": "no e-mail address ({source})",
        "mail_contact_address": "; the contact person's is {address} (checklist '{checklist}'): "
        "mails go to the institution's own address only; if it is that too, add it: formgen "
        'register set {iid} institution.email {address} --note "the contact person\'s address"',
        "mail_not_mailed": "  NOT MAILED {who}: {why}; contact them another way",
        "mail_would_despite": "  would mail despite: {who}: {why} (--force)",
        "mail_mailed_despite": "  mailed despite: {who}: {why} (--force)",
        "mail_via": "  via {host}:{port} ({security}), {pace}",
        "mail_pace": "at most {rate:g}/min",
        "mail_no_pace": "no limit on mails per minute",
        "mail_would_mail": "  would mail {who}: {named} as {formats} in {language}{again}",
        "mail_and": " and ",
        "mail_prepared_before": " (forms already prepared)",
        "mail_dry_run": "dry run: nothing was made, sent or logged",
        "mail_address_from": " (address from {source}{invalid})",
        "mail_register_invalid": "; the register's address '{given}' is invalid",
        "mail_sent": "  sent {who}: {detail}",
        "mail_sent_to": "  sent {who}",
        "mail_drafted": "  drafted {who}: {detail}",
        "mail_warning": "    warning: {warning}",
        "mail_outcome_error": "ERROR",
        "mail_outcome_refused": "REFUSED",
        "mail_outcome_rejected": "MAIL REFUSED",
        "mail_outcome_deferred": "PUT OFF",
        "mail_outcome_lost": "MAYBE NOT DELIVERED",
        "mail_done_sent": "{n} of {total} mails sent",
        "mail_done_written": "{n} of {total} mails written",
        "mail_interrupted_sent": "interrupted ({by}) between two mails: {n} mails not sent; "
        "run the same command again to send them (those sent are logged and not sent again)",
        "mail_interrupted_sent_one": "interrupted ({by}) between two mails: 1 mail not sent; "
        "run the same command again to send it (those sent are logged and not sent again)",
        "mail_interrupted_written": "interrupted ({by}) between two mails: {n} mails not "
        "written; run the same command again to write them (those written are logged and not "
        "written again)",
        "mail_interrupted_written_one": "interrupted ({by}) between two mails: 1 mail not "
        "written; run the same command again to write it (those written are logged and not "
        "written again)",
        "mail_maybe_sent_before": "maybe sent before: a run of {at:moment} ended while handing this "
        "mail to the server, before its answer was logged; sent again, so the institution may "
        "get it twice",
        "mail_undelivered": "{n} mails refused by the server for good (REFUSED above: it takes no "
        "mail for these addresses; recorded in sendlog.jsonl, no round mails them again): correct "
        "the addresses in the recipients list or the register, or ask the institutions for "
        "theirs another way",
        "mail_undelivered_one": "1 mail refused by the server for good (REFUSED above: it takes "
        "no mail for this address; recorded in sendlog.jsonl, no round mails it again): correct "
        "the address in the recipients list or the register, or ask the institution for its "
        "address another way",
        "mail_rejected": "{n} mails refused by the server for themselves, not their recipients "
        "(MAIL REFUSED above: their size or their content; no address is marked refused): too "
        "big (552, 5.3.4)? send one form only (--format pdf); refused for their content (5.7.1, "
        "spam)? ask the provider of the mail server what its answer means",
        "mail_rejected_one": "1 mail refused by the server for itself, not its recipient (MAIL "
        "REFUSED above: its size or its content; no address is marked refused): too big (552, "
        "5.3.4)? send one form only (--format pdf); refused for its content (5.7.1, spam)? ask "
        "the provider of the mail server what its answer means",
        "mail_deferred": "{n} mails put off by the server (PUT OFF above: a 4xx reply such as "
        "451 greylisting, not a refusal; the addresses are not at fault); wait a few minutes",
        "mail_deferred_one": "1 mail put off by the server (PUT OFF above: a 4xx reply such as "
        "451 greylisting, not a refusal; the address is not at fault); wait a few minutes",
        "mail_unmade": "{n} forms could not be made (ERROR above), so nothing was mailed to "
        "them; fix what each line says",
        "mail_unmade_one": "1 form could not be made (ERROR above), so nothing was mailed to "
        "it; fix what the line says",
        "mail_run_again": "{what}, then run the same command again",
        "mail_bounce_not_a_file": "  not read: {name}: {what}, not a file",
        "bounce_nested": "nested too deeply to read (a damaged or hostile file?)",
        "bounce_file_too_large": "{size:,} bytes is more than the {most:,} bytes a file of "
        "bounces may have — move the bounces into a folder of their own in the mail program and "
        "give that folder's file",
        "mail_bounce_not_read": "  not read: {problem}",
        "mail_bounce_cannot_read": "  not read: {name}: cannot read it: {why}",
        "mail_bounce_not_bounce": "  not a bounce: {name}",
        "mail_bounce_not_bounces": "  not a bounce: {n:,} of the {of:,} mails in {name}",
        "mail_bounce_unmatched": "  NOT MATCHED {address} {status}: no mail to it in the send "
        "log ({source})",
        "mail_bounce_test": "  TEST MAIL {address}: the bounce of a test mail (formgen mail "
        "… --test-to), nothing recorded ({source})",
        "mail_bounce_bounced": "bounced",
        "mail_bounce_not_final": "delayed (not final)",
        "mail_bounce_gave_up": "not delivered (the server gave up retrying; sent again by a rerun)",
        "mail_bounce_before": " (recorded before)",
        "mail_bounces_recorded": "{n} bounces recorded",
        "mail_bounces_recorded_one": "1 bounce recorded",
        "mail_delays_recorded": "{n} delays recorded (not final: the server tries again)",
        "mail_delays_recorded_one": "1 delay recorded (not final: the server tries again)",
        "mail_skip_sent": "already sent in round {round} ({at})",
        "mail_skip_elsewhere": "but to {sent}, the address with 'ss' for 'ß', another domain "
        "than that of {email} (formgen wrote it so before 25.11.2026); mail it again in a round "
        "of its own (--round)",
        "mail_skip_drafted": "draft already written in round {round}: {path}",
        "mail_skip_draft_gone": "draft already written in round {round}: {path}, a file that "
        "is gone; if it was not sent from the mail program, --force writes it again",
        "mail_redraft": "  written again {who}: the draft of round {round}, {path}, is gone "
        "(--force)",
        "mail_skip_returned": "its form came back, although a mail to it bounced",
        "mail_on_its_way": "a form was mailed on {day} (round {round}) and is due {due}",
        "mail_due_undated": "without a date",
        "mail_source_register": "register",
        "mail_source_log": "send log",
        "mail_source_log_round": "send log: {round}",
        "mail_email_not_ascii": "'{address}': letters such as ä or ş before the @ cannot be sent "
        "by most mail servers; ask the institution for its plain-ASCII address",
        "mail_email_invalid": "'{address}' is not an e-mail address (expected name@example.org)",
        "mail_email_dots": "'{address}' is not an e-mail address (dots in the wrong place)",
        "mail_email_domain": "'{address}' cannot be mailed: {why}; ask the institution for its "
        "address (formgen writes no other domain in its place)",
        "mail_email_idna": "the part after the @, '{domain}', is no domain name IDNA 2008 allows",
        "mail_sender_domain": "'{address}' cannot be the sender: {why}",
        "email_look_alike": "'{address}': the part '{label}' of its domain mixes Latin "
        "letters with Cyrillic or Greek ones, which look alike: it holds {char}, so it is "
        "another domain than the one it looks like; ask the institution whether the address is "
        "right (it is kept as written)",
        "mail_email_idna_char": "the part after the @, '{domain}', is no domain name IDNA 2008 "
        "allows: it holds {char}, which a domain name cannot hold there",
        "mail_sender_not_ascii": "'{address}': letters such as ä or ü before the @ have no form "
        "a mail header can carry (a domain such as büro.example has one)",
        "mail_email_no_dot": "'{address}' is not an e-mail address mail can reach: the part "
        "after the @, '{domain}', is no domain (it has no dot, as example.org has)",
        "mail_whose": "the address",
        "mail_whose_register": "the register's address",
        "mail_dead": "{whose} {email} {how} ({error}) in round {round} on {day}",
        "mail_bounced": "bounced",
        "mail_refused": "was refused by the server",
        "mail_not_delivered": "not delivered",
        "mail_force_hint": "--force mails it all the same",
        "mail_superseded": "its round {round} (due {due:date}) was followed by round {later}, "
        "begun on {day:date} and due {later_due:date}: a reminder belongs to the latest round only; to ask it again: "
        "formgen mail --stale --drafts DIR (or --send), where its entries are out of date, or a "
        "recipients list",
        "mail_fix_register": "set the new one: formgen register set {iid} institution.email "
        'ADDRESS --note "new address"',
        "mail_removed": "{removed}; set the new one: formgen register set {iid} "
        'institution.email ADDRESS --note "new address"',
        "mail_fallback_elsewhere": "its last mail went to {sent} (round {round}), the address "
        "with 'ss' for 'ß', another domain than that of {email} (formgen wrote it so before "
        "25.11.2026): no mail goes there",
        "mail_last_address_dead": "the last address, {email} (round {round}), {how} ({error}); "
        "add its new address to the register or a recipients list",
        "mail_correct_in": "correct it in {source}",
        "mail_elsewhere_list": "give its new address in the recipients list",
        "mail_elsewhere_overdue": "give its new address in a recipients list (formgen mail LIST "
        "--overdue --drafts DIR, or --send) or the register (formgen mail --from-register "
        "--overdue --drafts DIR, or --send)",
        "mail_retired": "{retired}; if it still exists: 'formgen register restore {iid}'",
        "mail_merged_instead": "{iid} ({source}): {retired}; its row is {keep}'s (with "
        "{keep}'s form)",
        "mail_merged_listed": "{iid} ({source}): {retired}; left out, the list names {keep} "
        "already",
        "mail_list_ids": "{n} rows give the id the centre's list gave an institution of the "
        "register (register import): each is that institution's, under its id in the register, "
        "with its form ({ids})",
        "mail_list_ids_one": "1 row gives the id the centre's list gave an institution of the "
        "register (register import): it is that institution's, under its id in the register, "
        "with its form ({ids})",
        "mail_list_other_name": "{iid} ({source}): the list names it „{name}“, the register "
        "„{kept}“: its mail and form name it „{kept}“; to rename it in the register: formgen "
        'register set {iid} institution.name "{name}" --note "renamed"',
        "mail_list_id_listed": "{iid} ({source}): the id of {keep} in the centre's list "
        "(register import); left out, the list names {keep} already",
        "mail_note_unmatched": "returns cannot be matched without a register; every form not "
        "known as returned counts",
        "mail_note_force_on_its_way": "--force: not skipping {n} institutions whose form is "
        "still on its way: {ids}",
        "mail_note_force_on_its_way_one": "--force: not skipping 1 institution whose form is "
        "still on its way: {ids}",
        "mail_note_force_retired": "--force: mailing {n} retired institutions all the same: {ids}",
        "mail_note_force_retired_one": "--force: mailing 1 retired institution all the same: {ids}",
        "mail_note_force_twin": "--force: mailing {n} institutions all the same that this round "
        "mailed under another id already (in brackets): {ids}",
        "mail_note_force_twin_one": "--force: mailing 1 institution all the same that this round "
        "mailed under another id already (in brackets): {ids}",
        "mail_twin": "mailed in round {round} already as {old} (the same name but for case, "
        "accents and punctuation, the same address {email}): the same institution needs no "
        "second mail (in a list, give it its id {old}); if it is another one, --force mails it "
        "all the same",
        "mail_test_drafts_note": "the test drafts in {folder} hold the institutions' personal "
        "data, and formgen does not know what is in them ('formgen register erase' names them "
        "but does not delete them): delete them once you have looked at them",
        "mail_test_to_institution": "{address} is the address of {who}: a test would send "
        "every institution's prefilled form to it; give your own address (the workspace's "
        "sender is always allowed)",
        "mail_test_note": "test: every mail of this run goes to {address} only, its subject "
        "marked [TEST]; nothing is logged (the round, the send log, the forms issued and 'formgen "
        "status' stay as they were)",
        "mail_test_subject": "[TEST, for {email}]",
        "mail_no_sender": '{config}: no sender address; set sender = "you@example.org" under '
        "[centre] (mails go out From it, replies come back to it)",
        "mail_bad_sender": '{config}: sender = "{sender}" cannot be used: '
        "{why}; set sender under [centre] to the address of the centre's mailbox (ask your "
        "mail administrator for one); nothing was made or sent",
        "mail_no_register": "no register in this workspace yet; give a RECIPIENTS file instead",
        "mail_register_empty": "the register is empty: take your list of institutions into it "
        "first (formgen register import LIST), then mail them from it (formgen mail "
        "--from-register --drafts FOLDER), or mail the list as it is (formgen mail LIST --drafts FOLDER)",
        "mail_no_register_stale": "no register in this workspace: nothing is known to be stale",
        "mail_lost": "{error}; this mail may or may not have been delivered",
        "mail_stopped_lost": "{error}; stopped after {done} of {total}. The mail to {iid} may or "
        "may not have been delivered (no confirmation came). Run the same command again to send "
        "the rest: it sends the mail to {iid} once more, so that institution may get it twice; "
        "the mails sent before it are not sent again",
        "mail_erased_address": "its address was erased (formgen register erase)",
        "mail_password_prompt": "SMTP password for {user} at {host}",
        "mail_smtp_none": '{where}: no [smtp] settings; add\n  [smtp]\n  host = "mail.example.org"\n'
        '  security = "starttls"\n  user = "you@example.org"\nor write drafts with --drafts DIR '
        "instead",
        "mail_smtp_security": "{where}: [smtp] security = '{security}'; use starttls or ssl",
        "mail_smtp_none_remote": "{where}: [smtp] security = 'none' is only allowed for a relay on "
        "this machine (host localhost), not for {host}; use starttls or ssl",
        "mail_smtp_numbers": "{where}: [smtp] port, rate and timeout must be numbers",
        "mail_smtp_port": "{where}: [smtp] port {port} is not a port number",
        "mail_smtp_rate": "{where}: [smtp] rate must be 0 (no limit) or more mails per minute",
        "mail_smtp_cafile": "[smtp] cafile '{cafile}' cannot be read: {error}",
        "mail_smtp_cafile_missing": "{where}: [smtp] cafile = '{cafile}': there is no such "
        "file; give the CA certificate (PEM) of the mail server, its path relative to the "
        "workspace",
        "mail_smtp_tls_untrusted": "{where}: the server's certificate is not trusted ({reason}); "
        "if the mail server has the centre's own certificate, name its CA certificate (PEM) in "
        'workspace.toml: [smtp] cafile = "ca.pem"',
        "mail_smtp_tls_not_by_cafile": "{where}: the server's certificate is not signed by "
        "[smtp] cafile '{cafile}' nor by a CA this computer trusts ({reason}); ask whoever runs "
        "the mail server for the right CA certificate",
        "mail_smtp_tls_name": "{where}: the server's certificate is for {names}, not for {host}; "
        "write that name as host under [smtp] in workspace.toml",
        "mail_smtp_tls": "{where}: TLS failed ({reason}); check host, port and security (587 = "
        "starttls, 465 = ssl)",
        "mail_smtp_greeting": "{where}: the server refused this computer's greeting (EHLO and "
        "HELO: {reply}); it may want a full host name or take mail only from certain networks: "
        "ask whoever runs the mail server, and check host and port under [smtp] in "
        "workspace.toml",
        "mail_smtp_no_starttls": "{where}: the server does not offer STARTTLS; use security = "
        "'ssl' (port 465){local}",
        "mail_smtp_or_none": " or, for a relay on this machine, security = 'none'",
        "mail_smtp_connect": "cannot connect to the SMTP server {where}: {error}; check host and "
        "port under [smtp] in workspace.toml, that the mail server is running, and that this "
        "computer reaches it (network, VPN, firewall)",
        "mail_smtp_no_password": "no SMTP password for {user}: set {env} or answer the prompt",
        "mail_password_not_set": "no SMTP password for {user}: the environment variable {env} is "
        "not set, and without a terminal (cron, a pipe) formgen cannot ask for it; set it for "
        "this run, e.g. in the script that runs formgen: export {env}='…' (formgen never stores "
        "it), or run the command in a terminal to be asked",
        "mail_smtp_login_refused": "{where}: login as {user} refused ({code}); check user and "
        "password",
        "mail_smtp_login_failed": "{where}: login as {user} failed: {reason}",
        "mail_smtp_broke": "the connection to {host} broke: {reason}",
        "mail_smtp_utf8": "{host} cannot take a mail to {to}: an address with letters outside "
        "ASCII (ş, ä, …) needs SMTPUTF8, which this server does not offer; ask the institution "
        "for a plain-ASCII address",
        "mail_smtp_this_address": "this address",
        "mail_smtp_login_not_accepted": "{where}: the server requires a login and did not accept "
        "the one as {user} ({reply}); check user under [smtp] in workspace.toml and the password",
        "mail_smtp_not_taken": "{where}: the server refused the mail itself, not its recipient "
        "({reply}), so the round stopped here; no address is marked refused, the mails sent before "
        "stay sent and the same command sends the rest: {advice}",
        "mail_smtp_in_a_row": "{n} mails in a row refused so: not one mail's fault",
        "mail_smtp_advice_quota": "the sending mailbox may send no more mails for now (its daily "
        "limit, e.g. at Microsoft 365); run the same command again tomorrow, or ask the provider to "
        "raise the limit",
        "mail_smtp_advice_size": "the mail is too big for the server; send one form only (--format "
        "pdf) or ask the provider of {host} for its size limit, then run the same command again",
        "mail_smtp_advice_sender_full": "the sending mailbox is full (Microsoft 365 keeps every mail "
        "sent in its Sent Items); empty that folder or make room, then run the same command again",
        "mail_smtp_advice_ask": "ask the provider of {host} (or its administrator) what this answer "
        "means, then run the same command again",
        "mail_smtp_login_needed": "{where}: the server requires a login ({reply}); add user = "
        '"you@example.org" (your login at the mail server) to [smtp] in workspace.toml, and give '
        "the password in the environment variable {env} or at the prompt (it is never stored); "
        "then run the same command again",
        "mail_removed_by_hand": "its address, {email}, was removed by hand on {day} ({note})",
        "mail_removed_by_hand_none": "its address was removed by hand on {day} ({note})",
        "mail_erased_on": "its address was erased on {day} ({note})",
        "mail_list_problems": "the recipients list has {n} problems (nothing was made or sent; "
        "fix them — `formgen mail` also takes --skip-invalid to mail only the valid rows)",
        "mail_list_problems_one": "the recipients list has 1 problem (nothing was made or sent; "
        "fix them — `formgen mail` also takes --skip-invalid to mail only the valid rows)",
        "mail_list_unreadable": "the recipients list cannot be read (nothing was made or sent)",
        "mail_list_no_recipients": "{source}: no recipients (only a header line?)",
        "mail_list_empty_file": "the file is empty; it needs a header line: {columns}",
        "mail_list_empty_sheet": "the first sheet is empty; it needs a header line: {columns}",
        "mail_list_missing": "missing columns {missing} (found {found}{delimiter}); the header "
        "needs {columns}{title}{register}",
        "mail_list_missing_one": "missing column {missing} (found {found}{delimiter}); the header "
        "needs {columns}{title}{register}",
        "mail_list_via_register": "; a list of your own without ids: take it into the register "
        "first (formgen register import {source}), then mail from it (formgen mail "
        "--from-register --drafts FOLDER)",
        "mail_list_title": "; the header must be in line 1: delete title lines above it",
        "mail_column_id": "id",
        "mail_column_institution": "institution",
        "mail_column_email": "email",
        "mail_column_categories": "categories",
        "mail_column_region": "region",
        "mail_column_language": "language",
        "mail_column_format": "format",
        "mail_list_found_none": "none",
        "mail_list_delimiter": "; delimiter '{delimiter}'",
        "mail_list_twice": "{twice}; keep one and delete or rename the others (which one to mail "
        "from cannot be guessed)",
        "mail_list_lost_csv": "Excel writes '?' for every letter its plain 'CSV' cannot hold (ş, "
        "ı, ł, Cyrillic, Arabic …); save the list as 'CSV UTF-8' and run again",
        "mail_list_lost_list": "the list keeps every letter, so they were lost before (copied "
        "from a plain 'CSV' Excel saved?); type the letters in and run again",
        "mail_list_lost_workbook": "the workbook keeps every letter, so they were lost before "
        "(copied from a plain 'CSV' Excel saved?); type the letters in and run again",
        "mail_list_lost_letters": "'{name}' has '?' in place of letters: {fix}",
        "mail_list_values_csv": "{n} values but the header has {columns} columns (a '{delimiter}' "
        "inside a value? put that value in double quotes)",
        "mail_list_values_sheet": "{n} values but the header has {columns} columns (a value right "
        "of the last column: give it a header or delete it)",
        "mail_list_column": "column {problem}",
        "mail_list_unsaved": "column '{column}': a formula without a saved result: open and save "
        "the workbook in Excel or LibreOffice",
        "mail_list_yes_no": "column '{column}': a yes/no cell (WAHR or FALSCH, TRUE or FALSE) "
        "where text belongs: type the text in",
        "mail_list_no_id": "no id: give the institution's id in the register ('formgen "
        "register find NAME' shows it) or, for one the register does not know yet, a new id of "
        "your own, such as new-1",
        "mail_list_bad_id": "id '{rid}' may only hold letters A-Z without accents, digits, '.', "
        "'_' and '-', start with a letter or digit, and have at most 64 characters",
        "mail_bad_round": "round name '{round}' may only hold letters A-Z without accents, digits, "
        "'.', '_' and '-', start with a letter or digit, and have at most 64 characters",
        "mail_list_duplicate_id": "duplicate id '{rid}' (first on line {first}, '{first_name}'; "
        "here '{name}'); ids must be unique: give a new institution an id of its own",
        "mail_list_case_id": "id '{rid}' differs from '{other}' (line {first}) only in upper and "
        "lower case: on Windows and in OneDrive both name the same file, and one institution's "
        "draft or form would replace the other's; give one of them another id",
        "id_windows_device": "id '{rid}' is a name Windows keeps for a device (CON, PRN, AUX, "
        "NUL, COM0–COM9, LPT0–LPT9, in any case, with or without an ending): Windows and "
        "OneDrive cannot save the institution's draft or form named after it; give it another id",
        "mail_list_no_name": "no institution name",
        "mail_list_id_case": "id '{rid}' differs only in case from '{theirs}' ('{other}') in the "
        "register, which Windows takes for one file name (drafts, forms): write it as the "
        "register does if it is that institution, else give this one an id of its own",
        "mail_list_reused_id": "id '{rid}' is '{other}' in the register, not '{name}': give a "
        "new institution an id of its own, which neither the register nor an earlier list gave; "
        "if it is the same institution, write its name as the register holds it, or set its new "
        'name first: formgen register set {rid} institution.name "{name}" --note "renamed"',
        "mail_list_reused_list_id": "id '{rid}' is the id the centre's list gave {iid} '{other}' "
        "(register import), not '{name}': give a new institution an id of its own, which "
        "neither the register nor an earlier list gave; if it is the same institution, write its "
        "name as the register holds it, or set its new name first: formgen register set {iid} "
        'institution.name "{name}" --note "renamed"',
        "mail_list_reused_sent_id": "id '{rid}' was mailed to '{other}' <{email}> in round "
        "{round}, not to '{name}': give a new institution an id of its own, which no earlier "
        "list gave; if it is the same institution, write its name as then",
        "mail_list_did_you_mean": "unknown category '{piece}'; did you mean '{name}'?",
        "mail_list_unknown_category": "unknown category '{piece}'; give its id or its name (the "
        "checklists: see line {line})",
        "mail_list_town": "unknown region '{text}'; {text} belongs to the region '{region}' — "
        "if that is right: write {value} or the region's name",
        "mail_list_unknown_region": "unknown region '{text}'; give its id or its name (the "
        "regions: see line {line})",
        "mail_list_more_unknown": "and {n:,} more unknown categories",
        "mail_list_no_category": "no category: name at least one checklist, e.g. psychotherapie",
        "mail_list_language": "language '{given}': mails and forms can be written in {names}; "
        "write one of them or leave the cell empty",
        "mail_list_format": "format '{given}': write pdf, docx (Word) or both, or leave the cell "
        "empty",
        "mail_form_footer": "footer (institution name)",
        "mail_form_no_glyph": "{where}: {chars} cannot be shown by the form's font; the value is "
        "stored but these characters print as empty boxes",
        "mail_form_control": "{path}: {chars} left out: a Word document cannot hold control "
        "characters; the value itself is kept as it is",
        "mail_gen_warning": "Warning: {warning}",
        "mail_gen_retired": "Warning: {iid} is {retired}; its return will be merged and flagged "
        "— 'formgen register restore {iid}' if it still exists",
        "mail_form_record": "record '{iid}'",
        "mail_form_no_field": "{where}: {path}: this form has no such field",
        "mail_form_other_text": "{where}: {path}: the 'other' text must be text",
        "mail_value_not_list": "a {kind} value must be a list of codes, not {value}",
        "mail_value_language": "unknown language code(s) {codes}; use ISO 639 codes such as fa, "
        "ar, tr",
        "mail_value_choices": "unknown choice(s) {codes}; allowed: {allowed}",
        "mail_value_not_whole": "a {kind} value must be a whole number, not {value}",
        "mail_value_outside": "{value} is outside {low}–{high}",
        "mail_value_not_text": "a {kind} value must be text, not {type}",
        "mail_value_not_date": "'{value}' is not an ISO date (YYYY-MM-DD)",
        "mail_value_not_choice": "'{value}' is not a choice; allowed: {allowed}",
        "mail_usage_forget": "--forget-forms takes --round ROUND, and only --dry-run and --yes "
        "besides",
        "mail_usage_yes": "--yes goes with --forget-forms",
        "mail_no_secret": "{why}; so none of the round's {n} mails went out: run the same "
        "command again after that",
        "mail_no_secret_one": "{why}; so the round's mail did not go out: run the same command "
        "again after that",
        "mail_usage_forget_not": "--forget-forms only deletes a round's kept forms, it mails "
        "nothing: it takes --round ROUND, and only --dry-run and --yes besides, not {options}",
        "forget_forms_no_round": "no mail round '{round}' in the send log (its rounds: {known})",
        "forget_forms_waiting": "round '{round}' has mails not yet gone, {n} (their forms made, "
        "not yet sent or written as drafts: {ids}): finish the round first by running it again "
        "(or wait for the server to take them), then forget its forms",
        "forget_forms_what": "{folder}: {n} files of round '{round}', {mb:.1f} MB; issued.jsonl "
        "and the send log stay, by which a return is recognised and counted (ingest, formgen "
        "status); a form for typing in values is made anew with 'formgen generate pdf "
        "--institution ID'",
        "forget_forms_ask": "Delete these files? [y/N]",
        "forget_forms_done": "deleted {n} files of round '{round}', {mb:.1f} MB freed",
        "forget_forms_dry": "nothing deleted (--dry-run)",
        "forget_forms_none": "{folder}: no forms kept for round '{round}' (forgotten before, or "
        "none made)",
        "forget_forms_declined": "nothing deleted",
        "mail_usage_where": "say where the mails go: --drafts DIR or --send (one of them)",
        "mail_usage_overdue_stale": "--overdue and --stale make different rounds; run them one "
        "after the other",
        "mail_usage_list_or_register": "give a RECIPIENTS file or --from-register, not both",
        "mail_usage_whom": "whom to mail? give a RECIPIENTS file, --from-register, --overdue or "
        "--stale",
        "mail_usage_stale_by": "--stale-by goes with --stale",
        "mail_usage_deadline_past": "--deadline {deadline:date} is in the past (today is "
        "{today:date}); give the date by which the forms should come back, or --days N",
        "mail_usage_stale_by_past": "--stale-by {day:date} is in the past (today is "
        "{today:date}); give the day by which entries should still be current, e.g. the "
        "round's deadline",
        # (end of mail)
        # -- formgen mail: the mail templates, the sender and the recipient (mailing.py)
        "mail_template_placeholder": "{source}: unknown placeholder {{{name}}}; known: {known}",
        "mail_template_subject": "{source}:1: the first line must be the subject, e.g. "
        "'Betreff: Bestandsaufnahme – {{name}}'",
        "mail_template_kind": "unknown kind of mail '{kind}'; use one of {kinds}",
        "mail_template_language": "no shipped mail template in language '{language}'; use de or en",
        "mail_template_no_form": "{iid}: a mail needs at least one form",
        "mail_template_no_address": "{iid} ({name}): no e-mail address",
        "mail_template_no_sender": 'no sender address: set sender = "…" under [centre] in '
        "workspace.toml",
        "mail_template_sender": "sender address '{address}' cannot be used: {why}",
        "mail_template_address": "{where}: address '{address}' cannot be used: {why}",
        # (end of mail_template)
        # -- formgen demo's narration (cli/demo.py)
        "demo_workspace": "1. workspace {root} (schema {schema} {version}, {n} checklists)",
        "demo_blank": "2. blank checklists of all {n} categories: PDF and DOCX",
        "demo_drafts": "3. mail drafts with personalised forms (formgen mail {listed} --drafts DIR):",
        "demo_ingested": "4. ingested {n} returned files (PDF, flattened PDF, DOCX, Word form as "
        "PDF, .eml, .mbox, .msg):",
        "demo_status": "5. the round so far (formgen status):",
        "demo_update": "6. update forms prefilled from the register for {n} institutions",
        "demo_outputs": "7. register exported, printed, stale entries and gaps reported",
        "demo_where": "Where everything is:",
        "demo_out_blank": "blank checklist, all categories ({fmt})",
        "demo_out_list": "the round's recipients list, an example of one for formgen mail",
        "demo_out_drafts": "mail drafts (.eml, open in Outlook/Thunderbird)",
        "demo_out_attached": "forms attached to the drafts",
        "demo_out_report": "ingest report with every warning",
        "demo_out_update": "update forms prefilled from the register ({n} institutions, PDF and "
        "DOCX)",
        "demo_out_json": "register (JSON)",
        "demo_out_wide": "register (CSV, one row per entry)",
        "demo_out_long": "register (CSV, one row per value with its source)",
        "demo_out_xlsx": "register (XLSX)",
        "demo_out_print": "printed register (PDF)",
        "demo_out_stale": "stale and incomplete entries",
        "demo_out_update_list": "update list (records for update forms)",
        "demo_out_gaps": "gaps (no entry, or only Fehlanzeige)",
        "demo_no_samples": "the returned sample forms were not found in {where} (its "
        "workspace/secret.key and pdf/ are missing); give --samples DIR, the samples/ folder of "
        "formgen's source, or install formgen again",
        "demo_not_ours": "{directory} exists and was not made by 'formgen demo'; give a new folder "
        "(the demo never overwrites your files)",
        # formgen generate (cli/generate.py)
        "gen_made": "{path}: {reference} ({kb:.0f} KB)",
        "gen_batch": "{n} forms in {folder} ({mb:.1f} MB), list in {manifest}",
        "gen_batch_one": "1 form in {folder} ({mb:.1f} MB), list in {manifest}",
        "gen_progress": "{n} {fmt} forms",
        "gen_no_institution": "no institution '{iid}' in the register; 'formgen register find' "
        "lists them",
        "gen_merged": "{iid} is {retired}: its returns go to {keep}, so its form is {keep}'s: "
        "'formgen generate {fmt} --institution {keep}'",
        "gen_not_utf8": "{path}: not UTF-8 text; save the file as UTF-8 (CSV UTF-8)",
        "gen_out_folder": "{path} is a folder; give a file name for --out",
        "gen_out_not_folder": "{path} exists and is not a folder; choose another --out",
        "gen_cannot_read": "{path}: cannot read: {why}",
        "gen_not_json": "{path}:{line}: not valid JSON: {why}; check commas and quotes near this "
        "line",
        "gen_no_workspace": "Note: no --workspace: ingest cannot check these forms' signature "
        "and keeps their returns aside as made without a workspace, until you look at them and "
        "take them in with 'formgen ingest FILE --accept-no-workspace'. Use --workspace DIR for "
        "forms you send out.",
        # -- formgen generate's usage errors and --record's errors (cli/generate.py, record.py)
        "gen_usage_one_source": "give one of --record, --institution and --recipients, not {given}",
        "gen_usage_and": "and",
        "gen_usage_checklist": "--kind checklist takes no {option} (it is for institution forms)",
        "gen_usage_institution": "--kind institution needs --record FILE.json, --institution ID "
        "or --recipients LIST",
        "rec_not_object": "{source}: a record must be a JSON object",
        "rec_bad_id": "{source}: 'id' must be an institution id: it may only hold letters A-Z "
        "without accents, digits, '.', '_' and '-', start with a letter or digit, and have at "
        "most 64 characters (got {got})",
        "rec_bad_base": "{source}: 'base_version' must be a non-negative whole number",
        "rec_bad_entries": "{source}: 'entries' must be an object of category → values",
        "rec_bad_categories": "{source}: 'categories' must be a list of category ids",
        "rec_not_fields": "{where}: must be an object of field → value",
        "rec_lone_surrogate": "'{shown}' holds U+{code}, half of a character (a lone "
        "surrogate), which is no text",
        "rec_split_character": "{where}.{name}: {why}; correct it in the file (the program that "
        "wrote it split a character in two)",
        "rec_no_field": "{where}.{name}: no such field here; known: {known}",
        "rec_other_multi": "{where}.{name}: only multiple-choice fields have an '{other}' text",
        "rec_other_text": "{where}.{name}: the 'other' text must be text",
        # (end of gen_usage)
        # -- click's own usage errors, said in a German workspace (cli/common.py)
        "click_error": "Error:",
        "click_stopped": "stopped ({by}); nothing more was done",
        "click_end_of_input": "end of the input",
        "click_usage": "Usage:",
        "click_options": "[OPTIONS]",
        "click_command_args": "COMMAND [ARGS]...",
        "click_heading_options": "Options",
        "click_heading_commands": "Commands",
        "click_default": "default: {default}",
        "click_env_var": "env var: {var}",
        "click_required": "required",
        "click_help": "Try '{command} {option}' for help.",
        "click_no_option": "No such option '{name}'.",
        "click_no_command": "No such command '{name}'.",
        "click_did_you_mean": "Did you mean '{name}'?",
        "click_possible": "(Did you mean one of: {names}?)",
        "click_after_command": "Options such as {option} go after the command: {line}",
        "click_missing_argument": "Missing argument {hint}.",
        "click_missing_option": "Missing option {hint}.",
        "click_missing": "Missing parameter {hint}.",
        "click_needs_value": "Option '{name}' requires an argument.",
        "click_invalid": "Invalid value for {hint}: {message}",
        "click_extra": "Got unexpected extra argument ({args})",
        "click_extras": "Got unexpected extra arguments ({args})",
        "click_not_choice": "'{value}' is not one of {choices}.",
        "click_no_path": "{kind} '{path}' does not exist.",
        "click_is_file": "'{path}' is a file, not a folder.",
        "click_is_folder": "'{path}' is a folder, not a file.",
        "click_kind_File": "File",
        "click_kind_Directory": "Directory",
        "click_kind_Path": "Path",
        "click_not_integer": "'{value}' is not a valid integer.",
        "click_not_float": "'{value}' is not a valid float.",
        "click_not_in_range": "{value} is not in the range {range}.",
        "click_note_control": "'{value}' holds the control character {char}, which is no "
        "text; give it without",
        "click_note_override": "'{value}' holds {char}, a character that reverses the "
        "direction of the text after it, so that it shows otherwise than typed; give it "
        "without (Arabic or Hebrew needs none)",
        "click_terminal_encoding": "{why}; the terminal sent it in another encoding than UTF-8 "
        "(read as Windows-1252 it is '{shown}'); set the terminal to UTF-8 and give it again",
        "click_terminal_utf8": "'{value}' could not be read in the system's encoding "
        "({encoding}): the terminal sent it in UTF-8 ('{meant}'); set the terminal to "
        "{encoding}, or the system's locale (LANG) to UTF-8, and give it again",
        # (end of click)
        # formgen init (cli/workspace.py)
        "init_bad_sender": 'sender "{sender}" cannot be used: {why}; give the address of the '
        "centre's mailbox (ask your mail administrator for one); nothing was created",
        "init_is_workspace": "{root} is already a formgen workspace; use it as it is (--workspace "
        "{here}), or give a new folder to 'formgen init'",
        "init_in_workspace": "{root} lies in the formgen workspace {workspace}; a workspace in "
        "a workspace would mix their files. Use that one (--workspace {here}), or give "
        "'formgen init' a folder outside it",
        "init_workspace_parts": "{root} holds parts of a formgen workspace ({parts}) but no "
        "{config}; a new workspace there would replace its signing secret and register. Restore "
        "{config} from your backup to use it again, or give a new folder",
        "init_not_empty": "{root} already holds {n} files or folders ({listed}); a workspace is "
        "best a folder of its own. Give a new folder (formgen init spkom) and ingest these files "
        "into it (formgen ingest {here} --workspace spkom), or add --with-files to make {root} a "
        "workspace and leave its files as they are",
        "init_not_empty_one": "{root} already holds 1 file or folder ({listed}); a workspace is "
        "best a folder of its own. Give a new folder (formgen init spkom) and ingest this file "
        "into it (formgen ingest {here} --workspace spkom), or add --with-files to make {root} a "
        "workspace and leave its file as it is",
        "init_cannot_create": "{root} cannot be created: {why}; check the path (a file where a "
        "folder is meant) and the permissions, or give another folder",
        "workspace_not_found": "{where} is not a formgen workspace ({why}).{meant} To use your "
        "workspace, give its folder with --workspace DIR (-w DIR), set FORMGEN_WORKSPACE=DIR, or "
        "run formgen in it{init}",
        "workspace_current_folder": "the current folder ({path})",
        "workspace_no_config": "no {config} in it",
        "workspace_no_folder": "no such folder",
        "workspace_named_by_variable": "the variable FORMGEN_WORKSPACE names it",
        "workspace_meant": " Meant: {options}?",
        "workspace_init": "; to create a new one: formgen init {here}",
        "config_centre": "{path}: centre = {value} is no section; write it as a section of its "
        'own lines ([centre], then name = "…", language = "de") and run the command again',
        "config_unknown": "Note: {path}: formgen does not read {name}{hint}; it reads {known} "
        "(a setting of a newer formgen is left as it is)",
        "config_meant": " (meant: {name}?)",
        "ws_seed_reused": "form instance {ref} was issued before for another form ({kind}, "
        "{whose}); nothing was written. Was --seed given again for other forms? Generate "
        "without --seed, or with a seed not used before",
        "ws_seed_institution": "institution {iid}",
        "ws_seed_categories": "{n} categories",
        "ws_seed_categories_one": "1 category",
        "ws_secret_damaged": "{path} is missing or damaged: forms cannot be signed or checked; "
        "copy it back from a backup of the workspace (a new key does not recognise the forms "
        "sent out so far)",
        "config_regions": "{path}: entry {n} of [[regions]] ({entry}) cannot be used: each entry "
        'needs value = "…" and the region\'s name as de = "…" (en = "…" for forms in English), '
        'nothing else: value = "dueren", de = "Düren"; correct it and run the command again',
        "config_language": "{path}: [centre] language = {value} is no language formgen speaks; "
        'give one of {known} (language = "de") and run the command again',
        "config_not_utf8": "{path} is not saved as UTF-8 (line {line}, byte {byte}: {text}); open "
        "it in a text editor and save it with the encoding UTF-8 (Notepad: File, Save as, "
        "Encoding UTF-8), then run the command again",
        "config_invalid": "{path}, line {line}, column {column}: not valid TOML ({why}); correct "
        "the file there in a text editor (or restore it from your backup) and run the command again",
        "config_cut_off": "{path} ends too early: not valid TOML ({why}), the file may be cut off; "
        "correct its end in a text editor (or restore it from your backup) and run the command again",
        "workspace_in_use": "{root} is in use by another formgen run (waited {wait:.0f} s); try "
        "again when it has finished",
        "workspace_in_use_by": "{root} is in use by another formgen run (waited {wait:.0f} s): "
        "'{command}' since {since:moment}, on the computer {host} by {user} (process {pid}); try "
        "again when it has finished",
        "workspace_waits": "{root} is in use by another formgen run; waiting up to {wait:.0f} s "
        "for it to finish …",
        "workspace_waits_by": "{root} is in use by another formgen run: '{command}' since "
        "{since:moment}, on the computer {host} by {user} (process {pid}); waiting up to "
        "{wait:.0f} s for it to finish …",
        "workspace_open": "Note: other users of this computer can look into the workspace "
        "{root} (every command says so until that is changed); to make it yours only: chmod -R "
        "go= {quoted} (to share it with a group on purpose, give the group a default ACL: "
        "setfacl -d, see README)",
        "workspace_lock_not_file": "{path} is not a file but a link, a folder or a device: formgen "
        "writes into it which run uses the workspace, and never through a link; remove it (a "
        "link's target stays as it is) and run the command again: formgen makes it anew",
        "workspace_sync_copies": "Note: {root} holds files named like the conflict copies a "
        "sync program makes when two computers change formgen's files at once: {names}. formgen "
        "does not read them: what they hold is missing here.{what} A copy someone made by hand "
        "as a backup needs none of this.",
        "workspace_sync_copies_ingest": " Ingest the other computer's returns here again (formgen "
        "ingest), then delete the copies of register and journal.",
        "workspace_sync_copies_sendlog": " Never delete a copy of the send log: only it knows the "
        "mails sent from the other computer (a round mails those institutions again).",
        "workspace_sync_copies_other": " Compare each copy with its file and keep one.",
        "init_created": "workspace created in {root}",
        "init_configuration": "  configuration: {path} (centre name, sender, regions)",
        "init_secret": "  signing secret: {path} (keep it; never mail it)",
        "init_next": "next: take your list of institutions into the register (formgen "
        "register import LIST -w {root}) and mail them from it (formgen mail --from-register -w "
        "{root} --drafts FOLDER), or mail the list as it is (formgen mail LIST -w {root} --drafts "
        "FOLDER); formgen demo shows the whole cycle",
        "init_private": "  only you can open the folder (mode 0700): it will hold personal "
        "data; formgen writes the files readable by you only, here and elsewhere",
        "init_git_ignored": "  the folder lies in the git repository {repo}: its .gitignore "
        "keeps the workspace's files (personal data, the signing secret) out of commits",
        # formgen schema check|copy (cli/schema.py; staleness.choices_dropped)
        "schema_valid": "{path}: valid — {schema} {version}, {groups} groups, {categories} "
        "categories, {fields} distinct fields",
        "schema_invalid": "{path}: {n} problems; the schema is not valid",
        "schema_invalid_one": "{path}: 1 problem; the schema is not valid",
        "schema_note": "{path}: note: {note}",
        "schema_not_compared": "the register's values were not compared: {error}",
        "schema_regions_unused": "{config} lists [[regions]], but no field of the schema takes "
        "them (an institution field with id: region, choices_from: regions): they are not used, "
        "the register is not split by region; add such a field, or remove [[regions]]",
        "schema_drops_region": "drops region '{option}' ({label}), held by {n} institutions; "
        "their update forms will ask again",
        "schema_drops_region_one": "drops region '{option}' ({label}), held by 1 institution; its "
        "update forms will ask again",
        "schema_drops_choice": "drops the choice of '{field}' '{option}' ({label}), held by {n} "
        "institutions; their update forms will ask again",
        "schema_drops_choice_one": "drops the choice of '{field}' '{option}' ({label}), held by 1 "
        "institution; its update forms will ask again",
        "schema_drops_field": "drops the field '{field}' ({id}), held by {n} institutions: "
        "forms, the printed register and the tables no longer show their values; the register "
        "keeps them (history, JSON export)",
        "schema_drops_field_one": "drops the field '{field}' ({id}), held by 1 institution: "
        "forms, the printed register and the tables no longer show its value; the register "
        "keeps it (history, JSON export)",
        "schema_retypes_field": "changes the type of '{field}' ({id}) from {old} to {new}, held "
        "by {n} institutions: their values are checked again against the new type, {invalid} "
        "invalid then",
        "schema_retypes_field_one": "changes the type of '{field}' ({id}) from {old} to {new}, "
        "held by 1 institution: its value is checked again against the new type, {invalid} "
        "invalid then",
        "schema_label_reworded": "label of {field} changed ('{old}' → '{new}'): older forms "
        "returned as a Word file or printed are read by their labels — add the old one under "
        "former_labels",
        "schema_copied": "{target}: a copy of {source}; edit it and give it a new schema_version",
        "schema_copy_exists": "{target} exists already; give another file name (it is never "
        "replaced)",
        "schema_copied_for": "{target}: a copy of {source}; edit it, give it a new "
        "schema_version, check it with 'formgen schema check {name} --workspace {root}' and name "
        'it in {config} under [schema]: path = "{name}"',
        "schema_cannot_write": "cannot write {target}: {why}",
        "schema_workspace_unusable": "{config} names a schema that every command of this "
        "workspace fails on: {error}",
        # -- what the operating system says of a file it cannot read or write (os_error_said)
        "os_enoent": "No such file or directory",
        "os_eacces": "Permission denied",
        "os_eperm": "Operation not permitted",
        "os_eisdir": "Is a directory",
        "os_enotdir": "Not a directory",
        "os_erofs": "Read-only file system",
        "os_enospc": "No space left on device",
        "os_eexist": "File exists",
        "os_eloop": "Too many levels of symbolic links",
        "os_enametoolong": "File name too long",
        "os_eio": "Input/output error",
        "os_cannot_write": "cannot write {path}: {what}; {advice}",
        "os_cannot_access": "cannot access {path}: {what}; {advice}",
        "os_a_file": "a file",
        "os_advice_erofs": "the drive is mounted read-only: use a folder on a writable drive, "
        "or have this one mounted writable",
        "os_advice_enospc": "the disk is full: free some space and run the command again",
        "os_advice_edquot": "your disk quota is used up: free some space and run the command again",
        "os_advice_efbig": "the file would be larger than this drive allows",
        "os_advice_eacces": "check that you may read and write there (the owner and permissions "
        "of the file and its folder)",
        "os_advice_enoent": "check the path (a folder on the way may have been moved or removed)",
        "os_advice_other": "check the path, the drive and the permissions, then run it again",
        # -- formgen schema check: the problems of a schema file (schema_load.py)
        "schema_has_problems": "the schema has {n} problems:",
        "schema_has_problems_one": "the schema has 1 problem:",
        "schema_problem_yaml": "not valid YAML: {problem} (check indentation and quotes near "
        "this line)",
        "schema_problem_yaml_tab": "this line is indented with a tab, which YAML does not allow; "
        "indent with spaces, not tabs (an editor can be set to insert spaces for the Tab key)",
        "schema_problem_aliases": "the file stands for more than {limit:,} values once its YAML "
        "aliases (*name) are repeated; write the parts out instead of repeating aliases of aliases",
        "schema_problem_too_deep": "lists and mappings nested more than {limit} deep (a schema "
        "nests about 8); close the brackets or indent less",
        "schema_problem_not_mapping": "a schema file must be a YAML mapping of keys (schema_id, "
        "schema_version, …)",
        "schema_problem_too_big": "the file is {size} bytes; a schema is at most {limit} bytes",
        "schema_problem_duplicate_key": "key '{name}' appears twice in the same mapping; keep one",
        "schema_problem_unknown_key": "unknown key '{name}'{hint}; allowed here: {allowed}",
        "schema_problem_missing_key": "'{name}' is missing here; add it",
        "schema_problem_bad_type": "'{where}' must be {expected}, not {actual}",
        "schema_problem_bad_id": "id '{value}' is not allowed: ids use lower-case letters, "
        "digits and _ ({pattern}), start with a letter and never contain a dot",
        "schema_problem_bad_version": "schema_version '{value}' is not a semantic version; write "
        "MAJOR.MINOR.PATCH, e.g. 1.0.0",
        "schema_problem_unknown_type": "field '{field}': unknown type '{value}'{hint}; known "
        "types: {known}",
        "schema_problem_bad_value": "'{where}': {value!r} is not allowed; use one of {allowed}",
        "schema_problem_too_small": "'{where}' is {value}; it must be at least {limit}",
        "schema_problem_generic": "'{where}': {message}",
        "schema_problem_default_language": "default_language '{value}' is not in languages "
        "{languages}; add it there",
        "schema_problem_missing_translation": "{what} has no text in '{language}' (languages: "
        "{languages}); add '{language}: …'",
        "schema_problem_missing_translations": "{count} texts are missing in '{language}' "
        "(languages: {languages}), each listed below; add '{language}: …' to each, or take "
        "'{language}' out of languages until they are translated",
        "schema_problem_duplicate_id": "{kind} id '{value}' is used twice (first at line "
        "{first}); ids must be unique",
        "schema_problem_unknown_field_set": "category '{category}': unknown field_set "
        "'{value}'{hint}; defined: {known}",
        "schema_problem_no_default_field_set": "category '{category}' names no field_set and the "
        "schema has no default_field_set; add 'default_field_set: <name>'",
        "schema_problem_unknown_override": "category '{category}': {what} names unknown field "
        "'{value}'{hint}",
        "schema_problem_unknown_section": "category '{category}': add_fields names unknown "
        "section '{value}'{hint}",
        "schema_problem_rename_collides": "field '{field}': renamed_from '{value}' {why}",
        "schema_problem_needs_choices": "field '{field}': type {type} needs 'choices' or "
        "'choices_from'",
        "schema_problem_no_regions": "field '{field}': choices_from: regions, but the schema "
        "defines no regions",
        "schema_problem_choices_not_allowed": "field '{field}': type {type} takes no 'choices'",
        "schema_problem_duplicate_choice": "field '{field}': choice value '{value}' is used twice",
        "schema_problem_reserved_choice": "field '{field}': choice value '{value}' is reserved "
        "for the 'other' box",
        "schema_problem_unknown_language": "field '{field}': '{value}' in 'common' is not a "
        "known language code{hint}",
        "schema_problem_min_max": "field '{field}': {low_key} {low} is greater than {high_key} "
        "{high}",
        "schema_problem_bad_pattern": "field '{field}': constraints.pattern is not a valid "
        "regular expression: {error}",
        "schema_problem_hint_without_pattern": "field '{field}': constraints.pattern_hint "
        "describes no pattern; add constraints.pattern or remove the hint",
        "schema_problem_no_fields": "category '{category}' has no fields left after remove_fields",
        "schema_problem_no_name": "no institution field 'name': formgen names every institution "
        "by it (mails, register, print); add a field with id: name, type: text, scope: institution "
        "(until then 'formgen mail' refuses)",
        "schema_problem_no_email": "no institution field 'email': formgen mails every institution "
        "at it; add a field with id: email, type: email, scope: institution (until then 'formgen "
        "mail' refuses)",
        "schema_problem_name_field": "field 'name' is the institution's name, which formgen relies "
        "on: give it scope: institution (until then 'formgen mail' refuses)",
        "schema_problem_email_field": "field 'email' is the address formgen mails the institution "
        "at: give it type: email and scope: institution (until then 'formgen mail' refuses)",
        "schema_problem_date_field": "field 'date' is the day the institution confirmed an entry, "
        "which staleness counts from: give it type: date (and no scope: institution)",
        "schema_problem_region_field": "field 'region' is the institution's region, which "
        "recipients lists, find, gaps and the print go by: give it type: select_one, scope: "
        "institution and choices_from: regions, and list the regions under regions: at the top "
        "of the file (a field with choices of its own needs another id, e.g. district)",
        "schema_problem_no_date": "no entry field 'date' in {categories}: formgen counts an "
        "entry's age from the field with id date (type: date), the day the institution confirmed "
        "it; without it no entry becomes stale by age and no date in the future is flagged{hint}",
        "schema_problem_no_date_hint": "; is it '{field}'? give that field id: date",
        "schema_problem_empty_section": "section '{section}' has no fields: forms and the "
        "printed register leave it out; add its fields, or remove it",
        "schema_problem_no_regions_at_all": "no regions: the register is not split by region "
        "(register gaps counts checklists without any entry, the print has no region headings, a "
        "recipients list needs no region column); to use regions, list them under regions: and add "
        "an institution field with id: region, choices_from: regions",
        "schema_problem_control_character": "{what}: its '{language}' text holds the control "
        "character {char}, which no form can show (a Word form cannot hold it at all); remove it "
        "(in a text in double quotes, an escape such as \\e, \\a or \\x07 makes one)",
        "schema_problem_not_utf8": "not UTF-8 text ({reason} at byte {start}); save it as UTF-8",
        "schema_problem_cannot_read": "cannot read the file: {why}",
        "schema_problem_why_current": "is the id of a current field; old ids are never reused",
        "schema_problem_why_claimed": "is also claimed by field '{field}'",
        "schema_problem_kind_field": "field",
        "schema_problem_kind_group": "group",
        "schema_problem_kind_category": "category",
        "schema_problem_what_field": "field '{id}'",
        "schema_problem_what_field_help": "help of field '{id}'",
        "schema_problem_what_section_help": "help of section '{id}'",
        "schema_problem_what_choice": "choice '{value}' of field '{field}'",
        "schema_problem_what_pattern_hint": "pattern_hint of field '{field}'",
        "schema_problem_what_section": "section '{id}'",
        "schema_problem_what_category": "category '{id}'",
        "schema_problem_what_group": "group '{id}'",
        "schema_problem_what_category_description": "description of category '{id}'",
        "schema_problem_what_group_description": "description of group '{id}'",
        "schema_problem_what_override": "override of field '{id}'",
        "schema_problem_what_title": "title",
        "schema_problem_what_mail_title": "mail_title",
        "schema_problem_what_short_title": "short_title",
        "schema_problem_what_schema_description": "description",
        "schema_problem_type_mapping": "a mapping",
        "schema_problem_type_list": "a list",
        "schema_problem_type_text": "a text",
        "schema_problem_type_yes_no": "true/false",
        "schema_problem_type_number": "a number",
        "schema_problem_type_empty": "empty",
        "schema_problem_expected_object": "a mapping (key: value lines)",
        "schema_problem_expected_array": "a list (lines starting with '- ')",
        "schema_problem_expected_string": "a text",
        "schema_problem_expected_integer": "a whole number",
        "schema_problem_expected_boolean": "true or false",
        "schema_problem_not_new_version": "schema_version {version} is the version of forms "
        "already issued (kept as {kept}), but its fields differ: {changed}. Give the changed "
        "schema a new schema_version (e.g. {next}), so that those forms are still read as they "
        "were made",
        "schema_problem_changed_new_checklists": "new checklists: {ids}",
        "schema_problem_changed_checklists_gone": "checklists gone: {ids}",
        "schema_problem_changed_new_fields": "new fields: {ids}",
        "schema_problem_changed_fields_gone": "fields gone: {ids}",
        "schema_problem_changed_fields_changed": "fields changed: {ids}",
        "schema_problem_rename_not_issued": "field '{field}': renamed_from '{old}' is no field of "
        "the versions this workspace issued forms with ({versions}){hint}; the values under the "
        "old id would not be carried over",
        # (end of schema_problem)
        # a recipients list's further sheets (cli/common.py, for generate and mail)
        "table_header_at": "note: {file}: the header is line {line}; the lines above it are not "
        "read",
        "recipients_left_out": "note: {source}: only the first sheet is read, not {names}, which "
        "hold data too; put the rows to read on the first sheet",
        "recipients_unread": "note: {source}: columns not read: {names}; a list prefills the "
        "forms with the institution's own details only (name, address, phone …), the "
        "checklists' (the contact person …) come from the register: first 'formgen register import "
        "{quoted}', then 'formgen mail --from-register --drafts FOLDER'",
        # formgen schema show (cli/schema.py)
        "schema_outline_head": "schema {schema} version {version} · languages {languages} · "
        "{groups} groups · {categories} categories",
        "schema_outline_regions": "regions: {regions}",
        "schema_outline_no_regions": "(none)",
        "schema_outline_category": "  {number:>2}. {label}  [{id}]  {fields} fields, {blocks} "
        "blocks, stale after {days} days",
        # (end of demo)
    },
    "de": {
        "col_id": "ID",
        "col_list_ids": "Kennung in der Liste",
        "col_name": "Name",
        "col_category": "Checkliste",
        "col_region": "Region",
        "col_languages": "Sprachen",
        "col_city": "Ort",
        "col_phone": "Telefon",
        "col_confirmed": "bestätigt",
        "col_why": "Grund",
        "col_gap": "Lücke",
        "reason_stale": "veraltet",
        "reason_missing": "fehlt",
        "reason_invalid": "ungültig",
        "reason_contradictory": "„Fehlanzeige“ angekreuzt und doch Angaben",
        "reason_unconfirmed": "unbestätigt",
        "reason_never_answered": "noch nie geantwortet",
        "age": "{days} Tage > {limit}",
        "from_others": "{fields} von jemand anderem angegeben",
        "never": "nie",
        "nothing_stale": "nichts zu tun: jeder Eintrag ist aktuell, vollständig und bestätigt",
        "stale_register_empty": "nichts zu prüfen: das Register hat noch keine Einrichtung "
        "(formgen register import LISTE, oder formgen ingest für zurückgesandte Formulare)",
        "update_list_file": "Aktualisierungsliste für {n} Einrichtungen: {path}",
        "update_list_file_one": "Aktualisierungsliste für 1 Einrichtung: {path}",
        "update_list": "{n} Einrichtungen auf der Aktualisierungsliste, anzuschreiben mit\n"
        "→ {command} --drafts ORDNER (oder --send)",
        "update_list_one": "1 Einrichtung auf der Aktualisierungsliste, anzuschreiben mit\n"
        "→ {command} --drafts ORDNER (oder --send)",
        "gap_none": "kein Eintrag",
        "no_longer_offered": "{label} (nicht mehr in der Auswahl)",
        "region_dropped": "{region}: das aktuelle Schema bietet diese Region nicht mehr an; die "
        "Aktualisierungsformulare ihrer Einrichtungen fragen sie neu ab (formgen mail --stale "
        "--drafts ORDNER, oder --send)",
        "gaps_dropped": "{region}: {n} Einträge haben diese Region, oben in keiner gezählt → "
        "formgen register find --region {code}",
        "gaps_dropped_one": "{region}: 1 Eintrag hat diese Region, oben in keiner gezählt → "
        "formgen register find --region {code}",
        "gaps_region_dropped": "{region}: das aktuelle Schema bietet diese Region nicht mehr "
        "an, keine Checkliste hat dort eine Lücke; {n} Einträge haben sie → formgen register "
        "find --region {code}",
        "gaps_region_dropped_one": "{region}: das aktuelle Schema bietet diese Region nicht mehr "
        "an, keine Checkliste hat dort eine Lücke; 1 Eintrag hat sie → formgen register find "
        "--region {code}",
        "gap_fehlanzeige": "nur Fehlanzeige",
        "no_gaps": "keine Lücken: jede Checkliste hat in jeder Region einen Eintrag",
        "no_gaps_no_regions": "keine Lücken: jede Checkliste hat einen Eintrag (das Schema hat "
        "keine Regionen)",
        "gaps": "{n} Lücken: {none} ohne Eintrag, {only} nur mit Fehlanzeige",
        "gaps_one": "1 Lücke: {none} ohne Eintrag, {only} nur mit Fehlanzeige",
        "no_match": "kein Eintrag passt",
        "find_wider": "* {language}: nur der weitere Begriff genannt, nicht welche Sprache davon",
        "entries": "{n} Einträge",
        "entries_one": "1 Eintrag",
        "no_conflicts": "nichts wartet auf eine Entscheidung",
        "no_conflicts_here": "davon wartet nichts auf eine Entscheidung (insgesamt {n}: formgen "
        "register conflicts)",
        "waiting_count": "{held} und {dups} warten auf eine Entscheidung",
        "waiting_count_part": "{what} warten auf eine Entscheidung",
        "waiting_count_part_one": "{what} wartet auf eine Entscheidung",
        "waiting_by_checklist": "offen nach Checkliste: {each}",
        "held_register": "im Register",
        "held_returned": "zurückgemeldet",
        "held_imported": "importiert",
        "keep_mine": "behalten: --take mine",
        "take_theirs": "übernehmen: --take theirs",
        "src_form": "aus {file}, Formular der Einrichtung {form}",
        "src_checklist": "aus {file}, Checkliste {form}",
        "src_import": "aus {file}, importierte Liste",
        "read_in": "eingelesen {at}",
        "prefilled_from": "vorausgefüllt mit dem Stand des Registers in Revision {rev}",
        "prefilled_before": "aus einer Empfängerliste erstellt, bevor das Register die "
        "Einrichtung kannte",
        "held_why": "Grund: {why}",
        "changed_since": "der Wert im Register hat sich seither geändert: beim Zurückstellen "
        "war es „{was}“",
        "held_moot": "das Register hat den zurückgemeldeten Wert inzwischen: beide "
        "Entscheidungen behalten ihn",
        "held_both": "im Register und in dieser Rückmeldung geändert, seit das Formular mit "
        "dem Stand des Registers vorausgefüllt wurde",
        "held_both_unprefilled": "im Register und in dieser Rückmeldung geändert; ihr Formular "
        "war nicht aus dem Register vorausgefüllt, daher gilt alles im Register als seither "
        "geändert",
        "held_institution": "die Einrichtung selbst hat einen anderen Wert angegeben; diese "
        "Checkliste kam von jemand anderem",
        "held_hand": "im Register wurde von Hand ein anderer Wert gesetzt; diese Checkliste kam "
        "von jemand anderem",
        "held_confirmed": "die Einrichtung hat den Wert im Register auf ihrem eigenen Formular "
        "bestätigt; diese Checkliste kam von jemand anderem",
        "held_invalid": "kein gültiger Wert, und das Register hat einen gültigen: ein Wert von "
        "jemand anderem ersetzt ihn nie von selbst",
        "held_superseded": "aus einem Formular, das älter ist als ein anderes Formular der "
        "Einrichtung, dessen Rückmeldung das Register schon hat: die Rückmeldung auf das neuere "
        "Formular ist ihr neuester Stand",
        "held_superseded_by": "aus einem Formular, das älter ist als Formular {newer}, dessen "
        "Rückmeldung das Register seit dem {day:day} hat: die Rückmeldung auf {newer} ist der "
        "neueste Stand der Einrichtung",
        "held_older_copy": "aus einer Kopie des Formulars, die älter ist als eine andere, die das "
        "Register schon hat: die ist der neueste Stand der Einrichtung",
        "held_twin_copy": "das PDF und die Word-Datei desselben Formulars geben verschiedene "
        "Werte an, und welche der neueste Stand der Einrichtung ist, ist nicht bekannt "
        "(dasselbe Datum, kein Sendedatum einer Mail): das Register hat den der anderen Datei",
        "held_low": "aus einer Kopie ohne Formularfelder gelesen (ein gedrucktes PDF nach der "
        "Lage der Werte; ein Word-Formular, das LibreOffice 7.4 gespeichert hat oder das als PDF "
        "oder .odt kam, aus seinen Tabellen); so gelesen ersetzt ein Wert nie von selbst einen "
        "aus Formularfeldern gelesenen",
        "held_low_hand": "aus einer Kopie ohne Formularfelder gelesen (ein gedrucktes PDF nach "
        "der Lage der Werte; ein Word-Formular, das LibreOffice 7.4 gespeichert hat oder das als "
        "PDF oder .odt kam, aus seinen Tabellen); so gelesen ersetzt ein Wert nie von selbst "
        "einen, den eine Koordinatorin von Hand gesetzt hat",
        "held_reversed": "vermutlich umgekehrt gelesen: der Wert im Register mit den "
        "Buchstaben in umgekehrter Reihenfolge, aus einer Kopie ohne Formularfelder gelesen "
        "(ein Programm hat die Schrift von rechts nach links von links nach rechts gezeichnet); "
        "den Wert im Register behalten mit --take mine",
        "left_empty": "im Formular leer gelassen; das Register behält „{value}“ – wenn das "
        'nicht mehr stimmt: formgen register set {iid} {path} --clear --note "stimmt nicht mehr"',
        "ingest_merge_contact_kept": "{iid}: {path}: eine neue Ansprechperson, „{name}“ (bisher "
        "„{former}“), aber {details} sind noch die der früheren, stehen gelassen – noch ihre? "
        'Wenn nicht: formgen register set {iid} {first} WERT --note "neue Ansprechperson"',
        "duplicate": "„{name}“ ({category}) ähnelt {candidate} „{candidate_name}“: {reason}",
        "dup_similar_name": "ähnlicher Name ({percent}\u00a0%)",
        "dup_same_phone": "gleiche Telefonnummer, anderer Name",
        "dup_same_email": "gleiche E-Mail-Adresse (die keiner anderen Einrichtung), anderer Name",
        "dup_same_web": "gleiche Internetseite (die keiner anderen Einrichtung), anderer Name",
        "dup_similar_email": "ähnlicher Name ({percent}\u00a0%) und gleiche E-Mail-Adresse",
        "dup_similar_web": "ähnlicher Name ({percent}\u00a0%) und gleiche Internetseite",
        "dup_former_name": "der Name, den sie früher hatte ({percent}\u00a0%)",
        "decide": "entscheiden mit:\n  formgen register resolve c-NNNN --take mine (den Wert "
        "im Register behalten) oder --take theirs (den zurückgemeldeten oder importierten "
        "übernehmen)\n  formgen register resolve d-NNNN --merge (dieselbe Einrichtung) oder "
        "--new (eine andere)",
        "institution": "Einrichtung",
        "others": "weitere",
        "blank": "(leer)",
        "invalid_value": "[ungültig: {why}]",
        "revision_now": "(Revision {rev})",
        "revision": "Revision {rev}  {at}  {op}  aus {origin}",
        "origin": "{file} [{reader}, Formular {form}]",
        "origin_version": "{file} [{reader}, Formular {form} der Schemaversion {version}]",
        "origin_mail": "(Mail von {sender})",
        "origin_erased": "(die Datei wurde am {at} durch register erase gelöscht)",
        "op_merge": "eingelesen",
        "op_resolve": "Entscheidung {target}",
        "op_import": "importiert",
        "origin_import": "{file} [importierte Liste]",
        "origin_import_note": "{file} [importierte Liste: {note}]",
        "held_import": "die Einrichtung selbst hat einen anderen Wert angegeben; eine "
        "importierte Liste ersetzt ihn nie von selbst",
        "held_import_hand": "im Register wurde von Hand ein anderer Wert gesetzt; eine "
        "importierte Liste ersetzt ihn nie von selbst",
        "held_import_confirmed": "die Einrichtung hat den Wert im Register auf ihrem eigenen "
        "Formular bestätigt; eine importierte Liste ersetzt ihn nie von selbst",
        "import_row": "Zeile {line}: {iid} {name}: {status}",
        "import_status_new": "neu",
        "import_status_updated": "aktualisiert ({n} Werte)",
        "import_status_updated_one": "aktualisiert (1 Wert)",
        "import_status_unchanged": "unverändert",
        "import_matched": "{status}; ohne ID, gefunden über Name und PLZ oder Telefon",
        "import_duplicate": "Zeile {line}: „{name}“: mögliche Dublette {did} von {candidate} "
        "„{candidate_name}“ ({reason}) → formgen register resolve {did} --merge|--new",
        "import_skipped": "Zeile {line}: nicht importiert: {why}",
        "import_invalid": "{field}: wie eingegeben übernommen, ungültig: {why}",
        "import_held": "{field}: zurückgestellt als {cid} ({why}) → formgen register resolve "
        "{cid} --take theirs (den Wert der Liste übernehmen) oder --take mine (den im Register "
        "behalten)",
        "import_merged_into": "{iid} wurde am {date} mit {keep} zusammengeführt; die Zeile ging "
        "an {keep}",
        "import_retired": "{retired}; trotzdem importiert – falls es sie noch gibt: formgen "
        "register restore {iid}",
        "import_unknown_id": "„{id}“ ist keine ID des Registers: über den Namen gesucht, sonst "
        "neu angelegt",
        "import_list_id_kept": "„{id}“ ist keine ID des Registers: über den Namen gesucht, sonst "
        "neu angelegt, und als ihre Kennung in dieser Liste vermerkt (eine Zeile mit „{id}“ ist "
        "wieder diese Einrichtung)",
        "import_no_place": "{field}: „{value}“ nicht importiert – {category} hat kein solches Feld",
        "import_erased_cell": "{field}: „{value}“ nicht importiert: zeigt einen gelöschten Wert "
        "(register erase), nicht den, den das Register hat; den neuen Wert in die Zelle schreiben",
        "import_differs": "{field}: „{value}“ nicht importiert: Zeile {first} nennt für "
        "dieselbe Einrichtung „{other}“",
        "import_why_category": "„{text}“ ist keine Checkliste{hint}; bitte ihre ID oder ihren "
        "Namen eintragen, wie der Export sie schreibt",
        "import_did_you_mean": " (gemeint: „{name}“?)",
        "import_split": "Checkliste „{checklist}“, eine von {n} in „{cell}“: ein Eintrag je "
        "Checkliste",
        "import_region_note": "Ort {town}",
        "import_regions_missing": "{field} (Pflichtfeld) fehlt bei {n} Einrichtungen ({ids}): "
        "formgen register set ID institution.region REGION --note …, für REGION eine von: "
        "{regions}",
        "import_regions_missing_one": "{field} (Pflichtfeld) fehlt bei 1 Einrichtung ({ids}): "
        "formgen register set ID institution.region REGION --note …, für REGION eine von: "
        "{regions}",
        "import_region_towns": "{field} fehlt bei {n} Einrichtungen in {town}; {town} gehört "
        "zur Region „{region}“ — wenn das stimmt: {command}",
        "import_region_towns_one": "{field} fehlt bei 1 Einrichtung in {town}; {town} gehört "
        "zur Region „{region}“ — wenn das stimmt: {command}",
        "import_why_total": "„{name}“ ist eine Summe oder Anmerkung unter der Liste, keine "
        "Einrichtung (ohne Checkliste, Adresse, Telefon und E-Mail)",
        "import_why_total_formula": "„{name}“: eine Zeile mit einer Formel und ohne Checkliste, "
        "Adresse, Telefon und E-Mail (eine Summe?), keine Einrichtung",
        "import_two_lines": "Hinweis: {file}: die Kopfzeile hat zwei Zeilen, {line} und "
        "{below}: „{group}“ (verbundene Zellen) über {columns}, gelesen als Überschriften der "
        "Spalten",
        "import_unread": "Hinweis: {file}: Spalten nicht gelesen, die Tabelle des Registers hat "
        "keine solchen: {columns} (um ihren Text zu behalten, ihn in eine Spalte der Tabelle "
        "kopieren, z. B. ein Freitextfeld einer Checkliste)",
        "import_unread_one": "Hinweis: {file}: Spalte nicht gelesen, die Tabelle des Registers "
        "hat keine solche: {columns} (um ihren Text zu behalten, ihn in eine Spalte der Tabelle "
        "kopieren, z. B. ein Freitextfeld einer Checkliste)",
        "import_headerless": "Spalte {column} hat keine Überschrift, aber Werte in {n} Zeilen",
        "import_headerless_one": "Spalte {column} hat keine Überschrift, aber einen Wert in "
        "1 Zeile",
        "import_headerless_note": "Hinweis: {file}: {column}: nicht gelesen — bitte die "
        "Überschrift der Spalte eintragen, die sie ist (wie 'formgen register export' sie "
        "schreibt), und die Datei noch einmal importieren",
        "import_mail_columns": "Hinweis: {file}: {columns} nicht ins Register übernommen, das "
        "Sprache und Format der Mails nicht hält: jede Runde schreibt eine Einrichtung in denen "
        "ihrer letzten Mail an (denen ihrer Zeile, wo eine Runde aus dieser Liste sie anschrieb: "
        "formgen mail {quoted}), sonst in denen der Runde (--lang, --format)",
        "import_contact_email": "„{field}“ angegeben, aber nicht „{email}“: Mails gehen nur an "
        "die Adresse der Einrichtung, die Spalte „{email}“",
        "import_address_split": "„{value}“ aufgeteilt: Straße „{street}“, PLZ {postcode}, Ort "
        "„{city}“",
        "import_control": "Spalte „{column}“ enthält das Steuerzeichen {char} („{value}“), "
        "das kein Formular zeigt: wie eingegeben übernommen; bitte in der Liste löschen",
        "import_override": "Spalte „{column}“ enthält {char}, ein Zeichen, das die "
        "Schreibrichtung des folgenden Texts umkehrt, sodass er anders erscheint als getippt: "
        "„{value}“; wie eingegeben übernommen, bitte prüfen",
        "import_why_no_category": "Werte einer Checkliste ({fields}), aber keine Checkliste in "
        "der Spalte „{column}“",
        "import_why_no_name": "weder eine ID des Registers noch ein Name",
        "import_why_no_name_column": "weder eine ID des Registers noch ein Name der "
        "Einrichtung: die Tabelle hat keine Spalte „{column}“",
        "import_why_repeated": "dieselbe Einrichtung und Checkliste wie Zeile {first}",
        "import_why_other_id": "{id} ist im Register „{other}“, nicht „{name}“ (auch nicht deren "
        "E-Mail-Adresse oder Telefonnummer): für eine neue Einrichtung die ID leer lassen; ist "
        "es dieselbe unter neuem Namen, zuerst den Namen ändern: formgen register set {id} "
        'institution.name "{name}" --note "umbenannt"',
        "import_why_lost": "„{value}“ hat „?“ anstelle von Buchstaben: Excel schreibt „?“ für "
        "jeden Buchstaben, den sein einfaches „CSV“ nicht fassen kann (ş, ı, ł, Kyrillisch, "
        "Arabisch …); bitte als „CSV UTF-8“ speichern und erneut importieren",
        "import_why_columns": "{n} Werte, aber die Kopfzeile hat {m} Spalten (ein Trennzeichen "
        "in einem Wert? Diesen Wert in doppelte Anführungszeichen setzen)",
        "import_why_formula": "Spalten {columns}: Formeln ohne gespeichertes Ergebnis, die als "
        "leer gelesen würden: bitte die Arbeitsmappe in Excel oder LibreOffice öffnen, speichern "
        "und erneut importieren",
        "import_why_formula_one": "Spalte {columns}: eine Formel ohne gespeichertes Ergebnis, die "
        "als leer gelesen würde: bitte die Arbeitsmappe in Excel oder LibreOffice öffnen, "
        "speichern und erneut importieren",
        "import_why_yes_no": "Spalten {columns}: Wahrheitswerte (WAHR oder FALSCH), wo Text "
        "hingehört: bitte den Text eintragen und erneut importieren",
        "import_why_yes_no_one": "Spalte {columns}: ein Wahrheitswert (WAHR oder FALSCH), wo "
        "Text hingehört: bitte den Text eintragen und erneut importieren",
        "import_left_out": "Hinweis: {file}: nur das erste Tabellenblatt wird gelesen, nicht "
        "{sheets}, die ebenfalls Daten enthalten; die zu importierenden Zeilen gehören auf das "
        "erste Blatt",
        "import_left_out_one": "Hinweis: {file}: nur das erste Tabellenblatt wird gelesen, nicht "
        "{sheets}, das ebenfalls Daten enthält; die zu importierenden Zeilen gehören auf das "
        "erste Blatt",
        "import_summary": "{file}: {n} Zeilen – neu {new}, aktualisiert {updated}, "
        "unverändert {unchanged}, mögliche Dubletten {duplicates}, nicht importiert {skipped}; "
        "ungültige Werte (wie eingegeben übernommen) {invalid}; zurückgestellte Werte {held}",
        "import_summary_one": "{file}: 1 Zeile – neu {new}, aktualisiert {updated}, "
        "unverändert {unchanged}, mögliche Dubletten {duplicates}, nicht importiert {skipped}; "
        "ungültige Werte (wie eingegeben übernommen) {invalid}; zurückgestellte Werte {held}",
        "import_decide": "was auf eine Entscheidung wartet: formgen register conflicts",
        "import_next": "die importierten Einträge sind nicht von den Einrichtungen bestätigt: "
        "formgen mail --from-register --drafts ORDNER (oder --send; --stale nur für die "
        "Aktualisierungsliste) schickt jeder ihr Formular, vorausgefüllt, zum Bestätigen oder "
        "Korrigieren",
        "import_dry_run": "Probelauf: nichts wurde geändert",
        "import_again": "{file} wurde am {date} schon importiert (als {earlier}); nichts geändert",
        "col_field": "Feld",
        "col_value": "Wert",
        "col_raw": "wie eingetragen",
        "col_problem": "Problem",
        "col_revision": "Revision",
        "col_file": "Datei",
        "col_sha256": "SHA-256 der Datei",
        "col_form": "Formular",
        "col_reader": "gelesen mit",
        "col_confidence": "Verlässlichkeit",
        "col_read_in": "eingelesen",
        "col_last_confirmed": "zuletzt bestätigt",
        "col_stale": "veraltet",
        "col_by_institution": "von der Einrichtung bestätigt",
        "col_problems": "Probleme",
        "yes": "ja",
        "no": "nein",
        "confidence_high": "hoch",
        "confidence_low": "niedrig",
        "sheet_register": "Register",
        "sheet_values": "Werte",
        # the XLSX export's last sheet: what the table is and what its columns mean
        "sheet_info": "Info",
        "sheet_choices": "Auswahl",
        "info_fill_head": "Ausfüllen",
        "info_fill": "Eine Zeile je Einrichtung und Checkliste. Die eigene Liste mit „Inhalte "
        "einfügen“ → „Werte“ hineinkopieren (einfaches Einfügen nimmt die Auswahllisten weg) und "
        "mit „formgen register import DATEI“ einlesen. Eine Spalte mit Auswahl bietet ihre Werte "
        "in der Zelle an (der Pfeil); das Blatt „{sheet}“ listet sie. Die Spalten ab „{computed}“ "
        "rechnet formgen aus, sie werden nicht eingelesen.",
        "info_required_head": "Pflichtangaben",
        "info_required": "diese Spalten verlangt das Schema (ihr Kopf ist orange): {columns}",
        "xlsx_not_a_choice": "Nicht in der Auswahl (Blatt „{sheet}“): register import übernimmt "
        "den Wert wie eingegeben und markiert ihn als ungültig.",
        "info_centre": "Koordinierungsstelle",
        "info_sheets": "„{register}“: eine Zeile je Einrichtung und Checkliste. „{values}“: eine "
        "Zeile je Wert, mit seiner Herkunft (Datei, Formular, wann eingelesen).",
        "info_last_confirmed": "der Tag, an dem die Einrichtung den Eintrag zuletzt bestätigt hat "
        "(das Datum auf ihrem Formular oder der Tag, an dem ihre Rückmeldung einging); leer: nie "
        "bestätigt.",
        "info_made": "Erstellt am",
        "info_stale": "„{yes}“: zum Stand {stand} zuletzt vor mehr Tagen bestätigt, als die "
        "Checkliste zulässt, oder nie; die Einrichtung wird neu gefragt (formgen register stale).",
        "info_by_institution": "„{yes}“: die Angaben kommen von der Einrichtung selbst (ihr "
        "zurückgeschicktes Formular); „{no}“: mindestens eine kommt aus einer Liste, der "
        "Checkliste von jemand anderem oder wurde von Hand eingetragen.",
        "info_problems": "ungültige Werte: das Feld und warum, getrennt durch „; “; der Wert "
        "selbst steht wie eingetragen in seiner Spalte.",
        "info_languages": "Sprachen stehen zusammen in einer Zelle, durch Kommas getrennt "
        "(„{example}“). Nach einer Sprache filtern: im Filter der Spalte „Textfilter“ → „Enthält…“ "
        "(nicht „Ist gleich“).",
        "decided": "entschieden ({take}): {cid}  {iid} {name}  {field}",
        "decided_would": "würde entscheiden ({take}): {cid}  {iid} {name}  {field}",
        "would_hold": "im Register stünde dann:",
        "took_mine": "Wert im Register behalten",
        "took_theirs": "zurückgemeldeten Wert übernommen",
        "took_imported": "importierten Wert übernommen",
        "holds_now": "im Register steht jetzt:",
        "merged_into": "{target}: mit {iid} zusammengeführt",
        "created_as": "{target}: als {iid} neu angelegt",
        "retired": "{iid} {name}: aus dem Register genommen{why}; ab jetzt nicht mehr in find, "
        "stale, gaps und status, im Druck, in den Tabellen und in den Mailrunden (die Historie bleibt) → rückgängig: "
        "formgen register restore {iid}",
        "restored": "{iid} {name}: wieder aufgenommen; wieder in den Listen, im Druck und in den "
        "Mailrunden",
        "op_retire": "aus dem Register genommen",
        "op_restore": "wieder aufgenommen",
        "op_confirm": "von Hand bestätigt",
        "confirmed_by_return": "{at}  bestätigt, nichts geändert  aus {origin}",
        "confirmed_partly": "{at}  bestätigt, was das Formular zeigte  aus {origin}",
        "unconfirmed_fields": "nicht bestätigt, von jemand anderem geändert, seit das Formular "
        "erstellt wurde, das es nicht zeigte: {fields}",
        "contact_kept_fields": "neue Ansprechperson, dies noch die der früheren (noch ihre?): "
        "{fields}",
        "op_erase": "Daten gelöscht",
        "erased": "(gelöscht)",
        "revision_erase": "Revision {rev}  {at}  Daten gelöscht: {note}",
        "erase_edited": "{path} wurde außerhalb von formgen geändert; nichts gelöscht: erst "
        "„formgen register rebuild“ (es bewahrt die geänderte Datei auf: diese Kopie löschen, "
        "sobald, was bleiben soll, mit „formgen register set“ wieder gesetzt ist), dann löschen",
        "erase_head": "zu löschen bei {iid} {name}: {paths}",
        "erase_head_texts": "zu löschen bei {iid} {name}: {texts} in ihren Notizen, den Texten "
        "ihrer Felder und womit ihre Formulare vorausgefüllt waren",
        "erase_values": "  {count}; in {revisions}, {conflicts}, {duplicates}; "
        "{operations}, {sendlog}:",
        "erase_value": "    {path}: {value} ({when}), wird gelöscht",
        "erase_value_now": "jetziger Wert",
        "erase_value_before": "früherer Wert",
        "erase_value_copied": "{when}, von {iid} übernommen bei register split: {iid} und die "
        "Dateien mit dessen Werten behalten ihn",
        "erase_kept": "    {path}: {value} (jetziger Wert), bleibt",
        "erase_inner": "    {text} in ihren Notizen (register set, confirm, erase), den Texten "
        "ihrer anderen Felder und womit ihre Formulare vorausgefüllt waren: wird dort gelöscht",
        "erase_note_marked": "  die Notiz dieser Löschung nennt, was sie löscht: sie wird als "
        "„{note}“ aufbewahrt",
        "erase_noted": "  auch genannt in Notizen (register set, confirm, eine Löschung) oder Texten "
        "anderer Felder von {iid}: {texts}: dort NICHT gelöscht; um es auch dort zu löschen: "
        "--text mit dem Namen (ihrem Nachnamen)",
        "erase_note_names": "  die Notiz dieser Löschung nennt {texts}, einen Teil eines "
        "gelöschten Werts: er bliebe im Verlauf; --text damit löscht ihn auch dort",
        "erase_no_path": "die zu löschenden Felder angeben (PATH) oder einen Text, der in "
        "Notizen und Texten gelöscht werden soll (--text)",
        "erase_original": "  archiviertes Original, wird gelöscht: {file}",
        "erase_spool": "  Ordner, den ein abgebrochenes Einlesen mit den entpackten Dateien "
        "hinterließ, wird gelöscht: {path}",
        "erase_provenance": "  was die Rückmeldungen mit einem der Werte über ihren Absender "
        "sagen, wird ganz gelöscht (Datum, SHA-256 und Leseprogramm bleiben): {texts}",
        "erase_kind_file_name": "Dateiname",
        "erase_kind_container": "Mail-Datei",
        "erase_kind_mail_from": "Absender",
        "erase_kind_mail_subject": "Betreff",
        "erase_quarantine": "  Kopie in der Quarantäne, wird gelöscht: {file}",
        "erase_others": "    auch das Original von {others}: deren Werte bleiben im Register und "
        "im Journal, nur die Datei geht",
        "erase_others_list": "    eine importierte Liste mit Werten von {n} Einrichtungen (dieser "
        "und {more} weiteren): sie enthält einen der Werte; die anderen behalten ihre Werte, nur "
        "diese Kopie geht. Den Wert auch in der Liste löschen, wo die Stelle sie führt",
        "erase_made": "  von formgen erstellte Datei mit einem der Werte, wird gelöscht: {path}",
        "erase_made_again": "  von formgen erstellte Datei mit einem der Werte, wird gelöscht: "
        "{path}; neu erstellen mit '{command}'",
        "erase_elsewhere": "  auch gefunden unter den Werten von {count}: dort NICHT gelöscht, "
        "ihre Rückmeldungen und Formulare bleiben; ist es dieselbe Person, dort ebenfalls löschen:",
        "erase_elsewhere_at": "    {iid} {name}: {paths} → {command}",
        "erase_merged_at": "  auch unter den Werten von {iid} {name}, zusammengeführt in {keep} "
        "(dieselbe Einrichtung): dort NICHT gelöscht; dort ebenfalls löschen: {paths} → "
        "{command}",
        "erase_merged_into": "(zusammengeführt in {keep})",
        "erase_within": "  auch gefunden in anderen Feldern von {iid}: {paths}: dort NICHT "
        "gelöscht; nennt es dieselbe Person, dort ebenfalls löschen → {command}",
        "erase_count_elsewhere": "{n} anderen Einrichtungen",
        "erase_count_elsewhere_one": "1 anderen Einrichtung",
        "erase_draft": "  Mail-Entwurf, dessen Text oder angehängtes Formular einen der Werte "
        "enthält, wird gelöscht: {path}",
        "erase_draft_missing": "  Mail-Entwurf laut Versandprotokoll, nicht gefunden unter {path} "
        "(verschoben, oder von einem älteren formgen relativ zum Ordner geschrieben, in dem "
        "'formgen mail' lief): sein Formular kann die Werte enthalten; dort von Hand löschen",
        "erase_draft_unproven": "  Mail-Entwurf, dessen Text oder angehängtes Formular einen "
        "der Werte enthält, wird NICHT gelöscht: {path}: das Versandprotokoll zeigt nicht, dass "
        "er zu diesem Arbeitsbereich gehört (eine Kopie eines Arbeitsbereichs nennt die "
        "Entwürfe des Originals; ein älteres formgen sagte es nicht): dort von Hand löschen",
        "erase_mail_sent": "  verschickte Mail mit einem der Werte (im Formular oder als "
        "Adresse), außer Reichweite der Löschung: Runde {round:round}, {day}, an {to}: im Postfach "
        "(Gesendet) von Hand löschen und den Empfänger darum bitten",
        "erase_mail_draft": "  als Entwurf geschriebene Mail mit einem der Werte (im Formular "
        "oder als Adresse), außer Reichweite der Löschung, falls sie aus dem Mailprogramm "
        "verschickt wurde: Runde {round:round}, {day}, an {to}: im Postfach (Gesendet) von Hand "
        "löschen und den Empfänger darum bitten",
        "erase_mail_maybe": "  Mail mit einem der Werte (im Formular oder als Adresse), deren "
        "Versand nie bestätigt wurde (der Lauf endete, während sie an den Server ging, bevor "
        "seine Antwort vermerkt war: sie kann verschickt sein), außer Reichweite der Löschung: "
        "Runde {round:round}, {day}, an {to}: im Postfach (Gesendet) suchen, dort von Hand löschen und "
        "den Empfänger darum bitten",
        "erase_aside": "  von 'register repair' oder 'register rebuild' beiseitegelegte Kopie "
        "(ein beschädigtes Journal oder Register, eines außerhalb von formgen geändert): die "
        "Werte darin werden wie im Register durch Marker ersetzt, die Kopie bleibt: {path}",
        "erase_outside": "  Datei, die formgen am {day} außerhalb des Arbeitsbereichs schrieb "
        "(--out, --output, -o), mit einem der Werte, außer Reichweite der Löschung: {path}: von "
        "Hand löschen",
        "erase_outside_gone": "  Datei, die formgen am {day} außerhalb des Arbeitsbereichs "
        "schrieb (--out, --output, -o), nicht mehr da: {path}: falls verschoben oder kopiert, "
        "dort von Hand löschen",
        "erase_test_draft": "  Testentwurf (formgen mail … --test-to), außer Reichweite der "
        "Löschung (formgen weiß nicht, was er enthält; er kann die Werte enthalten): {path}: "
        "ansehen und von Hand löschen",
        "erase_ask": "Diese Werte löschen und diese Dateien entfernen? [j/N]",
        "erase_ask_again": "bitte mit j (ja) oder n (nein) antworten",
        "erase_done": "{iid} {name}: Daten gelöscht ({note}); 'formgen register history {iid}' "
        "zeigt die Löschung, 'formgen register find --all TEXT', wo im Arbeitsbereich ein Name "
        "oder eine Adresse noch steht (die Dateien außer Reichweite sind oben genannt)",
        "erase_reread": "{file}: das Original wurde gelöscht (register erase); seine Rückmeldung "
        "aus dem Journal wurde genommen",
        "erase_count_values": "{n} Werte",
        "erase_count_values_one": "1 Wert",
        "erase_count_hits": "{n} Stellen",
        "erase_login_head": "Anmeldename „{login}“: als Person genannt, die {n} Änderungen des "
        "Journals machte (register history: „von {login}“): wird durch einen Marker ersetzt, "
        "angezeigt als (gelöscht); die Änderungen bleiben",
        "erase_login_aside": "  von 'register repair' oder 'register rebuild' beiseitegelegte "
        "Kopie, die ihn nennt: wird ebenso ersetzt, die Kopie bleibt: {path}",
        "erase_login_ask": "Diesen Anmeldenamen löschen? [j/N]",
        "erase_login_done": "Anmeldename „{login}“ gelöscht: {n} Änderungen nennen (gelöscht) als "
        "Person, die sie machte; jede Änderung, die künftig unter diesem Anmeldenamen gemacht "
        "wird, nennt ihn wieder, und die Sicherungen des Arbeitsbereichs enthalten ihn noch",
        "reg_erase_by_nowhere": "keine Änderung im Journal nennt „{login}“ als die Person, die sie "
        "machte (register history: „von …“); nichts gelöscht, nichts geändert",
        "erase_count_hits_one": "1 Stelle",
        "erase_text_short_yes": "--text „{text}“: kürzer als 3 Zeichen (Initialen): wird nur als "
        "eigenes Wort gelöscht, wie geschrieben, und erst, wenn Sie jede Stelle gesehen haben; "
        "ohne --yes aufrufen, oder den ganzen Wert eines Felds mit PATH löschen "
        "(psychotherapie.initials)",
        "erase_hits": "    --text „{text}“ ist kürzer als 3 Zeichen (Initialen): wird nur als eigenes "
        "Wort gelöscht, wie geschrieben, an {count} (nicht in anderen Wörtern; in Dateien "
        "nicht gesucht, wo es sich zufällig fände: Exporte, Formulare, beiseitegelegte Kopien; "
        "das archivierte Original einer Rückmeldung, aus der es kam, eingetragen oder "
        "vorausgefüllt, wird gelöscht, unten genannt):",
        "erase_hit": "      {where}: „{text}“",
        "erase_hit_note": "Notiz von Revision {rev}",
        "erase_count_revisions": "{n} Revisionen",
        "erase_count_revisions_one": "1 Revision",
        "erase_count_conflicts": "{n} offene Konflikte",
        "erase_count_conflicts_one": "1 offener Konflikt",
        "erase_count_duplicates": "{n} mögliche Dubletten",
        "erase_count_duplicates_one": "1 mögliche Dublette",
        "erase_count_operations": "{n} Journal-Vorgänge",
        "erase_count_operations_one": "1 Journal-Vorgang",
        "erase_count_sendlog": "{n} Einträge im Versandprotokoll",
        "erase_count_sendlog_one": "1 Eintrag im Versandprotokoll",
        "confirmed_done": "{iid} {name}: {category} bestätigt am {date} ({note})",
        "still_incomplete": "  weiterhin unvollständig: {why}",
        "by_hand": "von Hand gesetzt: {note}",
        "revision_by_hand": "Revision {rev}  {at}  {how}",
        "changed_by": "von {user}",
        "set_done": "{iid} {path}: {old} → {new} ({how})",
        "set_unconfirmed": "{iid} {categories}: von Hand eingetragen, nicht mehr von der "
        "Einrichtung selbst bestätigt („nein“ in den Tabellen, auf der Aktualisierungsliste), bis "
        "sie es bestätigt: auf ihrem nächsten Formular, oder, wenn sie es selbst gesagt hat: "
        "formgen register confirm {iid} --note „…“",
        "set_again": "{iid} {path}: {value} erneut gesetzt: die Mailrunden verwenden sie wieder "
        "({how})",
        "quoted": "„{value}“",
        "retired_on": "aus dem Register genommen am {date}",
        "col_retired_on": "aus dem Register genommen am",
        "col_retired_reason": "warum aus dem Register genommen",
        "rebuilt": "{path} neu aufgebaut: {operations}, {merged}, {institutions}",
        "rebuild_progress": "Register wird neu aufgebaut",
        "as_of_progress": "Register zum Stand {day} wird aus dem Journal hergestellt",
        "report_title": "Zahlen des Jahres {year} (Stand {stand})",
        "report_title_read": "Zahlen des Jahres {year} (Stand {stand}; Rückmeldungen gelesen bis "
        "{made})",
        "report_institutions": "Einrichtungen im Register: {n}",
        "report_new": "neu ins Register aufgenommen {year}: {n}",
        "report_answered": "haben {year} geantwortet (ein Formular zurückgeschickt): {n}",
        "report_mailed": "{year} angeschrieben: {n} ({rounds})",
        "report_rounds": "in {n} Runden",
        "report_rounds_one": "in 1 Runde",
        "report_mailed_answered": "  davon auf diese Mails geantwortet: {n} ({share} %)",
        "report_confirmed": "mit einem {year} bestätigten Eintrag (Rückmeldung oder Bestätigung "
        "von Hand {year} eingegangen, gleich welches Datum das Formular trägt): {n}",
        "report_closed": "{year} aus dem Register genommen: {n}, mit einer anderen "
        "zusammengeführt: {merged}",
        "report_entries": "Einträge nach Checkliste und Versorgungsregion:",
        "report_sum": "zusammen",
        "report_no_region": "ohne Region",
        "report_no_entries": "Keine Einträge im Register.",
        "report_empty_checklists": "{n} Checklisten ohne Eintrag.",
        "report_empty_checklists_one": "1 Checkliste ohne Eintrag.",
        "report_future": "--year {year}: dieses Jahr hat noch nicht begonnen (heute ist der "
        "{today})",
        "stand_before_start": "Hinweis: das Register begann erst am {first:date} (mit seinem "
        "ersten Vorgang im Journal): am {stand:date} enthielt es noch keine Einrichtung",
        "stand_future": "--stand {stand:date}: dieser Tag kommt erst noch (heute ist der "
        "{today:date}): das Register ist bekannt, wie es am Ende eines vergangenen Tages war "
        "oder wie es heute ist",
        "operations": "{n} Vorgänge",
        "operations_one": "1 Vorgang",
        "returns_merged": "{n} Rückläufe eingelesen",
        "returns_merged_one": "1 Rücklauf eingelesen",
        "institutions": "{n} Einrichtungen",
        "institutions_one": "1 Einrichtung",
        "damaged_kept": "das beschädigte Register wurde als {path} aufbewahrt",
        "repair_nothing": "{path} ist unbeschädigt: nichts zu reparieren, nichts geändert",
        "repair_done": "{path} repariert: das beschädigte Journal wurde als {kept} aufbewahrt; "
        "das neue beginnt mit dem Register, wie es ist ({institutions}, {operations})",
        "repair_kept_all": "von {register} geht nichts verloren: seine {institutions} mit ihrem "
        "Verlauf und die Vorgänge des Registers bis {seq}",
        "repair_register_damaged": "{register} war auch beschädigt und wurde als {path} "
        "aufbewahrt: das Register wurde aus den Vorgängen des Journals vor der beschädigten Zeile "
        "gemacht",
        "repair_register_missing": "es gab kein {register}: das Register wurde aus den Vorgängen "
        "des Journals vor der beschädigten Zeile gemacht",
        "repair_lost": "verloren: die Vorgänge {first} bis {last}, nach der beschädigten Stelle "
        "nummeriert (eingelesene Rückläufe, Entscheidungen, von Hand gesetzte Werte); {kept} "
        "zeigt, was sie waren: diese Rückläufe noch einmal einlesen und das Übrige wiederholen",
        "repair_lost_one": "verloren: der Vorgang {last}, nach der beschädigten Stelle nummeriert "
        "(ein eingelesener Rücklauf, eine Entscheidung, ein von Hand gesetzter Wert); {kept} "
        "zeigt, was er war: den Rücklauf noch einmal einlesen oder ihn wiederholen",
        "repair_after": "ab jetzt geht jeder Befehl wieder; 'formgen register rebuild' beginnt "
        "mit dem Register, wie es jetzt ist (mit --reread liest es nur die ab jetzt "
        "eingelesenen Rückläufe noch einmal). {kept} enthält personenbezogene Daten wie das "
        "Journal (register erase erreicht sie nicht): löschen, sobald sie nicht mehr gebraucht "
        "wird",
        "edited_kept": "das außerhalb von formgen geänderte Register wurde als {path} "
        "aufbewahrt: was darin geändert war, ist rückgängig gemacht; jeden solchen Wert mit "
        "„formgen register set KENNUNG FELD WERT --note TEXT“ ändern",
        "exported": "{path}: {institutions} ({fmt})",
        "export_progress": "Register wird exportiert",
        "exported_no_personal": "{path}: {institutions} ({fmt}, ohne personenbezogene Daten)",
        "exported_csv_spreadsheet": "für Excel oder LibreOffice Calc: --format xlsx (sie lesen "
        "die Postleitzahl 04109 einer CSV-Datei als Zahl 4109)",
        "exported_csv_comma": "ihre Werte sind durch „,“ getrennt: ein deutsch eingestelltes "
        "Excel zeigt jede Zeile in einer Spalte; dafür: --delimiter ';'",
        "printed": "{path}: gedrucktes Register ({kb}\u00a0KB)",
        "print_progress": "Register wird gedruckt",
        "erase_progress": "Gedruckte Register werden gelesen",
        "printed_no_personal": "{path}: gedrucktes Register ({kb}\u00a0KB, ohne personenbezogene Daten)",
        "written_not_noted": "{path} wurde geschrieben, aber formgen konnte es nicht in {log} "
        "vermerken ({error}): ein späteres „register erase“ nennt es nicht; selbst löschen, sobald "
        "es nicht mehr gebraucht wird",
        "print_no_personal": "Ohne personenbezogene Angaben (Ansprechpersonen)",
        "print_file_no_personal": "ohne-personen",
        "print_file_simplex": "einseitig",
        "export_file_labels": "beschriftet",
        "print_title": "Regionales Versorgungsregister",
        "print_stand": "Stand",
        "print_region": "Versorgungsregion",
        "print_all_regions": "alle Regionen",
        "print_contents": "Inhalt",
        "print_update_count": "{n} Einträge zu aktualisieren (davon {stale} veraltet{more}, "
        "{never} noch nie geantwortet)",
        "print_update_count_one": "1 Eintrag zu aktualisieren (davon {stale} veraltet{more}, "
        "{never} noch nie geantwortet)",
        "print_update_missing": "{n} unvollständig",
        "print_update_invalid": "{n} mit ungültigen Angaben",
        "print_update_dropped": "{n} mit einer nicht mehr angebotenen Auswahl",
        "print_update_contradictory": "{n} widersprüchlich",
        "print_update_unconfirmed": "{n} unbestätigt",
        "print_stale": "VERALTET – zuletzt bestätigt am {date} (vor {days} Tagen)",
        "print_never": "NOCH NIE GEANTWORTET – Angaben unbestätigt",
        "print_unanswered": "CHECKLISTE UNBEANTWORTET – nicht einmal „Fehlanzeige“",
        "print_unconfirmed": "nicht von der Einrichtung selbst bestätigt",
        "print_no_entry_region": "Kein Eintrag – für diese Region ist noch kein Angebot erfasst.",
        "print_no_entry": "Kein Eintrag – es ist noch kein Angebot erfasst.",
        "print_no_entry_in": "Ohne Eintrag in {region}",
        "print_no_entry_yet": "Noch keine Einträge",
        "print_no_region": "Ohne gültige Versorgungsregion",
        "print_only_fehlanzeige": "Fehlanzeige – die Einträge melden keine Erfahrungen/Ressourcen.",
        "print_confirmed": "bestätigt am {date}",
        "print_held": "ein anderer Wert wartet auf eine Entscheidung ({cid})",
        "print_stale_after": "Einträge gelten nach {days} Tagen als veraltet.",
        "print_page": "Seite",
        "print_loose": "Loseblattsammlung – jede Rubrik beginnt auf einem neuen Blatt, zählt ihre "
        "Seiten für sich und kann einzeln ersetzt werden; Zeichenerklärung und Verzeichnis am Ende.",
        "print_address": "Anschrift",
        "print_more_regions": "und {n} weitere",
        "print_continued": "(Fortsetzung)",
        "print_blank": "Diese Seite bleibt frei",
        "print_section_pages": "{n} S.",
        "print_section_pages_one": "1 S.",
        "print_withdrawn": "Seit dem {date} aus dem Register genommen – ihre Blätter aus dem "
        "Ordner entfernen",
        "print_withdrawn_in": "Rubrik {sections}",
        "print_index": "Verzeichnis und Zeichenerklärung",
        "print_index_label": "Verzeichnis",
        "print_swap_title": "Geänderte Blätter seit dem Stand {since:date}",
        "print_swap_intro": "Dieser Druck enthält nur die Abschnitte des Registers, deren "
        "Einträge sich seit dem Stand {since:date} geändert haben (jetzt: Stand {stand:date}), dazu "
        "Deckblatt, Inhalt und Verzeichnis, die sich mit ihnen ändern. In der Sammlung von jedem "
        "Teil unten alle Blätter herausnehmen und die neuen einlegen; alle anderen Abschnitte "
        "bleiben, wie sie sind.",
        "print_swap_part": "{part}: {pages} ({sheets})",
        "print_swap_emptied": "{part}: alle Blätter herausnehmen, keine Einträge mehr (der Inhalt "
        "nennt den Abschnitt)",
        "print_swap_older": "Ein Ordner, den formgen vor dem 25.11.2026 gedruckt hat, hat auch "
        "Blätter für die Checklisten ohne Eintrag, die jetzt der Inhalt nennt: die Blätter der "
        "Abschnitte {parts} herausnehmen.",
        "print_swap_pages": "Seiten {first}–{last}",
        "print_swap_pages_one": "Seite {first}",
        "print_swap_cover": "Deckblatt und Inhalt",
        "print_swap_label": "Austausch",
        "print_swap_rest": "Ein Eintrag, der seither nur veraltet ist, ist nicht neu gedruckt: "
        "sein Blatt nennt den Tag, an dem es gedruckt wurde; das Deckblatt zählt die zu "
        "aktualisierenden Einträge zum heutigen Stand.",
        "print_swap_whole": "Ein Abschnitt wird ganz ausgetauscht, nicht erst ab seinem geänderten "
        "Eintrag: seine Seiten sind in ihm gezählt, von wie vielen („Seite 3/6“), und ein Eintrag, "
        "der länger oder kürzer wird, verschiebt jede Seite nach ihm und ändert diese Zahl auf "
        "allen seinen Seiten.",
        "print_swap_all": "Seit dem Stand {since:date} hat sich jeder Abschnitt geändert: dieser Druck "
        "ist das ganze Register hinter diesem Blatt; der einfache Druck (ohne --changed-since) "
        "ergibt dieselben Blätter, schneller.",
        "print_sheets": "{n} Blätter",
        "print_sheets_one": "1 Blatt",
        "print_file_changed": "geaendert-seit-{since}",
        "print_partial": "Teildruck: nur {sections}. Er ersetzt in der Sammlung nur diese "
        "Blätter; Inhalt und Verzeichnis nennen nur, was er enthält.",
        "print_partial_note": "Teildruck: nennt nur seine Abschnitte; nicht anstelle des "
        "Inhalts oder Verzeichnisses der Sammlung einlegen.",
        "printed_changed": "{path}: geänderte Blätter seit {since:date}: {sections} ({pages} von "
        "{total}\u00a0Seiten) ({kb}\u00a0KB)",
        "printed_unchanged": "Seit {since:date} hat sich kein Abschnitt geändert: nichts zu drucken.",
        "printed_changed_all": "Seit {since:date} hat sich jeder Abschnitt geändert: das einfache "
        "'register print' ergibt dieselben Blätter, schneller.",
        "print_changed_after": "--changed-since {since:date} liegt nach dem gedruckten Stand "
        "{stand:date}: ein Ordner eines späteren Stands hat aus einem früheren nichts zu ersetzen",
        "print_changed_with": "--changed-since druckt die geänderten Abschnitte des ganzen "
        "Registers; mit --category und --region wählen Sie selbst: eins oder das andere",
        "register_as_of_unknown": "das Register zum Stand {day:date} ist nicht bekannt: sein Journal "
        "beginnt am {first:date} (von register repair neu begonnen); ab diesem Tag ist es bekannt",
        "print_index_languages": "Nach Sprache",
        "print_index_places": "Nach Ort",
        "print_index_how": "Hinter jedem Namen die Rubrik und die Seite darin: 20/3 ist Rubrik 20, "
        "Seite 3. Deutsch ist nicht aufgeführt.",
        "print_legend": "Zeichenerklärung",
        "print_legend_pages": "Unten auf jeder Seite die Rubrik und ihre Seiten („Seite 3/6“: die "
        "dritte ihrer sechs Seiten). Jede Rubrik beginnt auf der Vorderseite eines neuen Blatts und "
        "zählt ihre Seiten für sich: allein neu gedruckt (register print --category) sind es "
        "dieselben Blätter. „Diese Seite bleibt frei“: die Rückseite ihres letzten Blatts.",
        "print_legend_pages_simplex": "Unten auf jeder Seite die Rubrik und ihre Seiten („Seite "
        "3/6“: die dritte ihrer sechs Seiten). Jede Rubrik beginnt auf einer neuen Seite und zählt "
        "ihre Seiten für sich: allein neu gedruckt (register print --category --simplex) sind es "
        "dieselben Seiten.",
        "print_legend_stale": "zuletzt vor mehr Tagen bestätigt, als die Rubrik zulässt (in ihrem "
        "Kasten genannt); die Angaben werden bei der Einrichtung neu erfragt.",
        "print_legend_never": "die Angaben kommen aus einer Liste oder von anderen; die Einrichtung "
        "hat noch nie geantwortet.",
        "print_legend_unanswered": "von der Checkliste ist nichts angegeben (ein Formular kam "
        "zurück, wie es verschickt wurde, oder „keine Änderungen“ per Mail): die Angaben zur "
        "Einrichtung gelten als bestätigt, die Checkliste wird neu erfragt.",
        "print_legend_unconfirmed": "mindestens eine Angabe kommt nicht von der Einrichtung selbst "
        "(aus einer Liste, der Checkliste von jemand anderem oder von Hand eingetragen).",
        "print_legend_dates": "„bestätigt am …“: der Tag, an dem die Einrichtung ihre Angaben "
        "zuletzt bestätigt hat; „Stand …“: der Tag, an dem sie zuletzt eingetragen wurden, wo "
        "die Einrichtung sie nie bestätigt hat.",
        "status_head": "angeschriebene Einrichtungen: {n} ({sent} gesendet, {drafted} als "
        "Entwurf){answered}",
        "status_answered_any": "; {n} haben mindestens eine Runde beantwortet",
        "status_answered_any_one": "; 1 hat mindestens eine Runde beantwortet",
        "status_latest": "jede Einrichtung nach ihrer letzten Mail (Antwort erwartet: {n}):",
        "status_returned": "zurückgemeldet",
        "status_outstanding": "ausstehend",
        "status_overdue": "überfällig",
        "status_failed": "fehlgeschlagen",
        "status_prepared": "vorbereitet",
        "status_not_mailed": "nicht versandt",
        "status_not_made": "nicht erstellt",
        "status_mailed": "angeschrieben",
        "status_superseded": "davon {n} überfällig in einer abgelösten Runde: eine spätere folgte "
        "und ist auch über ihre Frist; formgen mail --overdue --drafts ORDNER (oder --send) "
        "erinnert sie nur mit --force",
        "status_superseded_one": "davon 1 überfällig in einer abgelösten Runde: eine spätere "
        "folgte und ist auch über ihre Frist; formgen mail --overdue --drafts ORDNER (oder "
        "--send) erinnert sie nur mit --force",
        "status_drafts_unknown": "davon {n} nur als Entwurf geschrieben: dass ein Entwurf abgeschickt wurde, "
        "erfährt formgen erst, wenn sein Formular zurückkommt (formgen ingest) oder die Mail "
        "unzustellbar zurückkommt (formgen bounces); bis dahin zählt er als angeschrieben, die "
        "Frist wie in der Mail",
        "status_drafts_unknown_one": "davon 1 nur als Entwurf geschrieben: dass er abgeschickt wurde, erfährt "
        "formgen erst, wenn sein Formular zurückkommt (formgen ingest) oder die Mail unzustellbar "
        "zurückkommt (formgen bounces); bis dahin zählt er als angeschrieben, die Frist wie in der "
        "Mail",
        "status_answered": "beantwortet",
        "status_waiting": "ausstehend",
        "status_asked_again": "erneut angeschrieben",
        "status_outstanding_why": "(angeschrieben, Frist läuft noch{before})",
        "status_outstanding_delayed": "; davon {n} verzögert: der Server des Empfängers versucht "
        "es noch, nicht erneut senden (siehe --list)",
        "status_delayed": "  verzögert: der Server des Empfängers meldete am {at:moment}, dass er "
        "es weiter versucht ({error}); nicht erneut senden: gibt er auf, kommt eine "
        "Unzustellbarkeitsmeldung (formgen bounces), sonst ist die Mail bis zum {until:date} wohl "
        "angekommen",
        "status_delayed_over": "  am {at:moment} als verzögert gemeldet; bis zum {until:date} "
        "keine Unzustellbarkeitsmeldung erfasst: die Mail ist wohl angekommen (doch eine "
        "gekommen? formgen bounces DATEI)",
        "status_answered_before": "{n} haben eine frühere Runde beantwortet",
        "status_answered_before_one": "1 hat eine frühere Runde beantwortet",
        "status_prepared_why": "(Formulare erstellt, noch nicht versandt{maybe})",
        "status_prepared_maybe": "; davon {n} möglicherweise gesendet: ein Lauf endete, während "
        "die Mail an den Server ging, bevor seine Antwort vermerkt war; denselben "
        "formgen-mail-Befehl erneut ausführen, er sendet diese Mail noch einmal und sagt es",
        "status_maybe_sent": "  möglicherweise gesendet: ein Lauf vom {at:moment} endete, "
        "während diese Mail an den Server ging, bevor seine Antwort vermerkt war; den Befehl "
        "ihrer Runde erneut ausführen",
        "status_failed_again": "(nicht zugestellt; denselben formgen-mail-Befehl erneut ausführen)",
        "status_failed_refused": "(endgültig abgewiesen: {fix}, dann denselben "
        "formgen-mail-Befehl erneut ausführen)",
        "status_failed_some": "({n} endgültig abgewiesen: {fix}; die übrigen: denselben "
        "formgen-mail-Befehl erneut ausführen)",
        "status_fix_address": "die Adresse in der Empfängerliste oder im Register korrigieren "
        "(siehe --list)",
        "status_elsewhere_line": "an die Adresse mit „ss“ statt „ß“ gesendet {n}, eine andere "
        "Domain: {ids}  → bitte in einer eigenen Runde erneut senden (--round; siehe --list)",
        "status_not_mailed_line": "nicht versandt (keine brauchbare Adresse) {n} ({why})  → die "
        "Adresse in der Empfängerliste oder im Register ergänzen oder korrigieren, dann denselben "
        "formgen-mail-Befehl erneut ausführen (siehe --list)",
        "status_unusable_no_email": "keine",
        "status_unusable_invalid_email": "ungültig",
        "status_unusable_dead_email": "abgewiesen",
        "status_not_made_line": "Formular nicht erstellt {n}  (daher nichts versandt)  → "
        "beheben, was die jeweilige Zeile nennt, dann den Befehl ihrer Runde erneut ausführen",
        "status_not_made_row": "  {iid} ({name}), Runde {round:round}: {error}",
        "status_more": "  … {n} weitere: formgen status --list",
        "status_by_round": "nach Runde",
        "status_kind_invitation": "Einladung",
        "status_kind_reminder": "Erinnerung",
        "status_kind_update": "Aktualisierung",
        "status_round_due": "({kind}, Frist {deadline:day})",
        "status_register": "Register:",
        "status_to_update": "Einrichtungen mit Einträgen zu aktualisieren, jetzt anzuschreiben {n}",
        "status_stale_by": " (bis zum {day:date} veraltet)",
        "status_to_update_why": "  (veraltet, unvollständig, ungültig oder unbestätigt; formgen "
        "register stale{as_of})  → formgen mail --stale{also} --drafts ORDNER (oder --send)",
        "status_overdue_next": "→ formgen mail --overdue --drafts ORDNER (oder --send)",
        "status_unknown": "unbekannt",
        "status_update_waiting": "ausstehend {n}  (auch auf der Aktualisierungsliste, aber das "
        "Formular, das sie bekommen haben, ist noch unterwegs; ihre Antwort bringt vielleicht "
        "die Aktualisierung)",
        "status_conflicts": "Konflikte {n}",
        "status_retired": "aus dem Register genommen {n}  (in keiner Zählung, in keiner "
        "Mailrunde; formgen register history ID)",
        "status_without_email": "ohne brauchbare E-Mail-Adresse {n} ({why}): {ids}",
        "status_kept_aside": "Quarantäne: {n} Dateien beiseitegelegt ({kinds}){done} → formgen "
        "quarantine -w {root} nennt Grund, Absender und was zu tun ist",
        "status_kept_aside_one": "Quarantäne: 1 Datei beiseitegelegt ({kinds}){done} → formgen "
        "quarantine -w {root} nennt Grund, Absender und was zu tun ist",
        "status_kept_aside_done": "; dazu {n} erledigt",
        "status_kept_aside_all_done": "Quarantäne: {n} Dateien erledigt, keine offen (formgen "
        "quarantine -w {root})",
        "status_kept_aside_all_done_one": "Quarantäne: 1 Datei erledigt, keine offen (formgen "
        "quarantine -w {root})",
        "quarantine_none": "nichts beiseitegelegt in {folder}",
        "quarantine_head": "{n} Dateien beiseitegelegt in {folder}, davon {open} offen",
        "quarantine_head_one": "1 Datei beiseitegelegt in {folder}, davon {open} offen",
        "quarantine_day": "{day:date}",
        "quarantine_came": "{name}, eingegangen {day}",
        "quarantine_from": ", von {sender}",
        "quarantine_subject": ", Betreff: {subject}",
        "quarantine_more_arrivals": " (und {n} weitere Male)",
        "quarantine_more_arrivals_one": " (und ein weiteres Mal)",
        "quarantine_by_hand": "erledigt am {day}: {note}",
        "quarantine_answered": "erledigt: {iid} ({name}) hat am {day} geantwortet; die "
        "Rückmeldung ist im Register",
        "quarantine_how_done": "erledigt (in das Formular der Einrichtung abgetippt, beim "
        "Absender nachgefragt)? → formgen quarantine -w {root} --done {id} --note „…“",
        "quarantine_how_again": "behoben (z.\u00a0B. die fehlende Schemaversion ergänzt)? → "
        "formgen ingest -w {root} {folder}: ein Formular, das übernommen wird, verlässt die "
        "Quarantäne",
        "quarantine_marked": "{id} ({name}): als erledigt vermerkt ({note})",
        "quarantine_how_reopen": "die Datei bleibt in {folder}; die falsche? → formgen "
        "quarantine -w {root} --reopen {id} --note „…“",
        "quarantine_reopened": "{id} ({name}): wieder offen ({note}); der aufgehobene Vermerk "
        "bleibt in ihrem Eintrag",
        "quarantine_open_again": "wieder offen seit {day}: {note}",
        "quarantine_reopen_open": "{id} ({name}): ist offen, weder als erledigt vermerkt noch "
        "seither beantwortet; nichts geändert",
        "quarantine_reopen_needs_note": "--reopen braucht --note: warum ist sie wieder offen?",
        "quarantine_unknown_id": "{id}: keine Datei der Quarantäne heißt so; „formgen quarantine "
        "-w {root}“ nennt sie mit ihren Nummern",
        "quarantine_ambiguous": "{id} passt auf {n} Dateien der Quarantäne ({ids}); bitte mehr "
        "Stellen der Nummer angeben",
        "quarantine_done_already": "{id} ({name}): schon am {day} als erledigt vermerkt ({note}); "
        "nichts geändert",
        "quarantine_done_needs_note": "--done braucht --note: was wurde getan (abgetippt, "
        "nachgefragt)?",
        "quarantine_note_needs_done": "--note nur zusammen mit --done, --reopen oder --delete NUMMER",
        "quarantine_done_or_delete": "--done, --reopen oder --delete: nur eines davon",
        "quarantine_yes_needs_delete": "--yes nur zusammen mit --delete NUMMER",
        "quarantine_delete_needs_note": "--delete braucht --note: warum wird sie gelöscht (Brief "
        "einer Privatperson, keiner Einrichtung)?",
        "quarantine_delete_ask": "Diese Datei löschen und mit ihr, was ihr Eintrag über ihre "
        "Herkunft sagt? [j/N]",
        "quarantine_delete_declined": "nichts gelöscht, nichts geändert",
        "quarantine_delete_reports": "auch in diesen Einleseberichten genannt, die bleiben (von "
        "Hand löschen, sobald sie nicht mehr gebraucht werden): {paths}",
        "quarantine_deleted": "{id} ({name}): gelöscht ({note}); ihr Eintrag hält nur fest, dass "
        "eine Datei gelöscht wurde, wann und warum",
        "quarantine_gone": "{id}  gelöscht am {day}: {note}",
        "quarantine_deleted_already": "{id}: bereits gelöscht am {day} ({note}); nichts geändert",
        "quarantine_delete_return": "kein fremder Brief: die Rückmeldung von {iid} ({name}) zum "
        "Formular {form}, wie dieser Arbeitsbereich es erstellt hat; wird sie gelöscht, ist ihre "
        "Antwort darin verloren (sie ist nicht im Register)",
        "quarantine_delete_return_checklist": "kein fremder Brief: eine Rückmeldung zur "
        "Checkliste {form}, wie dieser Arbeitsbereich sie erstellt hat, ausgefüllt von der "
        "Einrichtung, der sie gegeben wurde; wird sie gelöscht, ist ihre Antwort darin verloren "
        "(sie ist nicht im Register)",
        "quarantine_how_delete": "keiner Einrichtung (Brief einer Privatperson)? → formgen "
        "quarantine -w {root} --delete {id} --note „…“",
        "status_quarantine_unknown-form": "unbekanntes Formular",
        "status_quarantine_tampered": "aus anderem Arbeitsbereich oder Kennung verändert",
        "status_quarantine_no-workspace": "ohne Arbeitsbereich erstellt",
        "status_quarantine_test-mail": "Formular einer Testmail",
        "status_quarantine_unknown-schema": "unbekannte Schemaversion",
        "status_quarantine_unknown-category": "unbekannte Checkliste",
        "status_quarantine_unread-copy": "unlesbare Kopie",
        "status_quarantine_unread-fields": "Formular mit beschädigten Feldern",
        "status_quarantine_picture": "Foto oder Scan",
        "status_quarantine_part": "Teil eines Formulars",
        "status_quarantine_merge": "nicht übernommen",
        "status_quarantine_unknown": "unbekannt",
        "status_note": "Hinweis: {note}",
        "status_note_no_register": "in diesem Arbeitsbereich gibt es noch kein Register",
        "status_note_empty": "das Register ist leer (noch nichts eingelesen): die Liste der "
        "Einrichtungen übernehmen (formgen register import LISTE) oder sie anschreiben "
        "(formgen mail LISTE --drafts ORDNER); zurückgekommene Formulare liest formgen ingest "
        "DATEI ein",
        "status_note_unmatched": "Rückläufe lassen sich nicht zuordnen (das Register zeigt keine "
        "Formular-IDs); jede angeschriebene Einrichtung zählt als ausstehend oder überfällig",
        "status_note_no_instances": "das Register speichert keine Formular-IDs; Rückläufe lassen "
        "sich nicht zuordnen",
        "status_note_plain_json": "diese Installation hat kein Registermodul; register.json als "
        "einfaches JSON gelesen",
        "status_note_stale_unknown": "das Register wurde als einfaches JSON gelesen: veraltete "
        "Einträge unbekannt",
        "status_note_damaged": "sendlog.jsonl: beschädigte Zeile(n) {lines} übersprungen",
        "status_due": "Frist",
        "status_asked_in": "  (beantwortet: {rounds}; erneut angeschrieben in {round:round})",
        "status_elsewhere": "  an die Adresse mit „ss“ statt „ß“ gesendet, eine andere Domain "
        "als die von {email} (so schrieb formgen sie vor dem 25.11.2026); bitte in einer eigenen "
        "Runde erneut senden (--round)",
        "status_rerun_mail": "  → der Server hat die Mail selbst abgelehnt, nicht die Adresse: zu "
        "groß? nur ein Formular senden (--format pdf); sonst den Anbieter des Mailservers fragen, "
        "was seine Antwort bedeutet; dann den Befehl der Runde {round:round} erneut ausführen",
        "status_rerun": "  → den Befehl der Runde {round:round} erneut ausführen (er verschickt, was "
        "noch fehlt)",
        "status_not_made_in": "  Formular nicht erstellt in Runde {round:round}: {error}",
        "status_fix_rerun": "  → das beheben, dann den Befehl der Runde {rounds} erneut ausführen",
        # -- formgen status --list: why an institution was not mailed, said again (mailrun.py)
        "status_no_email": "keine E-Mail-Adresse",
        # (end of status_list)
        # -- formgen register: eine Auswahl, die das Schema nicht mehr anbietet; erase; import
        "reg_reason_dropped": "nicht mehr in der Auswahl, neu zu erfragen",
        "reg_region_gone": "„{region}“: das aktuelle Schema bietet diese Region nicht mehr an, "
        "und kein Eintrag hat sie mehr; eine Region, die es anbietet: {regions}",
        "reg_erase_declined": "nichts gelöscht, nichts geändert",
        "reg_erase_note_blank": "--note ist leer: bitte angeben, wer die Löschung wann verlangt "
        "hat; nichts geändert",
        "reg_erase_already": "{iid} {paths}: schon gelöscht ('formgen register history {iid}' "
        "sagt, wann); nichts mehr zu löschen",
        "reg_erase_never": "{iid} {paths}: hatte nie einen Wert; nichts zu löschen, nichts "
        "geändert",
        "reg_erase_none_chosen": "{iid} {paths}: kein Wert dort enthält {texts} (Groß- und "
        "Kleinschreibung, Akzente beiseite); nichts gelöscht, nichts geändert",
        "reg_erase_only_current": "{iid} {paths}: dort gab es nie andere als die jetzigen Werte, "
        "und --keep-current behält sie; nichts gelöscht, nichts geändert",
        "reg_erase_text_nowhere": "{iid}: {texts} steht in keiner ihrer Notizen, keinem ihrer "
        "Werte und keinem Namen ihrer Rückmeldungen (mehr); nichts gelöscht, nichts geändert",
        "reg_erase_replay": "{iid}: mit der Löschung ergäbe das Journal das Register nicht "
        "wieder ({why}); nichts gelöscht, nichts geändert – bitte diesen Fehler melden",
        "reg_erase_replay_ids": "andere Kennungen der Einrichtungen: {ids}",
        "rebuild_half_erased": "{iid}: das Journal hält ihren Namen noch, wie er vor dem Löschen "
        "eines Textes darin war, als den Namen, unter dem eine Checkliste ihre Kennung fand (so "
        "ließ es ein formgen vor dem 25.11.2026): diese Löschung noch einmal ausführen, um ihn "
        "auch dort zu löschen ('formgen register erase {iid} --text TEXT --note …')",
        "journal_damaged_line": "{path}:{n}: beschädigte Zeile im Journal ({error}); das Register "
        "ist bis dorthin noch lesbar; die Datei aus einer Sicherung wiederherstellen oder "
        "'formgen register repair -w {root}' ausführen (ohne Sicherung: bewahrt die Datei auf "
        "und macht mit dem Register weiter, wie es ist)",
        "journal_not_utf8": "kein UTF-8 bei Byte {byte}",
        "journal_not_json": "kein JSON bei Zeichen {column}",
        "journal_not_object": "kein Vorgang",
        "issued_not_record": "kein Eintrag eines Formulars",
        "prints_not_record": "kein Eintrag eines Drucks: sein Stand, personal und die "
        "Abschnitte nach Checkliste",
        "log_empty": "leer (0 Bytes)",
        "log_blank": "leer",
        "prints_damaged_more": ", und auch die Zeilen {lines}",
        "prints_damaged_more_one": ", und auch Zeile {lines}",
        "prints_damaged_line": "{path}:{n}: beschädigte Zeile ({error}){more}, ausgelassen: ein "
        "Druck des Ordners, den sie festhielt, ist nicht bekannt; {instead}; die Datei aus einer "
        "Sicherung wiederherstellen, um mit diesem Druck zu vergleichen",
        "prints_damaged_file": "{path}: {error}, die Drucke, die sie festhielt, sind "
        "verloren; {instead}; die Datei aus einer Sicherung wiederherstellen, um mit ihnen zu "
        "vergleichen",
        "prints_damaged_compared": "verglichen mit den Drucken vom {since:date}, die sie noch "
        "festhält ({n}): ein Abschnitt, den nur der verlorene anders gedruckt hat, wird nicht "
        "neu gedruckt",
        "prints_damaged_journal": "kein Druck vom {since:date} ist lesbar festgehalten, darum "
        "verglichen mit dem Register des Vortags, aus dem Journal neu aufgebaut (ein an jenem "
        "Tag geänderter Abschnitt wird mit gedruckt), und die Blätter der Checklisten ohne "
        "Eintrag werden zum Herausnehmen genannt wie für einen Ordner, der vor dem 25.11.2026 "
        "gedruckt wurde",
        "issued_bad_identity": "die Kennung seines Formulars ist nicht lesbar: {why}",
        "issued_wrong_type": "{keys} nicht so, wie formgen es schreibt",
        "issued_glued": "{error}; in derselben Zeile folgt eine ganze Zeile, gelesen",
        "issued_damaged_line_form": "{path}:{n}: beschädigte Zeile ({error}) zum Formular "
        "{form}; womit und als was formgen es erstellt hat, ist nicht bekannt, darum kommt eine "
        "Rückmeldung dazu in die Quarantäne, nicht ins Register (eine unveränderte Kopie wäre von "
        "einer Antwort nicht zu unterscheiden); die Datei aus einer Sicherung wiederherstellen, "
        "dann 'formgen ingest -w {root} {quarantine}' (ohne Sicherung: die Zeile löschen, dann "
        "zählen seine Rückmeldungen als Antworten, jeder Wert als Angabe der Einrichtung)",
        "issued_damaged_line": "{path}:{n}: beschädigte Zeile ({error}), ihr Formular nicht "
        "genannt; eine Rückmeldung zu einem Formular, das die Datei sonst nirgends nennt, kommt "
        "in die Quarantäne, nicht ins Register (eine unveränderte Kopie wäre von einer Antwort "
        "nicht zu unterscheiden); die Datei aus einer Sicherung wiederherstellen, dann 'formgen "
        "ingest -w {root} {quarantine}' (ohne Sicherung: die Zeile löschen, dann zählen solche "
        "Rückmeldungen als Antworten, jeder Wert als Angabe der Einrichtung)",
        "ingest_pipeline_issued_damaged": "issued.jsonl Zeile {lines} ist beschädigt{whose}: "
        "womit und als was formgen dieses Formular erstellt hat, ist nicht bekannt, eine "
        "unveränderte Kopie ist von einer Antwort nicht zu unterscheiden; nicht übernommen – "
        "issued.jsonl aus einer Sicherung wiederherstellen, dann erneut einlesen",
        "ingest_pipeline_issued_damaged_maybe": " und nennt kein Formular, und die Datei nennt "
        "dieses Formular sonst nirgends",
        "journal_seq_gap": "Vorgang {seq} folgt auf Vorgang {before}: Zeilen fehlen",
        "journal_seq_first": "das Journal beginnt mit Vorgang {seq}: Zeilen davor fehlen",
        "journal_seq_again": "Vorgang {seq} folgt auf Vorgang {before}: eine Zeile steht doppelt "
        "oder nicht in der Reihenfolge da",
        "journal_short": "{path}:{n}: Journal beschädigt: es endet mit Vorgang {last}, aber "
        "{register} enthält {held} (seine letzte Zeile abgeschnitten oder Zeilen fehlen); nichts "
        "geändert: {path} aus einer Sicherung wiederherstellen oder 'formgen register repair -w "
        "{root}' ausführen (ohne Sicherung: bewahrt die Datei auf und macht mit dem Register "
        "weiter, wie es ist); bis dahin ist das Register so lesbar, wie es ist, aber nicht zu "
        "ändern oder neu aufzubauen",
        "journal_unknown_op": "Journal-Vorgang {seq}: unbekannte Art „{kind}“ (von einem neueren "
        "formgen geschrieben? formgen aktualisieren, um diesen Arbeitsbereich zu lesen)",
        "journal_original_missing": "Journal-Vorgang {seq}: das Original {sha}… fehlt in {folder}; "
        "ohne erneutes Einlesen (ohne --reread) neu aufbauen, um die Kopie im Journal zu nutzen",
        # -- formgen register: a command line that cannot be done as given (cli/register.py)
        "reg_usage_duplicate": "eine wahrscheinliche Dublette braucht --merge oder --new",
        "reg_usage_conflict": "ein Konflikt braucht --take mine (den Wert im Register behalten) "
        "oder --take theirs (den zurückgemeldeten oder importierten übernehmen)",
        "reg_usage_target": "bitte einen Konflikt (c-0001), eine Einrichtung oder eine mögliche "
        "Dublette (d-0001) angeben, oder --field PFAD für die zurückgestellten Werte dieses "
        "Felds aller Einrichtungen",
        "reg_usage_group": "--region und --category wählen unter den zurückgestellten Werten von "
        "--field PFAD ohne TARGET; {target} nennt seine selbst",
        "reg_usage_dry_duplicate": "--dry-run gilt für zurückgestellte Werte; 'formgen register "
        "conflicts' zeigt, was {target} zusammenführen würde",
        "reg_usage_note_blank": "--note ist leer; {ask}",
        "reg_usage_ask_merge": "bitte angeben, warum es dieselbe Einrichtung ist",
        "reg_usage_ask_split": "bitte angeben, warum der Dienst abgeteilt wird",
        "reg_usage_ask_set": "bitte angeben, woher die Änderung stammt",
        "reg_usage_ask_confirm": "bitte angeben, wer es wie bestätigt hat",
        "reg_usage_ask_import": "bitte angeben, woher die Liste stammt, oder --note weglassen",
        "reg_usage_value_or_clear": "bitte VALUE angeben oder --clear, um den Wert zu entfernen "
        "(nicht beides)",
        "reg_usage_value_blank": "VALUE ist leer; um den Wert zu entfernen, --clear verwenden",
        "reg_usage_text_once": "den gesuchten Text nur einmal angeben: als WORDS oder mit --text",
        "reg_usage_all_text_only": "--all sucht einen Text überall: bitte den Text angeben "
        "(einen Namen, eine Adresse, eine Telefonnummer), ohne --category, --region oder "
        "--language",
        "access_head": "„{text}“ in {root}: an {n} Stellen gefunden",
        "access_since_until": "gespeichert {since}, ersetzt {until}",
        "access_head_one": "„{text}“ in {root}: an 1 Stelle gefunden",
        "access_none": "„{text}“: nirgends gefunden in {root}",
        "access_spool": "Nicht durchsucht, von einem abgebrochenen Einlesen mit den entpackten "
        "Dateien hinterlassen (das nächste „formgen ingest“ oder „formgen register erase“ löscht "
        "ihn): {path}",
        "access_partial": "  davon {n} nur mit einem Teil des Namens ({parts}): prüfen, ob es "
        "dieselbe Person ist",
        "access_partial_one": "  davon 1 nur mit einem Teil des Namens ({parts}): prüfen, ob es "
        "dieselbe Person ist",
        "access_partial_at": "nur „{part}“",
        "access_where_value": "Werte jetzt (register.json):",
        "access_where_earlier": "Frühere Werte und Verlauf (register.json):",
        "access_where_held": "Zur Entscheidung zurückgestellt (register.json):",
        "access_where_source": "Herkunft der Werte: Dateien, Absender von Mails, Notizen "
        "(register.json; die Originale in archive/):",
        "access_where_journal": "Journal (journal.jsonl):",
        "access_where_aside": "Von 'register repair' oder 'register rebuild' beiseitegelegte "
        "Kopien von register.json (beschädigt oder außerhalb von formgen geändert):",
        "access_where_quarantine": "Einträge der Quarantäne (quarantine/):",
        "access_where_property": "Wer die Word- und OpenDocument-Dateien in archive/ und "
        "quarantine/ schrieb und zuletzt speicherte (ihre Dokumenteigenschaften):",
        "access_where_sendlog": "Versandprotokoll (sendlog.jsonl):",
        "access_where_issued": "Ausgestellte Formulare und womit sie vorausgefüllt waren "
        "(issued.jsonl; die Formulare in forms/):",
        "access_where_mail": "Mails mit diesen Formularen (sendlog.jsonl): außer Reichweite von "
        "formgen, im Postfach, aus dem sie verschickt wurden (Gesendet), und beim Empfänger; ein "
        "Entwurf, falls er aus dem Mailprogramm verschickt wurde:",
        "access_mail_sent": "verschickt",
        "access_mail_draft": "Entwurf",
        "access_mail_maybe_sent": "vielleicht verschickt (der Lauf endete vor der Antwort des "
        "Servers)",
        "access_where_export": "Berichte und Exporte (exports/):",
        "access_outside": "Nicht durchsucht, von formgen außerhalb des Arbeitsbereichs "
        "geschrieben (--out, --output, -o; written.jsonl): Formulare, Drucke und Tabellen, die "
        "den Text enthalten können:",
        "access_outside_file": "  {path} · {day}",
        "access_outside_gone": "  {path} · {day} · nicht mehr da (verschoben oder gelöscht)",
        "access_operation": "Vorgang {n}: {op}",
        "access_op_merge": "Rückmeldung eingelesen",
        "access_op_import": "Liste importiert",
        "access_op_set": "von Hand gesetzt",
        "access_op_confirm": "bestätigt",
        "access_op_resolve": "entschieden",
        "access_op_resolve_duplicate": "mögliche Dublette entschieden",
        "access_op_retire": "aus dem Register genommen",
        "access_op_restore": "wiederhergestellt",
        "access_op_merge_institutions": "Einrichtungen zusammengeführt",
        "access_op_split": "Dienst abgeteilt",
        "access_op_erase": "gelöscht",
        "access_key_note": "Notiz",
        "access_key_problem": "warum ungültig",
        "access_key_problem_args": "warum ungültig",
        "access_key_file_name": "Dateiname",
        "access_key_mail_from": "Absender der Mail",
        "access_key_mail_subject": "Betreff der Mail",
        "access_line": "{file} Zeile {n}",
        "access_not_searched": "Nicht im Inneren durchsucht: {files}die Mail-Entwürfe außerhalb "
        "des Arbeitsbereichs (mail --drafts: das Versandprotokoll nennt sie) und Testentwürfe "
        "(mail --test-to).",
        "access_count_archive": "{n} Originale im Archiv (archive/), ",
        "access_count_archive_one": "1 Original im Archiv (archive/), ",
        "access_count_quarantine": "{n} Dateien der Quarantäne, ",
        "access_count_quarantine_one": "1 Datei der Quarantäne, ",
        "access_count_forms": "{n} Formulare (forms/), ",
        "access_count_forms_one": "1 Formular (forms/), ",
        "access_count_exports": "{n} PDF- oder XLSX-Dateien in exports/ (aus dem Register "
        "gemacht), ",
        "access_count_exports_one": "1 PDF- oder XLSX-Datei in exports/ (aus dem Register "
        "gemacht), ",
        "reg_import_held_invalid": "{field}: der zurückgestellte Wert ist ungültig: {why}",
        "reg_merge_unseen": "{iid}: {paths}: im Register geändert, seit dieses Formular "
        "erstellt wurde, das den neuen Wert nicht zeigte: von dieser Rückmeldung nicht bestätigt; "
        "die Einträge dazu bleiben unbestätigt auf der Aktualisierungsliste ('formgen register "
        "stale')",
        "reg_merge_held": "{field}: zurückgestellt als {cid}: {theirs}; das Register behält "
        "{mine} ({why}) → formgen register resolve {cid} --take theirs (den zurückgestellten "
        "Wert übernehmen) oder --take mine (den im Register behalten)",
        # -- formgen register: Werte, die die Einrichtung einer Koordinatorin bestätigt hat
        "reg_held_confirmed_hand": "die Einrichtung hat den Wert im Register bestätigt, von "
        "Hand festgehalten am {day:date} ({note}); diese Checkliste kam von jemand anderem",
        "reg_held_import_confirmed_hand": "die Einrichtung hat den Wert im Register bestätigt, "
        "von Hand festgehalten am {day:date} ({note}); eine importierte Liste ersetzt ihn nie "
        "von selbst",
        # -- register commands' errors (ingest/register.py, formgen/cli/register.py)
        "regerr_none": "keine",
        "regerr_decided": "{target} ist schon entschieden{how}",
        "regerr_decided_taken": ": der zurückgemeldete Wert wurde übernommen ('formgen register "
        "history {iid}')",
        "regerr_decided_kept": ": der Wert im Register wurde behalten",
        "regerr_not_held": "„{target}“ ist weder ein zurückgestellter Konflikt noch eine "
        "Einrichtung; 'formgen register conflicts' zeigt, was auf eine Entscheidung wartet",
        "regerr_no_held": "{target} hat keinen zurückgestellten Konflikt; 'formgen register "
        "conflicts' zeigt sie",
        "regerr_no_held_path": "{target} hat keinen zurückgestellten Konflikt für {path}; "
        "'formgen register conflicts' zeigt sie",
        "regerr_no_held_field": "kein zurückgestellter Konflikt für {path} unter diesen; "
        "'formgen register conflicts' zeigt sie",
        "regerr_take": "--take muss „mine“ oder „theirs“ sein, nicht „{take}“",
        "regerr_no_duplicate": "keine mögliche Dublette „{did}“; 'formgen register conflicts' "
        "zeigt sie",
        "regerr_decide_with": "entscheiden mit „merge“ oder „new“, nicht „{decision}“",
        "regerr_retired_already": "{iid} ist schon {retired}; nichts geändert ('formgen register "
        "restore {iid}' nimmt die Einrichtung wieder auf)",
        "regerr_not_retired": "{iid} ist nicht aus dem Register genommen; nichts geändert "
        "('formgen register retire {iid}' nimmt eine Einrichtung aus dem Register)",
        "regerr_retired": "{iid} ist {retired}; nichts geändert — 'formgen register restore {iid}' "
        "nimmt die Einrichtung wieder auf, oder trotzdem mit --force {doing}",
        "regerr_doing_confirm": "bestätigen",
        "regerr_doing_set": "den Wert setzen",
        "regerr_confirm_no_entry": "{iid} hat keinen Eintrag in {cid_name} ({cid}); ihre "
        "Einträge: {has}; nichts geändert",
        "regerr_confirm_nothing": "{iid} hat keinen Eintrag, der bestätigt werden kann; nichts "
        "geändert",
        "regerr_set_held": "{iid} {path}: ein zurückgemeldeter Wert wartet als {cid} auf eine "
        "Entscheidung; nichts geändert — erst entscheiden ('formgen register resolve {cid} --take "
        "mine|theirs'; 'formgen register conflicts' zeigt beide Werte), dann setzen",
        "regerr_set_too_long": "{where}: der Wert ist {n:,} Zeichen lang, mehr als die "
        "{most:,}, die ein Wert haben darf — bitte kürzen; nichts geändert",
        "regerr_set_invalid": "{where}: {problem}; nichts geändert",
        "regerr_set_control": "{where}: der Wert enthält das Steuerzeichen {char} "
        "(„{value}“), das kein Text ist und das kein Formular zeigt; bitte ohne es eingeben; "
        "nichts geändert",
        "regerr_set_override": "{where}: der Wert enthält {char}, ein Zeichen, das die "
        "Schreibrichtung des folgenden Texts umkehrt, sodass er anders erscheint als getippt: "
        "„{value}“; bitte ohne es eingeben (arabische oder hebräische Schrift braucht es nicht); "
        "nichts geändert",
        "regerr_set_no_value": "{where}: kein Wert angegeben; nichts geändert — um den Wert "
        "zu entfernen: --clear",
        "regerr_set_holds": "{iid} {path} enthält schon „{value}“; nichts geändert",
        "regerr_set_holds_none": "{iid} {path} hat schon keinen Wert; nichts geändert",
        "regerr_path_no_value": "„{path}“ bezeichnet keinen Wert{hint}: institution.FELD oder "
        "CHECKLISTE.FELD schreiben, z.\u00a0B. institution.phone oder psychotherapie.languages_offered",
        "regerr_path_no_checklist": "„{path}“: „{scope}“ ist weder „institution“ noch eine "
        "Checkliste des Schemas{hint}; Einträge von {iid}: {has}",
        "regerr_path_meant": " (gemeint: {path}, „{label}“?)",
        "regerr_path_no_entry": "„{path}“: {iid} hat keinen Eintrag in {scope_name} ({scope}); "
        "ihre Einträge: {has}; {advice}",
        "regerr_path_get_entry": "die Werte einer Checkliste kommen mit ihrem Formular: 'formgen "
        "generate pdf --institution {iid} --category {scope}'",
        "regerr_path_erase_none": "dort ist kein Wert zu löschen; nichts geändert",
        "regerr_path_no_field": "„{path}“: {scope_name} ({scope}) hat kein Feld „{field}“{hint}; "
        "ihre Felder: {fields}",
        "regerr_path_field_missing": "„{path}“: das Feld fehlt, {scope}.FELD schreiben; die Felder "
        "von {scope_name}: {fields}",
        "regerr_unknown_language": "unbekannte Sprache „{text}“{hint}; bitte einen ISO-Code (fa, ar, "
        "tr) oder einen Namen (Farsi, Arabisch) angeben",
        "find_region_as_text": "„{text}“ steht in {n} Einträgen (ein Ort?); die Textsuche findet "
        "sie: {command}",
        "find_region_as_text_one": "„{text}“ steht in einem Eintrag (ein Ort?); die Textsuche "
        "findet ihn: {command}",
        "regerr_no_regions": "Region „{text}“: das Schema hat keine Regionen (nichts ist nach "
        "Regionen geteilt); bitte die Region weglassen",
        "regerr_unknown_region": "unbekannte Region „{text}“; bitte ihre ID oder ihren Namen "
        "angeben oder sie in workspace.toml unter [[regions]] eintragen{known}",
        "regerr_unknown_category": "unbekannte Checkliste „{text}“; bitte ihre ID oder ihren "
        "Namen angeben{known}",
        "regerr_import_empty_sheet": "{file}: das erste Tabellenblatt ist leer; nichts importiert",
        "regerr_import_empty_file": "{file}: die Datei ist leer; nichts importiert",
        "regerr_import_not_table": "{file}: keine Tabelle des Registers: keine ihrer Spalten "
        "({shown}) ist eine, die 'formgen register export' schreibt; nichts importiert — die "
        "Kopfzeile muss in Zeile 1 stehen: Titelzeilen darüber löschen; das "
        "Register exportieren (--format csv oder xlsx, mit oder ohne --labels) und diese Tabelle "
        "ausfüllen",
        "regerr_import_column": "„{column}“{hint}",
        "regerr_import_unknown_column": "{file}: Spalte, die die Tabelle des Registers nicht hat: "
        "{columns}; nichts importiert — bitte umbenennen oder löschen (die Tabelle, die 'formgen "
        "register export' schreibt, mit oder ohne --labels, hat die zu verwendenden Spalten)",
        "regerr_import_unknown_columns": "{file}: Spalten, die die Tabelle des Registers nicht "
        "hat: {columns}; nichts importiert — bitte umbenennen oder löschen (die Tabelle, die "
        "'formgen register export' schreibt, mit oder ohne --labels, hat die zu verwendenden "
        "Spalten)",
        "regerr_import_no_id": "{file}: die Tabelle hat weder die Spalte {id} noch {name}; nichts "
        "importiert — jede Zeile braucht die ID einer Einrichtung, die das Register kennt, oder "
        "einen Namen",
        "regerr_import_refused": "{file}: nicht importiert: {reason}; nichts geändert",
        "regerr_no_reread": "das erneute Lesen der archivierten Originale braucht die "
        "Ingest-Pipeline (ingest.pipeline.make_reread), die dieser Installation fehlt; 'formgen "
        "register rebuild' ohne --reread ausführen",
        "regerr_export_left_out": "{iid}, {field}: {chars} im XLSX-Export weggelassen: eine "
        "Excel-Zelle kann keine Steuerzeichen enthalten; das Register und die CSV- und "
        "JSON-Exporte behalten den Wert",
        "regerr_warning": "Hinweis: {warning}",
        "register_edited": "Hinweis: {path} wurde außerhalb von formgen geändert (von Hand, "
        "in einem Editor?). formgen verwendet, was dort geändert wurde, aber es steht nicht im "
        "Verlauf („formgen register history“), und „formgen register rebuild“ würde es "
        "rückgängig machen. register.json bitte nicht selbst ändern: einen Wert ändert "
        "„formgen register set KENNUNG FELD WERT --note TEXT“ (z. B. formgen register set "
        'inst-0001 institution.phone "0211 5556667" --note "per Telefon"). Damit das '
        "Register wieder zu seinem Verlauf passt: „formgen register rebuild“ (es bewahrt die "
        "geänderte Datei auf), dann „formgen register set“ für jeden Wert, der bleiben soll",
        "regerr_not_utf8": "{source}: kein UTF-8-Text (Byte {byte}); das Register ist beschädigt. "
        "Es wurde nicht geändert: aus einer Sicherung wiederherstellen oder 'formgen register "
        "rebuild' ausführen",
        "regerr_not_json": "{source}: Zeile {line}, Spalte {column}: {why}; das Register ist "
        "beschädigt oder wurde von Hand bearbeitet. Es wurde nicht geändert: diese Stelle "
        "korrigieren, eine Sicherung wiederherstellen oder mit 'formgen register rebuild' aus dem "
        "Archiv neu aufbauen",
        "regerr_not_register": '{source}: kein formgen-Register (kein "format": "{format}"); '
        "nicht geändert",
        "regerr_no_version": "{source}: 'format_version' fehlt oder ist keine Zahl",
        "regerr_shape": "{source}: {where}: {what}; das Register ist beschädigt oder wurde von "
        "Hand bearbeitet. Es wurde nicht geändert: diese Stelle korrigieren, eine Sicherung "
        "wiederherstellen oder 'formgen register rebuild' ausführen",
        "regerr_shape_inst": "Einrichtung {iid}",
        "regerr_shape_entry": "Einrichtung {iid}, Eintrag {cid}",
        "regerr_shape_value": "Einrichtung {iid}, {path}",
        "regerr_shape_history": "Einrichtung {iid}, Verlaufseintrag {n}",
        "regerr_shape_conflict": "Konflikte, {cid}",
        "regerr_shape_object": "muss ein Objekt sein",
        "regerr_shape_whole": "muss eine ganze Zahl sein",
        "regerr_shape_kind": "'{name}' fehlt oder ist von falscher Art",
        "regerr_shape_fields": "'fields' fehlt",
        "regerr_shape_stored": "kein gespeicherter Wert",
        "regerr_shape_retired": "'retired' muss ein Objekt mit 'at' (einer Zeit) und 'reason' "
        "(Text oder null) sein",
        "regerr_shape_changes": "muss ein Objekt sein, dessen 'changes' eine Liste aus [Feldpfad, "
        "alter Wert, neuer Wert] ist",
        "regerr_shape_held": "muss ein Objekt mit 'path' und 'institution_id' (Text) sein",
        "regerr_newer": "{source}: von einer neueren formgen-Version geschrieben (Registerformat "
        "{version}; diese Version liest bis {most}); bitte formgen aktualisieren, um mit diesem "
        "Register zu arbeiten",
        "regerr_lacks": "{source}: dem Register fehlt {keys}; es wurde von Hand bearbeitet oder ist "
        "beschädigt. Es wurde nicht geändert: eine Sicherung wiederherstellen oder 'formgen "
        "register rebuild' ausführen",
        "regerr_other_schema": "{source}: das Register gehört zum Schema „{theirs}“, der "
        "Arbeitsbereich verwendet „{ours}“",
        # (end of reg_errors)
        # -- formgen register merge: two institutions of the register are one (ingest/register.py,
        # formgen/cli/register.py, ingest/history.py)
        "merge_done": "{other} {other_name}: mit {keep} {name} zusammengeführt ({note}) und aus "
        "dem Register genommen: ab jetzt nicht mehr in find, stale, gaps und status, im Druck, in "
        "den Tabellen und in den Mailrunden; ein Formular von ihr, das zurückkommt, geht an "
        "{keep} (die Historie bleibt: formgen register history {other})",
        "merge_would": "--dry-run: {other} {other_name} würde mit {keep} {name} zusammengeführt; "
        "nichts geändert",
        "merge_taken": "  übernommen von {other}: {field}: {value}",
        "merge_held": "  zurückgestellt als {cid}: {field}: {keep} behält {mine}, {other} hat "
        "{theirs} → formgen register resolve {cid} --take mine|theirs",
        "merge_same_values": "  {n} Werte in beiden gleich",
        "merge_same_values_one": "  1 Wert in beiden gleich",
        "merge_restored": "  sie war mit {keep} zusammengeführt: was dabei in {keep} übernommen "
        "wurde, bleibt dort (und ihre dort zurückgestellten Werte in 'formgen register "
        "conflicts'); Rückmeldungen auf ihre Formulare gehen wieder an {iid}",
        "merge_by_hand": "von Hand zusammengeführt aus {other}: {note}",
        "split_by_hand": "von Hand abgeteilt von {other}: {note}",
        "op_split_off": "{other} {name} davon abgeteilt: {note}",
        "split_done": "{new} {name}: von {iid} {old} abgeteilt ({note}), eine neue Einrichtung "
        "mit den übrigen Werten und Checklisten von {iid} als Anfang (ohne deren "
        "Ansprechpersonen: die neue nennt ihre eigenen auf ihrem Formular), keiner davon ihr Wort: bis "
        "sie antwortet, sind ihre Einträge nie bestätigt, und formgen mail --stale --drafts ORDNER "
        "(oder --send) schickt ihr ein Formular, um sie zu berichtigen (um einen gleich zu "
        "berichtigen: formgen register set {new} PFAD WERT --note …); {iid} behält Kennung und "
        "Historie; eine Checkliste unterscheidet beide nach dem Namen: eine Anschrift oder "
        "Telefonnummer, die sie teilen, sagt nichts",
        "split_would": "--dry-run: {new} {name} würde von {iid} {old} abgeteilt ({note}), mit "
        "diesen Werten von {iid} als Anfang (ohne deren Ansprechpersonen), keiner davon ihr "
        "Wort; nichts geändert",
        "split_would_value": "  {field}: {value}",
        "split_would_checklists": "  ihre Checklisten: {categories}",
        "split_retired": "{iid} ist {retired}; nichts geändert — um einen Dienst davon "
        "abzuteilen, erst wieder aufnehmen: 'formgen register restore {iid}'",
        "split_same_name": "{iid} heißt schon {name}; nichts geändert — der abgeteilte Dienst "
        "braucht einen eigenen Namen (um {iid} umzubenennen: formgen register set {iid} "
        "institution.name NAME --note …)",
        "split_name_where": "--name des Dienstes, der von {iid} abgeteilt wird",
        "split_no_name": "der Dienst, der von {iid} abgeteilt wird, braucht einen Namen (--name "
        "NAME); nichts geändert",
        "print_split_from": "abgeteilt von {name} am\u00a0{date}",
        "print_split_off": "am\u00a0{date} hat sich {name} davon abgeteilt",
        "merge_reason": "zusammengeführt mit {keep}",
        "held_merged_value": "zusammengeführt",
        "took_merged": "Wert der zusammengeführten Einrichtung übernommen",
        "op_merge_into": "mit {keep} {name} zusammengeführt und aus dem Register genommen: {note}",
        "held_merged": "die mit dieser zusammengeführte Einrichtung hatte einen anderen Wert; das "
        "Register behält seinen, bis entschieden ist",
        "held_merged_form": "ihr Formular wurde für eine Einrichtung erstellt, die seither mit "
        "dieser zusammengeführt wurde, und das Register hat einen anderen Wert, als das Formular "
        "zeigte",
        "ingest_merge_merged_into": "{iid} wurde am {day:day} mit {keep} „{name}“ zusammengeführt; ihre "
        "Rückmeldung wurde in {keep} übernommen",
        "merge_same": "{iid} zweimal angegeben: erst die Einrichtung, die bleibt, dann die, die mit "
        "ihr zusammengeführt wird; nichts geändert",
        "merge_merged_already": "{other} ist schon mit {keep} zusammengeführt; nichts geändert "
        "('formgen register history {other}')",
        "merge_other_retired": "{other} ist {retired}; nichts geändert — um ihre Werte "
        "zusammenzuführen, erst wieder aufnehmen: 'formgen register restore {other}'",
        "merge_keep_merged": "{keep} ist schon mit {into} zusammengeführt; nichts geändert — mit "
        "dieser zusammenführen: 'formgen register merge {into} {other} --note \"dieselbe "
        "Einrichtung\"'",
        "merge_keep_retired": "{keep} ist {retired}; nichts geändert — um sie zu "
        "behalten, erst wieder aufnehmen: 'formgen register restore {keep}'",
        "merge_other_held": "{other}: Werte warten auf eine Entscheidung ({cids}); nichts geändert "
        "— erst entscheiden ('formgen register resolve {other} --take mine|theirs'), dann "
        "zusammenführen",
        "merge_other_duplicates": "Rückmeldungen, die wie {other} aussehen, warten auf eine "
        "Entscheidung ({dids}); nichts geändert — erst entscheiden ('formgen register resolve "
        "d-NNNN --merge|--new'), dann zusammenführen",
        # (end of register merge)
        # -- formgen ingest: the report's frame (ingest/report.py)
        "ingest_status_ok": "ok",
        "ingest_status_warnings": "Hinweise",
        "ingest_status_quarantined": "Quarantäne",
        "ingest_status_unreadable": "unlesbar",
        "ingest_status_unsupported": "anderer Typ",
        "ingest_status_skipped": "übersprungen",
        "ingest_status_duplicate": "doppelt",
        "ingest_status_container": "Sammlung",
        "ingest_count_ok": "{n} ok",
        "ingest_count_warnings": "{n} mit Hinweisen",
        "ingest_count_quarantined": "{n} in Quarantäne",
        "ingest_count_unreadable": "{n} unlesbar",
        "ingest_count_unsupported": "{n} von anderem Typ",
        "ingest_count_skipped": "{n} übersprungen",
        "ingest_count_duplicate": "{n} doppelt",
        "ingest_count_duplicate_one": "1 doppelt",
        "ingest_count_no_attachment": "{n} Mails ohne Formular",
        "ingest_count_no_attachment_one": "1 Mail ohne Formular",
        "ingest_form": "Formular {form}",
        "ingest_entries": "{n} Einträge",
        "ingest_entries_one": "1 Eintrag",
        "ingest_warnings": "{n} Hinweise",
        "ingest_warnings_one": "1 Hinweis",
        "ingest_more": "… und {n} weitere (--json zeigt alle)",
        "ingest_skipped_run": "{n} Anhänge, die keine Formulare sind ({kinds})",
        "ingest_duplicate_run": "{n:,} Anhänge mit dem Inhalt eines Anhangs vor ihnen; jeder "
        "Inhalt nur einmal bearbeitet (--json listet sie)",
        "ingest_summary": "{n} Dateien in {seconds:.1f} s ({rate:.1f}/s): {counts}",
        "ingest_summary_one": "1 Datei in {seconds:.1f} s ({rate:.1f}/s): {counts}",
        "ingest_nothing_handled": "nichts bearbeitet",
        "ingest_nothing": "nichts einzulesen",
        "ingest_interrupted": "; abgebrochen: {n} weitere nicht bearbeitet — denselben Befehl "
        "noch einmal ausführen (was übernommen ist, bleibt und heißt dann „doppelt“)",
        # -- formgen ingest: the pipeline (ingest/pipeline.py, sniff.py, spool.py, cli/ingest.py)
        "ingest_pipeline_what_empty": "eine leere Datei (0 Bytes)",
        "ingest_pipeline_what_odt": "ein OpenDocument-Text (.odt)",
        "ingest_pipeline_what_office_zip": "eine Office-Datei, die weder ein Word-Dokument noch "
        "ein Text ist (Excel, PowerPoint, eine LibreOffice-Tabelle …)",
        "ingest_pipeline_what_zip": "ein ZIP-Archiv",
        "ingest_pipeline_what_ole": "eine alte Office-Datei (.doc/.xls) oder eine andere "
        "OLE2-Datei",
        "ingest_pipeline_what_archive": "ein Archiv, das formgen nicht entpackt (.gz, .tar, .7z, "
        ".rar)",
        "ingest_pipeline_what_program": "ein Windows-Programm (.exe), vielleicht ein "
        "selbstentpackendes Archiv",
        "ingest_pipeline_what_tnef": "eine winmail.dat von Outlook (TNEF)",
        "ingest_pipeline_what_image": "ein Bild",
        "ingest_pipeline_what_text": "eine Textdatei",
        "ingest_pipeline_what_unknown": "kein Dateityp, den formgen liest",
        "ingest_pipeline_what_gzip": "eine mit gzip komprimierte Datei (.gz, .tar.gz)",
        "ingest_pipeline_what_7z": "ein 7-Zip-Archiv (.7z)",
        "ingest_pipeline_what_rar": "ein RAR-Archiv (.rar)",
        "ingest_pipeline_what_tar": "ein tar-Archiv (.tar)",
        "ingest_pipeline_what_bzip2": "eine mit bzip2 komprimierte Datei (.bz2, .tar.bz2)",
        "ingest_pipeline_what_xz": "eine mit xz komprimierte Datei (.xz, .tar.xz)",
        "ingest_pipeline_what_zstd": "eine mit zstd komprimierte Datei (.zst, .tar.zst)",
        "ingest_pipeline_what_folder": "ein Ordner",
        "ingest_pipeline_what_fifo": "eine benannte Pipe (FIFO)",
        "ingest_pipeline_what_socket": "ein Socket",
        "ingest_pipeline_what_device": "ein Gerät (wie /dev/zero)",
        "ingest_pipeline_what_disk": "ein Laufwerk (Blockgerät)",
        "ingest_pipeline_what_other": "etwas anderes als eine Datei",
        "ingest_pipeline_what_picture": "ein Bild",
        "ingest_pipeline_what_picture_size": "ein Bild mit {width}×{height} Pixeln",
        "ingest_pipeline_link_to": "eine Verknüpfung, dahinter {what}",
        "ingest_pipeline_paper_advice": "seine Werte eintippen und das einlesen: ein einer "
        "Einrichtung gemailtes Formular in dieses (forms/mail/RUNDE/ID_FG-….pdf im "
        "Arbeitsbereich oder, wenn mail --forget-forms es gelöscht hat, ein neues: "
        "„formgen generate pdf --institution ID“; seine Rückmeldung beantwortet dann diese Runde), eine auf Papier "
        "ausgeteilte leere Checkliste in das eigene Formular der Einrichtung („formgen generate "
        "pdf --institution ID“, wenn sie im Register steht) oder eine neue Checkliste („formgen "
        "generate pdf --category KATEGORIE“); oder sie mit „formgen register set ID PFAD WERT "
        "--note …“ setzen oder den Absender bitten, das PDF am Bildschirm auszufüllen",
        "ingest_pipeline_part": "Teil des Formulars {form} ({iid}) ohne die Seite mit seiner "
        "Kennung: {pages}; in die Quarantäne gelegt, nicht übernommen ({count} Felder "
        "ausgefüllt, im Bericht dieses Einlesens aufgeführt) – die Einrichtung um das ganze "
        "Formular bitten (alle Seiten in einer Datei) oder die Werte in ihr Formular "
        "(forms/mail/RUNDE/{iid}_{form}.pdf im Arbeitsbereich oder, wenn mail "
        "--forget-forms es gelöscht hat, ein neues: „formgen generate pdf --institution "
        "{iid}“) eintippen und dieses einlesen",
        "ingest_pipeline_part_pages": "nur Seite {pages} von {total}, es fehlt Seite {missing}",
        "ingest_pipeline_part_pages_unknown": "welche Seiten fehlen, ist nicht zu erkennen",
        "ingest_pipeline_part_value": "auf dem Teil: {path} = {value}",
        "ingest_pipeline_flattened": "flach gespeichertes PDF",
        "ingest_pipeline_no_reader": "Dateien vom Typ {what} können nicht gelesen werden: dieser "
        "Installation fehlt das Lesemodul dafür ({module})",
        "ingest_pipeline_not_a_form": "{what}, kein zurückgesandtes Formular (PDF, DOCX oder ODT)",
        "ingest_pipeline_advice_ole": "falls es das Formular ist, den Absender bitten, es als "
        ".docx oder PDF zu speichern",
        "ingest_pipeline_advice_archive": "bitte entpacken und die Dateien darin einlesen",
        "ingest_pipeline_advice_program": "nicht ausführen: den Absender um die Formulare selbst "
        "bitten (PDF, DOCX oder ein ZIP-Archiv davon)",
        "ingest_pipeline_misnamed": "heißt {claimed}, ist aber {what}, kein {type}; den Absender "
        "um das Formular selbst bitten",
        "ingest_pipeline_empty": "leere Datei (0 Bytes): nichts zu lesen; den Absender bitten, "
        "das Formular noch einmal zu schicken",
        "ingest_pipeline_too_large": "{size:,} Bytes sind mehr als die {limit:,} Bytes, die ein "
        "zurückgesandtes Formular haben darf; nicht gelesen",
        "ingest_pipeline_unknown_form": "unbekanntes Formular: {why}; in die Quarantäne gelegt, "
        "nicht übernommen",
        "ingest_pipeline_tampered": "Kennung verändert oder beschädigt: {why}; nicht übernommen – "
        "bitte beim Absender nachfragen",
        "ingest_pipeline_not_a_file": "{what}, keine Datei; nicht gelesen",
        "ingest_pipeline_memory": "brauchte mehr als die {mb} MB Arbeitsspeicher, die eine Datei "
        "höchstens bekommt; nicht gelesen (eine beschädigte oder bösartige Datei?) – den Absender "
        "bitten, das Formular noch einmal zu speichern",
        "ingest_pipeline_nested": "zu tief verschachtelt zum Lesen (eine beschädigte oder "
        "bösartige Datei?)",
        "ingest_pipeline_cannot_read": "die Datei kann nicht gelesen werden: {why}",
        "ingest_pipeline_reader_failed": "das Lesen der {kind}-Datei ist fehlgeschlagen ({error}: "
        "{message}); {where}",
        "ingest_pipeline_file_reader_failed": "das Lesen der Datei ist fehlgeschlagen ({error}: "
        "{message}); {where}",
        "ingest_pipeline_report_file": "die Datei bleibt, wo sie ist – bitte diesen Fehler mit "
        "der Datei melden",
        "ingest_pipeline_report_container": "sie kam in {container} (formgen behält keine Kopie "
        "davon) – bitte diesen Fehler mit dieser Mail oder diesem Archiv melden",
        "ingest_pipeline_logo": "{what}, zu klein für eine Formularseite (ein Logo?); kein "
        "zurückgesandtes Formular",
        "ingest_pipeline_picture": "{what}: ein Foto oder Scan eines Papierformulars? formgen "
        "kann keine Bilder lesen; in die Quarantäne gelegt – {advice}",
        "ingest_pipeline_scanned_pdf": "ein PDF, dessen Seiten nur Bilder sind, ohne Text und "
        "Formularfelder",
        "ingest_pipeline_nested_archives": "Archive und Mails mehr als {n}-fach ineinander "
        "verschachtelt; nicht entpackt (ein beschädigtes oder bösartiges Archiv?)",
        "ingest_pipeline_attachment": "#{position} {name}: {why}",
        "ingest_pipeline_mailbox_too_big": "die Anhänge dieses Postfachs sind zusammen größer als "
        "{limit:,} Bytes; der Rest wurde nicht gelesen – bitte das Postfach aufteilen",
        "ingest_pipeline_archive_of": "{what} mit {n} Dateien",
        "ingest_pipeline_archive_of_one": "{what} mit 1 Datei",
        "ingest_pipeline_mails": "{n} Mails",
        "ingest_pipeline_mails_one": "1 Mail",
        "ingest_pipeline_attachments": "{n} Anhänge",
        "ingest_pipeline_attachments_one": "{n} Anhang",
        "ingest_answer_unknown": "{what} (Mail von {sender}, Betreff „{subject}“)",
        "ingest_answer_by_message_id": "an der Message-ID der Mail, auf die sie antwortet",
        "ingest_answer_by_reference": "an der Formularnummer, die sie zitiert",
        "ingest_answer_by_address": "an der Absenderadresse, die nur diese Einrichtung hat",
        "ingest_answer_found": "{what}, kein Formular: die Antwort von {sender} ({day:day}, "
        "„{subject}“) auf die Mail an {iid} ({name}) vom {mailed:day} (erkannt {how}); sagt sie, "
        "dass sich nichts geändert hat, liest dieser Befehl sie als das Formular {forms} der "
        "Einrichtung ein, unverändert zurückgeschickt: {command}",
        "ingest_answer_taken": "{what}, kein Formular: die Antwort von {sender} ({day:day}, "
        "„{subject}“) auf die Mail an {iid} ({name}) vom {mailed:day} (erkannt {how}), "
        "eingelesen als ihr Formular {forms}, unverändert zurückgeschickt (--no-changes)",
        "ingest_answer_no_form_kept": "{what}, kein Formular: die Antwort von {sender} "
        "({day:day}, „{subject}“) auf die Mail an {iid} ({name}) vom {mailed:day} (erkannt "
        "{how}); das Formular dieser Mail hat der Arbeitsbereich nicht mehr: sagt sie, dass sich "
        "nichts geändert hat, {command}",
        "ingest_answer_other_sender": "{what}, kein Formular: die Antwort von {sender} "
        "({day:day}, „{subject}“) auf die Mail an {iid} ({name}) vom {mailed:day} (erkannt "
        "{how}); geschickt hat sie aber die Adresse von {others}, an die formgen geschrieben hat: "
        "keiner der beiden gutgeschrieben, auch mit --no-changes nicht (eine weitergeleitete, "
        "verwechselte oder gefälschte Mail?) – nach dem Lesen die, die geantwortet hat, von Hand "
        "eintragen: {command}",
        "ingest_answer_unreadable": "{what}, kein Formular: die Antwort von {sender} "
        "({day:day}, „{subject}“) auf die Mail an {iid} ({name}) vom {mailed:day} (erkannt "
        "{how}); ihr Text ist nicht lesbar ({why}): nicht eingelesen, auch mit --no-changes "
        "nicht – zeigt das Mailprogramm, dass sich nichts geändert hat: {command}",
        "ingest_answer_charset": "im Zeichensatz „{charset}“ geschrieben, den formgen nicht kennt",
        "ingest_answer_undecodable": "beschädigt",
        "ingest_answer_kept": "eine Antwort ohne Formular füllt keines der Pflichtfelder aus, "
        "die beim Versand leer waren ({fields}); das Register behält ihre Werte",
        "ingest_answers_in_box": "--no-changes liest jede in diesem Postfach erkannte Antwort "
        "ein ({n}), jede als ihre Formulare, unverändert zurückgeschickt; eine, die eine Änderung "
        "nennt, trägt man statt dessen von Hand ein (formgen register set ID PFAD WERT --note "
        '"Mail vom TAG") oder liest sie aus der einzeln gespeicherten Mail ein',
        "ingest_answers_in_box_one": "--no-changes liest die in diesem Postfach erkannte Antwort "
        "als ihre Formulare ein, unverändert zurückgeschickt; nennt sie eine Änderung, trägt man "
        'die statt dessen von Hand ein (formgen register set ID PFAD WERT --note "Mail vom '
        'TAG")',
        "ingest_pipeline_no_attachment": "{what}: kein Anhang zum Einlesen; eine Antwort ohne "
        "Formular („keine Änderungen“, eine Fehlanzeige) trägt man von Hand ein: formgen register "
        'confirm ID --note "Mail vom TAG: keine Änderungen" (die ID: formgen register find '
        'NAME), einen genannten Wert: formgen register set ID PFAD WERT --note "Mail vom TAG"',
        "ingest_pipeline_result_too_big": "das Ergebnis war zu groß, um es innerhalb der "
        "Speichergrenze zurückzugeben",
        "ingest_pipeline_timeout": "das Lesen dauerte länger als {seconds:g} s und wurde "
        "abgebrochen (eine beschädigte oder bösartige Datei?); nicht gelesen, die übrigen Dateien "
        "liefen weiter – die Datei allein mit einem längeren --timeout noch einmal einlesen und, "
        "wenn sie wieder abgebrochen wird, den Absender bitten, das Formular noch einmal zu "
        "speichern",
        "ingest_pipeline_killed": "das Lesen dieser Datei wurde beendet (SIGKILL), wahrscheinlich "
        "vom System wegen Speichermangels; nicht gelesen, die übrigen Dateien liefen weiter – die "
        "Datei allein noch einmal einlesen und, wenn das auch scheitert, den Absender bitten, das "
        "Formular noch einmal zu speichern",
        "ingest_pipeline_crashed": "das Lesemodul ist bei dieser Datei abgestürzt ({signal}): "
        "eine beschädigte oder bösartige Datei oder eine, die mehr als {mb} MB Arbeitsspeicher "
        "braucht",
        "ingest_pipeline_ended": "das Lesemodul hat sich bei dieser Datei unerwartet beendet",
        "ingest_pipeline_ended_status": "das Lesemodul hat sich bei dieser Datei unerwartet "
        "beendet (Exit-Status {code})",
        "ingest_pipeline_died": "{what}; nicht gelesen, die übrigen Dateien liefen weiter – den "
        "Absender bitten, das Formular noch einmal zu speichern; {where}",
        "ingest_pipeline_cannot_read_folder": "der Ordner kann nicht gelesen werden: {why}; seine "
        "Dateien wurden nicht gelesen (bitte seine Zugriffsrechte prüfen)",
        "ingest_pipeline_no_such": "Datei oder Ordner gibt es nicht",
        "ingest_pipeline_gone": "Datei oder Ordner gibt es nicht (inzwischen verschoben oder "
        "gelöscht?)",
        "ingest_pipeline_link_loops": "eine Verknüpfung im Kreis (sie führt auf sich selbst "
        "zurück); nicht gelesen",
        "ingest_pipeline_link_nowhere": "eine Verknüpfung auf etwas, das es nicht gibt{target}; "
        "nicht gelesen",
        "ingest_pipeline_folder_link": "eine Verknüpfung auf einen Ordner{target}; nicht gefolgt "
        "(sie kann im Kreis führen oder dieselben Dateien zweimal lesen lassen) – diesen Ordner "
        "einzeln einlesen",
        "ingest_pipeline_hidden_files": "{n} versteckte Dateien",
        "ingest_pipeline_hidden_files_one": "1 versteckte Datei",
        "ingest_pipeline_hidden_folders": "{n} versteckte Ordner",
        "ingest_pipeline_hidden_folders_one": "1 versteckter Ordner",
        "ingest_pipeline_hidden_both": "{files} und {folders}",
        "ingest_pipeline_hidden": "{what} (Namen, die mit „.“ beginnen)",
        "ingest_pipeline_lock_files": "{n} Office-Sperr- oder -Temporärdateien (~$…, ~….tmp)",
        "ingest_pipeline_lock_files_one": "1 Office-Sperr- oder -Temporärdatei (~$…, ~….tmp)",
        "ingest_pipeline_windows_files": "{n} Dateien des Windows-Explorers (Thumbs.db, "
        "desktop.ini)",
        "ingest_pipeline_windows_files_one": "1 Datei des Windows-Explorers (Thumbs.db, "
        "desktop.ini)",
        "ingest_pipeline_left_out": "{what} ausgelassen; zum Lesen einzeln in der Befehlszeile "
        "angeben",
        "ingest_pipeline_left_out_never": "{what} ausgelassen: nie ein zurückgesandtes Formular",
        "ingest_pipeline_downloading": "wird noch heruntergeladen, oder der Download wurde nicht "
        "beendet ({suffix} eines Browsers); wenn er fertig ist, {name} einlesen, oder die Datei "
        "neu herunterladen",
        "ingest_pipeline_maildir_folder": "ein Ordner in {sub}/ des Maildir-Ordners, wo ein "
        "Mailprogramm nur Mails ablegt; nicht gelesen – wenn er gespeicherte Mails enthält, ihn "
        "einzeln einlesen",
        "ingest_pipeline_maildir_folder_link": "eine Verknüpfung auf einen Ordner in {sub}/ des "
        "Maildir-Ordners, wo ein Mailprogramm nur Mails ablegt; nicht gelesen – wenn er "
        "gespeicherte Mails enthält, ihn einzeln einlesen",
        "ingest_pipeline_same_content": "gleicher Inhalt wie {first}; nur einmal bearbeitet",
        "ingest_pipeline_not_merged": "nicht übernommen: {why}",
        "ingest_pipeline_as_made": "Formular {form} genau so, wie formgen es erstellt hat, nichts "
        "ausgefüllt oder geändert: {where}, keine Rückmeldung; eine Einrichtung, die ihr Formular "
        "unverändert bestätigt, zählt erst mit ihrer eigenen Mail",
        "ingest_pipeline_as_made_mail": "eine Mail der eigenen Stelle (ein Entwurf oder eine "
        "gesendete Mail?)",
        "ingest_pipeline_as_made_copy": "eine Kopie davon",
        "ingest_pipeline_kept_aside": "{name} (beiseitegelegt, ursprünglich {file})",
        "ingest_pipeline_progress": "Einlesen",
        "ingest_pipeline_dry_run": "(Probelauf: nichts übernommen)",
        "ingest_pipeline_report_saved": "Bericht mit allen Hinweisen: {path}",
        "ingest_pipeline_report_header": "{at}: {command} (Arbeitsbereich {root})",
        "ingest_pipeline_report_not_saved": "Warnung: der Bericht konnte nicht gespeichert "
        "werden: {why}",
        "ingest_pipeline_interrupted": "abgebrochen ({by}): {n} Dateien nicht bearbeitet; für "
        "sie denselben Befehl noch einmal ausführen",
        "ingest_pipeline_interrupted_one": "abgebrochen ({by}): 1 Datei nicht bearbeitet; für "
        "sie denselben Befehl noch einmal ausführen",
        "ingest_pipeline_strict": "--strict: {failed} von {n} Dateien waren nicht ok; siehe den "
        "Bericht oben",
        "ingest_pipeline_run_failed": "der Lauf ist fehlgeschlagen: {why}",
        "ingest_pipeline_run_failed_kept": "der Lauf ist fehlgeschlagen: {why}; die {n} zuvor "
        "übernommenen Dateien bleiben im Register (den Befehl noch einmal ausführen, wenn das "
        "behoben ist: sie heißen dann „doppelt“)",
        "ingest_pipeline_run_failed_kept_one": "der Lauf ist fehlgeschlagen: {why}; die 1 zuvor "
        "übernommene Datei bleibt im Register (den Befehl noch einmal ausführen, wenn das behoben "
        "ist: sie heißt dann „doppelt“)",
        # (end of ingest_pipeline)
        # -- formgen ingest: the PDF readers (pdf_reader.py, flat_reader.py, printed.py)
        "ingest_pdf_empty": "die Datei ist leer (0 Bytes) – bitte beim Absender das Formular neu "
        "anfordern",
        "ingest_pdf_not_pdf": "keine PDF-Datei (sie beginnt mit {start!r}); wenn es das Formular "
        "ist, bitte beim Absender das PDF selbst anfordern",
        "ingest_pdf_truncated": "das PDF ist unvollständig (die Endmarke %%EOF fehlt; {size:,} "
        "Bytes sind angekommen); die Mail oder der Download wurde wohl abgeschnitten – bitte "
        "beim Absender die Datei neu anfordern",
        "ingest_pdf_cut_update": "das PDF ist unvollständig: es endet {after:,} Bytes nach dem "
        "Beginn von Änderungen, die nach einem früheren Stand gespeichert wurden ({size:,} Bytes "
        "sind angekommen); das zuletzt Gespeicherte, die eingetragenen Werte, fehlt; die Mail "
        "oder der Upload wurde wohl abgeschnitten – bitte beim Absender die Datei neu anfordern",
        "ingest_pdf_update_unended": "das PDF ist beschädigt: die zuletzt gespeicherten "
        "Änderungen ({after:,} Bytes nach einem früheren Stand) enden ohne ihr Verzeichnis "
        "(startxref), wie bei einer abgeschnittenen Datei, an die die Endmarke %%EOF angehängt "
        "wurde; lesbar wäre nur der frühere Stand, ohne das zuletzt Gespeicherte – bitte beim "
        "Absender die Datei neu anfordern",
        "ingest_pdf_damaged": "das PDF ist beschädigt und ließ sich nicht reparieren (die "
        "englische Meldung des PDF-Lesers zeigt --json) – den Absender bitten, das Formular neu "
        "zu speichern und noch einmal zu schicken",
        "ingest_pdf_encrypted": "das PDF ist kennwortgeschützt – den Absender bitten, es ohne "
        "Kennwort zu speichern (oder das Kennwort mitzuteilen) und noch einmal zu schicken",
        "ingest_pdf_xfa": "das PDF ist ein XFA-Formular (mit Adobe LiveCycle/Designer erstellt "
        "oder umgewandelt); die Formulare von formgen enthalten kein XFA, die Werte stehen "
        "vielleicht nur in den XFA-Daten – den Absender bitten, das ursprüngliche formgen-Formular "
        "auszufüllen oder es als PDF zu drucken",
        "ingest_pdf_too_large_file": "die Datei hat {size:,} Bytes, mehr als die Grenze von "
        "{limit:,}; so groß ist kein zurückgeschicktes Formular – bitte prüfen, was geschickt "
        "wurde",
        "ingest_pdf_too_many_objects": "das PDF gibt {count:,} Objekte an, mehr als die Grenze "
        "von {limit:,}; es ist kein formgen-Formular",
        "ingest_pdf_too_many_fields": "das PDF hat mehr als {limit:,} Formularfelder; es ist kein "
        "formgen-Formular",
        "ingest_pdf_too_deep": "die Formularfelder des PDF sind mehr als {limit} Ebenen tief "
        "verschachtelt; es ist kein formgen-Formular",
        "ingest_pdf_too_many_pages": "das PDF hat {count:,} Seiten, mehr als die Grenze von "
        "{limit:,}; es ist kein gedrucktes formgen-Formular",
        "ingest_pdf_pages_damaged": "die Seiten des PDF ließen sich nicht lesen: die Datei ist "
        "beschädigt – den Absender bitten, das Formular neu zu drucken oder zu speichern",
        "ingest_pdf_repaired": "das PDF war beschädigt und wurde beim Lesen repariert (die "
        "englische Meldung des PDF-Lesers zeigt --json)",
        "ingest_pdf_repaired_more": "das PDF war beschädigt und wurde beim Lesen repariert (die "
        "englische Meldung des PDF-Lesers und {n} weitere zeigt --json)",
        "ingest_pdf_objects_damaged": "das PDF ist beschädigt: Teile seines Formulars ließen "
        "sich nicht lesen (die englische Meldung des PDF-Lesers zeigt --json); ein Feld darin "
        "gilt nicht als leer gelassen, das Register behält seinen Wert",
        "ingest_pdf_no_fields": "das PDF hat keine Formularfelder (eine ausgedruckte oder "
        "„flachgerechnete“ Kopie, oder kein Formular)",
        "ingest_pdf_fields_from_pages": "die Feldliste des Formulars fehlte (ein "
        "zusammengefügtes oder optimiertes PDF); die Werte wurden aus den Feldern auf seinen "
        "Seiten gelesen",
        "ingest_pdf_empty_value": "(leer)",
        "ingest_pdf_repeated": "{name}: das Feld kommt {count}-mal mit verschiedenen Werten vor "
        "({values}); der erste ausgefüllte wurde übernommen – bitte prüfen",
        "ingest_pdf_undecodable": "{name}: der Wert ist in einer Form gespeichert, die formgen "
        "nicht entschlüsseln kann; nicht übernommen",
        "ingest_pdf_fields_unreadable": "die Felder des Formulars ließen sich nicht lesen: "
        "keines hat den Typ (Text, Kästchen, Auswahl) oder den Namen, den formgen ihm gab (ein "
        "Programm, das das PDF bearbeitet hat, hat sie beschädigt)",
        "ingest_pdf_number_value": "{name}: der Wert ist als Zahl gespeichert, nicht als Text; "
        "übernommen, wie ein PDF-Programm ihn zeigt: {value}",
        "ingest_pdf_damaged_text": "{name}: der gespeicherte Text ist beschädigt (Zeichen, die "
        "sich nicht entschlüsseln lassen); übernommen wurde, was sich lesen ließ: „{value}“ – "
        "bitte mit dem Original vergleichen",
        "ingest_pdf_value_too_long": "{name}: der Wert hat {length:,} Zeichen, mehr als die "
        "Grenze von {limit:,}; nicht übernommen (die Originaldatei bleibt erhalten)",
        "ingest_pdf_state_unknown": "{name}: der gespeicherte Wert „{stored}“ ist keiner der "
        "Zustände des Kästchens ({states}); als nicht angekreuzt gewertet",
        "ingest_pdf_state_unknown_ticked": "{name}: der gespeicherte Wert „{stored}“ ist keiner "
        "der Zustände des Kästchens ({states}); das angekreuzte Kästchen „{shown}“ wurde "
        "übernommen",
        "ingest_pdf_off_but_ticked": "{name}: gespeichert ist „nicht angekreuzt“, aber das "
        "Kästchen „{shown}“ ist angekreuzt; das angekreuzte Kästchen wurde übernommen",
        "ingest_pdf_state_differs": "{name}: gespeichert ist „{stored}“, angekreuzt angezeigt "
        "wird aber das Kästchen „{shown}“; der gespeicherte Wert wurde übernommen",
        "ingest_pdf_several_choices": "{name}: mehrere Auswahlen in einem Feld mit nur einer "
        "Auswahl gespeichert ({choices}); die erste wurde übernommen",
        "identity_incomplete": "Formularkennung unvollständig: es fehlt {missing}",
        "identity_too_long": "Formularkennung: {name} hat {count:,} Zeichen, mehr als ein "
        "Formular von formgen je hat",
        "identity_instance_malformed": "Formularkennung: die Instanz-ID „{value}“ ist fehlerhaft",
        "identity_kind_unknown": "Formularkennung: die Art „{value}“ ist keine von {kinds}",
        "identity_base_not_number": "Formularkennung: base_version „{value}“ ist keine Zahl",
        "identity_info_not_json": "die Kennung in den Dokumenteigenschaften ist kein gültiges JSON",
        "identity_info_not_object": "die Kennung in den Dokumenteigenschaften ist kein JSON-Objekt",
        "ingest_pdf_identity_malformed": "die versteckten Kennungsfelder sind fehlerhaft "
        "({error}); die Dokumenteigenschaften wurden verwendet",
        "ingest_pdf_identity_differs": "die versteckten Kennungsfelder und die "
        "Dokumenteigenschaften weichen voneinander ab; die Felder wurden verwendet",
        "ingest_pdf_part": "nur ein Teil des Formulars: {pages}; was in den Feldern der "
        "fehlenden Seiten steht, behält das Register, wie es war (ein Pflichtfeld dort heißt "
        "„nicht ausgefüllt“)",
        "ingest_pdf_as_written": "das Formular kam genau so zurück, wie formgen es erstellt "
        "hat, nichts darin gespeichert: als Bestätigung dessen übernommen, womit es verschickt "
        "wurde; hat die Einrichtung es ausgefüllt, wurde die Datei abgeschnitten (ein "
        "abgebrochener Upload?) oder die unausgefüllte angehängt: bitte die ausgefüllte "
        "anfordern",
        "ingest_pdf_identity_from_info": "die Kennung wurde den Dokumenteigenschaften entnommen "
        "(keine Kennungsfelder)",
        "ingest_pdf_scan": "die Seiten sind Bilder ohne Text: ein Scan oder Foto eines "
        "Papierformulars, das formgen nicht lesen kann; {advice}",
        "ingest_pdf_order_guessed": "Text von rechts nach links (Arabisch, Persisch, "
        "Hebräisch) mit lateinischen Buchstaben oder Ziffern darin, nur in der angezeigten "
        "Reihenfolge gezeichnet; die Reihenfolge seiner Teile wurde erraten – bitte mit der "
        "Kopie vergleichen",
        "ingest_pdf_unreadable": "in dieser Kopie nicht lesbar: das Programm, das das Formular "
        "ausgefüllt oder „flachgerechnet“ hat, hat den Text mit Zeichen gezeichnet, die keinem "
        "Buchstaben entsprechen (die Seite zeigt leere Kästchen, verstreute Zeichen oder nichts); "
        "nichts wurde gelesen – bitte beim Absender das ausgefüllte PDF-Formular selbst "
        "anfordern, keine flachgerechnete Kopie",
        "ingest_pdf_cut_off": "der Text reicht über den Rand seines Feldes hinaus, wo die Kopie "
        "ihn abschneidet; gelesen wurde er, soweit er gezeichnet ist, vielleicht weniger als "
        "eingetragen – bitte beim Absender nachfragen",
        "ingest_pdf_no_reference": "keine Formularnummer (FG-XXXXX-XXXXX) auf den Seiten "
        "gefunden: kein formgen-Formular, oder die Fußzeile wurde abgeschnitten",
        "ingest_pdf_other_schema": "das Formular wurde mit Schema {schema} {version} erstellt, "
        "nicht mit {current} {current_version}; die Lage seiner Felder ist unbekannt",
        "ingest_pdf_no_layout": "das Layout des Formulars ließ sich nicht nachbilden: {error}",
        "ingest_pdf_word_copy": "die Werte wurden Zeile für Zeile aus den Tabellen eines PDF des "
        "Word-Formulars gelesen (Formular {reference}); bitte prüfen, bevor sie "
        "verwendet werden",
        "ingest_pdf_word_processor": "ein PDF, das {maker} aus dem Formular erstellt hat, ohne "
        "die Tabellen des Word-Formulars: keine Werte gelesen – bitte beim Absender die .docx "
        "oder das PDF-Formular selbst anfordern",
        "ingest_pdf_no_match": "die Seiten passen nicht zum Layout des Formulars {reference}: "
        "nur {percent}\u00a0% seiner gedruckten Beschriftungen stehen dort, wo formgen sie "
        "hingesetzt hat (skaliert gedruckt, mit einer anderen formgen-Version erstellt oder "
        "bearbeitet); keine Werte gelesen – bitte von Hand eintragen",
        "ingest_pdf_pages_beyond": "die Kopie hat {count} Seiten, das Formular hatte "
        "{form_pages}; die Felder auf den weiteren Seiten wurden nicht gelesen",
        "ingest_pdf_names_by_position": "die Felder des Formulars hatten ihre Namen verloren "
        "(ein zusammengefügtes PDF: pdfunite und add_page von pypdf behalten die Felder auf den "
        "Seiten ohne die Felder darüber); der Wert jedes Feldes wurde gelesen und dem Feld des "
        "Formulars an seiner Stelle zugeordnet",
        "ingest_pdf_scaled": "die Kopie wurde auf {percent}\u00a0% der Formulargröße gedruckt; "
        "die Positionen wurden entsprechend umgerechnet",
        "ingest_pdf_by_position": "die Werte wurden nach ihrer Lage aus einer Kopie ohne "
        "Formularfelder gelesen (Formular {reference}); bitte prüfen, bevor sie "
        "verwendet werden",
        "ingest_pdf_out_of_order": "die Seiten der Kopie sind nicht in der richtigen "
        "Reihenfolge: sie zeigen die Seiten {order} des Formulars; jede wurde als die Seite "
        "gelesen, deren gedruckte Beschriftungen sie zeigt",
        "ingest_pdf_page_missing": "Seiten der Kopie: {count}, des Formulars: {form_pages}; "
        "Seite {pages} des Formulars fehlt, die Felder dort wurden nicht gelesen",
        "ingest_pdf_pages_missing": "Seiten der Kopie: {count}, des Formulars: {form_pages}; "
        "die Seiten {pages} des Formulars fehlen, die Felder dort wurden nicht gelesen",
        "ingest_pdf_page_unknown": "Seite {page} der Kopie zeigt keine Seite des Formulars; sie "
        "wurde nicht gelesen",
        "ingest_pdf_not_form_page": "Seite {pages} der Kopie trägt keine Formularnummer und "
        "zeigt keine Seite des Formulars (ein mitgeschicktes Anschreiben oder Faxdeckblatt): "
        "sie wurde nicht gelesen; die Datei wird vollständig, mit ihr, aufbewahrt",
        "ingest_pdf_not_form_pages": "die Seiten {pages} der Kopie tragen keine Formularnummer "
        "und zeigen keine Seite des Formulars (ein mitgeschicktes Anschreiben oder "
        "Faxdeckblatt): sie wurden nicht gelesen; die Datei wird vollständig, mit ihnen, "
        "aufbewahrt",
        "ingest_pdf_page_twice": "{path}: die Kopie zeigt Seite {number} des Formulars auf "
        "ihren Seiten {pages}, verschieden ausgefüllt ({values}); keiner der Werte wurde "
        "gelesen – bitte beim Absender nachfragen, welcher gilt",
        "ingest_pdf_page_twice_filled": "die Kopie zeigt Seite {number} des Formulars auf "
        "ihren Seiten {pages}; was nur eine davon ausgefüllt oder lesbar zeigt, wurde von ihr "
        "gelesen: {fields}",
        "ingest_pdf_nothing_filled": "in keinem Feld des Formulars ist auf dieser Kopie etwas "
        "eingetragen oder angekreuzt: sie kam leer zurück, oder ein Programm, das sie "
        "zusammengefügt oder gespeichert hat, hat die Formularfelder mit allem Eingetragenen "
        "entfernt (mutool merge tut das); keine Werte gelesen – bitte beim Absender das "
        "ausgefüllte PDF-Formular selbst anfordern",
        "ingest_pdf_page_twice_same": "Seite {again} der Kopie zeigt Seite {number} des "
        "Formulars noch einmal, mit denselben Werten wie ihre Seite {first}, die gelesen wurde",
        "ingest_pdf_references": "die Seiten tragen verschiedene Formularnummern ({refs}); die "
        "erste wurde verwendet",
        "ingest_pdf_info_other_form": "die Dokumenteigenschaften nennen ein anderes Formular "
        "({other}) als die gedruckte Formularnummer {reference}; die gedruckte Formularnummer "
        "wurde verwendet",
        "ingest_pdf_not_issued_info": "die Formularnummer {reference} steht nicht unter den "
        "Formularen, die dieser Arbeitsbereich ausgegeben hat; die Kennung wurde den "
        "Dokumenteigenschaften entnommen",
        "ingest_pdf_not_issued": "die Formularnummer {reference} wurde nicht von diesem "
        "Arbeitsbereich ausgegeben: ein unbekanntes Formular (aus einem anderen Arbeitsbereich, "
        "oder die Formularnummer wurde falsch gelesen)",
        "ingest_pdf_word_rows": "die Zeilen des Word-Formulars ließen sich nicht nachbilden: "
        "{error}",
        "ingest_pdf_word_copy_failed": "ein PDF des Word-Formulars (.docx), aber {why}: keine "
        "Werte gelesen – bitte beim Absender die .docx anfordern",
        "ingest_pdf_not_a_choice": "{path}: der angezeigte Text „{text}“ ist keine der "
        "Auswahlmöglichkeiten",
        "ingest_pdf_several_ticked": "{path}: mehrere Kästchen angekreuzt ({chosen}); nicht "
        "übernommen",
        # (end of ingest_pdf)
        # -- formgen ingest: the Word, ODT and table readers (docx_reader.py, odt_reader.py, sheet.py)
        "ingest_office_docx_encrypted": "dieses DOCX ist mit einem Passwort geschützt "
        "(verschlüsselt), seine Felder lassen sich nicht lesen; den Absender bitten, das Passwort "
        "zu entfernen (Datei → Informationen → Dokument schützen) und es erneut zu senden",
        "ingest_office_doc": "dies ist ein Word-Dokument im alten Format (.doc) oder eine mit "
        "Passwort geschützte Datei, kein DOCX; in Word oder LibreOffice öffnen, ein etwaiges "
        "Passwort entfernen, als „Word-Dokument (.docx)“ speichern und die neue Datei einlesen",
        "ingest_office_is_pdf": "dies ist ein PDF, kein DOCX; als PDF-Formular einlesen",
        "ingest_office_rtf": "dies ist eine RTF-Datei, kein DOCX; in Word oder LibreOffice öffnen "
        "und als „Word-Dokument (.docx)“ speichern",
        "ingest_office_not_zip": "keine DOCX-Datei (ein DOCX ist ein ZIP-Archiv; diese Datei "
        "beginnt mit {start}); umbenannt oder unterwegs beschädigt? Den Absender bitten, sie "
        "erneut als .docx zu speichern",
        "ingest_office_nothing": "nichts (leere Datei)",
        "ingest_office_part_overflow": "der Teil „{part}“ wird beim Entpacken größer als die "
        "angegebenen {size} Bytes; abgelehnt (ein beschädigtes oder gefälschtes Archiv)",
        "ingest_office_part_damaged": "der Teil „{part}“ lässt sich nicht entpacken: die Datei "
        "ist beschädigt; den Absender bitten, sie erneut zu speichern und zu senden",
        "ingest_office_part_deep": "der Teil „{part}“ ist zu tief verschachtelt oder enthält einen "
        "zu langen Text, um gelesen zu werden (eine beschädigte oder bösartige Datei); den "
        "Absender bitten, das Formular erneut aus Word oder LibreOffice zu speichern",
        "ingest_office_part_not_xml": "der Teil „{part}“ ist kein wohlgeformtes XML: die Datei "
        "ist beschädigt; den Absender bitten, sie erneut zu speichern",
        "ingest_office_part_doctype": "der Teil „{part}“ deklariert einen DOCTYPE; abgelehnt",
        "ingest_office_part_entities": "der Teil „{part}“ deklariert einen DOCTYPE oder "
        "XML-Entitäten, die Word und LibreOffice nie schreiben und mit denen ein Leseprogramm "
        "andere Dateien öffnen oder den Speicher erschöpfen kann; die Datei wurde ungelesen "
        "abgelehnt. Den Absender bitten, das Formular erneut aus Word oder LibreOffice zu speichern",
        "ingest_office_zip_entries": "das Archiv enthält {n} Dateien (ein Formular etwa 20); als "
        "mögliche ZIP-Bombe abgelehnt",
        "ingest_office_zip_part_size": "der Teil „{part}“ würde sich auf {size} entpacken; die "
        "Teile eines Formulars bleiben weit unter {limit}, daher als mögliche ZIP-Bombe abgelehnt",
        "ingest_office_zip_ratio": "der Teil „{part}“ würde sich aus {packed} Bytes auf {size} "
        "entpacken (Verhältnis {ratio}:1, Grenze {limit}:1); als mögliche ZIP-Bombe abgelehnt",
        "ingest_office_zip_total": "das Archiv würde sich auf insgesamt {size} entpacken; als "
        "mögliche ZIP-Bombe abgelehnt",
        "ingest_office_mib": "{comma} MiB",
        "ingest_office_zip_damaged": "das ZIP-Archiv ist beschädigt; den Absender bitten, die "
        "Datei erneut zu speichern und zu senden",
        "ingest_office_is_od": "dies ist {kind}, kein DOCX; in LibreOffice öffnen, mit "
        "„Speichern unter“ als „Word 2007–365 (.docx)“ speichern und die neue Datei einlesen",
        "ingest_office_odt_kind": "ein OpenDocument-Text (.odt)",
        "ingest_office_od_kind": "eine OpenDocument-Datei ({mime})",
        "ingest_office_not_word": "ein ZIP-Archiv, aber kein Word-Dokument (ohne "
        "[Content_Types].xml oder _rels/.rels)",
        "ingest_office_no_main": "der Hauptteil des Dokuments („{part}“) fehlt; die Datei ist "
        "beschädigt",
        "ingest_office_strict": "als „Strict Open XML-Dokument“ gespeichert, das formgen nicht "
        "liest; in Word öffnen, als „Word-Dokument (.docx)“ speichern und die neue Datei einlesen",
        "ingest_office_no_body": "„{part}“ hat keinen Dokumentinhalt; dies ist kein Word-Dokument",
        "ingest_office_docx_not_ours": "ein Word-Dokument, aber kein formgen-Formular (keine "
        "formgen-Kennung in seinen Eigenschaften und keine formgen-Formularfelder); nur die "
        "Formulare einlesen, die formgen verschickt hat",
        "ingest_office_too_large": "die Datei ist größer als {size}; ein zurückgeschicktes "
        "Formular hat höchstens einige MB",
        "ingest_office_old_libreoffice": "gespeichert mit {program}: diese Version entfernt "
        "beim Speichern die Namen der Felder des Formulars und die darin eingegebenen "
        "Zeilenumbrüche; bitte diese Felder prüfen",
        "ingest_office_breaks_restored": "LibreOffice 7.4 hat die Zeilenumbrüche in {n} Feldern "
        "entfernt; formgen hat sie dort wieder eingesetzt, wo zwei Zeilen aneinanderstießen — "
        "{fields}; eine Leerzeile zwischen zwei Zeilen hinterlässt keine Spur und fehlt: bitte "
        "diese Werte prüfen",
        "ingest_office_breaks_unsure": "LibreOffice 7.4 hat {n} mehrzeilige Felder in Stücken "
        "gespeichert (Arabisch neben anderem Text) und von ihren Zeilenumbrüchen keine Spur "
        "gelassen: ihre Zeilen können aneinandergehängt zurückkommen — {fields}; bitte diese "
        "Werte prüfen",
        "ingest_office_breaks_unsure_one": "LibreOffice 7.4 hat ein mehrzeiliges Feld in "
        "Stücken gespeichert (Arabisch neben anderem Text) und von seinen Zeilenumbrüchen keine "
        "Spur gelassen: seine Zeilen können aneinandergehängt zurückkommen — {fields}; bitte "
        "diesen Wert prüfen",
        "ingest_office_breaks_restored_one": "LibreOffice 7.4 hat die Zeilenumbrüche in einem "
        "Feld entfernt; formgen hat sie dort wieder eingesetzt, wo zwei Zeilen aneinanderstießen "
        "— {fields}; eine Leerzeile zwischen zwei Zeilen hinterlässt keine Spur und fehlt: bitte "
        "diesen Wert prüfen",
        "ingest_office_no_identity": "die Kennung des Formulars (Dokumenteigenschaften) fehlt: "
        "es ist nur über seine Formular-ID zuzuordnen, bitte prüfen",
        "ingest_office_no_identity_footer": "die Kennung des Formulars (Dokumenteigenschaften) "
        "fehlt; seine Fußzeile zeigt die Formular-ID {reference}: es ist nur über sie "
        "zuzuordnen, bitte prüfen",
        "ingest_office_untagged": "LibreOffice 7.4 hat beim Speichern die Namen von {n} Feldern "
        "entfernt; formgen hat sie an ihrer Stelle im Formular erkannt, {filled} davon "
        "ausgefüllt — {fields}; bitte diese Werte prüfen",
        "ingest_office_untagged_empty": "LibreOffice 7.4 hat beim Speichern die Namen von {n} "
        "Feldern entfernt; formgen hat sie an ihrer Stelle im Formular erkannt, keines davon "
        "ausgefüllt",
        "ingest_office_untagged_one": "LibreOffice 7.4 hat beim Speichern den Namen eines "
        "Feldes entfernt; formgen hat es an seiner Stelle im Formular erkannt, ausgefüllt — "
        "{fields}; bitte diesen Wert prüfen",
        "ingest_office_untagged_empty_one": "LibreOffice 7.4 hat beim Speichern den Namen eines "
        "Feldes entfernt; formgen hat es an seiner Stelle im Formular erkannt, nicht ausgefüllt",
        "ingest_office_block": "{scope}, Block {block}",
        "ingest_office_missing": "{n} Felder fehlen im Formular (gelöscht?): {fields}",
        "ingest_office_missing_one": "ein Feld fehlt im Formular (gelöscht?): {fields}",
        "ingest_office_typed_instead": "sein Feld wurde gelöscht und „{text}“ an seiner Stelle "
        "eingetragen: als sein Wert gelesen",
        "ingest_office_typed_outside": "außerhalb der Formularfelder eingetragen, nach „{label}“, "
        "und nicht ins Register übernommen: „{text}“ — was davon dorthin gehört, von Hand "
        "eintragen ('formgen register set')",
        "ingest_office_foreign_tags": "nicht beachtet, weil ihr Tag kein formgen-Feldpfad ist: "
        "{n} Steuerelement(e) – {tags}",
        "ingest_office_unknown_tags": "Tags, die im Aufbau dieses Formulars nicht vorkommen "
        "(eine andere Schemaversion?): {paths}",
        "ingest_office_and_more": "{shown} … und {n} weitere",
        "ingest_office_unknown_schema": "das Schema „{schema}“ ist hier nicht bekannt: "
        "Steuerelemente ohne Tag lassen sich nicht wiederherstellen",
        "ingest_office_other_version": "das Formular wurde mit Schemaversion {form_version} "
        "erstellt, hier gilt {version}: Steuerelemente ohne Tag wurden nach dem aktuellen Aufbau "
        "wiederhergestellt",
        "ingest_office_no_layout": "der Aufbau des Formulars ließ sich nicht wiederherstellen "
        "({error}); Steuerelemente ohne Tag wurden nicht wiederhergestellt",
        "ingest_office_copied": "{path}: das Steuerelement kommt {n}-mal vor (kopiert?); das "
        "erste ausgefüllte wurde übernommen, bitte prüfen",
        "ingest_office_copied_differ": "{path}: das Steuerelement kommt {n}-mal vor (kopiert?), "
        "mit verschiedenen Werten ({values}); das erste ausgefüllte wurde übernommen, bitte prüfen",
        "ingest_office_table_count": "das Dokument hat {found} Tabellen, das Formular hatte "
        "{planned}; Steuerelemente ohne Tag wurden nur in Tabellen zugeordnet, deren "
        "Beschriftungen noch passen",
        "ingest_office_row_changed": "Tabelle {table}, Zeile {row} ist nicht mehr „{label}“",
        "ingest_office_split": "„{label}“ (Tabelle {table}): vom speichernden Programm in {n} "
        "Felder aufgeteilt, die verschiedene Texte enthalten; das erste wurde gelesen: bitte "
        "prüfen",
        "ingest_office_control_count": "„{label}“ (Tabelle {table}) enthält {found} "
        "Feld(er), das Formular hatte {planned}",
        "ingest_office_checkbox_for": "ein Kästchen zum Ankreuzen, wo ein Wert vom Typ „{type}“ "
        "erwartet wurde",
        "ingest_office_encoding_utf8": "der Teil „{part}“ gibt die Zeichenkodierung {encoding} "
        "an, enthält aber UTF-8, wie Word und LibreOffice es schreiben: als UTF-8 gelesen, bitte "
        "seine Texte prüfen",
        "ingest_office_encoding": "der Teil „{part}“ gibt die Zeichenkodierung {encoding} an, die "
        "Word und LibreOffice nie schreiben: so gelesen, bitte seine Texte prüfen",
        "ingest_office_nested": "das Steuerelement „{inner}“ steckt im Steuerelement "
        "„{outer}“: jedes mit seinem eigenen Text gelesen, bitte prüfen",
        "ingest_office_checkbox_state": "der gespeicherte Zustand „{state}“ des Kästchens ist "
        "ungültig; gelesen, wie das Kästchen sich zeigt ({glyph}), bitte prüfen",
        "ingest_office_after_hint": "begann mit dem grauen Hinweis des Feldes, der vor dem "
        "Eingetragenen stehen blieb; ohne den Hinweis gelesen (so eingetragen: „{text}“)",
        "ingest_office_not_an_item": "zeigt „{text}“, das keine der Auswahlmöglichkeiten seiner "
        "Liste ist",
        "ingest_office_date_unread": "zeigt „{text}“, gespeichert ist aber der {stored:date}; der "
        "angezeigte Text wurde übernommen",
        "ingest_office_date_differs": "zeigt {shown:date}, gespeichert ist aber der "
        "{stored:date}; das angezeigte Datum wurde übernommen",
        "ingest_office_odt_no_mimetype": "sieht aus wie eine OpenDocument-Datei, aber ihre Angabe "
        "„mimetype“ fehlt und nichts sonst darin sagt, dass sie ein Text ist (beschädigt oder von "
        "einem anderen Programm neu gepackt); den Absender bitten, sie in LibreOffice zu öffnen, "
        "erneut zu speichern (Datei → Speichern unter) und noch einmal zu senden",
        "ingest_office_odt_no_content": "ein OpenDocument-Text ohne Inhalt (content.xml fehlt): "
        "beschädigt; den Absender bitten, das Formular erneut zu speichern und noch einmal zu "
        "senden",
        "ingest_office_zip_not_odt": "ein ZIP-Archiv, aber kein OpenDocument-Text (.odt); den "
        "Absender bitten, das Formular selbst zu senden",
        "ingest_office_odt_not_ours": "ein OpenDocument-Text, aber kein formgen-Formular (keine "
        "formgen-Kennung in seinen Dokumenteigenschaften); nur die Formulare einlesen, die "
        "formgen verschickt hat",
        "ingest_office_zip_marked": "diese Datei ist mit einem Passwort geschützt: ihre Teile "
        "sind in ihrem ZIP-Archiv verschlüsselt („{first}“ und {more} weitere), ihre Felder "
        "lassen sich nicht lesen (von einem Packprogramm mit Passwort gepackt oder beschädigt); "
        "den Absender bitten, das Formular so, wie Word oder LibreOffice es gespeichert hat, ohne "
        "Passwort erneut zu senden",
        "ingest_office_zip_marked_one": "diese Datei ist mit einem Passwort geschützt: ihr Teil "
        "„{first}“ ist in ihrem ZIP-Archiv verschlüsselt, ihre Felder lassen sich nicht lesen "
        "(von einem Packprogramm mit Passwort gepackt oder beschädigt); den Absender bitten, das "
        "Formular so, wie Word oder LibreOffice es gespeichert hat, ohne Passwort erneut zu "
        "senden",
        "ingest_office_zip_twice": "das Archiv enthält {n} Teile mit dem Namen „{part}“, und Word "
        "oder LibreOffice zeigen womöglich einen anderen, als formgen lesen würde: beschädigt "
        "oder verändert, ungelesen abgelehnt; den Absender bitten, das Formular erneut zu "
        "speichern und zu senden",
        "ingest_office_odt_encrypted": "dieses ODT ist mit einem Passwort geschützt "
        "(verschlüsselt), seine Felder lassen sich nicht lesen; den Absender bitten, es ohne "
        "Passwort erneut zu speichern (LibreOffice: Datei → Speichern unter, „Mit Kennwort "
        "speichern“ abwählen) und noch einmal zu senden",
        "ingest_office_odt_other_schema": "das Formular wurde mit dem Schema {schema} {version} "
        "erstellt, das nicht das aktuelle dieses Arbeitsbereichs ist; seine Zeilen sind unbekannt",
        "ingest_office_odt_no_rows": "die Zeilen des Formulars ließen sich nicht "
        "wiederherstellen: {error}",
        "ingest_office_odt_none_shown": "seine Tabellen zeigen keine der Zeilen des Formulars",
        "ingest_office_odt_unread": "das Formular wurde als OpenDocument-Text gespeichert{by}, "
        "aber {why}: keine Werte gelesen — den Absender bitten, es als Word-Dokument (.docx) zu "
        "speichern und erneut zu senden",
        "ingest_office_odt_by_rows": "das Formular wurde als OpenDocument-Text (.odt) "
        "gespeichert{by}: die Werte wurden Zeile für Zeile aus seinen Tabellen gelesen; bitte "
        "vor der Verwendung prüfen",
        "ingest_office_by": " mit {program}",
        "ingest_office_rows_changed": "seine Tabellen zeigen {found} der {wanted} Zeilen des "
        "Formulars oder diese in anderer Reihenfolge (Zeilen gelöscht, verschoben oder "
        "umbenannt)",
        "ingest_office_rows_no_choice": "{path}: der angezeigte Text „{text}“ ist keine der "
        "Auswahlmöglichkeiten",
        "ingest_office_rows_boxes": "{path}: die angezeigten Kästchen sind nicht die des "
        "Formulars ({found} von {wanted} gefunden); ihre Kreuze wurden nicht gelesen",
        # (end of ingest_office)
        # -- the shared table reader: recipients lists and register import (sheet.py, table_import.py)
        "table_larger": "größer als {mb}\xa0MB, und eine Liste von Einrichtungen hat wenige MB",
        "table_split": "bitte in Dateien mit höchstens {rows:,} Zeilen aufteilen",
        "table_password": "eine mit Kennwort gespeicherte Arbeitsmappe, die sich nicht lesen lässt",
        "table_password_fix": "bitte in Excel ohne Kennwort speichern (Datei ▸ Informationen ▸ "
        "Arbeitsmappe schützen) oder als CSV",
        "table_xls": "eine Arbeitsmappe von Excel 97-2003 (.xls), die sich nicht lesen lässt",
        "table_save_as": "bitte in Excel als „Excel-Arbeitsmappe (*.xlsx)“ oder als CSV speichern",
        "table_save_ods": "bitte in LibreOffice als Excel-Datei (.xlsx) oder als CSV speichern",
        "table_not_table": "keine Tabelle (CSV oder XLSX)",
        "table_not_table_kind": "keine Tabelle (CSV oder XLSX): {kind}",
        "table_kind_pdf": "ein PDF-Dokument",
        "table_kind_picture": "ein Bild",
        "table_kind_docx": "ein Word-Dokument (DOCX)",
        "table_kind_opendocument": "eine OpenDocument-Datei (LibreOffice, .ods oder .odt)",
        "table_kind_zip": "ein ZIP-Archiv",
        "table_nul": "ein NUL-Byte, das kein Tabellenprogramm in eine CSV schreibt (eine "
        "beschädigte Datei?)",
        "table_nul_fix": "bitte löschen oder die Liste noch einmal exportieren",
        "table_not_utf8": "das Byte 0x{byte} ist kein UTF-8, der Rest der Datei aber schon (ein "
        "aus einem anderen Programm eingefügter Wert, oder Windows-1252 und UTF-8 gemischt)",
        "table_not_utf8_fix": "bitte diese Zeile korrigieren oder die Liste in Excel als „CSV "
        "UTF-8“ speichern",
        "table_either": "eine einfache CSV, die „{word}“ lautet, wenn {whose} Windows sie "
        "gespeichert hat, und „{other}“, wenn es {other_whose} war, und nicht sagt, welches",
        "table_either_fix": "bitte die Liste in Excel als „CSV UTF-8“ speichern oder sagen, "
        "welches Windows sie gespeichert hat: --encoding {encoding} oder --encoding {other}",
        "table_sign": "eine einfache CSV mit einem Zeichen mitten im Wort: „{word}“, wie {whose} "
        "Windows sie speichert, „{other}“ in {other_encoding} (wie Linux oder ein älteres "
        "Programm sie speichern kann)",
        "table_sign_fix": "bitte die Liste in Excel als „CSV UTF-8“ speichern oder ihre Codepage "
        "sagen: --encoding {other_encoding} (oder --encoding {encoding})",
        "table_windows_romanian": "ein rumänisches",
        "table_windows_croatian": "ein kroatisches",
        "table_windows_cp1252": "ein deutsches",
        "table_windows_cp1250": "ein polnisches",
        "table_windows_cp1251": "ein kyrillisches",
        "table_windows_cp1254": "ein türkisches",
        "table_csv": "keine lesbare CSV ({why})",
        "table_long_value": "ein Wert, der länger als {limit:,} Zeichen ist (ein "
        'Anführungszeichen ("), das einen Wert öffnet und nie geschlossen wird?)',
        "table_long_value_fix": "bitte schließen oder den Wert kürzen",
        "table_beyond_column": "ein Wert jenseits von Spalte {limit:,}, und {what} hat höchstens "
        "einige Dutzend Spalten",
        "table_beyond_column_fix": "bitte löschen, was rechts neben der Tabelle steht",
        "table_rows": "mehr als {limit:,} Zeilen (Zeile {line}), und die Liste einer "
        "Koordinierungsstelle hat Hunderte oder wenige Tausend",
        "table_shared_text": "eine Textzelle verweist auf den gemeinsamen Text „{value}“, und "
        "die Arbeitsmappe hat {texts:,}",
        "table_shared_text_none": "eine Textzelle verweist auf den gemeinsamen Text „{value}“, "
        "und die Arbeitsmappe hat keine",
        "table_yes_no_cell": "eine Ja/Nein-Zelle enthält „{value}“",
        "table_number_cell": "eine Zahlenzelle enthält „{value}“",
        "table_row_numbered": "die Zeile nach Zeile {line} hat die Nummer „{number}“",
        "table_cell_named": "eine Zelle heißt „{ref}“, und die Zellen eines Tabellenblatts sind "
        "A1 bis XFD1048576",
        "table_at_cell": ", Zelle {cell}",
        "table_at_row": ", Zeile {line}",
        "table_damaged": "Tabellenblatt „{title}“{where}: {what}; die Arbeitsmappe ist beschädigt",
        "table_repair": "bitte in Excel oder LibreOffice öffnen und noch einmal speichern oder "
        "als CSV speichern",
        "table_part": "Teil „{name}“",
        "table_sheet_part": "Tabellenblatt „{title}“ (Teil „{part}“)",
        "table_entities": "der Teil „{name}“ deklariert einen DOCTYPE oder XML-Entitäten, die "
        "Excel und LibreOffice nie schreiben und mit denen ein Leseprogramm andere Dateien öffnen "
        "oder den Speicher erschöpfen kann",
        "table_no_sheet": "eine Arbeitsmappe ohne Tabellenblatt",
        "table_sheet_rows": "{line:,} Zeilen oder mehr im ersten Tabellenblatt",
        "table_cut_off": "eine beschädigte Excel-Arbeitsmappe (XLSX): ihr ZIP-Archiv lässt sich "
        "nicht lesen (beim Kopieren oder Herunterladen abgeschnitten?)",
        "table_cut_off_fix": "bitte noch einmal kopieren oder herunterladen oder in Excel oder "
        "LibreOffice öffnen und noch einmal speichern oder als CSV speichern",
        "table_broken": "eine beschädigte Excel-Arbeitsmappe (XLSX): {broken} lässt sich nicht "
        "lesen",
        "table_broken_lists": "ihre Liste der Tabellenblätter, Formatvorlagen oder Texte",
        "table_given_twice": "die Spalte „{name}“ steht zweimal in der Tabelle (Spalten "
        "{numbers} und {last})",
        "table_given_times": "die Spalte „{name}“ steht {n}-mal in der Tabelle (Spalten "
        "{numbers} und {last})",
        "table_column_at": "„{name}“ (Spalte {column})",
        "table_and": "{first} und {second}",
        "table_same_column": "{shown} sind dieselbe Spalte, {column}",
        "table_what_recipients": "eine Empfängerliste",
        "table_recipients_fix": "bitte die Empfängerliste als Excel-Arbeitsmappe (XLSX) oder als "
        "CSV angeben",
        "table_what_register": "die Tabelle des Registers",
        "table_register_fix": "für eine auszufüllende Tabelle das Register exportieren („formgen "
        "register export --format xlsx“)",
        "table_import_unreadable": "{where}: {what}; nichts importiert",
        "table_import_unreadable_fix": "{where}: {what}; nichts importiert – {fix}",
        "table_import_twice": "{file}: {twice}; nichts importiert – bitte je eine behalten und "
        "die anderen löschen oder umbenennen",
        # (end of table)
        # -- formgen ingest: mails and archives (mailbox.py, archive.py, mailview.py)
        "ingest_mail_headers_twice": "#{position}: ein Teil mit {n} Kopfzeilen {header} "
        "({said}), wie sie kein Mailprogramm schreibt; gelesen als {ctype} — eine beschädigte "
        "oder gefälschte Mail: bitte beim Absender das Formular neu anfordern",
        "ingest_mail_empty_parts": "#{position}: {n} leere Teile ohne Namen übergangen (Reste "
        "eines Mailprogramms)",
        "ingest_mail_empty_parts_one": "#{position}: 1 leerer Teil ohne Namen übergangen (ein "
        "Rest eines Mailprogramms)",
        "ingest_mail_nested_deep": "#{position}: weitergeleitete Mails, mehr als {depth} Ebenen "
        "tief verschachtelt; die inneren wurden nicht gelesen — die innerste Mail einzeln "
        "speichern",
        "ingest_mail_too_many": "#{position}: mehr als {limit} Anhänge; die übrigen wurden nicht "
        "gelesen — die Mail aufteilen oder die Anhänge als Dateien speichern",
        "ingest_mail_header_broken": "beginnt wie eine gespeicherte Mail, aber der Mailkopf bricht "
        "an einer Zeile ab, die keine Kopfzeile ist; kein Anhang konnte gelesen werden — die Mail im "
        "Mailprogramm neu speichern oder beim Absender das Formular neu anfordern",
        "ingest_mail_header_unended": "beginnt wie eine gespeicherte Mail, aber der Mailkopf endet "
        "nicht (keine Leerzeile danach: abgeschnitten?); kein Anhang konnte gelesen werden — die "
        "Mail im Mailprogramm neu speichern oder beim Absender das Formular neu anfordern",
        "ingest_mail_mbox_no_mail": "beginnt wie ein Postfach (eine Zeile „From …“), aber es "
        "folgt kein Mailkopf; keine Mail konnte gelesen werden — das Postfach im Mailprogramm neu "
        "exportieren oder die Mail als .eml speichern",
        "ingest_mail_maildir_empty": "{where}: eine leere Datei (0 Bytes), keine Mail; nichts "
        "zu lesen und keine Antwort",
        "ingest_mail_maildir_no_mail": "{where}: kein Mailkopf an ihrem Anfang (eine beschädigte "
        "Datei?); nicht gelesen und keine Antwort",
        "ingest_mail_torn_unended": "#{position}: eine Mail, deren Mailkopf nicht endet (keine "
        "Leerzeile danach: das Postfach abgeschnitten?); niemand kann sie lesen, sie zählt nicht "
        "als Antwort – das Postfach im Mailprogramm neu exportieren",
        "ingest_mail_torn_broken": "#{position}: eine Mail, deren Mailkopf an einer Zeile "
        "abbricht, die keine Kopfzeile ist (beschädigt?); niemand kann sie lesen, sie zählt nicht "
        "als Antwort – das Postfach im Mailprogramm neu exportieren",
        "ingest_mail_maildir_not_file": "{where}: {what}, keine Mail; nicht gelesen",
        "ingest_mail_maildir_dangling": "{where}: ein Verweis auf etwas, das es nicht gibt; nicht "
        "gelesen",
        "ingest_mail_maildir_gone": "{where}: verschwunden, bevor sie gelesen wurde (von einem "
        "Mailprogramm verschoben?); nicht gelesen — den Maildir-Ordner noch einmal einlesen",
        "ingest_mail_maildir_unreadable": "{where}: die Mail kann nicht gelesen werden: {error}",
        "ingest_mail_msg_damaged": "die Outlook-Mail (.msg) ist beschädigt und kann nicht gelesen "
        "werden; sie in Outlook neu speichern oder beim Absender das Formular neu anfordern",
        "ingest_mail_msg_too_many": "#{position}: mehr als {limit} Anhänge; die übrigen wurden "
        "nicht gelesen",
        "ingest_mail_msg_nested": "#{position}: weitergeleitete Mails, zu tief verschachtelt; "
        "nicht gelesen",
        "ingest_mail_zip_joined": "die Datei besteht aus {n} aneinandergehängten "
        "ZIP-Archiven; die Dateien jedes Archivs wurden gelesen",
        "ingest_mail_zip_joined_damaged": "die Datei besteht aus aneinandergehängten "
        "ZIP-Archiven: die {size:,} Bytes vor dem letzten sind ein beschädigtes Archiv, dessen "
        "Dateien nicht gelesen wurden; bitte beim Absender jedes Archiv einzeln anfordern",
        "ingest_mail_zip_joined_cut": "die Datei besteht aus aneinandergehängten ZIP-Archiven: "
        "die letzten {size:,} Bytes sind ein abgeschnittenes Archiv, dessen Dateien nicht gelesen "
        "wurden; bitte beim Absender jedes Archiv einzeln anfordern",
        "ingest_mail_zip_joined_cut_named": "die Datei besteht aus aneinandergehängten "
        "ZIP-Archiven: die letzten {size:,} Bytes sind ein abgeschnittenes Archiv, dessen Dateien "
        "(die erste: „{first}“) nicht gelesen wurden; bitte beim Absender jedes Archiv einzeln "
        "anfordern",
        "ingest_mail_zip_joined_many": "die Datei besteht aus mehr als {limit:,} "
        "aneinandergehängten ZIP-Archiven: die {size:,} Bytes vor den letzten {limit:,} wurden "
        "nicht gelesen; bitte beim Absender jedes Archiv einzeln anfordern",
        "ingest_mail_zip_damaged": "das ZIP-Archiv ist beschädigt; bitte beim Absender neu "
        "gepackt anfordern",
        "ingest_mail_zip_too_many": "das Archiv enthält {n:,} Dateien; nur die ersten {limit:,} "
        "wurden gelesen",
        "ingest_mail_zip_password": "{where}: mit einem Passwort geschützt; bitte beim Absender "
        "ohne Passwort anfordern",
        "ingest_mail_too_large": "{where}: {size:,} Bytes sind mehr als die {limit:,} Bytes, die "
        "ein zurückgesandtes Formular haben darf; nicht gelesen",
        "ingest_mail_zip_bomb": "{where}: ergäbe entpackt {size:,} Bytes aus {packed:,} (mehr "
        "als {ratio}:1); als mögliche ZIP-Bombe abgelehnt",
        "ingest_mail_zip_method": "{where}: mit einem Kompressionsverfahren gepackt, das formgen "
        "nicht entpacken kann; das Archiv selbst entpacken und den Ordner einlesen",
        "ingest_mail_zip_entry_damaged": "{where}: im Archiv beschädigt; nicht gelesen — bitte "
        "beim Absender neu gepackt anfordern",
        "ingest_mail_tnef_too_large": "die winmail.dat von Outlook hat {size:,} Bytes, mehr als "
        "die {limit:,} Bytes, die formgen entpackt; bitte beim Absender die Formulare als "
        "normale Anhänge anfordern",
        "ingest_mail_tnef_damaged": "die winmail.dat von Outlook ist beschädigt und kann nicht "
        "entpackt werden; bitte beim Absender das Formular neu als normalen Anhang anfordern "
        "(Nachrichtenformat HTML)",
        "ingest_mail_tnef_too_many": "winmail.dat enthält {n:,} Dateien; nur die ersten "
        "{limit:,} wurden gelesen",
        "ingest_mail_tnef_checksum": "bei {n} Teilen stimmt die Prüfsumme nicht (winmail.dat "
        "unterwegs beschädigt?); der Inhalt wird trotzdem gelesen",
        "ingest_mail_tnef_checksum_one": "bei 1 Teil stimmt die Prüfsumme nicht (winmail.dat "
        "unterwegs beschädigt?); der Inhalt wird trotzdem gelesen",
        "ingest_mail_tnef_overrun": "die winmail.dat ist beschädigt: eine Liste von "
        "Eigenschaften darin gibt {count:,} Einträge an, mehr als die Datei enthält; der Inhalt "
        "wird trotzdem gelesen",
        "ingest_mail_tnef_not_file": "#{position} {name}: keine Datei; nicht gelesen",
        "ingest_mail_tnef_item": "#{position} {name}: ein Outlook-Element (Mail, Kontakt oder "
        "Liste) ohne Dateien; nichts zu lesen",
        # (end of ingest_mail)
        # -- formgen ingest: the register's merge and the quarantine (register.py, quarantine.py, validate.py)
        "ingest_merge_unchanged": "unverändert",
        "ingest_merge_updated": "aktualisiert",
        "ingest_merge_confirmed": "bestätigt",
        "ingest_merge_merged-flagged": "mit Hinweisen übernommen",
        "ingest_merge_held": "teils zurückgestellt",
        "ingest_merge_quarantined": "in Quarantäne",
        "ingest_merge_merged": "übernommen",
        "ingest_merge_new": "{iid} (neu)",
        "ingest_merge_added": "neu aufgenommen",
        "ingest_merge_added_iid": "{iid}",
        "ingest_merge_changes": "{n} Änderungen",
        "ingest_merge_changes_one": "1 Änderung",
        "ingest_merge_conflicts": "{n} Konflikte",
        "ingest_merge_conflicts_one": "1 Konflikt",
        "ingest_merge_duplicates": "{n} mögliche Dubletten",
        "ingest_merge_duplicates_one": "1 mögliche Dublette",
        "ingest_merge_released": "; aus der Quarantäne genommen",
        "ingest_merge_file_again": "diese Datei wurde bereits am {day:day} als {file} "
        "eingelesen; nichts geändert",
        "ingest_merge_form_again": "Formular {form} mit demselben Inhalt wurde bereits "
        "eingelesen; nichts geändert",
        "ingest_merge_looks_like": "{where}: „{name}“ ähnelt {candidate} „{candidate_name}“ "
        "({reason}); zurückgestellt als {did} — 'formgen register resolve {did} --merge' "
        "(dieselbe Einrichtung) oder '--new' (eine andere)",
        "ingest_merge_matched": "{where}: {iid} „{name}“ zugeordnet ({reason})",
        "ingest_merge_other_institution": "{where}: das Formular für {candidate} "
        "„{candidate_name}“ kam mit anderem Namen, „{name}“, und anderer Anschrift und Telefon "
        "oder Mail zurück: wohl hat eine andere Einrichtung es ausgefüllt; zurückgestellt als "
        "{did}, {candidate} unverändert — 'formgen register resolve {did} --new' (eine andere "
        "Einrichtung) oder '--merge' (umbenannt und umgezogen; danach die zurückgehaltenen "
        "eigenen Werte mit '--take theirs')",
        "ingest_merge_other_reason": "ihr eigenes Formular, mit anderem Namen, anderer Anschrift "
        "und anderem Telefon oder Mail",
        "ingest_merge_same_postcode": "gleicher Name und gleiche PLZ",
        "ingest_merge_same_phone": "gleicher Name und gleiche Telefonnummer",
        "ingest_merge_same_name": "gleicher Name, keine Anschrift zum Vergleichen",
        "ingest_merge_similar_postcode": "ähnlicher Name ({percent}\u00a0%) und gleiche PLZ",
        "ingest_merge_similar_phone": "ähnlicher Name ({percent}\u00a0%) und gleiche Telefonnummer",
        "ingest_merge_same_email": "gleicher Name und gleiche E-Mail-Adresse",
        "ingest_merge_same_web": "gleicher Name und gleiche Internetseite",
        "ingest_merge_similar_email": "ähnlicher Name ({percent}\u00a0%) und gleiche E-Mail-Adresse",
        "ingest_merge_similar_web": "ähnlicher Name ({percent}\u00a0%) und gleiche Internetseite",
        "ingest_merge_created": "{where}: die Einrichtung {iid} war nicht im Register; unter "
        "dieser ID neu angelegt",
        "ingest_merge_mailed": "{where}: „{name}“ ist {iid}, wie eine Mail-Runde sie nannte "
        "(ihr eigenes Formular ist noch nicht zurückgekommen); unter dieser ID angelegt",
        "ingest_merge_held_as": "{iid} {path}: {reason}; zurückgestellt als {cid} — 'formgen "
        "register resolve {cid} --take mine|theirs'",
        "ingest_merge_spelled": "{iid} {path}: „{theirs}“ ist „{mine}“ aus dem Register ohne "
        "Akzente und Sonderbuchstaben oder in anderer Groß- und Kleinschreibung; das Register "
        "behält seine Schreibweise",
        "ingest_merge_retired": "{iid} „{name}“: {retired}; ihre Rückmeldung wurde trotzdem "
        "übernommen — falls es sie noch gibt: 'formgen register restore {iid}'",
        "ingest_merge_retired_on": "aus dem Register genommen am {day:day}",
        "ingest_merge_stale": "das Register hat sich geändert, seit dieses Formular erstellt "
        "wurde; dort wurden andere Felder geändert, daher bleiben beide Änderungen erhalten",
        "ingest_merge_form_made": "{form} (erstellt am {day:day})",
        "ingest_merge_superseded": "{iid}: Formular {form} ist älter als Formular {newer}, "
        "dessen Rückmeldung das Register seit dem {day:day} hat: die Rückmeldung auf {newer} ist "
        "der neueste Stand der Einrichtung, daher ändert dieses Formular von selbst nichts — was es anders angibt, "
        "wartet auf Entscheidung („formgen register conflicts“), sein Datum und Handzeichen "
        "bleiben außen vor",
        "ingest_merge_older_copy": "{iid}: diese Kopie des Formulars {form} ist älter als eine "
        "andere, {file}, die das Register seit dem {day:day} hat ({why}): die ist der neueste "
        "Stand der Einrichtung, daher ändert diese Kopie von selbst nichts — was sie anders "
        "angibt, wartet auf Entscheidung („formgen register conflicts“), ihr Datum und "
        "Handzeichen bleiben außen vor",
        "ingest_merge_copies_disagree": "{iid}: diese Kopie des Formulars {form} und eine "
        "andere, {file}, die das Register seit dem {day:day} hat, geben verschiedene Werte an, "
        "und welche der neueste Stand der Einrichtung ist, ist nicht bekannt (das PDF und die "
        "Word-Datei einer Mail, beide ausgefüllt, mit demselben Datum): das Register behält "
        "die der anderen, die dieser warten auf Entscheidung („formgen register conflicts“)",
        "ingest_merge_copy_corrects": "{iid}: diese Kopie des Formulars {form} gibt andere "
        "Werte an als eine andere, {file}, die das Register seit dem {day:day} hat; weder ein "
        "Datum noch eine Mail sagt, welche neuer ist, daher wurde diese, später eingelesen, als "
        "ihre Korrektur übernommen („formgen register history {iid}“ zeigt beide)",
        "ingest_merge_dated_before": "Datum {this:day}, dort {that:day}",
        "ingest_merge_sent_before": "gesendet am {this:day} um {this_time}, die andere am "
        "{that:day} um {that_time}",
        "ingest_merge_other_schema": "Formular des Schemas „{schema}“, das Register verwendet "
        "„{held}“",
        "ingest_merge_entry_no_category": "Werte eines Eintrags ohne Checkliste",
        "ingest_merge_unknown_field": "unbekanntes Feld „{field}“ in {scope} (Schema {version})",
        "ingest_merge_no_name": "{where}: Werte ohne den Namen der "
        "Einrichtung; den Namen im Formular ergänzen und die Datei erneut einlesen",
        "ingest_merge_unknown_form": "unbekanntes Formular: keine formgen-Kennung (kein mit "
        "formgen erstelltes Formular, ein Scan, oder die Kennungsfelder wurden entfernt); in "
        "der Quarantäne beiseitegelegt, nicht übernommen",
        "ingest_merge_tampered": "Kennung verändert oder gefälscht: Formular {form} "
        "(Einrichtung {iid}, {checklists}) {what}, geprüft mit dem Schlüssel dieses "
        "Arbeitsbereichs; nicht übernommen — beim Absender nachfragen oder im Arbeitsbereich "
        "einlesen, der das Formular erstellt hat",
        "ingest_merge_other_workspace": "vermutlich aus einem anderen Arbeitsbereich: Formular "
        "{form} (Einrichtung {iid}, {checklists}) wurde nicht in diesem Arbeitsbereich erstellt, "
        "und seine Signatur passt nicht zu dessen Schlüssel – wohl ein Formular einer anderen "
        "Koordinierungsstelle oder eines anderen Arbeitsbereichs; nicht übernommen — im "
        "Arbeitsbereich einlesen, der es erstellt hat (wurde es doch hier erstellt, ist seine "
        "Kennung verändert oder gefälscht: beim Absender nachfragen)",
        "ingest_merge_checklist": "Checkliste {names}",
        "ingest_merge_checklists": "Checklisten {names}",
        "ingest_merge_no_signature": "hat keine Signatur",
        "ingest_merge_bad_signature": "hat eine Signatur, die nicht passt",
        "ingest_merge_no_workspace": "ohne Arbeitsbereich erstellt: Formular {form} "
        "(Checklisten {categories}) wurde mit „formgen generate“ ohne --workspace erstellt, "
        "seine Signatur lässt sich daher nicht prüfen (kein Zeichen einer Fälschung, aber auch kein "
        "Nachweis, dass es echt ist); nicht übernommen — {then}",
        "ingest_merge_no_workspace_take": "ansehen und, wenn es das erwartete Formular ist, mit "
        "„formgen ingest DATEI --accept-no-workspace“ übernehmen (diese Datei oder den Ordner "
        "quarantine des Arbeitsbereichs)",
        "ingest_merge_no_workspace_retype": "ein so erstelltes Formular einer Einrichtung nennt "
        "eine ID, die kein Register vergeben hat: seine Werte in das eigene Formular der "
        "Einrichtung eintippen („formgen generate pdf --institution ID --workspace "
        "ARBEITSBEREICH“) und dieses einlesen",
        "ingest_merge_test_mail": "Formular {form} von {iid} kam mit einer Testmail („formgen "
        "mail … --test-to“): keine Antwort der Einrichtung; nicht übernommen",
        "ingest_merge_no_workspace_taken": "Formular {form} wurde ohne Arbeitsbereich erstellt, "
        "seine Signatur ließ sich nicht prüfen; wie verlangt übernommen (--accept-no-workspace)",
        "ingest_merge_unread_copy": "Formular {form} kam als Kopie zurück, deren Werte nicht "
        "gelesen werden konnten (siehe unten); in der Quarantäne beiseitegelegt, nicht "
        "übernommen — beim Absender das ausgefüllte Formular selbst anfordern oder die Werte "
        "von Hand eintragen",
        "ingest_merge_unread_fields": "Formular {form} kam mit lauter beschädigten Feldern "
        "zurück: keines ließ sich lesen (siehe unten); in der Quarantäne beiseitegelegt, nicht "
        "übernommen — die Datei öffnen: zeigt ein PDF-Programm die Werte noch, sie von Hand "
        "eintragen; sonst die Einrichtung bitten, ihr Formular noch einmal auszufüllen",
        "ingest_merge_unknown_category": "unbekannte Checkliste „{category}“ im Schema "
        "„{schema}“; bekannt: {known}",
        "ingest_merge_category_gone": "die Checkliste „{category}“ der Schemaversion {old} gibt "
        "es in der aktuellen Version {current} nicht mehr; nicht übernommen — die Checkliste "
        "wieder ins Schema aufnehmen oder die Werte von Hand eintragen",
        "ingest_merge_not_a_path": "Wert von „{path}“ ignoriert: kein Feld dieses Formulars "
        "(„{text}“)",
        "ingest_merge_not_in_form": "Wert von „{path}“ ignoriert: {kind} für {categories} hat "
        "kein solches Feld („{text}“)",
        "ingest_merge_kind_institution": "das Formular der Einrichtung",
        "ingest_merge_kind_checklist": "die Checkliste",
        "ingest_merge_no_category": "keine Checkliste",
        "ingest_merge_look_alike": "{path}: {why}",
        "ingest_merge_direction_override": "{path}: der Wert enthält ein Zeichen, das die "
        "Schreibrichtung des folgenden Texts umkehrt, sodass er anders erscheint als getippt: "
        "„{value}“; so übernommen, wie er getippt wurde – bitte beim Absender nachfragen",
        "ingest_merge_unknown_field_ignored": "{where}: Wert des unbekannten Felds „{field}“ "
        "ignoriert („{text}“)",
        "ingest_merge_required": "{where}: Pflichtfeld „{field}“ ist nicht ausgefüllt",
        "ingest_merge_language_remark": "{where}: {label}: „{text}“ bleibt, wie eingetragen, "
        "als Text unter „Andere“ und zählt nicht als Sprache, die das Team spricht: darin steht "
        "„{word}“",
        "ingest_merge_required_kept": "{where}: Pflichtfeld „{field}“ auf dem Formular leer "
        "gelassen; das Register behält {value}",
        "ingest_merge_required_erased": "{where}: Pflichtfeld „{field}“ auf dem Formular leer "
        "gelassen; im Register bleibt es gelöscht (register erase): vom gelöschten Wert kommt "
        "nichts zurück, und das Feld fehlt weiter, bis die Einrichtung es ausfüllt",
        "ingest_merge_damaged_fields": "{where}: aus dem beschädigten PDF nicht gelesen: "
        "{fields}; das Register behält ihre Werte (das Formular neu anfordern oder sie von Hand "
        "setzen)",
        "ingest_merge_unanswered": "{where}: von der Checkliste ist nur Datum und Handzeichen "
        "ausgefüllt (nicht einmal „Fehlanzeige“); der Eintrag ist unvollständig und bleibt auf der "
        "Aktualisierungsliste",
        "ingest_merge_unanswered_unsigned": "{where}: von der Checkliste ist nichts ausgefüllt, "
        "auch Datum und Handzeichen nicht (nicht einmal „Fehlanzeige“); der Eintrag ist "
        "unvollständig und bleibt auf der Aktualisierungsliste",
        "ingest_merge_no_block": "{where}: das Formular hat keinen solchen Block; seine Werte "
        "wurden ignoriert",
        "ingest_merge_mapped": "Formular mit der Schemaversion {old} erstellt; auf die aktuelle "
        "Version {current} übertragen",
        "ingest_merge_field_gone": "{where}: das Feld „{field}“ der Schemaversion {old} gibt es "
        "nicht mehr; sein Wert „{text}“ wurde nicht übernommen",
        "ingest_merge_choice_dropped": "{where}: {why}; die weiterhin angebotenen wurden "
        "übernommen",
        "ingest_merge_empty": "keine Werte eingetragen: das Formular kam leer zurück",
        "ingest_merge_unknown_schema": "unbekanntes Schema: {why}; die Schemadatei, mit der "
        "dieses Formular erstellt wurde ({schema} {version}: die Datei, wie sie damals war, "
        "z.\u00a0B. aus einer Sicherung), als {where} in den Arbeitsbereich legen und die Datei "
        "erneut einlesen (ihre Kopie im Ordner quarantine/ des Arbeitsbereichs genügt)",
        "ingest_merge_other_schema_id": "es wurde aus dem Schema „{schema}“ erstellt, dieser "
        "Arbeitsbereich verwendet „{current}“",
        "ingest_merge_other_version": "es wurde mit der Schemaversion {version} erstellt, dieser "
        "Arbeitsbereich kennt {known}",
        "ingest_merge_schema_invalid": "die Schemadatei für Version {version} ({path}) ist nicht "
        "gültig: {error}",
        "ingest_merge_schema_misnamed": "{path} enthält das Schema {held} {held_version}, nicht "
        "{schema} {version}; jede Datei als <schema_id>/<schema_version>.yaml benennen",
        "ingest_merge_erased_prefill": "{path}: das Formular wurde erstellt, bevor dieser Wert "
        "gelöscht wurde (register erase); sein vorausgefüllter Wert wurde weggelassen, die Datei "
        "wird nicht aufbewahrt",
        # (end of ingest_merge)
        # -- formgen mail and bounces (formgen/mailrun.py, cli/mail.py, sendlog.py, bounces.py)
        "mail_note": "Hinweis: {note}",
        "mail_not_in_list": "nicht versandt: {iid}: nicht in der Empfängerliste",
        "mail_nothing_overdue": "keine Einrichtung ist überfällig; nichts zu tun",
        "mail_nothing_stale": "keine Einrichtung hat veraltete Einträge; nichts zu tun",
        "mail_round_head": "Runde {round:round}{kind}: {todo} zu versenden, {done} bereits "
        "erledigt, {left_out}{without} ohne brauchbare E-Mail-Adresse{why}{invalid}",
        "mail_round_kind": " ({kind})",
        "mail_left_out": "{n} übersprungen, ",
        "mail_invalid_rows": ", {n} ungültige Zeilen ausgelassen",
        "mail_invalid_rows_one": ", 1 ungültige Zeile ausgelassen",
        "mail_skipped": "  übersprungen {who}: {why}",
        "mail_skipped_invalid": "übersprungen (ungültig): {problem}",
        "mail_invalid_address": "ungültige E-Mail-Adresse ({source}): {problem}",
        "mail_fix_address": "; korrigieren: formgen register set {iid} institution.email "
        "{address} --note …",
        "mail_no_address": "keine E-Mail-Adresse ({source})",
        "mail_contact_address": "; die der Ansprechperson ist {address} (Checkliste "
        "„{checklist}“): Mails gehen nur an die Adresse der Einrichtung; ist sie auch deren, "
        "eintragen: formgen register set {iid} institution.email {address} --note "
        '"Adresse der Ansprechperson"',
        "mail_not_mailed": "  NICHT VERSANDT {who}: {why}; bitte auf anderem Weg Kontakt aufnehmen",
        "mail_would_despite": "  würde trotzdem versenden: {who}: {why} (--force)",
        "mail_mailed_despite": "  trotzdem versandt: {who}: {why} (--force)",
        "mail_via": "  über {host}:{port} ({security}), {pace}",
        "mail_pace": "höchstens {rate:g}/min",
        "mail_no_pace": "keine Begrenzung der Mails pro Minute",
        "mail_would_mail": "  würde versenden an {who}: {named} als {formats} auf "
        "{language}{again}",
        "mail_and": " und ",
        "mail_prepared_before": " (Formulare bereits vorbereitet)",
        "mail_dry_run": "Probelauf: nichts wurde erstellt, versandt oder protokolliert",
        "mail_address_from": " (Adresse aus {source}{invalid})",
        "mail_register_invalid": "; die Adresse im Register „{given}“ ist ungültig",
        "mail_sent": "  gesendet {who}: {detail}",
        "mail_sent_to": "  gesendet {who}",
        "mail_drafted": "  Entwurf {who}: {detail}",
        "mail_warning": "    Hinweis: {warning}",
        "mail_outcome_error": "FEHLER",
        "mail_outcome_refused": "ABGEWIESEN",
        "mail_outcome_rejected": "MAIL ABGELEHNT",
        "mail_outcome_deferred": "AUFGESCHOBEN",
        "mail_outcome_lost": "VIELLEICHT NICHT ZUGESTELLT",
        "mail_done_sent": "{n} von {total} Mails gesendet",
        "mail_done_written": "{n} von {total} Mails als Entwurf geschrieben",
        "mail_interrupted_sent": "abgebrochen ({by}) zwischen zwei Mails: {n} Mails nicht "
        "gesendet; um sie zu senden, denselben Befehl noch einmal ausführen (die gesendeten sind "
        "vermerkt und gehen nicht noch einmal)",
        "mail_interrupted_sent_one": "abgebrochen ({by}) zwischen zwei Mails: 1 Mail nicht "
        "gesendet; um sie zu senden, denselben Befehl noch einmal ausführen (die gesendeten sind "
        "vermerkt und gehen nicht noch einmal)",
        "mail_interrupted_written": "abgebrochen ({by}) zwischen zwei Mails: {n} Mails nicht als "
        "Entwurf geschrieben; um sie zu schreiben, denselben Befehl noch einmal ausführen (die "
        "geschriebenen sind vermerkt und werden nicht noch einmal geschrieben)",
        "mail_interrupted_written_one": "abgebrochen ({by}) zwischen zwei Mails: 1 Mail nicht "
        "als Entwurf geschrieben; um sie zu schreiben, denselben Befehl noch einmal ausführen "
        "(die geschriebenen sind vermerkt und werden nicht noch einmal geschrieben)",
        "mail_maybe_sent_before": "möglicherweise schon gesendet: ein Lauf vom {at:moment} endete, "
        "während diese Mail an den Server ging, bevor seine Antwort vermerkt war; noch einmal "
        "gesendet, die Einrichtung bekommt sie also vielleicht doppelt",
        "mail_undelivered": "{n} Mails vom Server endgültig abgewiesen (ABGEWIESEN oben: an diese "
        "Adressen nimmt er keine Mail an; in sendlog.jsonl vermerkt, keine Runde schreibt sie "
        "wieder an): die Adressen in der Empfängerliste oder im Register korrigieren oder die "
        "Einrichtungen auf anderem Weg nach ihrer Adresse fragen",
        "mail_undelivered_one": "1 Mail vom Server endgültig abgewiesen (ABGEWIESEN oben: an "
        "diese Adresse nimmt er keine Mail an; in sendlog.jsonl vermerkt, keine Runde schreibt "
        "sie wieder an): die Adresse in der Empfängerliste oder im Register korrigieren oder die "
        "Einrichtung auf anderem Weg nach ihrer Adresse fragen",
        "mail_rejected": "{n} Mails vom Server selbst abgelehnt, nicht ihre Empfänger (MAIL "
        "ABGELEHNT oben: ihre Größe oder ihr Inhalt; keine Adresse wird als abgewiesen "
        "vermerkt): zu groß (552, 5.3.4)? nur ein Formular senden (--format pdf); wegen ihres "
        "Inhalts abgelehnt (5.7.1, Spam)? den Anbieter des Mailservers fragen, was seine Antwort "
        "bedeutet",
        "mail_rejected_one": "1 Mail vom Server selbst abgelehnt, nicht ihr Empfänger (MAIL "
        "ABGELEHNT oben: ihre Größe oder ihr Inhalt; keine Adresse wird als abgewiesen "
        "vermerkt): zu groß (552, 5.3.4)? nur ein Formular senden (--format pdf); wegen ihres "
        "Inhalts abgelehnt (5.7.1, Spam)? den Anbieter des Mailservers fragen, was seine Antwort "
        "bedeutet",
        "mail_deferred": "{n} Mails vom Server aufgeschoben (AUFGESCHOBEN oben: eine 4xx-Antwort "
        "wie 451 Greylisting, keine Abweisung; die Adressen sind nicht schuld); einige Minuten "
        "warten",
        "mail_deferred_one": "1 Mail vom Server aufgeschoben (AUFGESCHOBEN oben: eine 4xx-Antwort "
        "wie 451 Greylisting, keine Abweisung; die Adresse ist nicht schuld); einige Minuten "
        "warten",
        "mail_unmade": "{n} Formulare konnten nicht erstellt werden (FEHLER oben), daher ging "
        "an diese Einrichtungen keine Mail; beheben, was die Zeilen sagen",
        "mail_unmade_one": "1 Formular konnte nicht erstellt werden (FEHLER oben), daher ging an "
        "diese Einrichtung keine Mail; beheben, was die Zeile sagt",
        "mail_run_again": "{what}; dann denselben Befehl noch einmal ausführen",
        "mail_bounce_not_a_file": "  nicht gelesen: {name}: {what}, keine Datei",
        "bounce_nested": "zu tief verschachtelt, um sie zu lesen (eine beschädigte oder "
        "feindselige Datei?)",
        "bounce_file_too_large": "{size:,} Bytes sind mehr als die {most:,} Bytes, die eine Datei "
        "mit Unzustellbarkeitsmeldungen haben darf – die Meldungen im Mailprogramm in einen "
        "eigenen Ordner verschieben und die Datei dieses Ordners angeben",
        "mail_bounce_not_read": "  nicht gelesen: {problem}",
        "mail_bounce_cannot_read": "  nicht gelesen: {name}: nicht lesbar: {why}",
        "mail_bounce_not_bounce": "  keine Unzustellbarkeitsmeldung: {name}",
        "mail_bounce_not_bounces": "  keine Unzustellbarkeitsmeldung: {n:,} der {of:,} Mails "
        "in {name}",
        "mail_bounce_unmatched": "  NICHT ZUGEORDNET {address} {status}: keine Mail an diese "
        "Adresse im Versandprotokoll ({source})",
        "mail_bounce_test": "  TESTMAIL {address}: Unzustellbarkeitsmeldung einer Testmail "
        "(formgen mail … --test-to), nichts erfasst ({source})",
        "mail_bounce_bounced": "unzustellbar",
        "mail_bounce_not_final": "verzögert (nicht endgültig)",
        "mail_bounce_gave_up": "nicht zugestellt (der Server hat aufgegeben; ein neuer Lauf sendet "
        "sie noch einmal)",
        "mail_bounce_before": " (bereits erfasst)",
        "mail_bounces_recorded": "{n} Unzustellbarkeitsmeldungen erfasst",
        "mail_bounces_recorded_one": "1 Unzustellbarkeitsmeldung erfasst",
        "mail_delays_recorded": "{n} Verzögerungen erfasst (nicht endgültig: der Server versucht "
        "es weiter)",
        "mail_delays_recorded_one": "1 Verzögerung erfasst (nicht endgültig: der Server versucht "
        "es weiter)",
        "mail_skip_sent": "bereits gesendet in Runde {round:round} ({at})",
        "mail_skip_elsewhere": "aber an {sent}, die Adresse mit „ss“ statt „ß“, eine andere "
        "Domain als die von {email} (so schrieb formgen sie vor dem 25.11.2026); bitte in einer "
        "eigenen Runde erneut senden (--round)",
        "mail_skip_drafted": "Entwurf bereits geschrieben in Runde {round:round}: {path}",
        "mail_skip_draft_gone": "Entwurf bereits geschrieben in Runde {round:round}: {path}, eine "
        "Datei, die es nicht mehr gibt; wurde er nicht aus dem Mailprogramm versandt, schreibt "
        "--force ihn neu",
        "mail_redraft": "  neu geschrieben {who}: der Entwurf der Runde {round:round}, {path}, ist "
        "nicht mehr da (--force)",
        "mail_skip_returned": "ihr Formular ist zurückgekommen, obwohl eine Mail an sie "
        "unzustellbar war",
        "mail_on_its_way": "ein Formular wurde am {day:date} versandt (Runde {round:round}), Frist "
        "{due:day}",
        "mail_due_undated": "ohne Datum",
        "mail_source_register": "Register",
        "mail_source_log": "Versandprotokoll",
        "mail_source_log_round": "Versandprotokoll: {round:round}",
        "mail_email_not_ascii": "„{address}“: Buchstaben wie ä oder ş vor dem @ können die "
        "meisten Mailserver nicht versenden; bitte die Einrichtung nach einer Adresse ohne "
        "solche Buchstaben fragen",
        "mail_email_invalid": "„{address}“ ist keine E-Mail-Adresse (erwartet: name@example.org)",
        "mail_email_dots": "„{address}“ ist keine E-Mail-Adresse (Punkte an falscher Stelle)",
        "mail_email_domain": "„{address}“ kann nicht angeschrieben werden: {why}; bitte die "
        "Einrichtung nach ihrer Adresse fragen (formgen setzt keine andere Domain an ihre Stelle)",
        "mail_email_idna": "der Teil nach dem @, „{domain}“, ist kein Domainname, den IDNA 2008 "
        "zulässt",
        "mail_sender_domain": "„{address}“ kann nicht Absender sein: {why}",
        "email_look_alike": "„{address}“: der Teil „{label}“ der Domain mischt lateinische "
        "mit kyrillischen oder griechischen Buchstaben, die gleich aussehen: er enthält "
        "{char} und ist so eine andere Domain als die, nach der er aussieht; bitte die "
        "Einrichtung fragen, ob die Adresse stimmt (sie bleibt, wie geschrieben)",
        "mail_email_idna_char": "der Teil nach dem @, „{domain}“, ist kein Domainname, den IDNA "
        "2008 zulässt: er enthält {char}, das dort in keinem Domainnamen stehen kann",
        "mail_sender_not_ascii": "„{address}“: Buchstaben wie ä oder ü vor dem @ kann der Kopf "
        "einer Mail nicht tragen (eine Domain wie büro.example schon)",
        "mail_email_no_dot": "„{address}“ ist keine E-Mail-Adresse, die Mails erreichen: der "
        "Teil nach dem @, „{domain}“, ist keine Domain (ihm fehlt der Punkt, wie ihn example.org "
        "hat)",
        "mail_whose": "die Adresse",
        "mail_whose_register": "die Adresse im Register",
        "mail_dead": "{whose} {email} {how} ({error}) in Runde {round:round} am {day:date}",
        "mail_bounced": "war unzustellbar",
        "mail_refused": "wurde vom Server abgewiesen",
        "mail_not_delivered": "nicht zugestellt",
        "mail_force_hint": "--force versendet trotzdem",
        "mail_superseded": "auf ihre Runde {round} (Frist {due:date}) folgte die Runde {later}, "
        "begonnen am {day:date}, Frist {later_due:date}: eine Erinnerung gilt nur der letzten Runde; neu anfragen: "
        "formgen mail --stale --drafts ORDNER (oder --send), wenn ihre Einträge veraltet sind, "
        "oder mit einer Empfängerliste",
        "mail_fix_register": "die neue eintragen: formgen register set {iid} institution.email "
        'ADRESSE --note "neue Adresse"',
        "mail_removed": "{removed}; die neue eintragen: formgen register set {iid} "
        'institution.email ADRESSE --note "neue Adresse"',
        "mail_fallback_elsewhere": "ihre letzte Mail ging an {sent} (Runde {round:round}), die "
        "Adresse mit „ss“ statt „ß“, eine andere Domain als die von {email} (so schrieb formgen "
        "sie vor dem 25.11.2026): dorthin geht keine Mail",
        "mail_last_address_dead": "die letzte Adresse, {email} (Runde {round:round}), {how} "
        "({error}); die neue Adresse im Register oder in einer Empfängerliste eintragen",
        "mail_correct_in": "in {source} korrigieren",
        "mail_elsewhere_list": "die neue Adresse in der Empfängerliste angeben",
        "mail_elsewhere_overdue": "die neue Adresse in einer Empfängerliste (formgen mail LISTE "
        "--overdue --drafts ORDNER, oder --send) oder im Register (formgen mail --from-register "
        "--overdue --drafts ORDNER, oder --send) angeben",
        "mail_retired": "{retired}; falls es sie noch gibt: „formgen register restore {iid}“",
        "mail_merged_instead": "{iid} ({source}): {retired}; ihre Zeile gilt für {keep} (mit "
        "dem Formular von {keep})",
        "mail_merged_listed": "{iid} ({source}): {retired}; ausgelassen, die Liste nennt "
        "{keep} schon",
        "mail_list_ids": "{n} Zeilen nennen die Kennung, die die Liste der Koordinationsstelle "
        "einer Einrichtung des Registers gab (register import): jede gilt für diese Einrichtung, "
        "unter ihrer ID im Register, mit ihrem Formular ({ids})",
        "mail_list_ids_one": "1 Zeile nennt die Kennung, die die Liste der Koordinationsstelle "
        "einer Einrichtung des Registers gab (register import): sie gilt für diese Einrichtung, "
        "unter ihrer ID im Register, mit ihrem Formular ({ids})",
        "mail_list_other_name": "{iid} ({source}): die Liste nennt sie „{name}“, das Register "
        "„{kept}“: Mail und Formular nennen sie „{kept}“; um sie im Register umzubenennen: "
        'formgen register set {iid} institution.name "{name}" --note "neuer Name"',
        "mail_list_id_listed": "{iid} ({source}): Kennung von {keep} in der Liste der "
        "Koordinationsstelle (register import); ausgelassen, die Liste nennt {keep} schon",
        "mail_note_unmatched": "ohne Register lassen sich Rückmeldungen nicht zuordnen; jedes "
        "Formular, dessen Rückmeldung nicht bekannt ist, zählt",
        "mail_note_force_on_its_way": "--force: {n} Einrichtungen nicht übersprungen, deren "
        "Formular noch unterwegs ist: {ids}",
        "mail_note_force_on_its_way_one": "--force: 1 Einrichtung nicht übersprungen, deren "
        "Formular noch unterwegs ist: {ids}",
        "mail_note_force_retired": "--force: {n} aus dem Register genommene Einrichtungen "
        "erhalten trotzdem eine Mail: {ids}",
        "mail_test_drafts_note": "Die Testentwürfe in {folder} enthalten personenbezogene Daten "
        "der Einrichtungen, und formgen weiß nicht, was in ihnen steht („formgen register "
        "erase“ nennt sie, löscht sie aber nicht): löschen Sie sie, wenn Sie sie angesehen haben",
        "mail_test_to_institution": "{address} ist die Adresse von {who}: der Test schickte "
        "ihr die vorausgefüllten Formulare aller Einrichtungen; geben Sie Ihre eigene Adresse "
        "an (die Absenderadresse des Arbeitsbereichs geht immer)",
        "mail_test_note": "Test: jede Mail dieses Laufs geht nur an {address}, im Betreff als "
        "[TEST] markiert; nichts wird protokolliert (Runde, Versandprotokoll, ausgegebene "
        "Formulare und „formgen status“ bleiben, wie sie waren)",
        "mail_test_subject": "[TEST, an {email}]",
        "mail_note_force_retired_one": "--force: 1 aus dem Register genommene Einrichtung "
        "erhält trotzdem eine Mail: {ids}",
        "mail_note_force_twin": "--force: {n} Einrichtungen erhalten trotzdem eine Mail, die "
        "diese Runde schon unter einer anderen ID (in Klammern) angeschrieben hat: {ids}",
        "mail_note_force_twin_one": "--force: 1 Einrichtung erhält trotzdem eine Mail, die "
        "diese Runde schon unter einer anderen ID (in Klammern) angeschrieben hat: {ids}",
        "mail_twin": "in Runde {round:round} schon als {old} angeschrieben (derselbe Name bis auf "
        "Groß- und Kleinschreibung, Akzente und Satzzeichen, dieselbe Adresse {email}): dieselbe "
        "Einrichtung braucht keine zweite Mail (in einer Liste ihre ID {old} eintragen); ist es "
        "eine andere, versendet --force trotzdem",
        "mail_no_sender": "{config}: keine Absenderadresse; unter [centre] sender = "
        '"sie@example.org" eintragen (von dieser Adresse gehen die Mails aus, an sie kommen '
        "die Antworten)",
        "mail_bad_sender": '{config}: sender = "{sender}" ist nicht verwendbar: '
        "{why}; unter [centre] als sender die Adresse des Postfachs der Stelle eintragen (bei "
        "der Mail-Administration erfragen); nichts wurde erstellt oder versandt",
        "mail_no_register": "in diesem Arbeitsbereich gibt es noch kein Register; stattdessen "
        "eine Empfängerliste (RECIPIENTS) angeben",
        "mail_register_empty": "das Register ist leer: erst die Liste der Einrichtungen "
        "übernehmen (formgen register import LISTE), dann aus ihm anschreiben (formgen mail "
        "--from-register --drafts ORDNER), oder die Liste so anschreiben (formgen mail LISTE --drafts ORDNER)",
        "mail_no_register_stale": "in diesem Arbeitsbereich gibt es kein Register: über veraltete "
        "Einträge ist nichts bekannt",
        "mail_lost": "{error}; diese Mail ist vielleicht zugestellt worden, vielleicht nicht",
        "mail_stopped_lost": "{error}; abgebrochen nach {done} von {total}. Die Mail an {iid} ist "
        "vielleicht zugestellt worden, vielleicht nicht (keine Bestätigung). Denselben Befehl "
        "noch einmal ausführen, um den Rest zu senden: Er sendet die Mail an {iid} noch einmal, "
        "diese Einrichtung bekommt sie also vielleicht doppelt; die Mails davor werden nicht "
        "noch einmal gesendet",
        "mail_erased_address": "ihre Adresse wurde gelöscht (formgen register erase)",
        "mail_password_prompt": "SMTP-Passwort für {user} bei {host}",
        "mail_smtp_none": "{where}: keine [smtp]-Einstellungen; bitte ergänzen:\n  [smtp]\n  "
        'host = "mail.example.org"\n  security = "starttls"\n  user = "sie@example.org"\n'
        "oder stattdessen mit --drafts ORDNER Entwürfe schreiben",
        "mail_smtp_security": "{where}: [smtp] security = '{security}'; bitte starttls oder ssl "
        "verwenden",
        "mail_smtp_none_remote": "{where}: [smtp] security = 'none' ist nur für einen Relay-Server "
        "auf diesem Rechner erlaubt (host localhost), nicht für {host}; bitte starttls oder ssl "
        "verwenden",
        "mail_smtp_numbers": "{where}: [smtp] port, rate und timeout müssen Zahlen sein",
        "mail_smtp_port": "{where}: [smtp] port {port} ist keine Portnummer",
        "mail_smtp_rate": "{where}: [smtp] rate muss 0 (keine Begrenzung) oder eine Zahl von "
        "Mails pro Minute sein",
        "mail_smtp_cafile": "[smtp] cafile '{cafile}' ist nicht lesbar: {error}",
        "mail_smtp_cafile_missing": "{where}: [smtp] cafile = '{cafile}': diese Datei gibt es "
        "nicht; das CA-Zertifikat (PEM) des Mailservers angeben, der Pfad relativ zum "
        "Arbeitsbereich",
        "mail_smtp_tls_untrusted": "{where}: dem Zertifikat des Servers wird nicht vertraut "
        "({reason}); hat der Mailserver ein eigenes Zertifikat der Stelle, dessen "
        'CA-Zertifikat (PEM) in workspace.toml angeben: [smtp] cafile = "ca.pem"',
        "mail_smtp_tls_not_by_cafile": "{where}: das Zertifikat des Servers ist weder von "
        "[smtp] cafile '{cafile}' noch von einer CA unterschrieben, der dieser Rechner vertraut "
        "({reason}); bei der Mail-Administration nach dem richtigen CA-Zertifikat fragen",
        "mail_smtp_tls_name": "{where}: das Zertifikat des Servers gilt für {names}, nicht für "
        "{host}; diesen Namen als host unter [smtp] in workspace.toml eintragen",
        "mail_smtp_tls": "{where}: TLS fehlgeschlagen ({reason}); host, port und security prüfen "
        "(587 = starttls, 465 = ssl)",
        "mail_smtp_greeting": "{where}: der Server hat die Begrüßung dieses Rechners abgewiesen "
        "(EHLO und HELO: {reply}); vielleicht verlangt er einen vollständigen Rechnernamen oder "
        "nimmt Mails nur aus bestimmten Netzen an: bei der Mail-Administration nachfragen und "
        "host und port unter [smtp] in workspace.toml prüfen",
        "mail_smtp_no_starttls": "{where}: der Server bietet kein STARTTLS an; security = 'ssl' "
        "(Port 465) verwenden{local}",
        "mail_smtp_or_none": " oder, für einen Relay-Server auf diesem Rechner, security = 'none'",
        "mail_smtp_connect": "keine Verbindung zum SMTP-Server {where}: {error}; host und port "
        "unter [smtp] in workspace.toml prüfen, ob der Mailserver läuft und ob dieser Rechner ihn "
        "erreicht (Netzwerk, VPN, Firewall)",
        "mail_smtp_no_password": "kein SMTP-Passwort für {user}: {env} setzen oder bei der "
        "Abfrage eingeben",
        "mail_password_not_set": "kein SMTP-Passwort für {user}: die Umgebungsvariable {env} ist "
        "nicht gesetzt, und ohne Terminal (cron, eine Pipe) kann formgen nicht danach fragen; "
        "sie für diesen Aufruf setzen, z. B. in dem Skript, das formgen aufruft: export {env}='…' "
        "(formgen speichert es nie), oder den Befehl in einem Terminal ausführen, um gefragt zu "
        "werden",
        "mail_smtp_login_refused": "{where}: Anmeldung als {user} abgewiesen ({code}); Benutzer "
        "und Passwort prüfen",
        "mail_smtp_login_failed": "{where}: Anmeldung als {user} fehlgeschlagen: {reason}",
        "mail_smtp_broke": "die Verbindung zu {host} ist abgebrochen: {reason}",
        "mail_smtp_utf8": "{host} kann keine Mail an {to} annehmen: eine Adresse mit Buchstaben "
        "wie ş oder ä braucht SMTPUTF8, das dieser Server nicht anbietet; bitte die Einrichtung "
        "nach einer Adresse ohne solche Buchstaben fragen",
        "mail_smtp_this_address": "diese Adresse",
        "mail_smtp_login_not_accepted": "{where}: der Server verlangt eine Anmeldung und hat die "
        "als {user} nicht angenommen ({reply}); user unter [smtp] in workspace.toml und das "
        "Passwort prüfen",
        "mail_smtp_not_taken": "{where}: der Server hat die Mail selbst abgelehnt, nicht ihren "
        "Empfänger ({reply}), daher hält die Runde hier an; keine Adresse wird als abgewiesen "
        "vermerkt, die schon gesendeten Mails bleiben gesendet und derselbe Befehl sendet den Rest: "
        "{advice}",
        "mail_smtp_in_a_row": "{n} Mails nacheinander so abgelehnt: nicht eine einzelne Mail "
        "ist schuld",
        "mail_smtp_advice_quota": "das Absenderpostfach darf vorerst keine Mails mehr senden (sein "
        "Tageslimit, z. B. bei Microsoft 365); denselben Befehl morgen erneut ausführen oder den "
        "Anbieter bitten, das Limit zu erhöhen",
        "mail_smtp_advice_size": "die Mail ist dem Server zu groß; nur ein Formular senden (--format "
        "pdf) oder den Anbieter von {host} nach der Größengrenze fragen, dann denselben Befehl "
        "erneut ausführen",
        "mail_smtp_advice_sender_full": "das Absenderpostfach ist voll (Microsoft 365 legt jede "
        "gesendete Mail in „Gesendete Elemente“ ab); diesen Ordner leeren oder Platz schaffen, dann "
        "denselben Befehl erneut ausführen",
        "mail_smtp_advice_ask": "den Anbieter von {host} (oder dessen Administration) fragen, was "
        "diese Antwort bedeutet, dann denselben Befehl erneut ausführen",
        "mail_smtp_login_needed": "{where}: der Server verlangt eine Anmeldung ({reply}); user = "
        '"sie@example.org" (die Anmeldung am Mailserver) unter [smtp] in workspace.toml '
        "eintragen und das Passwort in der Umgebungsvariable {env} oder bei der Abfrage angeben "
        "(es wird nie gespeichert); dann denselben Befehl noch einmal ausführen",
        "mail_removed_by_hand": "ihre Adresse, {email}, wurde am {day:date} von Hand entfernt "
        "({note})",
        "mail_removed_by_hand_none": "ihre Adresse wurde am {day:date} von Hand entfernt ({note})",
        "mail_erased_on": "ihre Adresse wurde am {day:date} gelöscht ({note})",
        "mail_list_problems": "die Empfängerliste hat {n} Probleme (nichts wurde erstellt oder "
        "versandt; bitte beheben — `formgen mail` versendet mit --skip-invalid nur die gültigen "
        "Zeilen)",
        "mail_list_problems_one": "die Empfängerliste hat 1 Problem (nichts wurde erstellt oder "
        "versandt; bitte beheben — `formgen mail` versendet mit --skip-invalid nur die gültigen "
        "Zeilen)",
        "mail_list_unreadable": "die Empfängerliste kann nicht gelesen werden (nichts wurde "
        "erstellt oder versandt)",
        "mail_list_no_recipients": "{source}: keine Empfänger (nur eine Kopfzeile?)",
        "mail_list_empty_file": "die Datei ist leer; sie braucht eine Kopfzeile: {columns}",
        "mail_list_empty_sheet": "das erste Tabellenblatt ist leer; es braucht eine Kopfzeile: "
        "{columns}",
        "mail_list_missing": "Spalten {missing} fehlen (gefunden: {found}{delimiter}); die "
        "Kopfzeile braucht {columns}{title}{register}",
        "mail_list_missing_one": "Spalte {missing} fehlt (gefunden: {found}{delimiter}); die "
        "Kopfzeile braucht {columns}{title}{register}",
        "mail_list_via_register": "; eine eigene Liste ohne IDs: erst ins Register übernehmen "
        "(formgen register import {source}), dann aus ihm anschreiben (formgen mail "
        "--from-register --drafts ORDNER)",
        "mail_list_title": "; die Kopfzeile muss in Zeile 1 stehen: Titelzeilen darüber löschen",
        "mail_column_id": "ID",
        "mail_column_institution": "Einrichtung",
        "mail_column_email": "E-Mail",
        "mail_column_categories": "Checkliste",
        "mail_column_region": "Region",
        "mail_column_language": "Sprache",
        "mail_column_format": "Format",
        "mail_list_found_none": "keine",
        "mail_list_delimiter": "; Trennzeichen „{delimiter}“",
        "mail_list_twice": "{twice}; bitte eine behalten und die anderen löschen oder umbenennen "
        "(an welche Adresse versandt werden soll, lässt sich nicht erraten)",
        "mail_list_lost_csv": "Excel schreibt „?“ für jeden Buchstaben, den sein einfaches „CSV“ "
        "nicht fassen kann (ş, ı, ł, Kyrillisch, Arabisch …); bitte die Liste als „CSV UTF-8“ "
        "speichern und erneut ausführen",
        "mail_list_lost_list": "die Liste fasst jeden Buchstaben, sie gingen also vorher verloren "
        "(aus einem einfachen „CSV“ von Excel kopiert?); bitte die Buchstaben eintragen und "
        "erneut ausführen",
        "mail_list_lost_workbook": "die Arbeitsmappe fasst jeden Buchstaben, sie gingen also "
        "vorher verloren (aus einem einfachen „CSV“ von Excel kopiert?); bitte die Buchstaben "
        "eintragen und erneut ausführen",
        "mail_list_lost_letters": "„{name}“ hat „?“ anstelle von Buchstaben: {fix}",
        "mail_list_values_csv": "{n} Werte, aber die Kopfzeile hat {columns} Spalten (ein "
        "„{delimiter}“ in einem Wert? Diesen Wert in doppelte Anführungszeichen setzen)",
        "mail_list_values_sheet": "{n} Werte, aber die Kopfzeile hat {columns} Spalten (ein Wert "
        "rechts der letzten Spalte: ihm eine Überschrift geben oder ihn löschen)",
        "mail_list_column": "Spalte {problem}",
        "mail_list_unsaved": "Spalte „{column}“: eine Formel ohne gespeichertes Ergebnis: bitte "
        "die Arbeitsmappe in Excel oder LibreOffice öffnen und speichern",
        "mail_list_yes_no": "Spalte „{column}“: ein Wahrheitswert (WAHR oder FALSCH), wo Text "
        "hingehört: bitte den Text eintragen",
        "mail_list_no_id": "keine ID: die ID der Einrichtung im Register eintragen („formgen "
        "register find NAME“ zeigt sie) oder, für eine Einrichtung, die das Register noch nicht "
        "kennt, eine eigene neue ID wie neu-1",
        "mail_list_bad_id": "ID „{rid}“: eine ID darf nur Buchstaben A-Z ohne Akzente, Ziffern, "
        "„.“, „_“ und „-“ enthalten, muss mit einem Buchstaben oder einer Ziffer beginnen und "
        "darf höchstens 64 Zeichen haben",
        "mail_bad_round": "Rundenname „{round}“ (--round): ein Rundenname darf nur Buchstaben "
        "A-Z ohne Akzente, Ziffern, „.“, „_“ und „-“ enthalten, muss mit einem Buchstaben oder "
        "einer Ziffer beginnen und darf höchstens 64 Zeichen haben",
        "mail_list_duplicate_id": "doppelte ID „{rid}“ (zuerst in Zeile {first}, „{first_name}“; "
        "hier „{name}“); jede ID darf nur einmal vorkommen: eine neue Einrichtung braucht eine "
        "eigene ID",
        "mail_list_case_id": "ID „{rid}“ unterscheidet sich von „{other}“ (Zeile {first}) nur in "
        "Groß- und Kleinschreibung: unter Windows und in OneDrive benennen beide dieselbe Datei, "
        "und der Entwurf oder das Formular der einen Einrichtung würde das der anderen ersetzen; "
        "einer der beiden eine andere ID geben",
        "id_windows_device": "ID „{rid}“ ist ein Name, den Windows für ein Gerät freihält (CON, "
        "PRN, AUX, NUL, COM0–COM9, LPT0–LPT9, in jeder Schreibweise, mit oder ohne Endung): "
        "Windows und OneDrive können den Entwurf oder das Formular der Einrichtung unter diesem "
        "Namen nicht speichern; der Einrichtung eine andere ID geben",
        "mail_list_no_name": "kein Name der Einrichtung",
        "mail_list_id_case": "die ID „{rid}“ unterscheidet sich von „{theirs}“ („{other}“) im "
        "Register nur in der Groß- und Kleinschreibung, Windows hält beide für einen Dateinamen "
        "(Entwürfe, Formulare): wie im Register schreiben, wenn es diese Einrichtung ist, sonst "
        "dieser eine eigene ID geben",
        "mail_list_reused_list_id": "die ID „{rid}“ ist die Kennung, die die Liste der "
        "Koordinationsstelle {iid} „{other}“ gab (register import), nicht „{name}“: eine neue "
        "Einrichtung braucht eine eigene ID, die weder das Register noch eine frühere Liste "
        "vergeben hat; ist es dieselbe Einrichtung, ihren Namen wie im Register eintragen oder "
        'zuerst den neuen setzen: formgen register set {iid} institution.name "{name}" '
        '--note "umbenannt"',
        "mail_list_reused_id": "die ID „{rid}“ ist im Register „{other}“, nicht „{name}“: eine "
        "neue Einrichtung braucht eine eigene ID, die weder das Register noch eine frühere "
        "Liste vergeben hat; ist es dieselbe Einrichtung, ihren Namen wie im Register eintragen "
        'oder zuerst den neuen setzen: formgen register set {rid} institution.name "{name}" '
        '--note "umbenannt"',
        "mail_list_reused_sent_id": "unter der ID „{rid}“ ging in Runde {round:round} die Mail an "
        "„{other}“ <{email}>, nicht an „{name}“: eine neue Einrichtung braucht eine eigene ID, "
        "die keine frühere Liste vergeben hat; ist es dieselbe Einrichtung, ihren Namen wie "
        "damals eintragen",
        "mail_list_did_you_mean": "unbekannte Checkliste „{piece}“; gemeint: „{name}“?",
        "mail_list_unknown_category": "unbekannte Checkliste „{piece}“; bitte ihre ID oder ihren "
        "Namen angeben (die Checklisten: siehe Zeile {line})",
        "mail_list_town": "unbekannte Region „{text}“; {text} gehört zur Region „{region}“ — "
        "wenn das stimmt: {value} oder den Namen der Region eintragen",
        "mail_list_unknown_region": "unbekannte Region „{text}“; bitte ihre ID oder ihren Namen "
        "angeben (die Regionen: siehe Zeile {line})",
        "mail_list_more_unknown": "und {n:,} weitere unbekannte Checklisten",
        "mail_list_no_category": "keine Checkliste: bitte mindestens eine nennen, z. B. "
        "psychotherapie",
        "mail_list_language": "Sprache „{given}“: Mails und Formulare gibt es in diesen "
        "Sprachen: {names}; bitte eine davon eintragen oder die Zelle leer lassen",
        "mail_list_format": "Format „{given}“: bitte pdf, docx (Word) oder both eintragen oder die "
        "Zelle leer lassen",
        "mail_form_footer": "Fußzeile (Name der Einrichtung)",
        "mail_form_no_glyph": "{where}: {chars} kann die Schrift des Formulars nicht darstellen; "
        "der Wert ist gespeichert, aber diese Zeichen erscheinen als leere Kästchen",
        "mail_form_control": "{path}: {chars} ausgelassen: ein Word-Dokument kann keine "
        "Steuerzeichen enthalten; der Wert selbst bleibt, wie er ist",
        "mail_gen_warning": "Warnung: {warning}",
        "mail_gen_retired": "Warnung: {iid} ist {retired}; ihre Rückmeldung wird übernommen und "
        "markiert — „formgen register restore {iid}“, falls es sie noch gibt",
        "mail_form_record": "Datensatz „{iid}“",
        "mail_form_no_field": "{where}: {path}: dieses Formular hat kein solches Feld",
        "mail_form_other_text": "{where}: {path}: der Text zu „Sonstiges“ muss Text sein",
        "mail_value_not_list": "ein Wert vom Typ {kind} muss eine Liste von Codes sein, nicht "
        "{value}",
        "mail_value_language": "unbekannte(r) Sprachcode(s) {codes}; bitte ISO-639-Codes wie fa, "
        "ar, tr verwenden",
        "mail_value_choices": "unbekannte Auswahl {codes}; erlaubt: {allowed}",
        "mail_value_not_whole": "ein Wert vom Typ {kind} muss eine ganze Zahl sein, nicht {value}",
        "mail_value_outside": "{value} liegt außerhalb von {low}–{high}",
        "mail_value_not_text": "ein Wert vom Typ {kind} muss Text sein, nicht {type}",
        "mail_value_not_date": "„{value}“ ist kein ISO-Datum (JJJJ-MM-TT)",
        "mail_value_not_choice": "„{value}“ ist keine der Auswahlmöglichkeiten; erlaubt: {allowed}",
        "mail_usage_forget": "--forget-forms verlangt --round RUNDE, und daneben nur --dry-run "
        "und --yes",
        "mail_usage_yes": "--yes nur zusammen mit --forget-forms",
        "mail_no_secret": "{why}; daher ging keine der {n} Mails der Runde hinaus: danach "
        "denselben Befehl noch einmal ausführen",
        "mail_no_secret_one": "{why}; daher ging die Mail der Runde nicht hinaus: danach "
        "denselben Befehl noch einmal ausführen",
        "mail_usage_forget_not": "--forget-forms löscht nur die aufbewahrten Formulare einer "
        "Runde und verschickt nichts: es verlangt --round RUNDE, und daneben nur --dry-run und "
        "--yes, nicht {options}",
        "forget_forms_no_round": "keine Mailrunde „{round}“ im Versandprotokoll (seine Runden: "
        "{known})",
        "forget_forms_waiting": "in Runde „{round}“ sind noch Mails nicht hinaus, {n} (ihre "
        "Formulare erstellt, noch nicht gesendet oder als Entwurf geschrieben: {ids}): die Runde "
        "erst zu Ende bringen, mit demselben Befehl noch einmal (oder warten, bis der Server sie "
        "annimmt), dann ihre Formulare vergessen",
        "forget_forms_what": "{folder}: {n} Dateien der Runde „{round}“, {mb:.1f}\u00a0MB; "
        "issued.jsonl und das Versandprotokoll bleiben, an denen eine Rückmeldung erkannt und "
        "gezählt wird (ingest, formgen status); ein Formular zum Eintippen von Werten macht "
        "„formgen generate pdf --institution ID“ neu",
        "forget_forms_ask": "Diese Dateien löschen? [j/N]",
        "forget_forms_done": "{n} Dateien der Runde „{round}“ gelöscht, {mb:.1f}\u00a0MB frei",
        "forget_forms_dry": "nichts gelöscht (--dry-run)",
        "forget_forms_none": "{folder}: keine Formulare der Runde „{round}“ aufbewahrt (schon "
        "vergessen oder keine erstellt)",
        "forget_forms_declined": "nichts gelöscht",
        "mail_usage_where": "wohin gehen die Mails? --drafts ORDNER oder --send angeben (eines "
        "von beiden)",
        "mail_usage_overdue_stale": "--overdue und --stale sind verschiedene Runden; bitte "
        "nacheinander ausführen",
        "mail_usage_list_or_register": "eine Empfängerliste (RECIPIENTS) oder --from-register "
        "angeben, nicht beides",
        "mail_usage_whom": "an wen? eine Empfängerliste (RECIPIENTS), --from-register, --overdue "
        "oder --stale angeben",
        "mail_usage_stale_by": "--stale-by gehört zu --stale",
        "mail_usage_deadline_past": "--deadline {deadline:date} liegt in der Vergangenheit (heute "
        "ist der {today:date}); bitte das Datum angeben, bis zu dem die Formulare zurückkommen "
        "sollen, oder --days N",
        "mail_usage_stale_by_past": "--stale-by {day:date} liegt in der Vergangenheit (heute "
        "ist der {today:date}); bitte den Tag angeben, bis zu dem die Einträge noch aktuell "
        "sein sollen, z.\u00a0B. die Frist der Runde",
        # (end of mail)
        # -- formgen mail: the mail templates, the sender and the recipient (mailing.py)
        "mail_template_placeholder": "{source}: unbekannter Platzhalter {{{name}}}; bekannt sind: "
        "{known}",
        "mail_template_subject": "{source}:1: die erste Zeile muss der Betreff sein, z.\u00a0B. "
        "„Betreff: Bestandsaufnahme – {{name}}“",
        "mail_template_kind": "unbekannte Art von Mail „{kind}“; möglich sind: {kinds}",
        "mail_template_language": "keine mitgelieferte Mailvorlage in der Sprache „{language}“; "
        "bitte de oder en verwenden",
        "mail_template_no_form": "{iid}: eine Mail braucht mindestens ein Formular",
        "mail_template_no_address": "{iid} ({name}): keine E-Mail-Adresse",
        "mail_template_no_sender": "keine Absenderadresse: unter [centre] in workspace.toml "
        'sender = "…" eintragen',
        "mail_template_sender": "die Absenderadresse „{address}“ ist nicht verwendbar: {why}",
        "mail_template_address": "{where}: die Adresse „{address}“ ist nicht verwendbar: {why}",
        # (end of mail_template)
        # -- formgen demo's narration (cli/demo.py)
        "demo_workspace": "1. Arbeitsbereich {root} (Schema {schema} {version}, {n} Checklisten)",
        "demo_blank": "2. leere Checklisten aller {n} Kategorien: PDF und DOCX",
        "demo_drafts": "3. Mail-Entwürfe mit persönlichen Formularen (formgen mail {listed} "
        "--drafts ORDNER):",
        "demo_ingested": "4. {n} zurückgeschickte Dateien eingelesen (PDF, PDF ohne "
        "Formularfelder, DOCX, Word-Formular als PDF, .eml, .mbox, .msg):",
        "demo_status": "5. Stand der Runde (formgen status):",
        "demo_update": "6. Aktualisierungsformulare für {n} Einrichtungen, vorausgefüllt aus dem "
        "Register",
        "demo_outputs": "7. Register exportiert und gedruckt, veraltete Einträge und Lücken "
        "gemeldet",
        "demo_where": "Wo alles liegt:",
        "demo_out_blank": "leere Checkliste, alle Kategorien ({fmt})",
        "demo_out_list": "Empfängerliste der Runde, ein Beispiel einer Liste für formgen mail",
        "demo_out_drafts": "Mail-Entwürfe (.eml, in Outlook/Thunderbird öffnen)",
        "demo_out_attached": "Formulare im Anhang der Entwürfe",
        "demo_out_report": "Bericht des Einlesens mit allen Hinweisen",
        "demo_out_update": "Aktualisierungsformulare, vorausgefüllt aus dem Register ({n} "
        "Einrichtungen, PDF und DOCX)",
        "demo_out_json": "Register (JSON)",
        "demo_out_wide": "Register (CSV, eine Zeile je Eintrag)",
        "demo_out_long": "Register (CSV, eine Zeile je Wert mit seiner Quelle)",
        "demo_out_xlsx": "Register (XLSX)",
        "demo_out_print": "gedrucktes Register (PDF)",
        "demo_out_stale": "veraltete und unvollständige Einträge",
        "demo_out_update_list": "Aktualisierungsliste (Datensätze für die "
        "Aktualisierungsformulare)",
        "demo_out_gaps": "Lücken (kein Eintrag oder nur Fehlanzeige)",
        "demo_no_samples": "die zurückgeschickten Beispielformulare wurden in {where} nicht "
        "gefunden (workspace/secret.key und pdf/ fehlen); mit --samples DIR den Ordner samples/ "
        "der Quellen von formgen angeben oder formgen neu installieren",
        "demo_not_ours": "{directory} gibt es schon und wurde nicht von formgen demo angelegt; "
        "bitte einen neuen Ordner angeben (die Demo überschreibt nie Ihre Dateien)",
        # formgen generate (cli/generate.py)
        "gen_made": "{path}: {reference} ({kb:.0f}\u00a0KB)",
        "gen_batch": "{n} Formulare in {folder} ({mb:.1f}\u00a0MB), Liste in {manifest}",
        "gen_batch_one": "1 Formular in {folder} ({mb:.1f}\u00a0MB), Liste in {manifest}",
        "gen_progress": "{n} Formulare ({fmt})",
        "gen_no_institution": "keine Einrichtung „{iid}“ im Register; formgen register find "
        "zeigt alle",
        "gen_merged": "{iid} ist {retired}: ihre Rückmeldungen gehen an {keep}, ihr Formular ist "
        "also das von {keep}: „formgen generate {fmt} --institution {keep}“",
        "gen_not_utf8": "{path}: kein UTF-8-Text; bitte die Datei als UTF-8 speichern (CSV UTF-8)",
        "gen_out_folder": "„{path}“ ist ein Ordner; bitte für --out einen Dateinamen angeben",
        "gen_out_not_folder": "„{path}“ gibt es schon und ist kein Ordner; bitte ein anderes --out "
        "angeben",
        "gen_cannot_read": "{path}: nicht lesbar: {why}",
        "gen_not_json": "{path}:{line}: kein gültiges JSON: {why}; bitte Kommas und "
        "Anführungszeichen in der Nähe dieser Zeile prüfen",
        "gen_no_workspace": "Hinweis: ohne --workspace erstellt: formgen ingest kann die "
        "Signatur dieser Formulare nicht prüfen und legt ihre Rückmeldungen als „ohne "
        "Arbeitsbereich erstellt“ beiseite, bis Sie sie angesehen und mit „formgen ingest DATEI "
        "--accept-no-workspace“ übernommen haben. Formulare, die Sie verschicken, mit "
        "--workspace ARBEITSBEREICH erstellen.",
        # -- formgen generate's usage errors and --record's errors (cli/generate.py, record.py)
        "gen_usage_one_source": "bitte nur eine der Optionen --record, --institution und "
        "--recipients angeben, nicht {given}",
        "gen_usage_and": "und",
        "gen_usage_checklist": "--kind checklist nimmt kein {option} (das ist für Formulare "
        "einer Einrichtung)",
        "gen_usage_institution": "--kind institution braucht --record DATEI.json, --institution "
        "ID oder --recipients LISTE",
        "rec_not_object": "{source}: ein Datensatz muss ein JSON-Objekt sein",
        "rec_bad_id": "{source}: „id“ muss die ID einer Einrichtung sein: sie darf nur Buchstaben "
        "A–Z ohne Akzente, Ziffern, „.“, „_“ und „-“ enthalten, muss mit einem Buchstaben oder "
        "einer Ziffer beginnen und darf höchstens 64 Zeichen lang sein (angegeben: {got})",
        "rec_bad_base": "{source}: „base_version“ muss eine ganze Zahl ab 0 sein",
        "rec_bad_entries": "{source}: „entries“ muss ein Objekt von Checkliste → Werte sein",
        "rec_bad_categories": "{source}: „categories“ muss eine Liste von Checklisten-IDs sein",
        "rec_not_fields": "{where}: muss ein Objekt von Feld → Wert sein",
        "rec_lone_surrogate": "„{shown}“ enthält U+{code}, ein halbes Zeichen (ein einzelnes "
        "Surrogat), also keinen Text",
        "rec_split_character": "{where}.{name}: {why}; bitte in der Datei korrigieren (das "
        "Programm, das sie schrieb, hat ein Zeichen in zwei Teile zerlegt)",
        "rec_no_field": "{where}.{name}: ein solches Feld gibt es hier nicht; bekannt: {known}",
        "rec_other_multi": "{where}.{name}: nur Felder mit Mehrfachauswahl haben einen Text "
        "„{other}“",
        "rec_other_text": "{where}.{name}: der Text zu „other“ muss Text sein",
        # (end of gen_usage)
        # -- click's own usage errors, said in a German workspace (cli/common.py)
        "click_error": "Fehler:",
        "click_stopped": "abgebrochen ({by}); danach wurde nichts mehr getan",
        "click_end_of_input": "Ende der Eingabe",
        "click_usage": "Aufruf:",
        "click_options": "[OPTIONEN]",
        "click_command_args": "BEFEHL [ARGUMENTE]...",
        "click_heading_options": "Optionen",
        "click_heading_commands": "Befehle",
        "click_default": "Standard: {default}",
        "click_env_var": "Umgebungsvariable: {var}",
        "click_required": "Pflicht",
        "click_help": "Hilfe: {command} {option}",
        "click_no_option": "Unbekannte Option „{name}“.",
        "click_no_command": "Unbekannter Befehl „{name}“.",
        "click_did_you_mean": "Gemeint: „{name}“?",
        "click_possible": "(gemeint: eine von {names}?)",
        "click_after_command": "Optionen wie {option} stehen nach dem Befehl: {line}",
        "click_missing_argument": "Argument {hint} fehlt.",
        "click_missing_option": "Option {hint} fehlt.",
        "click_missing": "Angabe {hint} fehlt.",
        "click_needs_value": "Option „{name}“ braucht einen Wert.",
        "click_invalid": "Ungültiger Wert für {hint}: {message}",
        "click_extra": "Unerwartetes zusätzliches Argument ({args})",
        "click_extras": "Unerwartete zusätzliche Argumente ({args})",
        "click_not_choice": "„{value}“ ist keiner der möglichen Werte {choices}.",
        "click_no_path": "{kind} „{path}“ gibt es nicht.",
        "click_is_file": "„{path}“ ist eine Datei, kein Ordner.",
        "click_is_folder": "„{path}“ ist ein Ordner, keine Datei.",
        "click_kind_File": "Die Datei",
        "click_kind_Directory": "Den Ordner",
        "click_kind_Path": "Den Pfad",
        "click_not_integer": "„{value}“ ist keine ganze Zahl.",
        "click_not_float": "„{value}“ ist keine Zahl.",
        "click_not_in_range": "{value} liegt nicht im Bereich {range}.",
        "click_note_control": "„{value}“ enthält das Steuerzeichen {char}, das kein Text ist; "
        "bitte ohne es eingeben",
        "click_note_override": "„{value}“ enthält {char}, ein Zeichen, das die Schreibrichtung "
        "des folgenden Texts umkehrt, sodass er anders erscheint als getippt; bitte ohne es "
        "eingeben (arabische oder hebräische Schrift braucht es nicht)",
        "click_terminal_encoding": "{why}; das Terminal hat es in einer anderen Kodierung als "
        "UTF-8 gesendet (als Windows-1252 gelesen: „{shown}“); bitte das Terminal auf UTF-8 "
        "stellen und es noch einmal eingeben",
        "click_terminal_utf8": "„{value}“ ist in der Kodierung des Systems ({encoding}) nicht "
        "lesbar: das Terminal hat es in UTF-8 gesendet („{meant}“); bitte das Terminal auf "
        "{encoding} oder die Spracheinstellung des Systems (LANG) auf UTF-8 stellen und es noch "
        "einmal eingeben",
        # (end of click)
        # formgen init (cli/workspace.py)
        "init_bad_sender": "Absender „{sender}“ ist nicht verwendbar: {why}; die Adresse des "
        "Postfachs der Stelle angeben (bei der Mail-Administration erfragen); nichts wurde "
        "angelegt",
        "init_is_workspace": "{root} ist schon ein formgen-Arbeitsbereich; ihn so verwenden "
        "(--workspace {here}) oder für „formgen init“ einen neuen Ordner angeben",
        "init_in_workspace": "{root} liegt im formgen-Arbeitsbereich {workspace}; ein "
        "Arbeitsbereich in einem Arbeitsbereich würde ihre Dateien vermischen. Diesen verwenden "
        "(--workspace {here}) oder für „formgen init“ einen Ordner außerhalb angeben",
        "init_workspace_parts": "{root} enthält Teile eines formgen-Arbeitsbereichs ({parts}), "
        "aber keine {config}; ein neuer Arbeitsbereich dort würde seinen Signaturschlüssel und "
        "sein Register ersetzen. {config} aus der Sicherung wiederherstellen, um ihn wieder zu "
        "verwenden, oder einen neuen Ordner angeben",
        "init_not_empty": "{root} enthält schon {n} Dateien oder Ordner ({listed}); ein "
        "Arbeitsbereich ist am besten ein eigener Ordner. Einen neuen Ordner angeben (formgen "
        "init spkom) und diese Dateien dort einlesen (formgen ingest {here} --workspace spkom), "
        "oder --with-files ergänzen, um {root} zum Arbeitsbereich zu machen und seine Dateien "
        "zu lassen, wie sie sind",
        "init_not_empty_one": "{root} enthält schon eine Datei oder einen Ordner ({listed}); "
        "ein Arbeitsbereich ist am besten ein eigener Ordner. Einen neuen Ordner angeben "
        "(formgen init spkom) und diese Datei dort einlesen (formgen ingest {here} --workspace "
        "spkom), oder --with-files ergänzen, um {root} zum Arbeitsbereich zu machen und die "
        "Datei zu lassen, wie sie ist",
        "init_cannot_create": "{root} kann nicht angelegt werden: {why}; den Pfad (eine Datei, "
        "wo ein Ordner gemeint ist) und die Berechtigungen prüfen oder einen anderen Ordner "
        "angeben",
        "workspace_not_found": "{where} ist kein formgen-Arbeitsbereich ({why}).{meant} Den "
        "eigenen Arbeitsbereich mit --workspace ORDNER (-w ORDNER) angeben, FORMGEN_WORKSPACE="
        "ORDNER setzen oder formgen in ihm aufrufen{init}",
        "workspace_current_folder": "der aktuelle Ordner ({path})",
        "workspace_no_config": "keine {config} darin",
        "workspace_no_folder": "diesen Ordner gibt es nicht",
        "workspace_named_by_variable": "die Variable FORMGEN_WORKSPACE nennt ihn",
        "workspace_meant": " Gemeint: {options}?",
        "workspace_init": "; einen neuen anlegen: formgen init {here}",
        "config_centre": "{path}: centre = {value} ist kein Abschnitt; ihn als eigenen Abschnitt "
        'schreiben ([centre], darunter name = "…", language = "de") und den Befehl wiederholen',
        "config_unknown": "Achtung: {path}: {name} liest formgen nicht{hint}; es liest {known} "
        "(eine Einstellung eines neueren formgen bleibt, wie sie ist)",
        "config_meant": " (gemeint: {name}?)",
        "ws_seed_reused": "Formular {ref} wurde schon für ein anderes Formular ausgegeben "
        "({kind}, {whose}); nichts wurde geschrieben. Wurde --seed für andere Formulare noch "
        "einmal angegeben? Ohne --seed erzeugen oder mit einem noch nicht verwendeten Seed",
        "ws_seed_institution": "Einrichtung {iid}",
        "ws_seed_categories": "{n} Checklisten",
        "ws_seed_categories_one": "1 Checkliste",
        "ws_secret_damaged": "{path} fehlt oder ist beschädigt: Formulare können weder "
        "signiert noch geprüft werden; die Datei aus einer Sicherung des Arbeitsbereichs "
        "zurückkopieren (ein neuer Schlüssel erkennt die bisher verschickten Formulare nicht)",
        "config_regions": "{path}: Eintrag {n} unter [[regions]] ({entry}) ist nicht verwendbar: "
        'jeder Eintrag braucht value = "…" und den Namen der Region als de = "…" (en = "…" für '
        'Formulare auf Englisch), sonst nichts: value = "dueren", de = "Düren"; bitte '
        "berichtigen und den Befehl wiederholen",
        "config_language": "{path}: [centre] language = {value} ist keine Sprache, die formgen "
        'spricht; eine von {known} angeben (language = "de") und den Befehl wiederholen',
        "config_not_utf8": "{path} ist nicht als UTF-8 gespeichert (Zeile {line}, Byte {byte}: "
        "{text}); die Datei im Texteditor öffnen und mit der Codierung UTF-8 speichern (Editor: Datei, "
        "Speichern unter, Codierung UTF-8), dann den Befehl wiederholen",
        "config_invalid": "{path}, Zeile {line}, Spalte {column}: kein gültiges TOML ({why}); die "
        "Datei dort im Texteditor berichtigen (oder aus der Sicherung wiederherstellen) und den "
        "Befehl wiederholen",
        "config_cut_off": "{path} endet zu früh: kein gültiges TOML ({why}), die Datei ist "
        "vielleicht abgeschnitten; ihr Ende im Texteditor berichtigen (oder aus der Sicherung "
        "wiederherstellen) und den Befehl wiederholen",
        "workspace_in_use": "{root} wird gerade von einem anderen formgen-Lauf benutzt ({wait:.0f} "
        "s gewartet); noch einmal versuchen, wenn er fertig ist",
        "workspace_in_use_by": "{root} wird gerade von einem anderen formgen-Lauf benutzt "
        "({wait:.0f} s gewartet): „{command}“ seit {since:moment}, auf dem Computer {host} von "
        "{user} (Prozess {pid}); noch einmal versuchen, wenn er fertig ist",
        "workspace_waits": "{root} wird gerade von einem anderen formgen-Lauf benutzt; formgen "
        "wartet bis zu {wait:.0f} s, bis er fertig ist …",
        "workspace_waits_by": "{root} wird gerade von einem anderen formgen-Lauf benutzt: "
        "„{command}“ seit {since:moment}, auf dem Computer {host} von {user} (Prozess {pid}); "
        "formgen wartet bis zu {wait:.0f} s, bis er fertig ist …",
        "workspace_open": "Achtung: andere Benutzer dieses Computers können in den "
        "Arbeitsbereich {root} sehen (jeder Befehl sagt es, bis das geändert ist); nur für sich "
        "selbst lesbar machen: chmod -R go= {quoted} "
        "(um ihn mit Absicht einer Gruppe freizugeben, der Gruppe eine Default-ACL geben: "
        "setfacl -d, siehe README)",
        "workspace_lock_not_file": "{path} ist keine Datei, sondern eine Verknüpfung, ein Ordner "
        "oder ein Gerät: formgen schreibt hinein, welcher Lauf den Arbeitsbereich benutzt, und "
        "nie durch eine Verknüpfung hindurch; sie entfernen (worauf eine Verknüpfung zeigt, "
        "bleibt, wie es ist) und den Befehl wiederholen: formgen legt sie neu an",
        "workspace_sync_copies": "Achtung: {root} enthält Dateien, die wie Kopien aussehen, "
        "die ein Sync-Programm anlegt, wenn zwei Computer formgens Dateien zugleich ändern: "
        "{names}. formgen liest sie nicht: was in ihnen steht, fehlt hier.{what} Für eine "
        "Sicherung, die jemand selbst angelegt hat, ist nichts davon zu tun.",
        "workspace_sync_copies_ingest": " Die Rückläufer des anderen Computers hier noch einmal "
        "einlesen (formgen ingest), dann die Kopien von Register und Journal löschen.",
        "workspace_sync_copies_sendlog": " Eine Kopie des Sendeprotokolls nie löschen: nur sie "
        "kennt die Mails, die der andere Computer gesendet hat (eine Runde schreibt diesen "
        "Einrichtungen noch einmal).",
        "workspace_sync_copies_other": " Jede Kopie mit ihrer Datei vergleichen und eine behalten.",
        "init_created": "Arbeitsbereich angelegt in {root}",
        "init_configuration": "  Einstellungen: {path} (Name der Koordinierungsstelle, "
        "Absender, Regionen)",
        "init_secret": "  Signaturschlüssel: {path} (gut aufbewahren; nie per Mail verschicken)",
        "init_next": "Nächster Schritt: die Liste der Einrichtungen ins Register übernehmen "
        "(formgen register import LISTE -w {root}) und aus ihm anschreiben (formgen mail "
        "--from-register -w {root} --drafts ORDNER), oder die Liste so anschreiben (formgen mail "
        "LISTE -w {root} --drafts ORDNER); formgen demo zeigt den ganzen Ablauf",
        "init_private": "  nur Sie können den Ordner öffnen (Modus 0700): er wird "
        "personenbezogene Daten enthalten; formgen schreibt die Dateien nur für Sie lesbar, hier "
        "und anderswo",
        "init_git_ignored": "  der Ordner liegt im git-Repository {repo}: seine .gitignore hält "
        "die Dateien des Arbeitsbereichs (personenbezogene Daten, den Signaturschlüssel) aus "
        "Commits heraus",
        # formgen schema check|copy (cli/schema.py; staleness.choices_dropped)
        "schema_valid": "{path}: gültig — {schema} {version}, Gruppen: {groups}, Kategorien: "
        "{categories}, verschiedene Felder: {fields}",
        "schema_invalid": "{path}: {n} Probleme; das Schema ist nicht gültig",
        "schema_invalid_one": "{path}: 1 Problem; das Schema ist nicht gültig",
        "schema_note": "{path}: Hinweis: {note}",
        "schema_not_compared": "die Werte im Register wurden nicht verglichen: {error}",
        "schema_regions_unused": "{config} nennt [[regions]], aber kein Feld des Schemas nimmt "
        "sie (ein Feld der Einrichtung mit id: region, choices_from: regions): sie werden nicht "
        "verwendet, das Register ist nicht nach Regionen gegliedert; ein solches Feld ergänzen "
        "oder [[regions]] entfernen",
        "schema_drops_region": "bietet die Region „{option}“ ({label}) nicht mehr an, die {n} "
        "Einrichtungen haben; ihre Aktualisierungsformulare fragen sie neu ab",
        "schema_drops_region_one": "bietet die Region „{option}“ ({label}) nicht mehr an, die 1 "
        "Einrichtung hat; ihre Aktualisierungsformulare fragen sie neu ab",
        "schema_drops_choice": "bietet bei „{field}“ die Auswahl „{option}“ ({label}) nicht mehr "
        "an, die {n} Einrichtungen haben; ihre Aktualisierungsformulare fragen sie neu ab",
        "schema_drops_choice_one": "bietet bei „{field}“ die Auswahl „{option}“ ({label}) nicht "
        "mehr an, die 1 Einrichtung hat; ihre Aktualisierungsformulare fragen sie neu ab",
        "schema_drops_field": "entfernt das Feld „{field}“ ({id}), das {n} Einrichtungen "
        "haben: Formulare, das gedruckte Verzeichnis und die Tabellen zeigen ihre Werte nicht "
        "mehr; das Register behält sie (Verlauf, JSON-Export)",
        "schema_drops_field_one": "entfernt das Feld „{field}“ ({id}), das 1 Einrichtung hat: "
        "Formulare, das gedruckte Verzeichnis und die Tabellen zeigen seinen Wert nicht mehr; "
        "das Register behält ihn (Verlauf, JSON-Export)",
        "schema_retypes_field": "ändert den Typ von „{field}“ ({id}) von {old} in {new}, das {n} "
        "Einrichtungen haben: ihre Werte werden gegen den neuen Typ neu geprüft, {invalid} "
        "ungültig danach",
        "schema_retypes_field_one": "ändert den Typ von „{field}“ ({id}) von {old} in {new}, das "
        "1 Einrichtung hat: ihr Wert wird gegen den neuen Typ neu geprüft, {invalid} ungültig "
        "danach",
        "schema_label_reworded": "Beschriftung von {field} geändert („{old}“ → „{new}“): "
        "ältere Formulare, als Word-Datei oder gedruckt zurückgeschickt, werden über die "
        "Beschriftung gelesen — die alte unter former_labels eintragen",
        "schema_copied": "{target}: eine Kopie von {source}; zum Anpassen bearbeiten und ihr eine "
        "neue schema_version geben",
        "schema_copy_exists": "{target} gibt es schon; bitte einen anderen Dateinamen angeben "
        "(eine Datei wird nie ersetzt)",
        "schema_copied_for": "{target}: eine Kopie von {source}; zum Anpassen bearbeiten, ihr "
        "eine neue schema_version geben, mit „formgen schema check {name} --workspace {root}“ "
        'prüfen und in {config} unter [schema] eintragen: path = "{name}"',
        "schema_cannot_write": "{target} kann nicht geschrieben werden: {why}",
        "schema_workspace_unusable": "{config} nennt ein Schema, an dem jeder Befehl dieses "
        "Arbeitsbereichs scheitert: {error}",
        # -- what the operating system says of a file it cannot read or write (os_error_said)
        "os_enoent": "Datei oder Ordner nicht gefunden",
        "os_eacces": "keine Berechtigung",
        "os_eperm": "Vorgang nicht erlaubt",
        "os_eisdir": "ist ein Ordner",
        "os_enotdir": "ist kein Ordner",
        "os_erofs": "das Laufwerk ist schreibgeschützt",
        "os_enospc": "auf dem Laufwerk ist kein Platz mehr",
        "os_eexist": "die Datei gibt es schon",
        "os_eloop": "zu viele Ebenen symbolischer Links",
        "os_enametoolong": "der Dateiname ist zu lang",
        "os_eio": "Ein-/Ausgabefehler (das Laufwerk oder die Verbindung zu ihm)",
        "os_cannot_write": "{path} kann nicht geschrieben werden: {what}; {advice}",
        "os_cannot_access": "kein Zugriff auf {path}: {what}; {advice}",
        "os_a_file": "eine Datei",
        "os_advice_erofs": "bitte einen Ordner auf einem beschreibbaren Laufwerk nehmen "
        "oder dieses beschreibbar einbinden lassen",
        "os_advice_enospc": "bitte Platz schaffen und den Befehl noch einmal ausführen",
        "os_advice_edquot": "Ihr Speicherkontingent ist aufgebraucht: bitte Platz schaffen und "
        "den Befehl noch einmal ausführen",
        "os_advice_efbig": "die Datei würde größer, als dieses Laufwerk erlaubt",
        "os_advice_eacces": "bitte prüfen, ob Sie dort lesen und schreiben dürfen (Eigentümer "
        "und Berechtigungen der Datei und ihres Ordners)",
        "os_advice_enoent": "bitte den Pfad prüfen (ein Ordner auf dem Weg wurde vielleicht "
        "verschoben oder entfernt)",
        "os_advice_other": "bitte Pfad, Laufwerk und Berechtigungen prüfen und den Befehl noch "
        "einmal ausführen",
        # -- formgen schema check: the problems of a schema file (schema_load.py)
        "schema_has_problems": "das Schema hat {n} Probleme:",
        "schema_has_problems_one": "das Schema hat 1 Problem:",
        "schema_problem_yaml": "kein gültiges YAML: {problem} (bitte Einrückung und "
        "Anführungszeichen in der Nähe dieser Zeile prüfen)",
        "schema_problem_yaml_tab": "diese Zeile ist mit einem Tabulator eingerückt, was YAML "
        "nicht erlaubt; bitte mit Leerzeichen einrücken (ein Editor lässt sich so einstellen, "
        "dass die Tabulatortaste Leerzeichen einfügt)",
        "schema_problem_aliases": "die Datei steht für mehr als {limit:,} Werte, wenn ihre "
        "YAML-Aliase (*name) wiederholt werden; bitte die Teile ausschreiben, statt Aliase von "
        "Aliasen zu wiederholen",
        "schema_problem_too_deep": "Listen und Zuordnungen sind mehr als {limit} Ebenen tief "
        "verschachtelt (ein Schema hat etwa 8); bitte die Klammern schließen oder weniger "
        "einrücken",
        "schema_problem_not_mapping": "eine Schemadatei muss eine YAML-Zuordnung von Schlüsseln "
        "sein (schema_id, schema_version, …)",
        "schema_problem_too_big": "die Datei hat {size} Bytes; ein Schema hat höchstens {limit} "
        "Bytes",
        "schema_problem_duplicate_key": "der Schlüssel „{name}“ steht zweimal in derselben "
        "Zuordnung; bitte einen davon behalten",
        "schema_problem_unknown_key": "unbekannter Schlüssel „{name}“{hint}; erlaubt sind hier: "
        "{allowed}",
        "schema_problem_missing_key": "„{name}“ fehlt hier; bitte ergänzen",
        "schema_problem_bad_type": "„{where}“ muss {expected} sein, nicht {actual}",
        "schema_problem_bad_id": "die ID „{value}“ ist nicht erlaubt: IDs bestehen aus "
        "Kleinbuchstaben, Ziffern und _ ({pattern}), beginnen mit einem Buchstaben und enthalten "
        "nie einen Punkt",
        "schema_problem_bad_version": "schema_version „{value}“ ist keine semantische Version; "
        "bitte HAUPT.NEBEN.PATCH schreiben, z.\xa0B. 1.0.0",
        "schema_problem_unknown_type": "Feld „{field}“: unbekannter Typ „{value}“{hint}; "
        "bekannte Typen: {known}",
        "schema_problem_bad_value": "„{where}“: {value!r} ist nicht erlaubt; bitte einen dieser "
        "Werte verwenden: {allowed}",
        "schema_problem_too_small": "„{where}“ ist {value}; erforderlich ist mindestens {limit}",
        "schema_problem_generic": "„{where}“: {message}",
        "schema_problem_default_language": "default_language „{value}“ steht nicht in languages "
        "{languages}; bitte dort ergänzen",
        "schema_problem_missing_translation": "{what} hat keinen Text in „{language}“ "
        "(languages: {languages}); bitte „{language}: …“ ergänzen",
        "schema_problem_missing_translations": "{count} Texte fehlen in „{language}“ (languages: "
        "{languages}), jeder einzeln unten aufgeführt; bitte bei jedem „{language}: …“ ergänzen "
        "oder „{language}“ aus languages nehmen, bis sie übersetzt sind",
        "schema_problem_duplicate_id": "die ID „{value}“ ({kind}) wird zweimal verwendet (zuerst "
        "in Zeile {first}); IDs müssen eindeutig sein",
        "schema_problem_unknown_field_set": "Checkliste „{category}“: unbekanntes field_set "
        "„{value}“{hint}; definiert sind: {known}",
        "schema_problem_no_default_field_set": "Checkliste „{category}“ nennt kein field_set, "
        "und das Schema hat kein default_field_set; bitte „default_field_set: <name>“ ergänzen",
        "schema_problem_unknown_override": "Checkliste „{category}“: {what} nennt das unbekannte "
        "Feld „{value}“{hint}",
        "schema_problem_unknown_section": "Checkliste „{category}“: add_fields nennt den "
        "unbekannten Abschnitt „{value}“{hint}",
        "schema_problem_rename_collides": "Feld „{field}“: renamed_from „{value}“ {why}",
        "schema_problem_needs_choices": "Feld „{field}“: der Typ {type} braucht „choices“ oder "
        "„choices_from“",
        "schema_problem_no_regions": "Feld „{field}“: choices_from: regions, aber das Schema "
        "legt keine Regionen fest",
        "schema_problem_choices_not_allowed": "Feld „{field}“: der Typ {type} nimmt keine "
        "„choices“",
        "schema_problem_duplicate_choice": "Feld „{field}“: der Auswahlwert „{value}“ wird "
        "zweimal verwendet",
        "schema_problem_reserved_choice": "Feld „{field}“: der Auswahlwert „{value}“ ist für das "
        "Kästchen „other“ (Sonstiges) reserviert",
        "schema_problem_unknown_language": "Feld „{field}“: „{value}“ in „common“ ist kein "
        "bekannter Sprachcode{hint}",
        "schema_problem_min_max": "Feld „{field}“: {low_key} {low} ist größer als {high_key} "
        "{high}",
        "schema_problem_bad_pattern": "Feld „{field}“: constraints.pattern ist kein gültiger "
        "regulärer Ausdruck: {error}",
        "schema_problem_hint_without_pattern": "Feld „{field}“: constraints.pattern_hint "
        "beschreibt kein Muster; bitte constraints.pattern ergänzen oder den Hinweis entfernen",
        "schema_problem_no_fields": "Checkliste „{category}“ hat nach remove_fields keine Felder "
        "mehr",
        "schema_problem_no_name": "kein Einrichtungsfeld „name“: formgen nennt jede Einrichtung "
        "danach (Mails, Register, Druck); bitte ein Feld mit id: name, type: text, scope: "
        "institution ergänzen (bis dahin verschickt „formgen mail“ nichts)",
        "schema_problem_no_email": "kein Einrichtungsfeld „email“: formgen schreibt jeder "
        "Einrichtung an diese Adresse; bitte ein Feld mit id: email, type: email, scope: "
        "institution ergänzen (bis dahin verschickt „formgen mail“ nichts)",
        "schema_problem_name_field": "das Feld „name“ ist der Name der Einrichtung, auf den sich "
        "formgen verlässt: bitte scope: institution angeben (bis dahin verschickt „formgen mail“ "
        "nichts)",
        "schema_problem_email_field": "das Feld „email“ ist die Adresse, an die formgen der "
        "Einrichtung schreibt: bitte type: email und scope: institution angeben (bis dahin "
        "verschickt „formgen mail“ nichts)",
        "schema_problem_date_field": "das Feld „date“ ist der Tag, an dem die Einrichtung einen "
        "Eintrag bestätigt hat; ab ihm zählt das Alter eines Eintrags: bitte type: date angeben "
        "(und kein scope: institution)",
        "schema_problem_region_field": "das Feld „region“ ist die Region der Einrichtung, nach der "
        "Empfängerlisten, find, gaps und der Druck gehen: bitte type: select_one, scope: "
        "institution und choices_from: regions angeben und die Regionen oben in der Datei unter "
        "regions: aufführen (ein Feld mit eigener Auswahl braucht eine andere ID, z. B. district)",
        "schema_problem_no_date": "kein Eintragsfeld „date“ in {categories}: formgen zählt das "
        "Alter eines Eintrags ab dem Feld mit id: date (type: date), dem Tag, an dem die "
        "Einrichtung ihn bestätigt hat; ohne es wird kein Eintrag durch sein Alter veraltet und "
        "kein Datum in der Zukunft gemeldet{hint}",
        "schema_problem_no_date_hint": "; ist es „{field}“? dann diesem Feld id: date geben",
        "schema_problem_empty_section": "Abschnitt „{section}“ hat keine Felder: Formulare und "
        "das gedruckte Register lassen ihn aus; seine Felder ergänzen oder ihn entfernen",
        "schema_problem_no_regions_at_all": "keine Regionen: das Register ist nicht nach Regionen "
        "geteilt (register gaps zählt Checklisten ganz ohne Eintrag, der Druck hat keine "
        "Regionsüberschriften, eine Empfängerliste braucht keine Spalte region); für Regionen "
        "diese unter regions: aufführen und ein Einrichtungsfeld mit id: region, choices_from: "
        "regions ergänzen",
        "schema_problem_control_character": "{what}: der Text in „{language}“ enthält das "
        "Steuerzeichen {char}, das kein Formular zeigen kann (ein Word-Formular kann es gar nicht "
        "enthalten); bitte entfernen (in einem Text in doppelten Anführungszeichen erzeugt es "
        "eine Escape-Sequenz wie \\e, \\a oder \\x07)",
        "schema_problem_not_utf8": "kein UTF-8-Text ({reason} bei Byte {start}); bitte als UTF-8 "
        "speichern",
        "schema_problem_cannot_read": "die Datei ist nicht lesbar: {why}",
        "schema_problem_why_current": "ist die ID eines aktuellen Feldes; alte IDs werden nie "
        "wiederverwendet",
        "schema_problem_why_claimed": "wird auch von Feld „{field}“ beansprucht",
        "schema_problem_kind_field": "Feld",
        "schema_problem_kind_group": "Gruppe",
        "schema_problem_kind_category": "Checkliste",
        "schema_problem_what_field": "Feld „{id}“",
        "schema_problem_what_field_help": "Hilfetext von Feld „{id}“",
        "schema_problem_what_section_help": "Hilfetext von Abschnitt „{id}“",
        "schema_problem_what_choice": "Auswahl „{value}“ von Feld „{field}“",
        "schema_problem_what_pattern_hint": "pattern_hint von Feld „{field}“",
        "schema_problem_what_section": "Abschnitt „{id}“",
        "schema_problem_what_category": "Checkliste „{id}“",
        "schema_problem_what_group": "Gruppe „{id}“",
        "schema_problem_what_category_description": "Beschreibung von Checkliste „{id}“",
        "schema_problem_what_group_description": "Beschreibung von Gruppe „{id}“",
        "schema_problem_what_override": "Überschreibung von Feld „{id}“",
        "schema_problem_what_title": "Titel",
        "schema_problem_what_mail_title": "mail_title",
        "schema_problem_what_short_title": "short_title",
        "schema_problem_what_schema_description": "Beschreibung",
        "schema_problem_type_mapping": "eine Zuordnung",
        "schema_problem_type_list": "eine Liste",
        "schema_problem_type_text": "ein Text",
        "schema_problem_type_yes_no": "true/false",
        "schema_problem_type_number": "eine Zahl",
        "schema_problem_type_empty": "leer",
        "schema_problem_expected_object": "eine Zuordnung (Zeilen „Schlüssel: Wert“)",
        "schema_problem_expected_array": "eine Liste (Zeilen, die mit „- “ beginnen)",
        "schema_problem_expected_string": "ein Text",
        "schema_problem_expected_integer": "eine ganze Zahl",
        "schema_problem_expected_boolean": "true oder false",
        "schema_problem_not_new_version": "schema_version {version} ist die Version bereits "
        "ausgegebener Formulare (aufbewahrt als {kept}), aber ihre Felder unterscheiden sich: "
        "{changed}. Bitte dem geänderten Schema eine neue schema_version geben (z.\u00a0B. "
        "{next}), damit jene Formulare weiter so gelesen werden, wie sie erstellt wurden",
        "schema_problem_changed_new_checklists": "neue Checklisten: {ids}",
        "schema_problem_changed_checklists_gone": "entfallene Checklisten: {ids}",
        "schema_problem_changed_new_fields": "neue Felder: {ids}",
        "schema_problem_changed_fields_gone": "entfallene Felder: {ids}",
        "schema_problem_changed_fields_changed": "geänderte Felder: {ids}",
        "schema_problem_rename_not_issued": "Feld „{field}“: renamed_from „{old}“ ist kein Feld "
        "der Versionen, mit denen dieser Arbeitsbereich Formulare ausgegeben hat ({versions})"
        "{hint}; die Werte unter der alten ID würden nicht übernommen",
        # (end of schema_problem)
        # a recipients list's further sheets (cli/common.py, for generate and mail)
        "table_header_at": "Hinweis: {file}: die Kopfzeile ist Zeile {line}; die Zeilen darüber "
        "werden nicht gelesen",
        "recipients_left_out": "Hinweis: {source}: nur das erste Tabellenblatt wird gelesen, "
        "nicht die weiteren Blätter mit Daten ({names}); die zu lesenden Zeilen gehören auf das "
        "erste Blatt",
        "recipients_unread": "Hinweis: {source}: nicht gelesene Spalten: {names}; eine Liste "
        "füllt die Formulare nur mit den Angaben zur Einrichtung vor (Name, Adresse, Telefon …), "
        "die zu den Checklisten (die Ansprechperson …) kommen aus dem Register: erst „formgen "
        "register import {quoted}“, dann „formgen mail --from-register --drafts ORDNER“",
        # formgen schema show (cli/schema.py)
        "schema_outline_head": "Schema {schema} Version {version} · Sprachen {languages} · "
        "Gruppen: {groups} · Kategorien: {categories}",
        "schema_outline_regions": "Regionen: {regions}",
        "schema_outline_no_regions": "(keine)",
        "schema_outline_category": "  {number:>2}. {label}  [{id}]  Felder: {fields}, Einträge: "
        "{blocks}, veraltet nach {days} Tagen",
        # (end of demo)
    },
}
"""The fixed words of the terminal views (``register find``, ``stale``, ``gaps``, ``conflicts``,
``history``, and ``formgen status``: the ``status_`` words, its notes ``status_note_KEY`` by
the key of :class:`formgen.tracking.Note`), of the lines the register commands confirm with (``resolve``, ``retire``,
``restore``, ``set``, ``confirm``, ``import``, ``rebuild``, ``export``, ``print``), of the tables exported with labels
(``register export --labels``) and of the printed register (``register print``: the ``print_`` words, with the counts, reasons
and the word for an invalid value the terminal views say too), per language; every language
has every key. One thing has one word everywhere: an entry past its category's
``stale_after_days`` is "stale" (``veraltet``) in the print, the tables and the terminal. ``--json`` and an export without labels say none
of them: they keep ids, reason keys (``stale``) and ISO dates for machines. The ``dup_`` words
say why a probable duplicate was held; the register stores their key and args with it
(:func:`reason_text`)."""

COMMAND_HELP: dict[str, dict[str, str]] = {
    "de": {
        "formgen": (
            "formgen – Checklisten der regionalen Versorgungslandschaft: ausfüllbare PDF- und "
            "DOCX-Formulare aus einem Schema erstellen, zurückgesandte Formulare einlesen und ein "
            "gemeinsames Register aktuell halten.\n"
            "\n"
            "Zum Einstieg: „formgen demo ORDNER“ zeigt den ganzen Ablauf mit der mitgelieferten "
            "Arbeitshilfe; „formgen init ORDNER“ legt danach den Arbeitsbereich Ihrer Stelle an."
        ),
        "formgen bounces": (
            "Unzustellbare Mails erfassen. Liest Unzustellbarkeitsnachrichten (.eml-Dateien oder "
            "einen .mbox-Ordner, aus dem Mailprogramm gespeichert), ordnet sie dem "
            "Versandprotokoll zu und markiert diese Mails als fehlgeschlagen.\n"
            "\n"
            "Eine Einrichtung mit unzustellbarer Mail erscheint in „formgen status“ als "
            "fehlgeschlagen; ist die Adresse in der Empfängerliste berichtigt, schickt „formgen "
            "mail“ dasselbe Formular noch einmal."
        ),
        "formgen demo": (
            "Den ganzen Ablauf in DIRECTORY durchspielen. Mit dem mitgelieferten Schema und "
            "Beispiel-Rückläufen.\n"
            "\n"
            "Legt einen Arbeitsbereich an (Standard: demo-workspace), erstellt leere und "
            "persönliche PDF- und DOCX-Formulare, schreibt Mailentwürfe für zehn Einrichtungen, "
            "liest Formulare ein, die mit pdf.js, PDFium, pdftk, qpdf, poppler, LibreOffice und "
            "per Mail zurückkamen (zwei davon beantwortete Formulare der eigenen Runde), übernimmt "
            "sie ins Register, zeigt den Stand der Runde, meldet veraltete Einträge und Lücken, "
            "exportiert JSON/CSV/XLSX, druckt das Register – und sagt, wo alles liegt. Ein Ordner "
            "einer früheren Demo wird neu angelegt, jeder andere nicht leere Ordner abgelehnt. Mit "
            "--lang en arbeitet der Arbeitsbereich auf Englisch, wie einer aus „formgen init "
            "--lang en“ (die Beispiel-Rückläufe bleiben, wie sie ausgefüllt wurden, auf Deutsch)."
        ),
        "formgen generate": (
            "Ausfüllbare Formulare aus dem Schema erstellen. Leere Checklisten oder persönliche "
            "Formulare."
        ),
        "formgen generate docx": (
            "Ausfüllbare DOCX-Formulare (Word) erstellen. Mit Inhaltssteuerelementen, die Word und "
            "LibreOffice ausfüllen und speichern.\n"
            "\n"
            "Jeder Wert ist ein Inhaltssteuerelement mit seinem Feldpfad als Tag (dieselben Namen "
            "wie die Felder des PDF-Formulars); die Kennung des Formulars steht in den "
            "Dokumenteigenschaften, sein Zeichen in der Fußzeile. DejaVu Sans ist eingebettet, so "
            "dass jede Schrift auf jedem Rechner erscheint.\n"
            "\n"
            "\b\n"
            "Beispiele:\n"
            "  formgen generate docx --category psychotherapie --out psychotherapie.docx\n"
            "  formgen generate docx --record inst-0001.json --workspace ws\n"
            "  formgen generate docx --institution inst-0001 --workspace ws\n"
            "  formgen generate docx --recipients recipients.csv --out forms/ --workspace ws "
            "--seed 1"
        ),
        "formgen generate pdf": (
            "Ausfüllbare PDF-Formulare (AcroForm) erstellen. Sie zeigen jede Schrift und drucken "
            "auf A4.\n"
            "\n"
            "\b\n"
            "Beispiele:\n"
            "  formgen generate pdf --category psychotherapie --out psychotherapie.pdf\n"
            "  formgen generate pdf --record inst-0001.json --workspace ws\n"
            "  formgen generate pdf --institution inst-0001 --workspace ws\n"
            "  formgen generate pdf --recipients recipients.csv --out forms/ --workspace ws --seed "
            "1"
        ),
        "formgen ingest": (
            "Zurückgesandte Formulare einlesen. PDF-, DOCX- und ODT-Dateien, Ordner und "
            "ZIP-Archive davon und gespeicherte Mails (.eml, .mbox, Maildir-Ordner, Outlook-.msg), "
            "deren Anhänge die Formulare sind.\n"
            "\n"
            "Jede Datei bekommt eine Zeile: ok, Warnungen (ungültige Werte wie eingetippt "
            "behalten, fehlende Pflichtfelder, eine gedruckte Kopie), beiseitegelegt (unbekanntes "
            "Formular, veränderte Kennung, unbekanntes Schema – im Ordner quarantine/ des "
            "Arbeitsbereichs, nicht übernommen) oder unlesbar (mit Grund). Ein übernommenes "
            "Formular kommt ins Register (register.json, sein Verlauf in journal.jsonl), die Datei "
            "in den Ordner archive/ des Arbeitsbereichs; der Bericht mit jeder Warnung wird als "
            "exports/ingest-DATUM-ZEIT.txt aufbewahrt, unter einer Zeile mit Uhrzeit, Befehlszeile "
            "und Arbeitsbereich (nicht mit --dry-run und nicht, wenn nichts zu lesen war).\n"
            "\n"
            "Exit-Status 0, wenn jede Datei bearbeitet wurde, auch wenn einige beiseitegelegt oder "
            "unlesbar waren; 1, wenn der Lauf selbst scheiterte (oder mit --strict, wenn eine "
            "Datei nicht ok war). Mit --quiet erscheinen nur die Zeile mit den Zahlen und der Ort "
            "des Berichts: kein Dateiname (eines Lebenslaufs, eines Arztbriefs) in der Mail eines "
            "Cron-Jobs."
        ),
        "formgen init": (
            "Einen Arbeitsbereich in DIRECTORY anlegen. Mit Einstellungen, Signaturschlüssel, "
            "Register und Archiv.\n"
            "\n"
            "DIRECTORY ist ein neuer oder leerer Ordner; einer mit anderen Dateien (z. B. "
            "Rückläufen) wird abgelehnt, außer mit --with-files. Ein Arbeitsbereich oder Reste "
            "davon werden nie überschrieben. Der Ordner ist nur für Sie lesbar (Modus 0700): er "
            "wird personenbezogene Daten enthalten."
        ),
        "formgen mail": (
            "Jeder Einrichtung ihr vorausgefülltes Formular mailen. Als Entwürfe (--drafts DIR) "
            "oder per SMTP (--send).\n"
            "\n"
            "Die Empfänger kommen aus RECIPIENTS (einer Excel-Arbeitsmappe, XLSX, gelesen aus dem "
            "ersten Blatt, oder einer CSV mit id, institution, email, categories, region und "
            "wahlweise Sprache und Format von Mail und Formular jeder Einrichtung; Excel-CSVs mit "
            "„;“ in Windows-1252 (1254, 1250, 1251 von einem türkischen, polnischen oder "
            "tschechischen, kyrillischen Windows) oder UTF-8 werden gelesen, wie sie sind) oder aus --from-register. --overdue "
            "und --stale machen die nächste Runde: Erinnerungen für Formulare, die nicht "
            "rechtzeitig zurückkamen, und Bitten um Aktualisierung veralteter Einträge, jeweils "
            "mit frisch vorausgefülltem Formular. Eine Erinnerung gilt der letzten Runde: eine "
            "Einrichtung, auf deren Runde eine weitere Einladungs- oder Aktualisierungsrunde "
            "folgte, begonnen nach ihrer Frist und nun selbst über ihre Frist, wird übersprungen, "
            "und die Zeile sagt es (--force erinnert sie trotzdem); eine Einrichtung, die ein "
            "während der Runde für sie erstelltes Formular („formgen generate pdf --institution "
            "ID“) zurückgeschickt hat, hat sie beantwortet. Jeder Schritt steht im Versandprotokoll "
            "sendlog.jsonl, und jedes gemailte Formular wird im Ordner forms/mail/RUNDE/ des "
            "Arbeitsbereichs aufbewahrt (die eines Tests nicht); derselbe Befehl noch einmal "
            "schickt nur, was noch fehlt.\n"
            "\n"
            "--stale mailt die Aktualisierungsliste von „formgen register stale“: jede Einrichtung "
            "mit einem Eintrag, der veraltet, unvollständig oder ungültig ist oder nie von der "
            "Einrichtung selbst bestätigt wurde (von der Stelle eingetippt oder von jemand anderem "
            "auf einer Checkliste geschickt), und fragt nur nach diesen Checklisten.\n"
            "\n"
            "Keine Runde mailt an eine Adresse (der Liste oder des Registers), an die eine Mail "
            "unzustellbar war oder die der Server endgültig abgewiesen hat (550), in einem "
            "früheren Lauf der Runde oder einer früheren Runde: die Einrichtung bekommt keine "
            "Mail, ihre Zeile sagt „NICHT VERSANDT“ und warum – außer mit --force (jede so "
            "gemailte Adresse wird genannt: „trotzdem versandt: … die Adresse … wurde abgewiesen "
            "…“) oder wenn die Adresse seitdem von Hand gesetzt wurde („formgen register set ID "
            "institution.email ADDRESS“: erneut gesetzt, bürgt sie für die Adresse). --overdue "
            "schickt eine Erinnerung, die unzustellbar war oder abgewiesen wurde, also nur an eine "
            "berichtigte Adresse (RECIPIENTS oder --from-register), an eine verbürgte oder mit "
            "--force; eine, die der Server aufgeschoben hat (451), geht beim nächsten Lauf "
            "desselben Befehls erneut.\n"
            "\n"
            "--from-register und --stale mailen jede Einrichtung an die Adresse im Register; hat "
            "das Register keine (das Feld E-Mail blieb leer) oder eine ungültige, an die Adresse, "
            "an die ihre letzte zugestellte Mail ging (Versandprotokoll) – außer diese Mail war "
            "unzustellbar, eine spätere an diese Adresse wurde endgültig abgewiesen, die "
            "Adresse im Register wurde seitdem von Hand entfernt („formgen register set ID "
            "institution.email --clear“) oder sie ging an die Adresse mit „ss“ statt „ß“, eine "
            "andere Domain, wie formgen sie vor dem 25.11.2026 schrieb.\n"
            "\n"
            "Eine Einrichtung, deren Formular aus einer anderen Runde noch unterwegs ist (gemailt, "
            "nicht zurück, Frist nicht abgelaufen), wird nicht erneut gemailt, weder von --stale "
            "noch von RECIPIENTS oder --from-register: die Ausgabe nennt sie als übersprungen. "
            "--force mailt sie trotzdem.\n"
            "\n"
            "Eine aus dem Register genommene Einrichtung („formgen register retire“) bekommt keine "
            "Mail: keine Runde des Registers enthält sie, und eine Zeile von RECIPIENTS mit ihr "
            "wird übersprungen, mit dem Tag, seit dem sie nicht mehr im Register ist – außer mit "
            "--force.\n"
            "\n"
            "--test-to ADDRESS schickt Ihnen zuerst einen Test: die Mails, die dieser Befehl "
            "schicken würde, je mit dem vorausgefüllten Formular der Einrichtung, gehen nur an "
            "ADDRESS (oder werden als Entwürfe an sie geschrieben), der Betreff markiert mit "
            "„[TEST, an info@…]“; nichts wird protokolliert, so dass die Runde, „formgen status“, "
            "Erinnerungen und der echte Lauf bleiben, als hätte es den Test nicht gegeben.\n"
            "\n"
            "--forget-forms --round RUNDE löscht die aufbewahrten Formulare einer Runde, die "
            "abgeschlossen ist (jede Mail gesendet oder als Entwurf geschrieben, oder ihre Adresse "
            "endgültig abgewiesen), und sagt, wie viele Dateien und wie viel Platz das frei macht, "
            "nach einer Rückfrage (--yes: ohne; --dry-run: sagt es nur); eine Runde mit Mails, die "
            "noch nicht hinaus sind, wird abgelehnt. Ihre Rückmeldungen werden weiter erkannt und "
            "gezählt: issued.jsonl und das Versandprotokoll bleiben."
        ),
        "formgen quarantine": (
            "Die Quarantäne: beiseitegelegte Dateien auflisten. Warum, wer sie geschickt hat, ob "
            "sie erledigt sind; eine als erledigt markieren oder eine löschen.\n"
            "\n"
            "Jede Datei: ihre Nummer, warum sie beiseitegelegt wurde (in der Sprache des "
            "Arbeitsbereichs), Name und Tag des Eingangs, Absender und Betreff der Mail. Eine "
            "Datei gilt als erledigt, wenn sie mit --done NUMBER --note TEXT so markiert wurde "
            "(das Foto eines Papierformulars ins Formular der Einrichtung abgetippt, beim Absender "
            "nachgefragt) oder wenn von der Einrichtung, von der sie kam – das Formular, das sie "
            "nennt, wurde für sie erstellt, oder ihre Mail kam von der Adresse der Einrichtung –, "
            "seit ihrem Eingang ein Rücklauf übernommen wurde (nicht bei einem Formular mit "
            "veränderter Kennung). Eine erledigte Datei bleibt in der Quarantäne (formgen löscht "
            "keine von sich aus), und „formgen status“ zählt sie nicht mehr als offen. --reopen "
            "NUMBER --note TEXT zählt sie wieder als offen (versehentlich markiert, oder die "
            "Antwort der Einrichtung enthielt nicht, was die Datei enthielt): die zurückgenommene "
            "Markierung bleibt in ihrem Datensatz, und nur eine danach übernommene Antwort zählt.\n"
            "\n"
            "--delete NUMBER --note TEXT löscht eine Datei, die keiner Einrichtung gehört (der "
            "Brief einer Bürgerin mit einem Arztbericht, an die Adresse der Stelle gemailt): die "
            "Datei verschwindet, ebenso Namen, Absender, Betreff und Datum aus ihrem Datensatz, "
            "der nur behält, dass eine Datei gelöscht wurde, wann und warum. Fragt vorher, außer "
            "mit --yes; ist es der Rücklauf einer Einrichtung (ein Formular dieses "
            "Arbeitsbereichs), wird das vor der Frage gesagt."
        ),
        "formgen register": (
            "Das gemeinsame Register pflegen. Verlauf, Konflikte, Veraltetes, Exporte, Druck."
        ),
        "formgen register confirm": (
            "Festhalten, dass INSTITUTION_ID ihre Einträge bestätigt hat. So, wie sie sind, etwa "
            "am Telefon („Stimmt noch alles in Ihrem Eintrag?“ – „Ja.“).\n"
            "\n"
            "Ihre Einträge (alle oder die von --category) gelten ab heute als von der Einrichtung "
            "bestätigt: sie verlassen die Aktualisierungsliste („register stale“, „status“, „mail "
            "--stale“), bis sie wieder veralten. Kein Wert ändert sich, schon verschickte "
            "Formulare bleiben aktuell; der Verlauf zeigt die Notiz. Ihre Werte und die eigenen "
            "Angaben der Einrichtung (Name, Adresse …) gelten als Wort der Einrichtung, wie auf "
            "ihrem Formular bestätigt: eine importierte Liste oder eine Checkliste von jemand "
            "anderem ersetzt sie nie von selbst („register conflicts“ zeigt sie zurückgestellt, "
            "mit Tag und Notiz). Ein Eintrag, dem Pflichtangaben fehlen oder der einen ungültigen "
            "Wert enthält, bleibt deshalb auf der Liste: mit „formgen register set“ berichtigen."
        ),
        "formgen register conflicts": (
            "Zurückgestellte Werte und mögliche Dubletten auflisten. Werte, die auf Prüfung "
            "warten, und neue Einrichtungen, die bekannten ähneln, zuerst wie viele.\n"
            "\n"
            "--category, --region und --institution listen nur diese: ein zurückgestellter Wert "
            "der eigenen Angaben einer Einrichtung zählt für jede Checkliste, in der sie einen "
            "Eintrag hat, eine mögliche Dublette für ihre Checkliste, die angegebene Region und "
            "die Einrichtung, der sie ähnelt."
        ),
        "formgen register erase": (
            "Die Daten einer Person im ganzen Arbeitsbereich löschen. Nach DSGVO Art. 17: jeden "
            "Wert PATH, den INSTITUTION_ID je hatte, den jetzigen und alle früheren.\n"
            "\n"
            "PATH wie bei „register set“: psychotherapie.contact_name, institution.email. Die "
            "Werte verschwinden aus dem Register, seinem Verlauf, zurückgestellten Konflikten und "
            "dem Journal (eine Markierung tritt an ihre Stelle; der Verlauf zeigt die Löschung mit "
            "der Notiz) und mit ihnen, was die eigenen Rückläufe der Einrichtung, die einen "
            "enthielten, über ihren Absender sagen (Dateiname, Absender, Betreff: eine private "
            "Adresse, eine Kurzform des Namens), ganz. Archivierte Originale und "
            "Quarantäne-Kopien, die einen enthalten, werden gelöscht (auch eine Checkliste, die "
            "andere Einrichtungen nennt: deren Werte bleiben, nur die Datei geht), ebenso "
            "Quarantäne-Kopien von der Adresse der Einrichtung oder mit ihrem Formular; die "
            "Einträge der Einrichtung im Versandprotokoll bekommen die Markierung. Ihre "
            "Mailentwürfe (mail --drafts; nur die, die laut Versandprotokoll zu diesem "
            "Arbeitsbereich gehören) und von formgen erstellte Dateien (ihre Formulare, exports/, "
            "ein Einlesebericht mit ihren Dateien), die einen enthalten, werden genannt und "
            "gelöscht; ihre Testentwürfe (mail --test-to) werden zum Löschen von Hand genannt, "
            "ebenso die Mails ihrer Runden, deren Formulare einen enthielten (Runde, Tag, Adresse; "
            "gesendet oder Entwurf: in den Postfächern, außer Reichweite), und die Dateien, die "
            "formgen mit --out/--output/-o außerhalb des Arbeitsbereichs schrieb und die einen "
            "enthalten (oder nicht mehr da sind); Ordner, die ein abgebrochenes Einlesen im "
            "temporären Ordner hinterließ (formgen-ingest-…), werden genannt und gelöscht.\n"
            "\n"
            "Dateien anderer Einrichtungen bleiben: die, deren eigene Werte denselben Text "
            "enthalten (eine Ansprechperson gleichen Namens), werden zuerst genannt, mit dem "
            "Befehl, auch dort zu löschen, wo es dieselbe Person ist; eine in sie zusammengeführte "
            "(register merge) als solche, dieselbe Einrichtung; ebenso andere Felder der "
            "Einrichtung, die ihn enthalten (ein freier Text, der sie nennt). Ein vor der Löschung "
            "erstelltes Formular, das mit dem gelöschten Wert als Vorausfüllung zurückkommt, "
            "bringt ihn nicht zurück: der Wert bleibt weg.\n"
            "\n"
            "--keep-current behält die Werte, die PATH jetzt hat (die der Nachfolgerin), und "
            "löscht die früheren; --only-with TEXT löscht nur die Werte, die TEXT enthalten. "
            "--text TEXT (ihr Nachname; auch ohne PATH) löscht TEXT in den Notizen der "
            "Einrichtung (register set, confirm, eine frühere Löschung), den Texten ihrer anderen "
            "Felder (Verabredungen, die sie nennen), dem, womit ihre Formulare vorausgefüllt waren "
            "(issued.jsonl), und den Namen ihrer Rückläufe, eine Markierung an seiner Stelle; ihre "
            "archivierten Originale und formgens Dateien, die ihn enthalten, gehen wie bei einem "
            "Wert. Die Notiz der Löschung selbst behält eine Markierung, wo sie nennt, was "
            "gelöscht wird. Sagt, was gelöscht wird (jeden Wert gekürzt, mit seinem Feld und ob "
            "es der jetzige Wert ist; die jetzigen Werte, die bleiben), und fragt vorher, außer "
            "mit --yes."
        ),
        "formgen register erase-login": (
            "Den Anmeldenamen einer Koordinatorin aus den Angaben löschen, wer das Register "
            "änderte. Nach DSGVO Art. 17: eine Koordinatorin, die geht, bittet darum.\n"
            "\n"
            "Jede Änderung, die laut Journal LOGIN machte (register set, confirm, resolve, merge, "
            "retire, restore, erase, import), nennt stattdessen eine Markierung, die register "
            "history und find --all als (gelöscht) zeigen; ebenso die Kopien, die register repair "
            "und register rebuild beiseitelegten. Die Änderungen selbst bleiben; register rebuild "
            "und repair spielen das Journal ab wie zuvor. Sagt, wie viele Änderungen ihn nennen, "
            "und fragt vorher, außer mit --yes."
        ),
        "formgen register export": (
            "Das Register als JSON, CSV oder XLSX exportieren. Die CSV in UTF-8 mit BOM, mit „;“ "
            "zwischen den Werten einer Tabelle auf Deutsch, wie das deutsche Excel es erwartet, "
            "sonst „,“.\n"
            "\n"
            "Die CSV- und XLSX-Tabellen lassen aus dem Register genommene Einrichtungen („formgen "
            "register retire“) weg, außer mit --with-retired; das JSON behält jede Einrichtung und "
            "markiert diese.\n"
            "\n"
            "--stand 31.12.2025 exportiert das Register, wie es am Ende dieses Tages war (für den "
            "Jahresbericht), wie „register print --stand“ es druckt."
        ),
        "formgen register find": (
            "Einträge im Register finden. Etwa Psychotherapeutinnen in Düsseldorf, die Farsi "
            "anbieten: --category psychotherapie --region duesseldorf --language fa\n"
            "\n"
            "WORDS sind, wenn angegeben, der gesuchte Text, wie bei --text: „formgen register find "
            "Yılmaz“; mehrere Wörter finden die Einträge, die jedes davon enthalten, in beliebiger "
            "Reihenfolge („formgen register find Frauen Dormagen“), eine Telefonnummer, wie ein "
            "Briefkopf sie druckt, die gespeicherte Nummer („formgen register find 0211 1234567“). "
            "Jeder gefundene Eintrag erscheint mit Ort und Telefon.\n"
            "\n"
            "Mit --all wird der Text in allem gesucht, was formgen im Arbeitsbereich speichert "
            '(für ein Auskunftsersuchen, DSGVO Art. 15: „formgen register find --all "Oksana '
            'Petrenko"“): in den jetzigen und früheren Werten, ihrer Herkunft (Dateinamen, '
            "Mail-Absender), zurückgestellten Werten, dem Journal, den Datensätzen der Quarantäne, "
            "dem Versandprotokoll, den ausgegebenen Formularen (issued.jsonl), den Berichten und "
            "Exporten und den Mails, mit denen ein dort gefundenes Formular verschickt wurde; jede "
            "Fundstelle mit Datei, Einrichtung, Feld und Datum. Dateien, die formgen außerhalb des "
            "Arbeitsbereichs schrieb (--out, --output, -o), werden genannt, nicht durchsucht. Eine "
            "Telefonnummer wird an ihren Ziffern erkannt."
        ),
        "formgen register gaps": (
            "Lücken: Kategorien ohne Eintrag in einer Region. Oder nur mit Einträgen „Fehlanzeige“ "
            "(ein Schema ohne Regionen: Kategorien ganz ohne Eintrag oder nur mit „Fehlanzeige“)."
        ),
        "formgen register report": (
            "Die Zahlen eines Jahres für den Jahresbericht an den Geldgeber. Einrichtungen im "
            "Register nach Checkliste und Region, wie viele neu sind, geantwortet haben, bestätigt "
            "und aus dem Register genommen wurden.\n"
            "\n"
            "Jede Zahl nach einer Regel. Im Register, wie es am Ende des Jahres war (im laufenden "
            "Jahr: im heutigen): neu sind die Einrichtungen, die in dem Jahr ins Register kamen "
            "(auch aus einer importierten Liste); aus dem Register genommen die in dem Jahr "
            "herausgenommenen und nicht zurückgeholten, außer denen, die mit einer anderen "
            "zusammengeführt wurden („register merge“): sie zählen als jene. Nach dem Tag, an dem "
            "eine Antwort einging (das Datum ihrer Mail, sonst der Tag, an dem sie eingelesen "
            "wurde), unter allen bis heute eingelesenen: geantwortet haben die, von denen in dem "
            "Jahr ein Formular zurückkam, was es auch änderte (ein von Hand gesetzter Wert oder ein "
            "Import ist keine Antwort); bestätigt die mit einem Eintrag, den ein in dem Jahr "
            "eingegangener Rücklauf oder „register confirm“ bestätigte, gleich welches Datum das "
            "Formular trägt. Eine Mail vom 30.12., eingelesen am 02.01., zählt im alten Jahr. "
            "Angeschrieben sind die Einrichtungen, die in dem Jahr eine Mail von formgen erreichte "
            "(gesendet oder ein Entwurf, nach dem Versandprotokoll; eine unzustellbar "
            "zurückgekommene nicht), mit der Zahl der Runden, und davon geantwortet die, die bis "
            "heute auf diese Mails geantwortet haben, mit ihrem Anteil: eine Mail vom Dezember, "
            "im Januar beantwortet, zählt für das Jahr des Dezembers."
        ),
        "formgen register history": (
            "Jede Fassung von INSTITUTION_ID zeigen. Wann, aus welcher Datei, was sich geändert "
            "hat."
        ),
        "formgen register import": (
            "Die eigene Liste der Einrichtungen einlesen. Die Tabelle der Stelle (CSV oder XLSX) "
            "als Ausgangspunkt des Registers, von jeder Einrichtung noch zu bestätigen.\n"
            "\n"
            "FILE ist die Tabelle, die „formgen register export --format csv|xlsx“ schreibt (mit "
            "oder ohne --labels): eine Zeile je Einrichtung und Checkliste. Exportieren → in Excel "
            "bearbeiten → importieren geht also hin und zurück; eine eigene Liste passt, wenn ihre "
            "Spalten so heißen. Eine Zeile mit einer institution_id des Registers aktualisiert "
            "diese Einrichtung; eine eigene Kennung der Liste (K-17) bleibt mit ihrer Einrichtung "
            "verknüpft, und eine spätere Zeile mit ihr aktualisiert diese; eine ohne wird über "
            "Name und Postleitzahl oder Telefon zugeordnet "
            "(zusammengeführt, als mögliche Dublette zurückgestellt oder als neue Einrichtung). "
            "Die Werte werden geprüft wie die eines Rücklaufs; ein ungültiger bleibt, wie "
            "eingetippt, und wird markiert. Ein importierter Wert ersetzt nie einen, den die "
            "Einrichtung selbst angegeben hat oder der von Hand gesetzt wurde (er wartet in "
            "„register conflicts“), und er bestätigt nichts: die Einträge bleiben auf der "
            "Aktualisierungsliste, bis die Einrichtung antwortet – „formgen mail --from-register“ "
            "schickt jeder ihr vorausgefülltes Formular. Eine Zeile je Listenzeile; eine Datei, "
            "die keine solche Tabelle ist, ändert nichts (Exit-Status 1)."
        ),
        "formgen register merge": (
            "OTHER in KEEP zusammenführen: zwei Einträge, eine Einrichtung. OTHER ist dieselbe "
            "Einrichtung wie KEEP (zweimal in verschiedener Schreibweise erfasst, oder zwei "
            "Dienste, die sich zusammengeschlossen haben).\n"
            "\n"
            "Was nur OTHER enthält, geht in KEEP über (der Verlauf nennt OTHER und die Notiz); wo "
            "beide verschiedene Werte haben, bleibt der von KEEP, und der von OTHER wartet in "
            "„register conflicts“ („register resolve“ entscheidet); ein Wert, den die Einrichtung "
            "selbst angegeben oder bestätigt hat, bleibt ihrer. OTHER wird aus dem Register "
            "genommen (ihr Verlauf bleibt und zeigt die Zusammenführung): nicht mehr in find, "
            "stale, gaps, status, Druck, Tabellen und Mailrunden; ein noch ausstehendes Formular "
            "von ihr, das zurückkommt, geht an KEEP, ebenso eine Zeile einer Empfängerliste oder "
            "importierten Tabelle, die sie nennt („formgen generate --institution OTHER“ wird "
            "abgelehnt, mit Hinweis auf das Formular von KEEP). Abgelehnt, ohne etwas zu ändern: "
            "zweimal dieselbe Kennung, eine unbekannte, ein aus dem Register genommenes KEEP, ein "
            "OTHER, das schon aus dem Register genommen oder zusammengeführt ist oder dessen Werte "
            "auf eine Entscheidung warten.\n"
            "\n"
            "„formgen register restore OTHER“ holt OTHER zurück, wie sie vor der Zusammenführung "
            "war: was in KEEP übernommen wurde, bleibt dort, und Rückläufe der Formulare von OTHER "
            "gehen wieder an OTHER."
        ),
        "formgen register split": (
            "Ein Dienst hat sich von INSTITUTION_ID abgeteilt („Beratungsstelle X“ wurde zu „X "
            "Nord“ und „X Süd“): eine neue Einrichtung NAME; INSTITUTION_ID behält Kennung und "
            "Verlauf.\n"
            "\n"
            "Die neue beginnt mit den übrigen Werten und Checklisten von INSTITUTION_ID (ohne "
            "Datum und Handzeichen), keiner davon ihre eigene Angabe: ihre Einträge gelten als "
            "nie bestätigt, so dass „formgen mail --stale“ ihr ein Formular zum Berichtigen "
            "schickt; „register set“ berichtigt einen Wert sofort (INSTITUTION_ID ebenso "
            "umbenennen, „X Süd“). Beide Verläufe, „find --all“ und der Druck sagen, wer sich von "
            "wem abgeteilt hat; eine Checkliste unterscheidet sie an ihren Namen (eine Adresse "
            "oder Telefonnummer, die beide haben, sagt nichts); „register rebuild“ stellt die "
            "Teilung aus dem Journal wieder her. Abgelehnt, ohne etwas zu ändern: eine unbekannte "
            "oder aus dem Register genommene INSTITUTION_ID, ein ungültiger NAME (auch einer mit "
            "einem Steuerzeichen oder U+202E, wie „register set“ ihn ablehnt) oder ihr eigener. "
            "--dry-run nennt die neue Kennung und jeden Wert, mit dem sie beginnen würde, und "
            "ändert nichts."
        ),
        "formgen register print": (
            "Das Register als Loseblatt-PDF drucken. Deckblatt, Inhalt, ein Abschnitt je "
            "Kategorie mit Einträgen (die anderen nennt der Inhalt unter „Noch keine Einträge“), "
            "ein Verzeichnis nach Sprache und Ort mit Zeichenerklärung.\n"
            "\n"
            "Jeder Abschnitt beginnt auf der Vorderseite eines Blatts (die Seite davor bleibt wenn "
            "nötig frei) und zählt seine Seiten selbst („2. Betreutes Wohnen · Seite 3/6“), so "
            "dass ein einzeln gedruckter Abschnitt (--category) dieselben Blätter ergibt. Mit "
            "--simplex, für einseitigen Druck oder den Bildschirm: keine leeren Seiten, jeder "
            "Abschnitt trotzdem auf eigenen Seiten. Der Inhalt nennt die Einrichtungen, die im "
            "Jahr davor aus dem Register genommen wurden, mit ihren Abschnitten: ihre Blätter sind "
            "herauszunehmen.\n"
            "\n"
            "In jedem Abschnitt nennt jede Region ihre Einträge; eine Region ohne Eintrag sagt "
            "„Kein Eintrag“, eine, deren Einrichtungen alle „Fehlanzeige“ (nichts anzubieten) "
            "geantwortet haben, „Fehlanzeige“. Jeder Eintrag sagt, wann er zuletzt bestätigt "
            "wurde, oder – nie bestätigt – mit welchem Stand; veraltete Einträge sind markiert.\n"
            "\n"
            "Mit --no-personal, für Partnerorganisationen oder einen veröffentlichten Wegweiser: "
            "ohne die personenbezogenen Daten der Ansprechpersonen (was „register export "
            "--no-personal“ weglässt), auf dem Deckblatt und im Dateinamen vermerkt.\n"
            "\n"
            "Ein Druck einer Region (--region Dormagen) enthält die Kategorien mit Einträgen dort; "
            "die anderen nennt sein Inhalt zusammen („Ohne Eintrag in Dormagen“), nicht je ein "
            "Blatt, außer --category fragt nach ihnen.\n"
            "\n"
            "Ein Druck einer Region oder einzelner Kategorien nennt sie im Dateinamen "
            "(register-DATUM-duesseldorf-psychotherapeutin-niedergelassen.pdf, in ASCII), und "
            "einer in einer anderen Sprache als der des Arbeitsbereichs (--lang) endet mit ihrem "
            "Code (register-DATUM-en.pdf); so ersetzt er nie den vollständigen Druck des Tages und "
            "keinen anderen.\n"
            "\n"
            "Eine Region, die das Schema nicht mehr anbietet, die aber Einträge enthalten "
            "(--region dormagen, nach Kennung oder altem Namen), druckt diese Einträge unter ihrem "
            "alten Namen, als nicht mehr angeboten markiert, in den Kategorien, die sie enthalten.\n"
            "\n"
            "Für den Ordner: --changed-since 25.11.2026 (der Stand auf seinen Blättern) druckt die "
            "Abschnitte, deren Einträge sich seitdem geändert haben, mit Deckblatt, Inhalt und "
            "Verzeichnis, hinter einer ersten Seite, die sagt, welche Blätter herauszunehmen und "
            "einzulegen sind (ein geänderter Abschnitt ganz: seine Seiten sind in ihm gezählt, "
            "„3/6“). Geändert seit dem Druck dieses Stands, wie prints.jsonl ihn festhält, oder, "
            "für einen Ordner, der gedruckt wurde, bevor das festgehalten wurde, seit dem Register "
            "des Vortags, aus dem Journal wieder hergestellt (Sekunden je Jahr). --stand 31.12.2025 "
            "druckt das Register, wie es am Ende dieses Tages war (ein Tag, der erst kommt, wird "
            "abgelehnt). Ein Druck einzelner Abschnitte (--category) sagt das auf Deckblatt, "
            "Inhalt und Verzeichnis."
        ),
        "formgen register rebuild": (
            "register.json aus Journal und Archiv neu erstellen. Ein beschädigtes wird "
            "beiseitegelegt."
        ),
        "formgen register repair": (
            "Ein beschädigtes Journal ohne Sicherung reparieren. Damit sich das Register wieder "
            "ändern lässt.\n"
            "\n"
            "Das beschädigte journal.jsonl wird als journal.jsonl.damaged-ZEIT aufbewahrt, und ein "
            "neues beginnt mit dem Register, wie es ist: register.json mit dem, was das Journal "
            "danach bis zur beschädigten Zeile enthält (oder, wenn auch register.json beschädigt "
            "ist, den Vorgängen des Journals vor dieser Zeile; register.json wird als "
            "register.json.damaged-ZEIT aufbewahrt). Es sagt, was verloren ist: die Vorgänge nach "
            "der Beschädigung, die keine der beiden Dateien enthält. Gibt es eine Sicherung von "
            "journal.jsonl, besser diese zurückspielen: so bleibt der Verlauf des Registers, aber "
            "„register rebuild --reread“ liest nur die nach der Reparatur eingelesenen Rückläufe "
            "neu. Ein unbeschädigtes Journal bleibt, wie es ist."
        ),
        "formgen register resolve": (
            "Entscheiden, was auf Prüfung wartet. TARGET ist ein Konflikt (c-0001), eine "
            "Einrichtung (alle ihre Konflikte, oder einer mit --field) oder eine mögliche Dublette "
            "(d-0001); ohne TARGET entscheidet --field PATH die zurückgestellten Werte dieses "
            "Felds bei allen Einrichtungen gleich (nur bei --region und --category, wenn "
            "angegeben: „register conflicts“ mit ihnen listet sie), z. B. „register resolve "
            "--field institution.phone --region Dormagen --take theirs --dry-run“.\n"
            "\n"
            "Eine als dieselbe zusammengeführte mögliche Dublette ersetzt nie von selbst, was die "
            "Einrichtung angegeben oder bestätigt hat oder was von Hand gesetzt wurde: jeder "
            "solche Wert wird als Konflikt zurückgestellt und mit dem Wert genannt, den das "
            "Register behält; ein ungültiger übernommener Wert bleibt, wie eingetippt, und wird "
            "ebenfalls genannt."
        ),
        "formgen register restore": (
            "Eine aus dem Register genommene INSTITUTION_ID zurückholen. Wieder in die Listen, den "
            "Druck und die Mailrunden.\n"
            "\n"
            "Eine in eine andere zusammengeführte („formgen register merge“) kommt zurück, wie sie "
            "vor der Zusammenführung war: was in die andere übernommen wurde, bleibt dort, und "
            "Rückläufe ihrer Formulare gehen wieder an sie."
        ),
        "formgen register retire": (
            "INSTITUTION_ID aus dem Register nehmen. Geschlossen, in eine andere übergegangen, "
            "nicht mehr von Belang.\n"
            "\n"
            "Nichts wird gelöscht: ihr Verlauf zeigt wann und warum, der JSON-Export markiert sie. "
            "Ab jetzt fehlt sie in find, stale, gaps, print, den CSV/XLSX-Tabellen (außer mit "
            "--with-retired), status und jeder Mailrunde (eine Empfängerliste, die sie nennt, "
            "überspringt sie, außer mit --force). Ein Formular, das sie noch zurückschickt, wird "
            "übernommen, mit einer Warnung. „formgen register restore“ holt sie zurück."
        ),
        "formgen register set": (
            "Einen Wert von INSTITUTION_ID von Hand setzen oder entfernen. Etwa was eine "
            "Einrichtung am Telefon gesagt hat, eine Adresse, an die Mails nicht zustellbar sind, "
            "eine Ansprechperson, die gegangen ist; entfernen mit --clear.\n"
            "\n"
            "INSTITUTION_ID darf mehrere nennen, mit Kommas getrennt (inst-0002,inst-0005: die "
            "Region der Einrichtungen eines Orts, wie „register import“ sie anbietet): jede wird "
            "gesetzt, oder keine, wo eine nicht gesetzt werden kann.\n"
            "\n"
            "PATH wie in den Formularen: institution.phone, psychotherapie.contact_name. VALUE "
            "wird geprüft wie der Wert eines Rücklaufs (Daten 24.11.2026, Telefonnummern, Sprachen "
            "und Auswahlen nach Name oder Code; eine Liste mit Kommas getrennt: „Türkisch, "
            "Polnisch“); ein ungültiger wird abgelehnt, ebenso einer mit einem Steuerzeichen oder "
            "einem Zeichen, das die Schreibrichtung des Texts danach umkehrt (U+202E, das ingest "
            "in einem Rücklauf markiert). Die Änderung ist eine neue Fassung mit der "
            "Notiz als Herkunft („register history“, der lange Export); ein vorher verschicktes "
            "Formular, das mit dem alten Wert zurückkommt, macht sie nicht rückgängig. Ein "
            "gesetzter Wert ist das Wort der Stelle: sein Eintrag gilt nicht mehr als von der "
            "Einrichtung bestätigt („nein“ in den Tabellen, markiert im Druck, auf der "
            "Aktualisierungsliste), bis die Einrichtung ihn bestätigt, auf ihrem nächsten "
            "Formular oder Ihnen gegenüber („formgen register confirm ID --note …“); ein "
            "entfernter Wert ändert daran nichts.\n"
            "\n"
            "institution.email darf auf die Adresse gesetzt werden, die schon drinsteht: von Hand "
            "erneut gesetzt (oder nach --clear) bürgt sie dafür, dass die Adresse funktioniert, "
            "und „formgen mail“ mailt wieder an sie, auch wenn eine Mail an sie vorher "
            "unzustellbar war oder endgültig abgewiesen wurde."
        ),
        "formgen register stale": (
            "Einträge, die eine Aktualisierung brauchen. Veraltet, unvollständig, mit ungültigen "
            "Werten oder nie von der Einrichtung selbst bestätigt.\n"
            "\n"
            "Ihre Einrichtungen sind die Aktualisierungsliste: „formgen status“ zählt sie als „zu "
            "aktualisieren“, und „formgen mail --stale“ bittet jede von ihnen, für diese "
            "Checklisten, um eine Aktualisierung."
        ),
        "formgen schema": "Schemadateien prüfen und im Überblick zeigen.",
        "formgen schema check": (
            "Eine Schemadatei FILE prüfen und jedes Problem melden. Standard: die des "
            "Arbeitsbereichs mit --workspace, sonst die mitgelieferte Arbeitshilfe.\n"
            "\n"
            "Jedes Problem erscheint mit Datei, Zeile und was zu tun ist, ebenso ein Hinweis auf "
            "eine Kennung, auf die formgen baut und die das Schema weglässt (kein Feld „date“: "
            "kein Eintrag veraltet mit der Zeit; keine Regionen). Exit-Status 0, wenn das Schema "
            "gültig ist, 1, wenn nicht. Mit --workspace ist eine relative FILE die des "
            "Arbeitsbereichs, wie workspace.toml sie nennt, und eine neue Version des Schemas des "
            "Arbeitsbereichs wird auch gegen die Versionen geprüft, mit denen seine Formulare "
            "ausgegeben wurden; ein Arbeitsbereich, dessen eigenes Schema sich nicht nutzen lässt "
            "(jeder seiner Befehle scheitert), besteht die Prüfung ebenfalls nicht."
        ),
        "formgen schema copy": (
            "Die verwendete Schemadatei nach TARGET kopieren, zum Anpassen. Die des "
            "Arbeitsbereichs mit --workspace, sonst die mitgelieferte Arbeitshilfe. Mit "
            "--workspace wird ein relatives TARGET in den Arbeitsbereich geschrieben "
            "(workspace.toml nennt sein Schema relativ zu ihm). Ein vorhandenes TARGET wird nie "
            "ersetzt.\n"
            "\n"
            "Der Kopie eine neue schema_version geben, wenn Sie sie ändern, sie mit „formgen "
            "schema check TARGET --workspace DIR“ prüfen und in workspace.toml eintragen (path = "
            '"TARGET" unter [schema]): was zu tun ist, wird mit den passenden Namen gesagt.'
        ),
        "formgen schema show": (
            "Eine Schemadatei FILE im Überblick zeigen. Gruppen, Kategorien, Zahl der Felder, "
            "Regionen, Version; Standard: die des Arbeitsbereichs mit --workspace, sonst die "
            "mitgelieferte Arbeitshilfe.\n"
            "\n"
            "Das Schema des Arbeitsbereichs erscheint in dessen Sprache, außer --lang ist "
            "angegeben."
        ),
        "formgen status": (
            "Versand, Rückläufe, Veraltetes, Konflikte auf einen Blick. Aus Versandprotokoll, "
            "Register und Quarantäne: verschickt, zurückgemeldet, überfällig, veraltet, Konflikte, "
            "Quarantäne.\n"
            "\n"
            "Jede Einrichtung zählt einmal, nach ihrer letzten Mail: zurückgemeldet, ausstehend, "
            "überfällig oder fehlgeschlagen (ausstehend und überfällig: ihre Antwort wird noch "
            "erwartet; eine, die auf die Einladung geantwortet hat und danach um eine "
            "Aktualisierung gebeten wurde, wartet auf die Aktualisierung; eine, die ein während "
            "der Runde für sie erstelltes Formular, „formgen generate pdf --institution ID“, "
            "zurückgeschickt hat, hat sie beantwortet). Ein Entwurf zählt als angeschrieben: dass "
            "er abgeschickt wurde, erfährt formgen erst, wenn sein Formular zurückkommt oder die "
            "Mail unzustellbar zurückkommt, und die Zählung sagt, wie viele der erwarteten "
            "Antworten Entwürfe sind. „nach Runde“ zeigt je "
            "Runde, wie viele angeschrieben wurden und was daraus wurde: beantwortet, ausstehend, "
            "überfällig, fehlgeschlagen oder erneut angeschrieben (ohne Antwort auf diese Runde, "
            "aber eine Erinnerung oder spätere Runde erreichte die Einrichtung; eine spätere Mail, die unzustellbar war oder "
            "abgewiesen wurde, lässt die Runde ausstehend oder überfällig und zählt in ihrer "
            "eigenen Runde als fehlgeschlagen), und wie viele der Runde mangels brauchbarer "
            "Adresse nicht angeschrieben wurden: keine, eine ungültige (von „mail --skip-invalid“ "
            "ausgelassen, oder die des Registers ohne früher funktionierende Adresse) oder eine "
            "abgewiesene (eine Mail an sie war unzustellbar oder wurde endgültig abgewiesen, auch "
            "diese Mail der Runde: 550 user unknown). Nie angeschriebene (auch eine, deren einzige "
            "Mails der Server endgültig abgewiesen hat) zählen nach Grund als „nicht versandt "
            "(keine brauchbare Adresse)“, wie ein neuer Lauf ihrer Runde sie zählt, bis eine "
            "spätere Mail sie erreicht. „Formular nicht erstellt“ nennt die, deren Formular "
            "nicht erstellt werden konnte (die FEHLER-Zeilen von „formgen mail“: z. B. ihr "
            "Datensatz enthält einen Wert, den der Generator ablehnt), mit Runde und Grund, und "
            "„nicht erstellt“ zählt sie in der Zeile ihrer Runde, bis der Befehl der Runde sie "
            "beim nächsten Lauf mailt (die Einrichtung zählt weiter nach ihrer letzten Mail: eine "
            "überfällige, deren Erinnerung nicht erstellt wurde, bleibt überfällig). Eine Mail, "
            "die nach der letzten zugestellten unzustellbar war, vom Server abgewiesen (550 "
            "endgültig, 451 vorerst) oder nicht angenommen wurde (Verbindung abgebrochen), zählt "
            "als fehlgeschlagen: endgültig abgewiesen, bis eine berichtigte Adresse eine Mail "
            "durchbringt; sonst bis ein neuer Lauf des Befehls ihrer Runde sie zustellt (--list "
            "sagt es). Eine Mail, die der Server des Empfängers als verzögert gemeldet hat (eine "
            "4.x.x-Meldung, von „formgen bounces“ gelesen), ist unterwegs, ausstehend oder "
            "überfällig, „verzögert“ und wird nicht erneut gesendet: 5 Tage nach dem Versand darf "
            "der Server es noch versuchen (die Aufgabefrist von RFC 5321; Postfix 5 Tage, "
            "Microsoft 365 1); danach ist sie ohne Unzustellbarkeitsmeldung wohl angekommen "
            "(--list sagt, welche).\n"
            "\n"
            "„ohne brauchbare E-Mail-Adresse“ zählt die Einrichtungen des Registers, die keine "
            "Runde mailen kann, nach den Gründen der Rundenzeile: keine, ungültig oder abgewiesen "
            "(die Adresse im Register war unzustellbar oder wurde endgültig abgewiesen, und "
            "niemand hat sie seitdem von Hand gesetzt).\n"
            "\n"
            "„Einrichtungen mit Einträgen zu aktualisieren, jetzt anzuschreiben“ zählt die "
            "Einrichtungen, die „formgen register stale“ nennt (Einträge veraltet, unvollständig, "
            "ungültig oder nie von der Einrichtung bestätigt) und die „formgen mail --stale“ jetzt "
            "mailen würde; „ausstehend“ die der Liste, deren Formular noch unterwegs ist (Frist "
            "nicht abgelaufen). Einrichtungen, nicht Einträge: das Deckblatt des gedruckten "
            "Registers zählt die Einträge der Liste, ob ihr Formular unterwegs ist oder nicht. "
            "Mit --stale-by DATE zählen beide, was bis DATE veraltet sein wird, wie „formgen mail "
            "--stale --stale-by DATE“ es mailt.\n"
            "\n"
            "Eine aus dem Register genommene Einrichtung („formgen register retire“) zählt in "
            "keiner dieser Zahlen: von ihr wird keine Antwort erwartet; „aus dem Register "
            "genommen“ sagt, wie viele es sind.\n"
            "\n"
            "„Quarantäne“ zählt die noch offenen Dateien, die ingest beiseitegelegt hat, nach "
            "Grund, und wie viele erledigt sind (so markiert oder seitdem von ihrer Einrichtung "
            "beantwortet); „formgen quarantine“ listet sie mit Grund, Absender und was zu tun "
            "ist.\n"
            "\n"
            "In der Sprache des Arbeitsbereichs (Deutsch oder Englisch), Daten so, wie sie sie "
            "schreibt; --json ist in jeder Sprache gleich."
        ),
    },
}
"""The help of each command (``formgen COMMAND --help``; its first sentence in the list of
commands of ``formgen --help``) in each language but English, by the command line that names
it (``formgen register find``; ``formgen`` for formgen's own). The English is click's own:
the command's docstring, which the README's command reference follows; a German paragraph
says what the English one says, in the words the German messages use. A paragraph that
starts with ``\\b`` is kept as written (click's mark for examples)."""

OPTION_HELP: dict[str, dict[str, str]] = {
    "de": {
        "Show the version and exit.": "Version anzeigen und beenden.",
        "Show this message and exit.": "Diese Hilfe anzeigen und beenden.",
        "The new service's name.": "Der Name des neuen Dienstes.",
        "Why, kept in both histories: e.g. 'Beratungsstelle aufgeteilt in Nord und Süd'.": (
            "Warum, in beiden Verläufen festgehalten: z. B. „Beratungsstelle aufgeteilt in Nord "
            "und Süd“."
        ),
        "The workspace (made by 'formgen init'; env FORMGEN_WORKSPACE).": (
            "Der Arbeitsbereich (angelegt mit „formgen init“; Umgebungsvariable FORMGEN_WORKSPACE)."
        ),
        "Folder with the returned sample forms (default: those installed with formgen).": (
            "Ordner mit den Beispiel-Rückläufen (Standard: die mit formgen installierten)."
        ),
        (
            "The demo workspace's language (as 'formgen init --lang'): of its blank forms, mails, "
            "register tables, reports and print."
        ): (
            "Sprache des Demo-Arbeitsbereichs (wie „formgen init --lang“): seiner leeren "
            "Formulare, Mails, Registertabellen, Berichte und des Drucks."
        ),
        (
            "checklist: blank entry blocks per category; institution: one institution's own form "
            "(needs --record, --institution or --recipients). Default: institution with one of "
            "those, else checklist."
        ): (
            "checklist: leere Eintragsblöcke je Kategorie; institution: das eigene Formular einer "
            "Einrichtung (braucht --record, --institution oder --recipients). Standard: "
            "institution mit einer dieser Optionen, sonst checklist."
        ),
        (
            "A category (checklist) to include, by its id or its name (Psychotherapie); repeat for "
            "several. Default: all (checklist) or the institution's own categories."
        ): (
            "Eine Kategorie (Checkliste), nach Kennung oder Name (Psychotherapie); für mehrere "
            "wiederholen. Standard: alle (checklist) oder die Kategorien der Einrichtung."
        ),
        "JSON record of one institution to prefill (see formgen/record.py for its shape).": (
            "JSON-Datensatz einer Einrichtung zum Vorausfüllen (Aufbau: siehe formgen/record.py)."
        ),
        (
            "One institution's own form, prefilled with what the workspace's register holds now "
            "(its id as 'formgen register find' shows it; the workspace is the current folder "
            "unless given): to hand over, or to fill in on the telephone, and ingest like any "
            "return."
        ): (
            "Das eigene Formular einer Einrichtung, vorausgefüllt mit dem, was das Register des "
            "Arbeitsbereichs jetzt enthält (ihre Kennung, wie „formgen register find“ sie zeigt; "
            "Arbeitsbereich ist der aktuelle Ordner, wenn keiner angegeben ist): zum Übergeben "
            "oder zum Ausfüllen am Telefon, eingelesen wie jeder Rücklauf."
        ),
        (
            "Recipients list, an Excel workbook (XLSX, its first sheet) or a CSV (columns id, "
            "institution, categories, region, email; optionally language): one personalised form "
            "each, into the folder --out, each in its row's language unless --lang is given; an "
            "institution the workspace's register knows is prefilled with what it holds, as "
            "formgen mail does. The format column (for formgen mail) is not used: the command "
            "names the format."
        ): (
            "Empfängerliste, eine Excel-Arbeitsmappe (XLSX, ihr erstes Blatt) oder eine CSV "
            "(Spalten id, institution, categories, region, email; wahlweise language): je ein "
            "persönliches Formular in den Ordner --out, jedes in der Sprache seiner Zeile, wenn "
            "--lang nicht angegeben ist; eine Einrichtung, die das Register kennt, wird wie bei "
            "formgen mail mit dessen Angaben vorausgefüllt. Die Spalte format (für formgen mail) "
            "gilt hier nicht: der Befehl nennt das Format."
        ),
        (
            "Output file (one form) or folder (--recipients). Default: in the workspace's forms/ "
            "folder, else the current folder."
        ): (
            "Ausgabedatei (ein Formular) oder Ordner (--recipients). Standard: der Ordner forms/ "
            "des Arbeitsbereichs, sonst der aktuelle Ordner."
        ),
        (
            "Language of the form(s), for every institution (default: a recipients row's language "
            "column, else the workspace's, else the schema's own, de for the shipped one)."
        ): (
            "Sprache der Formulare, für jede Einrichtung (Standard: die Spalte language einer "
            "Zeile der Empfängerliste, sonst die des Arbeitsbereichs, sonst die eigene des "
            "Schemas, de beim mitgelieferten)."
        ),
        "Seed for form instance ids: the same input and seed give the same files.": (
            "Startwert für die Kennungen der Formulare: gleiche Eingabe und gleicher Startwert "
            "ergeben gleiche Dateien."
        ),
        'The "Stand" date printed on every page (15.12.2026 or 2026-12-15; default: today).': (
            "Das „Stand“-Datum auf jeder Seite (15.12.2026 oder 2026-12-15; Standard: heute)."
        ),
        (
            "Workspace: its schema, signing secret and log of issued forms (env "
            "FORMGEN_WORKSPACE). Without it, ingest cannot check the forms' signature: it keeps "
            "their returns aside until they are taken in with --accept-no-workspace."
        ): (
            "Arbeitsbereich: sein Schema, sein Signaturschlüssel und sein Protokoll ausgegebener "
            "Formulare (Umgebungsvariable FORMGEN_WORKSPACE). Ohne ihn kann formgen ingest die "
            "Signatur der Formulare nicht prüfen: es legt ihre Rückläufe beiseite, bis sie mit "
            "--accept-no-workspace übernommen werden."
        ),
        (
            "Schema file (YAML). Default: the workspace's, else the shipped Arbeitshilfe. With a "
            "workspace, its own regions (workspace.toml) replace the file's."
        ): (
            "Schemadatei (YAML). Standard: die des Arbeitsbereichs, sonst die mitgelieferte "
            "Arbeitshilfe. Mit Arbeitsbereich ersetzen seine eigenen Regionen (workspace.toml) die "
            "der Datei."
        ),
        "Print the report as JSON (for machines).": (
            "Den Bericht als JSON ausgeben (für Programme)."
        ),
        (
            "Print only the counts line and where the report is kept, no file names (for cron, "
            "which mails the output around); the exit status and the kept report as without it."
        ): (
            "Nur die Zeile mit den Zahlen und den Ort des Berichts ausgeben, keine Dateinamen (für "
            "Cron, das die Ausgabe herummailt); Exit-Status und aufbewahrter Bericht wie ohne."
        ),
        (
            "Exit 1 when any file was not simply ok (warnings, quarantined, unreadable, "
            "unsupported)."
        ): (
            "Exit-Status 1, wenn eine Datei nicht einfach ok war (Warnungen, beiseitegelegt, "
            "unlesbar, nicht unterstützt)."
        ),
        "Read and check the files, but write nothing (no merge, no quarantine copies).": (
            "Die Dateien lesen und prüfen, aber nichts schreiben (keine Übernahme, keine Kopien in "
            "die Quarantäne)."
        ),
        "Worker processes (default: one per core, at most 2).": (
            "Arbeitsprozesse (Standard: einer je Prozessorkern, höchstens 2)."
        ),
        "Seconds one file may take before it is stopped and reported.": (
            "Sekunden, die eine Datei dauern darf, bevor sie abgebrochen und gemeldet wird."
        ),
        "Megabytes one file may use (on top of the worker's own) before it is stopped.": (
            "Megabyte, die eine Datei (zusätzlich zum Arbeitsprozess selbst) belegen darf, bevor "
            "sie abgebrochen wird."
        ),
        (
            "Take in blank checklists made without a workspace ('formgen generate' without "
            "--workspace), whose signature cannot be checked: look at them first. Kept aside "
            "otherwise."
        ): (
            "Leere Checklisten übernehmen, die ohne Arbeitsbereich erstellt wurden („formgen "
            "generate“ ohne --workspace) und deren Signatur sich nicht prüfen lässt: vorher "
            "ansehen. Sonst werden sie beiseitegelegt."
        ),
        (
            "A mail without a form that answers a mail of formgen (its line names whose answer to "
            "which mail): read it in as the forms that mail carried, sent back unchanged by the "
            "institution ('no changes'); in a mailbox (.mbox, Maildir) every answer recognised. "
            "Without this option such a mail is only told."
        ): (
            "Eine Mail ohne Formular, die auf eine Mail von formgen antwortet (ihre Zeile nennt, "
            "wessen Antwort auf welche Mail): als die Formulare jener Mail einlesen, von der "
            "Einrichtung unverändert zurückgeschickt („keine Änderungen“); in einem Postfach "
            "(.mbox, Maildir) jede erkannte Antwort. Ohne diese Option wird eine solche Mail nur "
            "genannt."
        ),
        "Name of the coordination centre.": "Name der Koordinierungsstelle.",
        "E-mail address mails are sent from.": "E-Mail-Adresse, von der Mails verschickt werden.",
        (
            "The workspace's language ([centre] language): of forms and mails to institutions not "
            "asked otherwise, and of the register's tables, history, exports and print."
        ): (
            "Sprache des Arbeitsbereichs ([centre] language): der Formulare und Mails an "
            "Einrichtungen, für die nichts anderes gilt, und der Registertabellen, des Verlaufs, "
            "der Exporte und des Drucks."
        ),
        "Make DIRECTORY a workspace although it holds other files (they are left as they are).": (
            "DIRECTORY zum Arbeitsbereich machen, obwohl dort andere Dateien liegen (sie bleiben, "
            "wie sie sind)."
        ),
        "Mail every institution of the register.": "Jede Einrichtung des Registers mailen.",
        "Remind institutions whose form is overdue (fresh form).": (
            "Einrichtungen erinnern, deren Formular überfällig ist (mit neuem Formular)."
        ),
        "Ask every institution 'formgen register stale' lists for an update.": (
            "Jede Einrichtung, die „formgen register stale“ nennt, um eine Aktualisierung bitten."
        ),
        (
            "With --stale: also ask for the entries that will be out of date on this date "
            "(15.12.2026 or 2026-12-15; e.g. the round's deadline or the next meeting), as "
            "'formgen register stale --today DATE' lists them."
        ): (
            "Mit --stale: auch nach den Einträgen fragen, die an diesem Tag veraltet sein werden "
            "(15.12.2026 oder 2026-12-15; z. B. die Frist der Runde oder das nächste Treffen), wie "
            "„formgen register stale --today DATE“ sie nennt."
        ),
        (
            "Attach the form as PDF, Word (DOCX) or both, for every institution (default: the "
            "format column of RECIPIENTS, else as the institution's last mail, e.g. Word again in "
            "a reminder; pdf for an institution not mailed before)."
        ): (
            "Das Formular als PDF, Word (DOCX) oder beides anhängen, für jede Einrichtung "
            "(Standard: die Spalte Format von RECIPIENTS, sonst wie bei der letzten Mail der "
            "Einrichtung, z. B. wieder Word in einer Erinnerung; pdf für eine Einrichtung, die "
            "noch keine Mail bekam)."
        ),
        (
            "Language of mail and form, for every institution (default: the language column of "
            "RECIPIENTS, else as the institution's last mail, e.g. English again in a reminder; "
            "the workspace's for an institution not mailed before, and for all with --template)."
        ): (
            "Sprache von Mail und Formular, für jede Einrichtung (Standard: die Spalte Sprache von "
            "RECIPIENTS, sonst wie bei der letzten Mail der Einrichtung, z. B. wieder Englisch in "
            "einer Erinnerung; die des Arbeitsbereichs für eine Einrichtung, die noch keine Mail "
            "bekam, und für alle mit --template)."
        ),
        "Return date (15.12.2026 or 2026-12-15), today or later.": (
            "Rückgabedatum (15.12.2026 oder 2026-12-15), heute oder später."
        ),
        "Return date in N days (when no --deadline).": (
            "Rückgabedatum in N Tagen (wenn kein --deadline)."
        ),
        (
            "Name of this round (default: invitation-YEAR, reminder-DATE, update-DATE); a rerun of "
            "a round never mails anyone twice."
        ): (
            "Name dieser Runde (Standard: invitation-JAHR, reminder-DATUM, update-DATUM); eine "
            "Runde noch einmal gestartet mailt niemanden zweimal."
        ),
        (
            "Own mail template for this run, in one language: first line 'Betreff: …', then the "
            "body; placeholders {name} {deadline} {sender} {centre} {reference} {categories} "
            "{title} {short_title} {formats} {missing} (a workspace's own texts, one per kind and "
            "language: mail_templates/invitation.en.txt etc. in the workspace)."
        ): (
            "Eigene Mailvorlage für diesen Lauf, in einer Sprache: erste Zeile „Betreff: …“, dann "
            "der Text; Platzhalter {name} {deadline} {sender} {centre} {reference} {categories} "
            "{title} {short_title} {formats} {missing} (eigene Texte eines Arbeitsbereichs, je Art "
            "und Sprache einer: mail_templates/invitation.de.txt usw. im Arbeitsbereich)."
        ),
        "Write .eml drafts to DIR (open in Outlook/Thunderbird, then send).": (
            ".eml-Entwürfe in DIR schreiben (in Outlook/Thunderbird öffnen, dann senden)."
        ),
        "Send through the SMTP server of workspace.toml [smtp].": (
            "Über den SMTP-Server aus workspace.toml [smtp] senden."
        ),
        (
            "A test first: the same mails with the same prefilled forms, every one to ADDRESS only "
            "(your own), its subject marked [TEST]; nothing is logged, so the round, 'formgen "
            "status' and later rounds stay as they were. With --send or --drafts DIR."
        ): (
            "Zuerst ein Test: dieselben Mails mit denselben vorausgefüllten Formularen, jede nur "
            "an ADDRESS (Ihre eigene), der Betreff markiert mit [TEST]; nichts wird protokolliert, "
            "Runde, „formgen status“ und spätere Runden bleiben, wie sie waren. Mit --send oder "
            "--drafts DIR."
        ),
        "Also say the Message-ID of each mail sent (the send log keeps it in any case).": (
            "Auch die Message-ID jeder gesendeten Mail nennen (das Versandprotokoll hat sie "
            "ohnehin)."
        ),
        "Only show who would get which mail; nothing is made, sent or logged.": (
            "Nur zeigen, wer welche Mail bekäme; nichts wird erstellt, gesendet oder protokolliert."
        ),
        (
            "Also mail institutions whose form from another round is still on its way (mailed, not "
            "returned, deadline not passed), retired ones a RECIPIENTS row names, and addresses "
            "that bounced or were refused for good (a line says each such address); they are "
            "skipped otherwise."
        ): (
            "Auch Einrichtungen mailen, deren Formular aus einer anderen Runde noch unterwegs ist "
            "(gemailt, nicht zurück, Frist nicht abgelaufen), aus dem Register genommene, die eine "
            "Zeile von RECIPIENTS nennt, und Adressen, die unzustellbar waren oder endgültig "
            "abgewiesen wurden (eine Zeile nennt jede solche Adresse); sonst werden sie "
            "übersprungen."
        ),
        (
            "Mail the valid rows of a recipients list some of whose rows have problems (a list "
            "that cannot be read as a whole, such as an .xls or a damaged workbook, is refused all "
            "the same)."
        ): (
            "Die gültigen Zeilen einer Empfängerliste mailen, in der einige Zeilen Fehler haben "
            "(eine Liste, die sich als Ganzes nicht lesen lässt, etwa eine .xls oder eine "
            "beschädigte Arbeitsmappe, wird trotzdem abgelehnt)."
        ),
        "At most N mails per minute (default: [smtp] rate, 30).": (
            "Höchstens N Mails pro Minute (Standard: [smtp] rate, 30)."
        ),
        (
            "Mark this file dealt with: its number as listed (e.g. 814edb40), or the name it came "
            "under; it stays in the quarantine."
        ): (
            "Diese Datei als erledigt markieren: ihre Nummer wie aufgelistet (z. B. 814edb40) oder "
            "der Name, unter dem sie kam; sie bleibt in der Quarantäne."
        ),
        (
            "Count this file as open again: a --done given to the wrong file, or an institution's "
            "answer that did not hold what the file held; the mark undone stays in its record."
        ): (
            "Diese Datei wieder als offen zählen: ein --done bei der falschen Datei, oder die "
            "Antwort einer Einrichtung enthielt nicht, was die Datei enthielt; die zurückgenommene "
            "Markierung bleibt in ihrem Datensatz."
        ),
        (
            "Delete this file (a private person's letter, no institution's) and what its record "
            "says of where it came from; the record keeps that a file was deleted, when and why."
        ): (
            "Diese Datei löschen (der Brief einer Privatperson, keiner Einrichtung) und was ihr "
            "Datensatz über ihre Herkunft sagt; der Datensatz behält, dass eine Datei gelöscht "
            "wurde, wann und warum."
        ),
        (
            "With --done: what was done, kept in its record: e.g. 'abgetippt in das Formular von "
            "inst-0017'; with --reopen: why it is open again; with --delete: why it was deleted, "
            "e.g. 'Arztbrief einer Privatperson, an Beratungsstelle verwiesen'."
        ): (
            "Mit --done: was getan wurde, in ihrem Datensatz aufbewahrt, z. B. „abgetippt in das "
            "Formular von inst-0017“; mit --reopen: warum sie wieder offen ist; mit --delete: "
            "warum sie gelöscht wurde, z. B. „Arztbrief einer Privatperson, an Beratungsstelle "
            "verwiesen“."
        ),
        "With --delete: do not ask before deleting.": (
            "Mit --delete: vor dem Löschen nicht fragen."
        ),
        "With --forget-forms: do not ask before deleting.": (
            "Mit --forget-forms: vor dem Löschen nicht fragen."
        ),
        "With --round ROUND: delete the forms kept for the round (forms/mail/ROUND/) once all "
        "its mails have gone; issued.jsonl and the send log stay.": (
            "Mit --round RUNDE: die für die Runde aufbewahrten Formulare (forms/mail/RUNDE/) "
            "löschen, wenn alle ihre Mails hinaus sind; issued.jsonl und das Versandprotokoll "
            "bleiben."
        ),
        (
            "Only its entry in this checklist: id or name, e.g. Psychotherapie (repeatable; "
            "default: all its entries)."
        ): (
            "Nur ihr Eintrag in dieser Checkliste: Kennung oder Name, z. B. Psychotherapie "
            "(mehrfach möglich; Standard: alle ihre Einträge)."
        ),
        (
            "Who confirmed it and how, kept in its history: e.g. 'telefonisch bestätigt, Frau "
            "Öztürk'."
        ): (
            "Wer es wie bestätigt hat, im Verlauf aufbewahrt: z. B. „telefonisch bestätigt, Frau "
            "Öztürk“."
        ),
        "Confirm a retired institution all the same.": (
            "Eine aus dem Register genommene Einrichtung trotzdem bestätigen."
        ),
        "Only this category: id or name, e.g. Psychotherapie (repeatable).": (
            "Nur diese Kategorie: Kennung oder Name, z. B. Psychotherapie (mehrfach möglich)."
        ),
        "Only this region (value or name, e.g. Düsseldorf).": (
            "Nur diese Region (Wert oder Name, z. B. Düsseldorf)."
        ),
        "Only this institution's (its id, e.g. inst-0007, as 'register resolve' takes it).": (
            "Nur die dieser Einrichtung (ihre Kennung, z. B. inst-0007, wie „register resolve“ sie "
            "nimmt)."
        ),
        "Print JSON for machines.": "JSON für Programme ausgeben.",
        (
            "Who asked for the erasure and when, kept in its history: e.g. 'Antrag auf Löschung "
            "(Art. 17) vom 23.11.'."
        ): (
            "Wer die Löschung wann verlangt hat, im Verlauf aufbewahrt: z. B. „Antrag auf Löschung "
            "(Art. 17) vom 23.11.“."
        ),
        (
            "Erase TEXT (her surname) also inside the institution's notes (register set, "
            "confirm, erase), its other fields' texts and what its forms were prefilled with "
            "(repeatable); found as whole words, case and accents aside, as she spells it "
            "(Yilmaz, YILMAZ: „Yılmaz“), in the send log and files too."
        ): (
            "TEXT (ihren Nachnamen) auch in den Notizen der Einrichtung (register set, confirm, "
            "erase), den Texten ihrer anderen Felder und dem, womit ihre Formulare vorausgefüllt "
            "waren, löschen (mehrfach möglich); als ganze Wörter gefunden, Groß- und "
            "Kleinschreibung und Akzente beiseite, wie sie ihn schreibt (Yilmaz, YILMAZ: "
            "„Yılmaz“), auch im Versandprotokoll und in Dateien."
        ),
        "Keep the values PATH holds now (a successor's, set by hand); erase only earlier ones.": (
            "Die Werte behalten, die PATH jetzt hat (die einer Nachfolgerin, von Hand gesetzt); "
            "nur frühere löschen."
        ),
        (
            "Erase only the values that contain TEXT (case and accents aside), e.g. her surname "
            "(repeatable)."
        ): (
            "Nur die Werte löschen, die TEXT enthalten (Groß- und Kleinschreibung, Akzente "
            "beiseite), z. B. ihren Nachnamen (mehrfach möglich)."
        ),
        "Do not ask before erasing.": "Vor dem Löschen nicht fragen.",
        "File format.": "Dateiformat.",
        "CSV: one row per entry (wide) or per value with its source (long).": (
            "CSV: eine Zeile je Eintrag (wide) oder je Wert mit seiner Herkunft (long)."
        ),
        (
            "CSV separator (default: ';' for a table in German, the workspace's language or --lang "
            "de, as German Excel expects it; else ',')."
        ): (
            "CSV-Trennzeichen (Standard: „;“ für eine Tabelle auf Deutsch, in der Sprache des "
            "Arbeitsbereichs oder mit --lang de, wie das deutsche Excel es erwartet; sonst „,“)."
        ),
        (
            "Leave out personal data (fields marked personal: contact persons; the long table's "
            "source file names; why an institution was retired, which may name people)."
        ): (
            "Personenbezogene Daten weglassen (als personal markierte Felder: Ansprechpersonen; "
            "die Namen der Herkunftsdateien in der langen Tabelle; warum eine Einrichtung aus dem "
            "Register genommen wurde, was Personen nennen kann)."
        ),
        (
            "CSV/XLSX for people: headers, checklists and fields by their names, choices and "
            "languages as words (Persisch (Farsi)) instead of codes (fa), yes/no, dates and why a "
            "value is invalid in the same language; the long table also its times (local), the "
            "XLSX its sheet names."
        ): (
            "CSV/XLSX für Menschen: Überschriften, Checklisten und Felder mit ihren Namen, "
            "Auswahlen und Sprachen als Wörter (Persisch (Farsi)) statt Codes (fa), ja/nein, Daten "
            "und Gründe für ungültige Werte in derselben Sprache; die lange Tabelle auch mit ihren "
            "Zeiten (Ortszeit), die XLSX mit den Namen ihrer Blätter."
        ),
        (
            "With --labels: the language of labels and problems; of a CSV also its separator "
            "(default: the workspace's)."
        ): (
            "Mit --labels: die Sprache von Beschriftungen und Fehlern; bei einer CSV auch ihr "
            "Trennzeichen (Standard: die des Arbeitsbereichs)."
        ),
        (
            "CSV/XLSX: also the retired institutions (left out otherwise), with the day each was "
            "retired and why in two more columns. The JSON always has them, marked 'retired'."
        ): (
            "CSV/XLSX: auch die aus dem Register genommenen Einrichtungen (sonst weggelassen), mit "
            "Tag und Grund in zwei weiteren Spalten. Das JSON enthält sie immer, markiert mit "
            "„retired“."
        ),
        (
            "Output file (default: exports/register-DATE.EXT in the workspace, a CSV "
            "register-DATE-wide.csv or -long.csv; with --labels -beschriftet before the .EXT, with "
            "--no-personal -ohne-personen, in English -labels and -no-personal). The same export "
            "made again that day replaces its file; another never does."
        ): (
            "Ausgabedatei (Standard: exports/register-DATUM.EXT im Arbeitsbereich, eine CSV "
            "register-DATUM-wide.csv oder -long.csv; mit --labels -beschriftet vor der .EXT, mit "
            "--no-personal -ohne-personen, auf Englisch -labels und -no-personal). Derselbe Export "
            "am selben Tag noch einmal ersetzt seine Datei; ein anderer nie."
        ),
        "Category id or name, e.g. psychotherapie.": (
            "Kennung oder Name der Kategorie, z. B. psychotherapie."
        ),
        "Region value or name, e.g. Düsseldorf.": "Wert oder Name der Region, z. B. Düsseldorf.",
        (
            "Language code or name, e.g. fa or Farsi; Kurdisch also finds Sorani and Kurmandschi. "
            "Repeated (--language Dari --language Farsi): entries offering any of them."
        ): (
            "Sprachcode oder -name, z. B. fa oder Farsi; Kurdisch findet auch Sorani und "
            "Kurmandschi. Mehrfach (--language Dari --language Farsi): Einträge, die eine davon "
            "anbieten."
        ),
        (
            "Words anywhere in the entry, each of them, in any order (case and accents ignored, "
            "ü found as ue too); a phone number as written (0211/1234567, +49 (0)211 1234567)."
        ): (
            "Wörter irgendwo im Eintrag, jedes davon, in beliebiger Reihenfolge "
            "(Groß-/Kleinschreibung und Akzente egal, ü auch als ue gefunden); eine Telefonnummer, "
            "wie sie geschrieben ist (0211/1234567, +49 (0)211 1234567)."
        ),
        (
            "Look for the text (a person's name, address, phone number) in everything the "
            "workspace stores, earlier values, senders, quarantine, send log and reports too, and "
            "say where each is (a name of several words: its parts too, said as such), and the "
            "folders an ingest killed outright left: to answer an access request (DSGVO Art. 15)."
        ): (
            "Den Text (Name, Adresse, Telefonnummer einer Person) in allem suchen, was der "
            "Arbeitsbereich speichert, auch in früheren Werten, Absendern, Quarantäne, "
            "Versandprotokoll und Berichten, und jede Fundstelle nennen (ein Name aus mehreren "
            "Wörtern: auch seine Teile, als solche genannt), dazu die Ordner, die ein "
            "abgebrochenes Einlesen hinterließ: zur Antwort auf ein Auskunftsersuchen (DSGVO Art. "
            "15)."
        ),
        (
            "Where the list comes from, kept with its source ('register history'): e.g. "
            "'Bestandsliste der Koordinationsstelle 2025'."
        ): (
            "Woher die Liste stammt, als ihre Herkunft aufbewahrt („register history“): z. B. "
            "„Bestandsliste der Koordinationsstelle 2025“."
        ),
        "Say what the import would do; change nothing.": (
            "Sagen, was der Import täte; nichts ändern."
        ),
        (
            "The code page of a CSV saved as plain 'CSV' (not 'CSV UTF-8'), where its letters do "
            "not tell which Windows saved it: cp1252 German/Western, cp1250 Central European "
            "(Polish, Czech, Croatian, Romanian …), cp1254 Turkish, cp1251 Cyrillic; iso-8859-2 and "
            "iso-8859-16 Central European and Romanian of Linux or an older program."
        ): (
            "Die Codepage einer als einfache „CSV“ (nicht „CSV UTF-8“) gespeicherten Datei, wo "
            "ihre Buchstaben nicht sagen, welches Windows sie gespeichert hat: cp1252 deutsch/"
            "westeuropäisch, cp1250 mitteleuropäisch (polnisch, tschechisch, kroatisch, rumänisch "
            "…), cp1254 türkisch, cp1251 kyrillisch; iso-8859-2 und iso-8859-16 mitteleuropäisch "
            "und rumänisch von Linux oder einem älteren Programm."
        ),
        "Why they are one, kept in both histories: e.g. 'dieselbe Praxis, zweimal erfasst'.": (
            "Warum es dieselbe Einrichtung ist, in beiden Verläufen aufbewahrt: z. B. „dieselbe "
            "Praxis, zweimal erfasst“."
        ),
        "Say what the merge would do; change nothing.": (
            "Sagen, was die Zusammenführung täte; nichts ändern."
        ),
        "Say what the split would do; change nothing.": (
            "Sagen, was die Teilung täte; nichts ändern."
        ),
        (
            "Only this region (value or name, e.g. Düsseldorf): the categories holding entries "
            "there; the contents name the others."
        ): (
            "Nur diese Region (Wert oder Name, z. B. Düsseldorf): die Kategorien mit Einträgen "
            "dort; der Inhalt nennt die anderen."
        ),
        (
            "Only the sheets to replace in a binder printed with this Stand: the sections whose "
            "entries changed since, with cover, contents and index, behind a first page that says "
            "which sheets to take out and put in."
        ): (
            "Nur die Blätter, die in einem mit diesem Stand gedruckten Ordner zu ersetzen sind: "
            "die Abschnitte, deren Einträge sich seitdem geändert haben, mit Deckblatt, Inhalt und "
            "Verzeichnis, hinter einer ersten Seite, die sagt, welche Blätter herauszunehmen und "
            "einzulegen sind."
        ),
        (
            "The year (default: this one). Of a year that is over, the register as it was at its "
            "end, 31.12., and the answers that came in that year as read by today."
        ): (
            "Das Jahr (Standard: das laufende). Bei einem vergangenen Jahr das Register, wie es "
            "an seinem Ende war, am 31.12., und die in dem Jahr eingegangenen Antworten, wie sie "
            "bis heute eingelesen sind."
        ),
        (
            "The register as it was at the end of that day, one gone by (31.12.2025 or "
            "2025-12-31; default today), as 'register print --stand' prints it: its entries stale "
            "as of that day, the day in the file's name."
        ): (
            "Das Register, wie es am Ende dieses Tages war, eines vergangenen (31.12.2025 oder "
            "2025-12-31; Standard: heute), wie „register print --stand“ es druckt: seine Einträge "
            "veraltet nach diesem Tag, der Tag im Dateinamen."
        ),
        "Language of the texts (default: the workspace's).": (
            "Sprache der Texte (Standard: die des Arbeitsbereichs)."
        ),
        (
            "The 'Stand' date (31.12.2025 or 2025-12-31; default today): the register as it was at "
            "the end of that day, one gone by."
        ): (
            "Das „Stand“-Datum (31.12.2025 oder 2025-12-31; Standard: heute): das Register, wie es "
            "am Ende dieses Tages war, eines vergangenen."
        ),
        (
            "Leave out personal data (fields marked personal: contact persons), as 'register "
            "export --no-personal' does: for partners or a published guide. The cover says so."
        ): (
            "Personenbezogene Daten weglassen (als personal markierte Felder: Ansprechpersonen), "
            "wie „register export --no-personal“: für Partner oder einen veröffentlichten "
            "Wegweiser. Das Deckblatt sagt es."
        ),
        (
            "For single-sided printing or reading on screen (einseitig): no blank pages („Diese "
            "Seite bleibt frei“) before a section; each still begins on a page of its own and "
            "numbers its own pages. Default: duplex, every section on the front of a sheet. The "
            "file name ends in -einseitig (in English -simplex)."
        ): (
            "Für einseitigen Druck oder das Lesen am Bildschirm: keine leeren Seiten („Diese Seite "
            "bleibt frei“) vor einem Abschnitt; jeder beginnt trotzdem auf einer eigenen Seite und "
            "zählt seine Seiten selbst. Standard: beidseitig, jeder Abschnitt auf der Vorderseite "
            "eines Blatts. Der Dateiname endet auf -einseitig (auf Englisch -simplex)."
        ),
        (
            "Output PDF (default: exports/register-DATE.pdf; with --region or --category they are "
            "named in it, e.g. register-DATE-duesseldorf.pdf; with --no-personal "
            "-ohne-personen.pdf, in English -no-personal.pdf; in another language than the "
            "workspace's its code, e.g. register-DATE-en.pdf). The same print made again that day "
            "replaces its file; another never does."
        ): (
            "Ausgabe-PDF (Standard: exports/register-DATUM.pdf; mit --region oder --category darin "
            "genannt, z. B. register-DATUM-duesseldorf.pdf; mit --no-personal -ohne-personen.pdf, "
            "auf Englisch -no-personal.pdf; in einer anderen Sprache als der des Arbeitsbereichs "
            "ihr Code, z. B. register-DATUM-en.pdf). Derselbe Druck am selben Tag noch einmal "
            "ersetzt seine Datei; ein anderer nie."
        ),
        (
            "Read every archived original again with the current readers (instead of the journal's "
            "copy)."
        ): (
            "Jedes archivierte Original mit den heutigen Lesern neu lesen (statt der Kopie im "
            "Journal)."
        ),
        (
            "For a conflict: mine keeps the value the register holds; theirs takes the value "
            "returned on a form or imported from a list ('register conflicts' shows both)."
        ): (
            "Für einen Konflikt: mine behält den Wert im Register; theirs nimmt den Wert aus dem "
            "Formular oder der importierten Liste („register conflicts“ zeigt beide)."
        ),
        (
            "With an institution id: only this value path, e.g. psychotherapie.languages_offered; "
            "without TARGET: this field's held values of every institution."
        ): (
            "Mit einer Einrichtung: nur dieser Wertpfad, z. B. psychotherapie.languages_offered; "
            "ohne TARGET: die zurückgestellten Werte dieses Felds bei allen Einrichtungen."
        ),
        "For a probable duplicate: it is the same institution.": (
            "Für eine mögliche Dublette: es ist dieselbe Einrichtung."
        ),
        "For a probable duplicate: it is a different institution.": (
            "Für eine mögliche Dublette: es ist eine andere Einrichtung."
        ),
        "Say what would be decided; change nothing.": (
            "Sagen, was entschieden würde; nichts ändern."
        ),
        "Why, kept in its history: e.g. 'geschlossen zum 30.06.2026', 'merged into inst-0007'.": (
            "Warum, im Verlauf aufbewahrt: z. B. „geschlossen zum 30.06.2026“, „merged into "
            "inst-0007“."
        ),
        "Remove the value (a blank on a form never does).": (
            "Den Wert entfernen (ein leeres Feld auf einem Formular tut das nie)."
        ),
        "Where the change comes from, kept as its source: e.g. 'per Telefon 23.11.'.": (
            "Woher die Änderung stammt, als ihre Herkunft aufbewahrt: z. B. „per Telefon 23.11.“."
        ),
        "Set a value of a retired institution all the same.": (
            "Einen Wert einer aus dem Register genommenen Einrichtung trotzdem setzen."
        ),
        "Judge staleness as of this date (15.12.2026 or 2026-12-15; default today).": (
            "Veraltetes nach dem Stand dieses Tages beurteilen (15.12.2026 oder 2026-12-15; "
            "Standard: heute)."
        ),
        (
            "Also write the institutions concerned as JSON records: the input list for update "
            "forms."
        ): (
            "Die betroffenen Einrichtungen auch als JSON-Datensätze schreiben: die Eingabe für "
            "Aktualisierungsformulare."
        ),
        (
            "Also check FILE (relative to DIR, as workspace.toml names it) against the schema "
            "versions this workspace issued forms with: fields changed without a new "
            "schema_version, renamed_from naming no earlier field; notes labels reworded without "
            "former_labels; and that the workspace's own schema can be read. Without FILE, the "
            "workspace's own schema is checked (env FORMGEN_WORKSPACE)."
        ): (
            "FILE auch gegen die Schemaversionen prüfen, mit denen dieser Arbeitsbereich Formulare "
            "ausgegeben hat (relativ zu DIR, wie workspace.toml sie nennt): Felder ohne neue "
            "schema_version geändert, renamed_from ohne früheres Feld; Hinweise auf umformulierte "
            "Beschriftungen ohne former_labels; und ob sich das eigene Schema des Arbeitsbereichs "
            "lesen lässt. Ohne FILE wird das eigene Schema des Arbeitsbereichs geprüft "
            "(Umgebungsvariable FORMGEN_WORKSPACE)."
        ),
        (
            "Copy the schema this workspace uses (its own schema file) instead of the shipped one, "
            "into the workspace when TARGET is relative (as workspace.toml names it) (env "
            "FORMGEN_WORKSPACE)."
        ): (
            "Das Schema kopieren, das dieser Arbeitsbereich verwendet (seine eigene Schemadatei), "
            "statt des mitgelieferten, in den Arbeitsbereich, wenn TARGET relativ ist (wie "
            "workspace.toml es nennt) (Umgebungsvariable FORMGEN_WORKSPACE)."
        ),
        (
            "Without FILE, show the schema this workspace uses: its own schema file, with its own "
            "regions; a relative FILE is the workspace's, as workspace.toml names it (env "
            "FORMGEN_WORKSPACE)."
        ): (
            "Ohne FILE das Schema zeigen, das dieser Arbeitsbereich verwendet: seine eigene "
            "Schemadatei mit seinen eigenen Regionen; eine relative FILE ist die des "
            "Arbeitsbereichs, wie workspace.toml sie nennt (Umgebungsvariable FORMGEN_WORKSPACE)."
        ),
        (
            "Language of labels and texts (default: without FILE, the workspace's with "
            "--workspace; else the schema's own, de for the shipped one)."
        ): (
            "Sprache der Beschriftungen und Texte (Standard: ohne FILE die des Arbeitsbereichs mit "
            "--workspace; sonst die eigene des Schemas, de beim mitgelieferten)."
        ),
        "Print the outline as JSON.": "Die Übersicht als JSON ausgeben.",
        "One line per institution.": "Eine Zeile je Einrichtung.",
        "Everything as JSON.": "Alles als JSON.",
        (
            "Count as to update also the institutions whose entries will be out of date on this "
            "date (15.12.2026 or 2026-12-15; e.g. the round's deadline), as 'formgen mail --stale "
            "--stale-by DATE' mails them."
        ): (
            "Auch die Einrichtungen als zu aktualisieren zählen, deren Einträge an diesem Tag "
            "veraltet sein werden (15.12.2026 oder 2026-12-15; z. B. die Frist der Runde), wie "
            "„formgen mail --stale --stale-by DATE“ sie mailt."
        ),
    },
}
"""The help of each option in each language but English, by its English help, as the option
gives it to click: an option of several commands with the same help (``--workspace``,
``--json``) has one entry; an English help changed or added has none until it is said here
too, which tests/test_help_language.py names."""


def command_help(path: str, lang: str) -> str | None:
    """The help of the command ``path`` (``formgen register find``) in ``lang`` from
    :data:`COMMAND_HELP`; None in English, which is click's own (the command's docstring)."""
    return COMMAND_HELP.get(lang, {}).get(path)


def option_help(english: str, lang: str) -> str:
    """The help of an option whose English help is ``english``, in ``lang``
    (:data:`OPTION_HELP`); the English where the language has none."""
    return OPTION_HELP.get(lang, {}).get(english, english)


_GROUPING = {"en": ",", "de": "."}


def date_text(day: dt.date, lang: str = "de") -> str:
    """A date as formgen writes it in ``lang``: ``24.09.2025`` in German, ``2025-09-24`` in
    English — in messages, the printed register and the history."""
    return day.strftime("%d.%m.%Y") if lang == "de" else day.isoformat()


_GERMAN_EXTENSION = re.compile(r"(\+49 [0-9 ]+) ext\. ([0-9]+)")
"""A German number with an extension as the register stores it (``+49 211 4469596 ext. 12``:
the ``phonenumbers`` library's international format, however the extension was marked)."""


def phone_text(number: str, lang: str = "de") -> str:
    """A stored phone number as ``lang`` writes it: in German, a German number's extension
    after a hyphen, as DIN 5008 writes a Durchwahl and the form's help asks for it
    (``+49 211 4469596-12``); in English as stored (``+49 211 4469596 ext. 12``). The register
    keeps the stored spelling, which every formgen reads, and takes either back as the same
    number (the same digits dialled). A number of another country keeps its ``ext.``: its
    extension may be one the switchboard connects, not dialled straight on."""
    if lang == "de" and (m := _GERMAN_EXTENSION.fullmatch(number)):
        return f"{m[1]}-{m[2]}"
    return number


_GERMAN_ZONES = {"CET": "MEZ", "CEST": "MESZ"}
"""The German names of the zone abbreviations of Germany's time (the C library's are English)."""


def moment_text(at: str, lang: str = "de") -> str:
    """A stored moment (``2026-11-23T07:52:49Z``, in UTC) in this computer's time zone as
    ``lang`` writes it, with the zone's abbreviation: ``23.11.2026 08:52 MEZ`` in German
    (``MESZ`` in summer), ``2026-11-23 08:52 CET`` in English; ``UTC+03`` for a zone known by
    its offset only. Where it is no moment with a zone (a hand edit), as stored."""
    try:
        moment = dt.datetime.fromisoformat(at)
    except ValueError:
        return at
    if moment.tzinfo is None:
        return at
    local = moment.astimezone()
    zone = local.tzname() or ""
    if zone.startswith(("+", "-")):
        zone = "UTC" + zone
    if lang == "de":
        zone = _GERMAN_ZONES.get(zone, zone)
    return f"{date_text(local.date(), lang)} {local:%H:%M} {zone}".rstrip()


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

_DEFAULT_ROUND = re.compile(r"(invitation|reminder|update)-(\d{4}(?:-\d{2}-\d{2})?)")


def round_text(round_id: str, lang: str) -> str:
    """A mail round as people read it in ``lang``: a round named as formgen names it by default
    (:func:`formgen.mailrun.default_round`) by its kind and year or day, ``invitation-2026`` →
    ``Einladung 2026``, ``update-2026-11-25`` → ``Aktualisierung 25.11.2026`` in German; a
    round the coordinator named (``--round``), and any round in English, by its id, which
    ``--json``, the send log and the folders keep."""
    m = _DEFAULT_ROUND.fullmatch(round_id)
    if lang == ENGLISH or m is None:
        return round_id
    kind, when = m.groups()
    try:
        shown = date_text(dt.date.fromisoformat(when), lang) if "-" in when else when
    except ValueError:  # no day of the calendar: named as it is
        return round_id
    return f"{say(f'status_kind_{kind}', lang)} {shown}"


def day_text(stored: Mapping[str, Any], lang: str = "de") -> str | None:
    """A stored date value as :func:`date_text` writes it in ``lang``; ``None`` when it is no
    day. An invalid date is shown as typed, but one typed as an ISO day (``2027-02-01``, as a
    Word date picker stores it; invalid because it lies in the future) is written as the
    language writes dates, ``01.02.2027`` in German, like a valid one. The stored raw stays."""
    value = stored.get("v")
    text = str(value if value else stored.get("raw") or "").strip()
    if not value and not _ISO_DAY.fullmatch(text):
        return None  # typed some other way: shown as typed
    try:
        return date_text(dt.date.fromisoformat(text), lang)
    except ValueError:  # no day of the calendar (2025-02-31), or not ISO after all: as stored
        return None


class _Formatter(string.Formatter):
    """``str.format`` with the digit grouping and decimal mark of one language (a number's
    ``,`` and ``.`` swapped in German), ``{name:date}`` for a day
    stored in ISO (``2026-11-23``) written as the language writes dates (:func:`date_text`),
    ``{name:day}`` for a date as typed, quoted as the value is shown (:func:`day_text`), and
    ``{name:moment}`` for a stored moment (``2026-11-23T08:52:49+01:00``) in this computer's
    time (:func:`moment_text`), and ``{name:round}`` for a mail round by its name in the
    language (:func:`round_text`)."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang
        self.sep = _GROUPING.get(lang, ",")

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec == "date":  # not an ISO day (a hand edit): ValueError, the stored text
            return date_text(dt.date.fromisoformat(str(value)), self.lang)
        if format_spec == "moment":
            return moment_text(str(value), self.lang)
        if format_spec == "day":  # typed as an ISO day: as the language writes dates
            return day_text({"raw": value}, self.lang) or str(value)
        if format_spec == "round":
            return round_text(str(value), self.lang)
        text = str(super().format_field(value, format_spec))
        if self.sep != "," and isinstance(value, int | float):  # 1,234.5 → 1.234,5
            text = text.translate({ord(","): self.sep, ord("."): ","})
        return text


def say(key: str, lang: str, **args: Arg) -> str:
    """The fixed text ``key`` of the terminal views (:data:`WORDS`) in ``lang`` with ``args``
    (German for a language formgen has no words for, as the labels of the schema)."""
    template = WORDS.get(lang, WORDS["de"])[key]
    floats = _GROUPING.get(lang, ",") != "," and any(isinstance(v, float) for v in args.values())
    if not floats and _plain(template, lang):  # str.format says it alike, ten times faster
        return template.format(**args)
    return _Formatter(lang).format(template, **args)


@functools.cache
def _plain(template: str, lang: str) -> bool:
    """Whether ``template`` has no format that :class:`_Formatter` writes its own way in
    ``lang``: no ``date``, ``day`` or ``moment``, and no digit grouping unless ``lang`` groups
    with ``,`` (a float, whose decimal mark the language may write otherwise, is the caller's
    check)."""
    specs = [spec or "" for _, _, spec, _ in string.Formatter().parse(template)]
    grouping = _GROUPING.get(lang, ",") == ","
    return not any(
        s in ("date", "day", "moment", "round") or ("," in s and not grouping) for s in specs
    )


def say_count(key: str, lang: str, n: int, **args: Arg) -> str:
    """:func:`say` for ``n`` things: the words ``key_one`` for one, where there are such."""
    one = f"{key}_one"
    return say(one if n == 1 and one in WORDS["en"] else key, lang, n=n, **args)


def reason_text(waiting: Mapping[str, Any], lang: str) -> str:
    """Why a probable duplicate or a held value waits for a person, in ``lang``: its words
    (``reason_key``, ``reason_args``; :data:`WORDS`); the stored English ``reason`` where a
    register written before has none, or they do not fit (a hand edit)."""
    return in_language(reason_said(waiting), lang)


def reason_said(waiting: Mapping[str, Any]) -> str:
    """:func:`reason_text` as a :class:`Said` (the stored English ``reason`` where there are
    no words that fit), for a text that is said in a language later: the ingest report's."""
    key, args = waiting.get("reason_key"), waiting.get("reason_args")
    if key == "held_both" and args == {"rev": 0}:  # a form made before the register knew it
        key, args = "held_both_unprefilled", {}
    if isinstance(key, str) and key in WORDS["en"] and isinstance(args, dict):
        try:
            return Said(key, **args)
        except (KeyError, IndexError, ValueError, TypeError):
            pass  # args that do not fit the words: as stored
    return str(waiting.get("reason", ""))


def render(key: str | None, args: Mapping[str, Arg], lang: str) -> str | None:
    """The message ``key`` in ``lang`` with ``args``; ``None`` when there is no such template
    or the args do not fit it (the caller then shows the stored text)."""
    template = MESSAGES.get(lang, {}).get(key or "")
    if template is None:
        return None
    said: dict[str, str | int | float] = {}
    for name, arg in args.items():
        if isinstance(arg, Mapping):
            in_lang = arg.get(lang)
            if not isinstance(in_lang, str):
                return None  # not said in this language (a hand edit): the stored text
            said[name] = in_lang
        else:
            said[name] = arg
    try:
        return _Formatter(lang).format(template, **said)
    except (KeyError, IndexError, ValueError, TypeError):
        return None


class Said(str):
    """A text of the ingest and mail reports that can be said again in another language: the
    English of the words ``key`` (:data:`WORDS`) with ``args``, and the key and args.

    It is a ``str`` (the English), so whatever keeps text — ``--json``, a stored record, a
    note joined into a longer text — keeps the English as before; what is shown to people
    asks :func:`in_language` for the workspace's language. Made in a worker process, it is
    handed to the parent with its key and args (pickled as such)."""

    key: str
    args: dict[str, Arg]

    def __new__(cls, key: str, **args: Arg) -> Said:
        english = {k: v[ENGLISH] if isinstance(v, Mapping) else v for k, v in args.items()}
        self = str.__new__(cls, say(key, ENGLISH, **english))  # a Named arg by its id
        self.key = key
        self.args = args
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (_said, (str(self), self.key, self.args))

    def in_language(self, lang: str) -> str:
        """The text in ``lang`` (args that are :class:`Said` too said in it); the English where
        the args do not fit the words there."""
        try:
            return say(self.key, lang, **_args_in(self.args, lang))
        except (KeyError, IndexError, ValueError, TypeError):
            return str(self)


def _args_in(args: Mapping[str, Arg], lang: str) -> dict[str, Arg]:
    """``args`` of a :class:`Said` as said in ``lang``: one that is :class:`Said` too in it, one
    said in each language (:func:`per_language`: the labels of the schema) in it (a language
    it lacks raises KeyError: the English is shown)."""
    return {
        k: v[lang] if isinstance(v, Mapping) else in_language(v, lang) if isinstance(v, str) else v
        for k, v in args.items()
    }


class Named(str):
    """An id of the schema (``institution.phone``, ``sozialpsychiatrischer_dienst``) in a text of
    the reports: the ``str`` is the id, as ``--json`` and the English of a :class:`Said` keep
    it; said in a language (:func:`in_language`), it is its label there, ``labels[lang]``
    (``Einrichtung › Telefon (Zentrale)``), the id in a language it has no label in."""

    labels: dict[str, str]

    def __new__(cls, name: str, labels: Mapping[str, str]) -> Named:
        self = str.__new__(cls, name)
        self.labels = dict(labels)
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Named, (str(self), self.labels))

    def in_language(self, lang: str) -> str:
        return self.labels.get(lang, str(self))


def _said(text: str, key: str, args: dict[str, Arg]) -> Said:
    """A :class:`Said` as it was made (unpickled: the English is not said again)."""
    self = str.__new__(Said, text)
    self.key = key
    self.args = args
    return self


class SaidJoined(Said):
    """Texts joined with ``sep`` (``, ``), each said in the language the whole is said in."""

    parts: tuple[str, ...]
    sep: str

    def __new__(cls, parts: Iterable[str], sep: str = ", ") -> SaidJoined:
        return cls._joined(tuple(parts), sep)

    @classmethod
    def _joined(cls, parts: tuple[str, ...], sep: str) -> SaidJoined:
        self = str.__new__(cls, sep.join(parts))
        self.key, self.args, self.parts, self.sep = "", {}, parts, sep
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (SaidJoined._joined, (self.parts, self.sep))

    def in_language(self, lang: str) -> str:
        return self.sep.join(in_language(p, lang) for p in self.parts)


class SaidProblem(Said):
    """Why a value is invalid (:class:`Problem`) as a report text: its English text, said in
    another language by its own template (:data:`MESSAGES`)."""

    problem: Problem

    def __new__(cls, problem: Problem) -> SaidProblem:
        self = str.__new__(cls, problem.text)
        self.key, self.args, self.problem = "", {}, problem
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (SaidProblem, (self.problem,))

    def in_language(self, lang: str) -> str:
        return self.problem.in_language(lang)


def said_count(key: str, n: int, **args: Arg) -> Said:
    """:class:`Said` for ``n`` things: the words ``key_one`` for one, where there are such."""
    one = f"{key}_one"
    return Said(one if n == 1 and one in WORDS["en"] else key, n=n, **args)


_OS_ERRORS = {
    errno.ENOENT: "os_enoent",
    errno.EACCES: "os_eacces",
    errno.EPERM: "os_eperm",
    errno.EISDIR: "os_eisdir",
    errno.ENOTDIR: "os_enotdir",
    errno.EROFS: "os_erofs",
    errno.ENOSPC: "os_enospc",
    errno.EEXIST: "os_eexist",
    errno.ELOOP: "os_eloop",
    errno.ENAMETOOLONG: "os_enametoolong",
    errno.EIO: "os_eio",
}
"""The words for what the operating system says of an error reading or writing a file."""


def os_error_said(exc: OSError) -> str:
    """What the operating system said of ``exc`` (its ``strerror``, English as Python gives
    it), said in any language where formgen has words for it (``Datei oder Ordner nicht
    gefunden``); else as the system said it."""
    key = _OS_ERRORS.get(exc.errno or 0)
    return Said(key) if key else str(exc.strerror or exc)


_OS_CANNOT_WRITE = {
    errno.EROFS: "os_advice_erofs",
    errno.ENOSPC: "os_advice_enospc",
    errno.EDQUOT: "os_advice_edquot",
    errno.EFBIG: "os_advice_efbig",
}
"""What to check when a write failed (the path names what could not be written)."""

_OS_CANNOT_ACCESS = {
    errno.EACCES: "os_advice_eacces",
    errno.EPERM: "os_advice_eacces",
    errno.ENOENT: "os_advice_enoent",
}
"""What to check when a file could not be reached."""


def os_error_message(exc: OSError) -> Said:
    """What failed, on which path (:func:`os_error_said`), and what to check, said in any
    language: ``cannot write DIR/exports/x.csv: Read-only file system; the drive is mounted
    read-only: …``."""
    name = exc.filename
    path = readable(os.fsdecode(name)) if isinstance(name, str | bytes | os.PathLike) else None
    what, shown = os_error_said(exc), path or Said("os_a_file")
    if exc.errno in _OS_CANNOT_WRITE:
        advice = Said(_OS_CANNOT_WRITE[exc.errno])
        return Said("os_cannot_write", path=shown, what=what, advice=advice)
    advice = Said(_OS_CANNOT_ACCESS.get(exc.errno or 0, "os_advice_other"))
    return Said("os_cannot_access", path=shown, what=what, advice=advice)


def in_language(text: str, lang: str) -> str:
    """``text`` in ``lang`` when it is :class:`Said` (made to be said in any language), else as
    it is (a text from a library, a file name, an older record)."""
    return text.in_language(lang) if isinstance(text, Said | Named) else text


def known_text(text: str, lang: str) -> str:
    """``text`` in ``lang`` where it is exactly the English of words of :data:`WORDS` that take
    no args, and all such words say it alike in ``lang`` (a quarantine record of an earlier
    formgen, which kept the English only: ``unknown form: no formgen identity …``); else as
    it is. Words with args are not guessed back from their text."""
    return _plain_words(lang).get(text, text)


@functools.cache
def _plain_words(lang: str) -> dict[str, str]:
    """The English of each of the words that take no args → the words in ``lang``; an English
    text said otherwise by other words in ``lang`` (``merged``) left out."""
    said: dict[str, set[str]] = {}
    for key, english in WORDS["en"].items():
        if "{" not in english and "}" not in english:
            said.setdefault(english, set()).add(say(key, lang))
    return {english: next(iter(texts)) for english, texts in said.items() if len(texts) == 1}


def said_json(text: str) -> Any:
    """``text`` as JSON that :func:`said_from_json` makes it again from, for a text stored in
    English that is shown in a language later (the send log's why not mailed): a
    :class:`Said` as its key and args (``{"said": key, "args": {…}}``, an arg that is a
    :class:`Said` too as such), a :class:`SaidJoined` as its parts (``{"joined": […], "sep":
    "; "}``), any other text as it is."""
    if isinstance(text, SaidJoined):
        return {"joined": [said_json(p) for p in text.parts], "sep": text.sep}
    if isinstance(text, Said) and not isinstance(text, SaidProblem):
        args = {k: said_json(v) if isinstance(v, str) else v for k, v in text.args.items()}
        return {"said": text.key, "args": args}
    return str(text)


def said_from_json(stored: Any, text: str) -> str:
    """The text :func:`said_json` stored as ``stored``, to be said in any language; ``text``
    (the English stored beside it) where there is none (an older formgen's) or it does not fit
    today's words (a hand edit, a key of a newer formgen)."""
    try:
        said = _said_from(stored) if stored else text
    except (KeyError, IndexError, ValueError, TypeError, AttributeError):
        return text
    return said if isinstance(said, str) else text  # a number or a list is no text to say


def _said_from(stored: Any) -> Any:
    if isinstance(stored, dict) and "joined" in stored:
        return SaidJoined([_said_from(p) for p in stored["joined"]], str(stored["sep"]))
    if isinstance(stored, dict) and "said" in stored:
        return Said(str(stored["said"]), **{k: _said_from(v) for k, v in stored["args"].items()})
    return stored  # a text, a number, a mapping of languages


def per_language(say: Callable[[str], str]) -> dict[str, str]:
    """An arg said in every language of the templates: ``say(lang)`` for each (e.g. the choices
    of a field by their labels in that language)."""
    return {lang: say(lang) for lang in MESSAGES}


@dataclass(frozen=True)
class Problem:
    """Why a value is invalid: its English text, and the key and args to say it in another
    language (``key`` ``None``: known as text only, from an older register or journal)."""

    text: str
    key: str | None = None
    args: Mapping[str, Arg] = field(default_factory=dict, hash=False)

    def __str__(self) -> str:
        return self.text

    def in_language(self, lang: str) -> str:
        """The message in ``lang`` (``de``, ``en``); the stored text where that is not possible."""
        return render(self.key, self.args, lang) or self.text

    def to_json(self) -> dict[str, Any]:
        """The keys a stored value (and a journaled return) carries for this problem."""
        out: dict[str, Any] = {"problem": self.text}
        if self.key is not None:
            out["problem_key"] = self.key
            out["problem_args"] = dict(self.args)
        return out

    @classmethod
    def from_json(cls, stored: Mapping[str, Any]) -> Problem | None:
        """The problem of a stored value (``None`` when it is valid); tolerant of values written
        by older formgens (text only) and of hand edits (a key without usable args)."""
        text = stored.get("problem")
        if not text:
            return None
        key = stored.get("problem_key")
        args = stored.get("problem_args")
        if not isinstance(key, str) or not isinstance(args, dict):
            return cls(str(text))
        return cls(str(text), key, dict(args))


def problem(key: str, **args: Arg) -> Problem:
    """A problem from its template; the English text is made now (raises ``KeyError`` for a key
    that has no English template: a programming error, caught by the tests)."""
    text = render(key, args, ENGLISH)
    if text is None:
        raise KeyError(f"no English message template '{key}' for the args {sorted(args)}")
    return Problem(text, key, dict(args))


def problem_text(stored: Mapping[str, Any], lang: str) -> str:
    """Why a stored value is invalid, in ``lang`` (``""`` when it is valid)."""
    found = Problem.from_json(stored)
    return found.in_language(lang) if found else ""
