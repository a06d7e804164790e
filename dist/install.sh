#!/bin/sh
# Installs a Flowbase release archive that is already on this machine. It never downloads anything.
#
#   sh install.sh [--prefix DIR] flowbase-VERSION.tar.gz
#
# Unpacks the archive into DIR/lib/flowbase-VERSION, links DIR/bin/flowbase to its launcher and
# DIR/share/man/man1/flowbase.1 to its man page.
# DIR is /usr/local for root and ~/.local for anyone else. When flowbase-VERSION.tar.gz.sha256 lies
# beside the archive, the archive must match it. Java 21 or newer must be there before anything is
# written (JAVA_HOME, else `java` on the PATH).
set -eu

usage() {
    echo "usage: sh install.sh [--prefix DIR] flowbase-VERSION.tar.gz" >&2
    exit 64
}
fail() {
    echo "install.sh: $1" >&2
    exit "${2:-1}"
}

if [ "$(id -u)" = 0 ]; then prefix=/usr/local; else prefix=${HOME:?}/.local; fi
archive=""
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) [ $# -ge 2 ] || usage; prefix=$2; shift 2 ;;
        --prefix=*) prefix=${1#*=}; shift ;;
        -h | --help) usage ;;
        -*) echo "install.sh: unknown option $1" >&2; usage ;;
        *) [ -z "$archive" ] || usage; archive=$1; shift ;;
    esac
done
[ -n "$archive" ] || usage
[ -f "$archive" ] || fail "no archive at $archive (download a release first; this script never downloads)" 66

name=$(basename "$archive")
case "$name" in
    flowbase-*.tar.gz) version=${name#flowbase-}; version=${version%.tar.gz} ;;
    *) fail "expected an archive named flowbase-VERSION.tar.gz, got $name" 64 ;;
esac

# The checksum file names the archive by its base name, so it is checked from the archive's folder.
if [ -f "$archive.sha256" ]; then
    (cd "$(dirname "$archive")" && sha256sum -c --status "$name.sha256") \
        || fail "$name does not match $name.sha256: the archive is damaged or not the one published" 65
    echo "Checksum: $name matches $name.sha256"
fi

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    java=$JAVA_HOME/bin/java
elif command -v java >/dev/null 2>&1; then
    java=$(command -v java)
else
    fail "Flowbase needs Java 21 or newer, and there is none in JAVA_HOME or on the PATH.
            Install one first, for example: apt-get install -y openjdk-21-jre-headless" 69
fi
major=$("$java" -version 2>&1 | sed -n '1s/^[^"]*"\([0-9]*\).*/\1/p')
if [ -z "$major" ] || [ "$major" -lt 21 ]; then
    fail "Flowbase needs Java 21 or newer; $java is version ${major:-unknown}.
            Install a newer one, or set JAVA_HOME to it, then run this again." 69
fi
echo "Java: $java (version $major)"

# Unpack beside the final place first, so a failed unpack leaves no half-installed version behind.
target=$prefix/lib/flowbase-$version
mkdir -p "$prefix/lib" "$prefix/bin"
staging=$(mktemp -d "$prefix/lib/.flowbase-install.XXXXXX")
trap 'rm -rf "$staging"' EXIT
tar -xzf "$archive" -C "$staging"
[ -x "$staging/flowbase-$version/bin/flowbase" ] || fail "$name has no flowbase-$version/bin/flowbase inside" 65
rm -rf "$target"
mv "$staging/flowbase-$version" "$target"
ln -sfn "../lib/flowbase-$version/bin/flowbase" "$prefix/bin/flowbase"
mkdir -p "$prefix/share/man/man1"
ln -sfn "../../../lib/flowbase-$version/man/man1/flowbase.1" "$prefix/share/man/man1/flowbase.1"

echo "Installed Flowbase $version into $target"
echo "Linked $prefix/bin/flowbase and $prefix/share/man/man1/flowbase.1 (man flowbase)"
echo "The Node-RED nodes: $target/node-red/ (see docs/install.md)"
echo
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "Add it to your PATH:   export PATH=\"$prefix/bin:\$PATH\"" ;;
esac
echo "Next, set up a database: flowbase init     (or start at once: flowbase serve)"
