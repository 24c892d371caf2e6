#!/usr/bin/env bash
# Writes and checks final-accounts disclosures with Jixiao beside python-docx + matplotlib on the same data; prints the
# figures that Benchmarks/RESULTS.md records. From the repository root:
#   bash Benchmarks/peers/disclosure.sh [PEER_COUNT] [JIXIAO_COUNT]
set -euo pipefail
peers=${1:-50}
count=${2:-1000}
pip install -q python-docx openpyxl matplotlib
swift build -c release --product jixiao --product jixiao-bench
work=$(mktemp -d)
.build/release/jixiao report docs/examples/seed003-final-accounts.json --format md --out "$work" >/dev/null
.build/release/jixiao report docs/examples/seed003-final-accounts.json --format xlsx --out "$work" >/dev/null
.build/release/jixiao report docs/examples/seed003-final-accounts.json --format docx --out "$work/docx" >/dev/null
name="2020年度-攀枝花市应急管理局-部门决算"
python3 Benchmarks/peers/disclosure_python.py write "$work/$name.md" "$work/$name.xlsx" "$peers"
mkdir -p "$work/read"
for i in $(seq 1 "$peers"); do cp "$work/docx/$name.docx" "$work/read/$i.docx"; done
python3 Benchmarks/peers/disclosure_python.py read "$work/read"
.build/release/jixiao-bench disclosure --count "$count"
