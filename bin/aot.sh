# shellcheck shell=bash disable=SC2034 # sourced: the variables set here are read by the script that sources it
# Sourced by bin/flowbase and bin/aot-train (and fit for a release's launcher): the JVM options of
# each kind of run, and whether this JDK can use an AOT cache (JDK 25+: JEPs 483, 514 and 515).
# A cache per kind of command beside the jar: a cache's classes are all loaded when the JVM starts,
# so the web server's would cost every one-shot command more than they save, and a cache of one
# command's classes starts that command cheaper than the cache of them all (bench/RESULTS.md).
#   commands  every command but serve: C1 only and the serial collector, the cheapest start
#   status    flowbase status, migrate  flowbase migrate …: as commands, each with a cache of its own
#   serve     the long-running server: the JVM's defaults
# Functions set variables instead of printing, so that the launcher starts no subshell for them.

flowbase_jvm_options() { # $1 = commands | serve; sets the array FLOWBASE_JVM_OPTIONS
    FLOWBASE_JVM_OPTIONS=(--enable-native-access=ALL-UNNAMED)
    if [ "$1" != serve ]; then
        FLOWBASE_JVM_OPTIONS+=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
    fi
}

flowbase_aot_options() { # $1 = a cache; adds it to FLOWBASE_JVM_OPTIONS (JDK 25+ only: older JDKs refuse these)
    # A cache problem (missing, stale, corrupt, another JDK) is no error: the JVM runs without it,
    # and with its cache logging off it says nothing (its warnings would go to standard output).
    FLOWBASE_JVM_OPTIONS+=("-XX:AOTCache=$1" '-Xlog:aot*=off' '-Xlog:cds*=off')
}

flowbase_aot_kinds=(commands serve status migrate) # every kind, each with its cache

flowbase_aot_kind() { # the command line; sets FLOWBASE_AOT_KIND to its kind
    # The first word that names a kind's command. A word misread (an option's value named so) only
    # picks another cache, which serves any command of the same jar, more slowly.
    local arg
    FLOWBASE_AOT_KIND=commands
    for arg in "$@"; do
        case "$arg" in
            serve | status | migrate) FLOWBASE_AOT_KIND="$arg" && return 0 ;;
        esac
    done
}

flowbase_aot_file() { # $1 = the commands cache (…/flowbase.aot), $2 = kind; sets FLOWBASE_AOT_FILE
    if [ "$2" = commands ]; then FLOWBASE_AOT_FILE="$1"; else FLOWBASE_AOT_FILE="${1%.aot}-$2.aot"; fi
}

flowbase_aot_capable() { # whether $JAVA_HOME's JDK makes and reads AOT caches
    local major
    major=$(flowbase_java_major "$JAVA_HOME")
    [ -n "$major" ] && [ "$major" -ge 25 ]
}
