#!/usr/bin/env bash
# One-time (and idempotent) set-up: Debian packages bookdeck runs, then `npm ci`.
# Never downloads a browser or binary from anywhere but Debian's and npm's registries.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  pandoc                     # Markdown AST → LaTeX for the print PDF
  texlive-xetex              # xelatex
  texlive-lang-chinese       # ctex, xeCJK, Fandol fonts (FandolKai for attributions)
  texlive-fonts-recommended  # pzdr, which hyperref needs under XeTeX
  fonts-noto-cjk             # Noto Serif/Sans CJK SC: body, headings, EPUB subsets
  epubcheck                  # EPUB validation in tests and `bookdeck check`
  default-jre-headless       # runs EPUBCheck
  chromium                   # screenshots and end-to-end tests
  chromium-headless-shell    # deck PDFs: the headless shell, which makes no network connection at start
  poppler-utils              # pdffonts, pdftotext, pdfinfo, pdftoppm
  hyperfine                  # npm run bench: whole-process timings
  time                       # npm run bench: peak RSS (GNU time)
  libreoffice-impress        # tests and `check` open the PPTX in a real client (headless)
  libreoffice-writer         # tests lay out the .docx in a real word processor (headless, to PDF)
  strace                     # the hostile-input tests prove no file outside the allowed roots is opened
  fonts-arphic-gkai00mp      # a 楷体 fontconfig finds by family: the gongwen test of licensed-face lookup
  fonts-texgyre              # TeX Gyre Termes: the Times-metric face of digits and Latin in gongwen handouts
  webp                       # dwebp: WebP images decoded to PNG for the print PDF (xelatex cannot include WebP)
)

if [ -r /etc/debian_version ] && command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    echo "setup: installing ${missing[*]}"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
  else
    echo "setup: system packages already installed"
  fi
else
  echo "setup: this is not a Debian/Ubuntu system; install these packages (Debian names) with your package manager:" >&2
  echo "  ${PACKAGES[*]}" >&2
  echo "then run: npm ci" >&2
  exit 1
fi

echo "setup: installing npm packages"
npm ci --no-audit --no-fund
# A plain `bookdeck` command on the PATH: npx costs about a second per call.
if npm link --no-audit --no-fund >/dev/null 2>&1; then
  echo "setup: linked the bookdeck command ($(command -v bookdeck || echo 'in npm prefix -g'))"
else
  echo "setup: could not npm link (npm's global folder is not writable); use npx bookdeck"
fi
echo "setup: done. Next: npm run build"
