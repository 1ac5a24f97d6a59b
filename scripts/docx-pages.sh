#!/usr/bin/env bash
# Lays out a .docx the way a school will print it: LibreOffice (headless) converts it to PDF,
# pdftoppm renders every page as PNG in colour and in greyscale, and the script prints the page
# count and the page on which the appendix («Приложение…» heading) starts, i.e. how many pages
# the body takes.
#
#   scripts/docx-pages.sh Results/parents-satisfaction-2026-весна/spravka.docx [OUTDIR]
#
# OUTDIR defaults to a folder beside the file named after it with "-pages" (spravka-pages/):
#   spravka.pdf, page-01.png …, grey-01.png …
# Installs libreoffice-writer and poppler-utils from Debian when they are missing.
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: $0 FILE.docx [OUTDIR]" >&2
    exit 2
fi
DOCX="$1"
if [ ! -f "$DOCX" ]; then
    echo "$0: no such file: $DOCX" >&2
    exit 1
fi
OUT="${2:-${DOCX%.*}-pages}"

# hyphen-ru: the Russian hyphenation patterns, so LibreOffice hyphenates as Word does.
if ! command -v soffice >/dev/null || ! command -v pdftoppm >/dev/null || ! command -v pdftotext >/dev/null \
    || [ ! -e /usr/share/hyphen/hyph_ru_RU.dic ]; then
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    echo "Installing libreoffice-writer, poppler-utils and hyphen-ru…" >&2
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
        libreoffice-writer poppler-utils fonts-liberation hyphen-ru >/dev/null
fi

mkdir -p "$OUT"
rm -f "$OUT"/page-*.png "$OUT"/grey-*.png
NAME="$(basename "${DOCX%.*}")"
# A private profile: works beside a running LibreOffice and leaves the user's settings alone.
PROFILE="$(mktemp -d)"
trap 'rm -rf "$PROFILE"' EXIT
soffice -env:UserInstallation="file://$PROFILE" --headless --convert-to pdf --outdir "$OUT" "$DOCX" >/dev/null 2>&1
PDF="$OUT/$NAME.pdf"
if [ ! -s "$PDF" ]; then
    echo "$0: LibreOffice did not produce $PDF" >&2
    exit 1
fi

PAGES="$(pdfinfo "$PDF" | awk '/^Pages:/ { print $2 }')"
pdftoppm -r 80 -png "$PDF" "$OUT/page"
pdftoppm -r 80 -png -gray "$PDF" "$OUT/grey"

APPENDIX=""
for ((p = 1; p <= PAGES; p++)); do
    # A line that starts with «Приложение» (after spaces) is the appendix heading.
    if pdftotext -f "$p" -l "$p" -layout "$PDF" - | grep -Eq '^[[:space:]]*Приложение'; then
        APPENDIX="$p"
        break
    fi
done

echo "PDF: $PDF"
echo "Страниц: $PAGES"
if [ -n "$APPENDIX" ]; then
    # The body ends on the page before the appendix, or shares the page it starts on.
    echo "Приложение начинается на странице $APPENDIX (основная часть — $((APPENDIX - 1)) стр. и начало страницы $APPENDIX)"
else
    echo "Приложения нет: основная часть — $PAGES стр."
fi
echo "Страницы: $OUT/page-*.png (цвет), $OUT/grey-*.png (оттенки серого)"
