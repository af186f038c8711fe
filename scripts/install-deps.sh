#!/usr/bin/env bash
# Installs the Debian packages Deepfake Lab builds against, only when one is missing.
# Safe to run again; needs root (or sudo) only when something is missing.
set -euo pipefail
packages=(libopenblas-dev libpng-dev libgif-dev libreadline-dev libcmark-gfm-dev libcmark-gfm-extensions-dev)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing missing system packages: ${missing[*]}"
sudo_cmd=""
[ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
$sudo_cmd apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}"
