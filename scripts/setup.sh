#!/usr/bin/env bash
# Installs every Debian 12 package dondoc needs. Idempotent: when nothing is
# missing it only checks and returns, so both README commands can call it.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config git python3
  clang clang-format clang-tidy libclang-rt-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libboost1.81-dev libboost-json1.81-dev
  libicu-dev
  hunspell-vi
  # document readers: DOCX (zip + XML), PDF text and page images, OCR
  libzip-dev libpugixml-dev libpoppler-cpp-dev
  libtesseract-dev tesseract-ocr-vie
  # test fixtures: real PDFs (text and image-only) drawn with a real font
  libcairo2-dev fonts-dejavu-core
  # stores: embedded SQLite (FTS5) and PostgreSQL 15 (client library and a
  # server the tests start in a temporary directory)
  libsqlite3-dev libpq-dev postgresql-15
  # SHA-256 (imported files, the audit chain) and, for accounts, argon2id
  libsodium-dev
  # service: notification e-mail over SMTP through libcurl (the NSS flavour
  # of the development files: any flavour has smtp://)
  libcurl4-nss-dev
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} packages present"
  exit 0
fi

echo "setup: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "setup: done"
