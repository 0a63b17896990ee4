#!/usr/bin/env bash
# The generated tables, remade by their generators (make generated) or checked against them
# (make check-generated: regenerates each into a scratch folder and fails on any difference).
#
#   Sources/ActivationCore/Generated/DecimalText+Generated.swift    Scripts/make-power-table.py
#   Sources/ActivationCore/Generated/RootSeries+Generated.swift     Scripts/make-root-series.py (mpmath)
#   Sources/ActivationCore/Generated/GaussianTables+Generated.swift Scripts/make-gaussian-tables.py (mpmath)
#   Sources/ActivationCore/Generated/ExpTable+Generated.swift       Scripts/make-exp-table.py (mpmath)
#   Sources/ActivationPlot/Image/Font/DejaVuSans+Generated.swift          Scripts/make-font.py (fontTools, DejaVu Sans)
#
# The generators run in a venv in .build/generators (mpmath and fontTools from PyPI); the font
# is Debian's fonts-dejavu-core, installed with apt-get when missing and run as root.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-write}
venv=.build/generators
font=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf

if ! "$venv/bin/python" -c 'import mpmath, fontTools' 2>/dev/null; then
    echo "generated: installing mpmath and fontTools into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q mpmath==1.3.0 fonttools
fi
if [ ! -f "$font" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core >/dev/null \
            || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core >/dev/null; }
    else
        echo "generated: $font is missing; install it with: sudo apt-get install -y fonts-dejavu-core" >&2
        exit 1
    fi
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
py="$venv/bin/python"
"$py" Scripts/make-power-table.py "$out/DecimalText+Generated.swift"
"$py" Scripts/make-root-series.py > "$out/RootSeries+Generated.swift" 2>/dev/null
"$py" Scripts/make-gaussian-tables.py > "$out/GaussianTables+Generated.swift"
"$py" Scripts/make-exp-table.py > "$out/ExpTable+Generated.swift"
"$py" Scripts/make-font.py "$font" "$out/DejaVuSans+Generated.swift" >/dev/null

status=0
for file in Sources/ActivationCore/Generated/DecimalText+Generated.swift \
    Sources/ActivationCore/Generated/RootSeries+Generated.swift \
    Sources/ActivationCore/Generated/GaussianTables+Generated.swift \
    Sources/ActivationCore/Generated/ExpTable+Generated.swift \
    Sources/ActivationPlot/Image/Font/DejaVuSans+Generated.swift; do
    fresh="$out/$(basename "$file")"
    if [ "$mode" = check ]; then
        if cmp -s "$fresh" "$file"; then
            echo "generated: $file is up to date"
        else
            echo "generated: $file differs from what its generator makes:" >&2
            diff "$file" "$fresh" | head -20 >&2 || true
            status=1
        fi
    else
        cp "$fresh" "$file"
        echo "generated: wrote $file"
    fi
done
exit $status
