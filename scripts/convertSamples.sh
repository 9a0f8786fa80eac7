#!/usr/bin/env bash
# Convert every .xlsx under SRC_DIR into the other files headquarters receives, keeping
# relative paths under OUT_DIR. For SRC_DIR/a/b.xlsx it writes:
#   OUT_DIR/a/b.xls            MS Excel 97 (BIFF8), written by LibreOffice Calc
#   OUT_DIR/a/b.ods            OpenDocument spreadsheet, Calc
#   OUT_DIR/a/b.calc.xlsx      the workbook re-saved by Calc (its own OOXML writer)
#   OUT_DIR/a/b.openpyxl.xlsx  re-saved by openpyxl: formulas kept, cached results dropped
#   OUT_DIR/a/b.csv            first sheet only, UTF-8 with BOM (Excel's "CSV UTF-8")
#   OUT_DIR/a/b.tis620.csv     first sheet only, TIS-620 (Thai legacy 8-bit)
#   OUT_DIR/a/b.html.xls       Calc's HTML export (every sheet a table), named .xls as web
#                              systems name the HTML tables they "export to Excel"
#
# Usage: scripts/convertSamples.sh SRC_DIR OUT_DIR [FORMATS]
#   FORMATS: the renditions to write, by their endings above, comma-separated (e.g.
#   "xls,ods,html.xls"); all seven when left out. Each format is a whole soffice run.
# Needs: Debian libreoffice-calc (headless soffice) and python3-openpyxl (/usr/bin/python3).
#
# Fast: one soffice run per target format over all files (start-up dominates), two
# lanes in parallel, each with a private LibreOffice profile so parallel runs (of this
# script or anything else using soffice) never share a locked user installation.
set -euo pipefail

ALL_FORMATS=xls,ods,calc.xlsx,openpyxl.xlsx,csv,tis620.csv,html.xls
if [[ $# -lt 2 || $# -gt 3 ]]; then
  echo "usage: $0 SRC_DIR OUT_DIR [FORMATS: some of $ALL_FORMATS]" >&2
  exit 2
fi
FORMATS=${3:-$ALL_FORMATS}
for f in ${FORMATS//,/ }; do
  if [[ ",$ALL_FORMATS," != *",$f,"* ]]; then
    echo "unknown format '$f': the formats are $ALL_FORMATS" >&2
    exit 2
  fi
done
# wants FORMAT: whether FORMAT is one of those asked for.
wants() { [[ ",$FORMATS," == *",$1,"* ]]; }
SRC=$(cd "$1" && pwd)
mkdir -p "$2"
OUT=$(cd "$2" && pwd)
SOFFICE=${SOFFICE:-soffice}
PYTHON=${PYTHON:-/usr/bin/python3}

WORK=$(mktemp -d /tmp/convertSamples.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

# CSV export filter options (positional tokens): 1 field separator (44 = ","),
# 2 text delimiter (34 = '"'), 3 character set, 4 first line (1), 5 column formats
# (none), 6 language (0 = default), 7 quote all text cells (false: like Excel),
# 8 detect special numbers (import only), 9 save cell contents as shown (true: what
# the user saw, e.g. dates as the locale shows them), 10 export formulas (false),
# 11 remove spaces (false). Token 12 (sheet) is left out = the first sheet only.
# Character set numbers are rtl_TextEncoding values: 76 = UTF-8, 87 = TIS-620,
# 32 = Windows-874 (what Thai Windows Excel writes for "CSV (Comma delimited)"; the
# same bytes as TIS-620 for Thai and ASCII, plus a few extras such as "–" at 0x96).
# Calc 7.4 writes no BOM for UTF-8, so the BOM is prepended below.
CSV_FILTER='Text - txt - csv (StarCalc)'
CSV_UTF8="csv:$CSV_FILTER:44,34,76,1,,0,false,true,true,false,false"
CSV_TIS620="csv:$CSV_FILTER:44,34,87,1,,0,false,true,true,false,false"

# Stage every source under a unique flat name (f0001.xlsx …) so one soffice run can
# take them all with a single --outdir; map back to relative paths afterwards.
mkdir -p "$WORK/stage"
mapfile -d '' RELS < <(cd "$SRC" && find . -type f -name '*.xlsx' ! -name '~$*' -print0 | sort -z)
if [[ ${#RELS[@]} -eq 0 ]]; then
  echo "no .xlsx under $SRC" >&2
  exit 1
fi
for i in "${!RELS[@]}"; do
  ln -s "$SRC/${RELS[$i]#./}" "$WORK/stage/$(printf 'f%04d' "$i").xlsx"
done

# A fresh private profile per lane, pre-seeded so Calc skips the first-run setup and
# does not render a thumbnail into every .ods (Thumbnails/ is optional in ODF and
# rendering it was ~30 % of the .ods time).
make_profile() {
  mkdir -p "$WORK/profile-$1/user"
  cat >"$WORK/profile-$1/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Save/Document"><prop oor:name="GenerateThumbnail" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
XCU
}

# convert LANE TARGET OUTSUBDIR: one soffice run over all staged files.
convert() {
  local lane=$1 target=$2 dir=$3
  mkdir -p "$WORK/out/$dir"
  "$SOFFICE" "-env:UserInstallation=file://$WORK/profile-$lane" --headless --norestore \
    --convert-to "$target" --outdir "$WORK/out/$dir" "$WORK"/stage/*.xlsx \
    >"$WORK/$dir.log" 2>&1
}

resave_with_openpyxl() {
  mkdir -p "$WORK/out/openpyxl"
  "$PYTHON" - "$WORK/stage" "$WORK/out/openpyxl" <<'PY'
import sys
from pathlib import Path
from openpyxl import load_workbook

stage, out = Path(sys.argv[1]), Path(sys.argv[2])
for src in sorted(stage.glob("*.xlsx")):
    # Formulas are loaded as formulas; openpyxl writes them back without <v>.
    load_workbook(src).save(out / src.name)
PY
}

# Two lanes of about equal length (2 cores here); .ods is the slowest writer.
lane_a() {
  make_profile a
  if wants ods; then convert a 'ods:calc8' ods; fi
  if wants xls; then convert a 'xls:MS Excel 97' xls; fi
}
lane_b() {
  make_profile b
  if wants calc.xlsx; then convert b 'xlsx:Calc MS Excel 2007 XML' xlsx; fi
  if wants csv; then convert b "$CSV_UTF8" csv; fi
  if wants tis620.csv; then convert b "$CSV_TIS620" tis620; fi
  if wants html.xls; then convert b 'html:HTML (StarCalc)' html; fi
  if wants openpyxl.xlsx; then resave_with_openpyxl; fi
}

start=$(date +%s.%N)
lane_a & pid_a=$!
lane_b & pid_b=$!
wait "$pid_a"
wait "$pid_b"

# Move results to OUT_DIR/<relative path>, checking every expected file exists
# (soffice exits 0 even when a single conversion fails).
missing=0
place() {
  local from=$1 to=$2
  if [[ -f "$from" ]]; then
    mkdir -p "$(dirname "$to")"
    mv -f "$from" "$to"
  else
    echo "missing: $to" >&2
    missing=$((missing + 1))
  fi
}
for i in "${!RELS[@]}"; do
  id=$(printf 'f%04d' "$i")
  rel=${RELS[$i]#./}
  base="$OUT/${rel%.xlsx}"
  if wants xls; then place "$WORK/out/xls/$id.xls" "$base.xls"; fi
  if wants ods; then place "$WORK/out/ods/$id.ods" "$base.ods"; fi
  if wants calc.xlsx; then place "$WORK/out/xlsx/$id.xlsx" "$base.calc.xlsx"; fi
  if wants openpyxl.xlsx; then place "$WORK/out/openpyxl/$id.xlsx" "$base.openpyxl.xlsx"; fi
  if wants csv; then
    if [[ -f "$WORK/out/csv/$id.csv" ]]; then
      { printf '\xef\xbb\xbf'; cat "$WORK/out/csv/$id.csv"; } >"$WORK/out/csv/$id.bom"
      rm "$WORK/out/csv/$id.csv"
    fi
    place "$WORK/out/csv/$id.bom" "$base.csv"
  fi
  if wants tis620.csv; then place "$WORK/out/tis620/$id.csv" "$base.tis620.csv"; fi
  if wants html.xls; then place "$WORK/out/html/$id.html" "$base.html.xls"; fi
done
end=$(date +%s.%N)

printf 'converted %d workbooks into %s in %.1f s -> %s\n' \
  "${#RELS[@]}" "$FORMATS" "$(awk "BEGIN{print $end - $start}")" "$OUT"
if [[ $missing -gt 0 ]]; then
  echo "$missing outputs missing; soffice logs were in $WORK (kept)" >&2
  trap - EXIT
  exit 1
fi
