#!/usr/bin/python3
"""Form 2 consolidation as an HQ analyst would script it today (pandas + openpyxl).

The peer the returns-hub bench compares against: read the 50 district workbooks of
Form 2 (one district per file, record layout: label in column B, value in column C),
sum the figures, print the consolidated indicators as one JSON object.

    /usr/bin/python3 test/bench/peer/form2_peer.py test/fixtures/shared/samples/community-plan/districts

It knows exactly one layout (the districts' own template) and no checks: that is what
a one-off analyst script does, and why it is fast.
"""
import json
import sys
from pathlib import Path

import pandas as pd
from openpyxl import load_workbook

# Item label (column B) -> field; the template's Thai wording, as typed by the districts.
FIELDS = {
    "จำนวนชุมชนทั้งหมดในพื้นที่เขต": "communities_total",
    "ชุมชนที่ทบทวนแผนพัฒนาชุมชนเดิม": "communities_existing_plan",
    "ชุมชนที่จัดทำแผนพัฒนาชุมชนใหม่": "communities_new_plan",
    "การจัดประชุมชี้แจงแนวทางให้ชุมชน": "meeting_held",
    "งบประมาณที่ได้รับโอน": "budget_received",
    "งบประมาณที่เบิกจ่ายแล้ว": "budget_disbursed",
    "งบประมาณที่ส่งคืน": "budget_returned",
    "งบประมาณคงเหลือ": "budget_balance",
    "โครงการ/กิจกรรมจากแผนพัฒนาชุมชนที่บรรจุในแผนปฏิบัติการ ปี 2563": "projects_in_plan_2563",
    "โครงการ/กิจกรรมจากแผนพัฒนาชุมชนที่บรรจุในแผนปฏิบัติการ ปี 2564": "projects_in_plan_2564",
}
NUMBERS = [f for f in FIELDS.values() if f != "meeting_held"]
MEETING_HELD = "จัดแล้ว"


def read_district(path: Path) -> dict:
    """One district file -> one record (the first sheet, label-value rows)."""
    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        record = {"file": path.name}
        for row in wb.worksheets[0].iter_rows(values_only=True):
            if len(row) < 2 or row[0] is None:
                continue
            if row[0] == "สำนักงานเขต":
                record["district"] = row[1]
            elif len(row) >= 3 and row[1] in FIELDS:
                record[FIELDS[row[1]]] = row[2]
        return record
    finally:
        wb.close()


def consolidate(df: pd.DataFrame) -> dict:
    df[NUMBERS] = df[NUMBERS].apply(pd.to_numeric).fillna(0)
    sums = df[NUMBERS].sum()
    plan_projects = df["projects_in_plan_2563"] + df["projects_in_plan_2564"]
    figures = {
        "districts": len(df),
        "communities_total": sums["communities_total"],
        "communities_existing_plan": sums["communities_existing_plan"],
        "communities_new_plan": sums["communities_new_plan"],
        "districts_meeting_held": (df["meeting_held"].str.strip() == MEETING_HELD).sum(),
        "budget_received": sums["budget_received"],
        "budget_disbursed": sums["budget_disbursed"],
        "districts_disbursed": (df["budget_disbursed"] > 0).sum(),
        "budget_returned": sums["budget_returned"],
        "districts_returned": (df["budget_returned"] > 0).sum(),
        "budget_balance": sums["budget_balance"],
        "districts_with_balance": (df["budget_balance"] > 0).sum(),
        "projects_in_plan_2563": sums["projects_in_plan_2563"],
        "projects_in_plan_2564": sums["projects_in_plan_2564"],
        "districts_with_plan_projects": (plan_projects > 0).sum(),
    }
    # numpy scalars -> plain JSON numbers (whole numbers as ints)
    return {k: (int(v) if float(v).is_integer() else float(v)) for k, v in figures.items()}


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: form2_peer.py DISTRICTS_DIR")
    files = sorted(Path(sys.argv[1]).glob("*.xlsx"))
    df = pd.DataFrame([read_district(p) for p in files])
    print(json.dumps(consolidate(df)))


if __name__ == "__main__":
    main()
