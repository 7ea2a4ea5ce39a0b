#!/usr/bin/env bash
# CTest check: the pt_PT catalogue covers every tr() string in core/, ui/ and app/.
# Runs update.sh (lupdate) on a temporary copy of translations/ncf_pt_PT.ts, so the checked-in
# file is never touched, then fails if any message is unfinished, has an empty translation, or
# drops/changes a %N placeholder of its source. Fix with `bash translations/update.sh` and translate
# the messages it lists (Qt Linguist works).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-/usr/bin/python3}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ts=$tmp/ncf_pt_PT.ts
cp "$here/ncf_pt_PT.ts" "$ts"
bash "$here/update.sh" "$ts"

"$python" - "$ts" <<'PY'
import re
import sys
import xml.etree.ElementTree as ET

# Qt's QString::arg() markers: %1..%99, optionally localized (%L1); %n for plural forms.
placeholder = re.compile(r"%L?(?:[1-9][0-9]?|n)")

def texts(translation):
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]

problems = []
count = 0
for context in ET.parse(sys.argv[1]).getroot().iter("context"):
    name = context.findtext("name", "")
    for message in context.iter("message"):
        source = message.findtext("source", "")
        translation = message.find("translation")
        if translation is not None and translation.get("type") in ("vanished", "obsolete"):
            continue
        count += 1
        why = []
        if translation is None:
            why.append("no translation")
        else:
            if translation.get("type") == "unfinished":
                why.append("unfinished")
            forms = texts(translation)
            if any(not t.strip() for t in forms):
                why.append("empty translation")
            wanted = sorted(placeholder.findall(source))
            for t in forms:
                got = sorted(placeholder.findall(t))
                if t.strip() and got != wanted:
                    why.append("placeholders %s, source has %s" % (" ".join(got) or "none",
                                                                  " ".join(wanted) or "none"))
                    break
        if why:
            problems.append("%s: %r: %s" % (name, source, "; ".join(why)))

if problems:
    print("translations/ncf_pt_PT.ts: %d of %d messages need work "
          "(run translations/update.sh and translate them):" % (len(problems), count))
    for p in problems:
        print("  " + p)
    sys.exit(1)
print("translations complete: %d messages" % count)
PY
