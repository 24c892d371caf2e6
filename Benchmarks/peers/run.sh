#!/usr/bin/env bash
# Runs Jixiao's document benchmark beside the peers (docxtpl, openpyxl) on the same data; prints the figures that
# Benchmarks/RESULTS.md records. From the repository root: bash Benchmarks/peers/run.sh [PEER_COUNT] [JIXIAO_COUNT]
set -euo pipefail
peers=${1:-200}
reports=${2:-10000}
pip install -q docxtpl openpyxl python-docx
swift build -c release --product jixiao --product jixiao-bench
work=$(mktemp -d)
.build/release/jixiao report docs/examples/seed000-project.json --format md --out "$work" >/dev/null
.build/release/jixiao report docs/examples/seed000-project.json --format xlsx --out "$work" >/dev/null
python3 Benchmarks/peers/docxtpl_report.py "$work/seed000-project.md" "$work/seed000-project.xlsx" "$peers"
python3 Benchmarks/peers/openpyxl_table.py "$work/seed000-project.xlsx" "$peers"
.build/release/jixiao-bench report --reports "$reports"
.build/release/jixiao-bench report --reports "$reports" --xlsx
