# shellcheck shell=bash disable=SC2034  # a sourced file: the scripts that source it read JAVA
# Sourced by bin/flowbase and bin/test: finds a JDK >= 21 and Maven, or says how to get them.
# Sets JAVA_HOME and JAVA.

flowbase_java_major() { # $1 = JDK home; prints its major version or nothing
    local release="$1/release" line
    [ -x "$1/bin/java" ] && [ -f "$release" ] || return 0
    # Read with the shell's own builtins: every command the launcher spares is start-up time.
    while IFS= read -r line; do
        case "$line" in
            JAVA_VERSION=*) line="${line#JAVA_VERSION=\"}"; printf '%s\n' "${line%%[!0-9]*}"; return 0 ;;
        esac
    done <"$release"
}

flowbase_find_jdk() {
    local major
    if [ -n "${JAVA_HOME:-}" ]; then
        major=$(flowbase_java_major "$JAVA_HOME")
        if [ -n "$major" ] && [ "$major" -ge 21 ]; then
            JAVA="$JAVA_HOME/bin/java"
            return 0
        fi
    fi
    local best="" best_major=0 home
    for home in /usr/lib/jvm/*; do
        [ -L "$home" ] && continue
        major=$(flowbase_java_major "$home")
        if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
            best="$home" best_major="$major"
        fi
    done
    if [ -z "$best" ]; then
        echo "flowbase: needs a JDK 21 or newer (none found in JAVA_HOME or /usr/lib/jvm)." >&2
        echo "          Install one, for example: apt-get install -y openjdk-21-jdk-headless" >&2
        exit 69
    fi
    export JAVA_HOME="$best"
    JAVA="$best/bin/java"
}

flowbase_require_maven() {
    if ! command -v mvn >/dev/null 2>&1; then
        echo "flowbase: needs Apache Maven 3.8 or newer to build. Install it with: apt-get install -y maven" >&2
        exit 69
    fi
}
