#!/usr/bin/env bash
# The shared install step of `make demo`, `make test` and .ci/run:
#   1. system packages the portal and its tests need, via apt-get when missing (as root);
#   2. a Python 3.11 virtualenv in .venv with requirements.txt (re-installed when it changes);
#   3. compiled translations (.mo files are not in git).
set -euo pipefail
export PIP_DISABLE_PIP_VERSION_CHECK=1
cd "$(dirname "$0")/.."

# --- 1. system packages ------------------------------------------------------------------
# gettext: compilemessages; chromium: the browser test (Playwright drives it, never downloads
# one); poppler-utils: PDF checks (pdftotext, pdfsig); pango/harfbuzz: WeasyPrint's PDF rendering.
missing=()
command -v msgfmt >/dev/null 2>&1 || missing+=(gettext)
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
# softhsm2: the PKCS#11 token that holds the demo's and the tests' signing keys;
# tesseract-ocr-vie + ocrmypdf: reading scanned plans; libreoffice-writer-nogui: legacy .doc.
command -v softhsm2-util >/dev/null 2>&1 || missing+=(softhsm2)
command -v ocrmypdf >/dev/null 2>&1 || missing+=(ocrmypdf)
[[ -f /usr/share/tesseract-ocr/5/tessdata/vie.traineddata ]] || missing+=(tesseract-ocr-vie)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
# libreoffice-calc-nogui: the registry import's reader is compared with openpyxl on a workbook saved
# by LibreOffice Calc (tests/cooperatives/test_excel_cells.py).
if command -v dpkg-query >/dev/null 2>&1; then
  dpkg-query -W -f='${Status}' libreoffice-calc-nogui 2>/dev/null | grep -q 'ok installed' || missing+=(libreoffice-calc-nogui)
fi
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
if command -v ldconfig >/dev/null 2>&1; then
  ldconfig -p | grep -q 'libpango-1.0.so' || missing+=(libpango-1.0-0)
  ldconfig -p | grep -q 'libpangoft2-1.0.so' || missing+=(libpangoft2-1.0-0)
  ldconfig -p | grep -q 'libharfbuzz-subset.so' || missing+=(libharfbuzz-subset0)
fi
if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "install: apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  elif command -v sudo >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    echo "install: sudo apt-get install ${missing[*]}"
    sudo DEBIAN_FRONTEND=noninteractive apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "install: WARNING missing system packages: ${missing[*]} (install them with your package manager)" >&2
  fi
fi

# --- 2. virtualenv -----------------------------------------------------------------------
PYTHON=${PYTHON:-}
if [[ -z $PYTHON ]]; then
  for candidate in python3.11 "$HOME/.pyenv/versions/3.11.7/bin/python3.11" python3; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
      PYTHON=$candidate
      break
    fi
  done
fi
if [[ ! -x .venv/bin/python ]]; then
  [[ -n $PYTHON ]] || { echo "install: Python 3.11 not found (set PYTHON=/path/to/python3.11)" >&2; exit 1; }
  echo "install: creating .venv with $($PYTHON --version)"
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.requirements.sha256
wanted=$(sha256sum requirements.txt | cut -d' ' -f1)
if [[ ! -f $stamp || $(cat "$stamp") != "$wanted" ]]; then
  echo "install: pip install -r requirements.txt"
  .venv/bin/python -m pip install --quiet -r requirements.txt
  echo "$wanted" > "$stamp"
fi

# --- 3. translations ---------------------------------------------------------------------
.venv/bin/python manage.py compilemessages --ignore=.venv --ignore=node_modules >/dev/null
echo "install: ready ($(.venv/bin/python --version), Django $(.venv/bin/python -c 'import django; print(django.get_version())'))"
