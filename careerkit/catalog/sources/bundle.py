"""Regenerate the bundled catalogue (``data/catalog/``) from the real data in ``../shared``.

Run from the repository folder (``make catalog``)::

    python -m careerkit.catalog.sources.bundle [--shared ../shared]

It writes ``data/nem_crosswalk.csv`` (the two code columns of BLS's crosswalk) and imports
O*NET 30.3 with BLS OEWS May 2025 (national and by area) and Employment Projections
2024-34. O*NET's description sentences are left out: they are not bundled.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from careerkit import paths
from careerkit.catalog.sources import bls
from careerkit.catalog.sources.build import CROSSWALK, import_onet

CROSSWALK_SOURCE = "crosswalks/nem-onet-to-soc-crosswalk_asof_2024-08-29.xlsx"
EXCEL_30X = "30.x (Excel release 30.0 or 30.1; not recorded in the file)"


def bundle(shared: Path, out: Path = paths.DATA_DIR / "catalog") -> str:
    """Rebuild the bundled files from ``shared``; returns the import's summary."""
    nem = bls.read_crosswalk(shared / CROSSWALK_SOURCE)
    nem.rename_axis("onet_code").rename("nem_code").to_csv(CROSSWALK, lineterminator="\n")
    summary = import_onet(
        shared / "onet-30.3",
        wages=shared / "oews" / "national_2025.csv",
        areas=shared / "oews" / "areas_2025.csv",
        projections=shared / "bls-ep" / "occupation.xlsx",
        out=out,
        keep_onet_descriptions=False,
        area_types="NS",  # metropolitan areas come with an import of areas_2025.csv
    )
    # excel-30.x/ has no Read Me; its SOURCE.md says it is the 30.x Excel release.
    record = out / "sources.json"
    sources = json.loads(record.read_text(encoding="utf-8"))
    for table in sources["tables"].values():
        if table["file"].startswith("excel-30.x/"):
            table["release"] = EXCEL_30X
    sources.pop("created", None)  # the bundle changes only when its data does
    record.write_text(json.dumps(sources, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return str(summary)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m careerkit.catalog.sources.bundle", description=__doc__
    )
    parser.add_argument("--shared", type=Path, default=paths.DATA_DIR.parent.parent / "shared")
    args = parser.parse_args(argv)
    print(bundle(args.shared))
    return 0


if __name__ == "__main__":
    sys.exit(main())
