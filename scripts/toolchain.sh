#!/usr/bin/env bash
# Installs the external tools that Strata's differential suites compare against (see DESIGN.md):
# nasm, gcc -m32 (gcc-multilib), qemu-user (qemu-i386), qemu-system-x86 (qemu-system-i386),
# mingw-w64 (i686), a JDK with javac, and Debian's chromium for the browser tests.
# Idempotent and fast when everything is present. STRATA_TOOLCHAIN=skip skips it entirely.
set -euo pipefail

[ "${STRATA_TOOLCHAIN:-}" = "skip" ] && exit 0

missing=()
have() { command -v "$1" >/dev/null 2>&1; }

have nasm || missing+=(nasm)
# gcc -m32 needs the multilib runtime, not only gcc itself.
if ! have gcc || [ ! -e /usr/lib/gcc/x86_64-linux-gnu/"$(gcc -dumpversion 2>/dev/null || echo 0)"/32/libgcc.a ]; then
  missing+=(gcc-multilib)
fi
have qemu-i386 || missing+=(qemu-user)
have qemu-system-i386 || missing+=(qemu-system-x86)
have i686-w64-mingw32-gcc || missing+=(gcc-mingw-w64-i686)
{ have javac && javac -version 2>&1 | grep -Eq 'javac (1[7-9]|2[0-9])'; } || missing+=(openjdk-17-jdk-headless)
have objdump || missing+=(binutils)
have chromium || missing+=(chromium)

[ ${#missing[@]} -eq 0 ] && exit 0

cmd="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ] || ! have apt-get; then
  echo "scripts/toolchain.sh: missing ${missing[*]}; run as root: $cmd" >&2
  exit 1
fi
echo "scripts/toolchain.sh: installing ${missing[*]} (apt)" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "scripts/toolchain.sh: done" >&2
