# Shared by the launchers. Two layouts, told apart by run/pom.xml:
#   source tree:       run/trading-core, run/lib/common.sh, jar in run/target/, configs in run/config/
#   installed release: bin/trading-core, bin/lib/common.sh, jar in lib/, configs in config/ (INSTALL.md)
# shellcheck shell=bash
SCRIPTS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -f "$SCRIPTS_DIR/pom.xml" ]; then
    REPO_ROOT="$(cd "$SCRIPTS_DIR/.." && pwd)"
    TRADING_HOME="$REPO_ROOT"
    JAR="$REPO_ROOT/run/target/trading-core.jar"
    CONFIG_DIR="$REPO_ROOT/run/config"
else
    TRADING_HOME="$(cd "$SCRIPTS_DIR/.." && pwd)"
    JAR="$TRADING_HOME/lib/trading-core.jar"
    CONFIG_DIR="$TRADING_HOME/config"
fi
TUNING_DIR="$TRADING_HOME/tuning"

say() { printf '%s\n' "$*" >&2; }

# Installs a Debian package for the command when the command is missing.
need_package() {
    local cmd="$1" pkg="$2"
    command -v "$cmd" >/dev/null 2>&1 && return 0
    install_package "$pkg" "$cmd"
}

# Installs a Debian package (needed for WHAT) when we are root; otherwise says exactly what to install.
install_package() {
    local pkg="$1" what="$2"
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        say "installing $pkg (for $what)..."
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$pkg" >/dev/null 2>&1 \
            || { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$pkg" >/dev/null; } \
            || { say "could not install $pkg; install it with: sudo apt-get install $pkg"; exit 1; }
    else
        say "$what is missing: install it with 'sudo apt-get install $pkg' and run this again"
        exit 1
    fi
}

need_build_tools() {
    need_package java openjdk-17-jdk-headless
    need_package mvn maven
}

# The launchers never build: a missing jar is an error that says what to do.
require_jar() {
    if [ ! -f "$JAR" ]; then
        if [ -n "${REPO_ROOT:-}" ]; then
            say "no $JAR: build it first with 'mvn -B package -DskipTests' in $REPO_ROOT (run/demo builds it for you)"
        else
            say "no $JAR: this installation is incomplete; unpack the release tarball again (INSTALL.md)"
        fi
        exit 1
    fi
    command -v java >/dev/null 2>&1 || { say "java is missing: install a Java 17+ runtime (apt-get install openjdk-17-jre-headless)"; exit 1; }
}

# For the development tools (run/demo, run/bench): builds a jar unless it is newer than every source
# and pom: the launcher by default, or `ensure_jar JAR MAVEN_ARGS...` (e.g. `-pl jmh-benchmarks -am`).
ensure_jar() {
    local jar="${1:-$JAR}"
    if [ $# -gt 0 ]; then shift; fi
    if [ -f "$jar" ] && [ -z "$(find "$REPO_ROOT" -path "$REPO_ROOT/*/target" -prune -o \( -name '*.java' -o -name pom.xml \) -newer "$jar" -print -quit)" ]; then
        return 0
    fi
    need_build_tools
    say "building (mvn -B package -DskipTests $*)..."
    (cd "$REPO_ROOT" && mvn -B -q -DskipTests "$@" package) || { say "build failed"; exit 1; }
}

# The Java feature release of the java on PATH, from its release file (no JVM started for it).
java_feature() {
    local home
    home="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" 2>/dev/null || true
}

# JVM flags: the module opens every library needs, then the host profile (TRADING_JVM_PROFILE) with
# @LOGS_DIRECTORY@ set to systemd's LogsDirectory (else var/log under the home). A run that only prints
# (--help, --version, --print-config) gets a small heap instead of the profile's pre-touched one.
jvm_flags() {
    local arg profile="${TRADING_JVM_PROFILE:-default}" logs="${LOGS_DIRECTORY:-$TRADING_HOME/var/log}"
    grep -hv '^\s*#' "$TUNING_DIR/jvm-base.options" | tr '\n' ' '
    for arg in "$@"; do
        case "$arg" in
            --help|-h|--version|--print-config) printf '%s ' -Xmx64m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC; profile="" ;;
        esac
    done
    if [ -n "$profile" ]; then
        if grep -q '@LOGS_DIRECTORY@' "$TUNING_DIR/jvm-$profile.options"; then
            mkdir -p "$logs"
        fi
        grep -hv '^\s*#' "$TUNING_DIR/jvm-$profile.options" | sed "s|@LOGS_DIRECTORY@|$logs|g" | tr '\n' ' '
    fi
    if [ "$(java_feature)" -ge 24 ] 2>/dev/null; then
        printf '%s ' --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow
    fi
}

# A free loopback port (the kernel picks it).
free_port() {
    local port
    for _ in $(seq 1 50); do
        port=$(( (RANDOM % 20000) + 30000 ))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    say "no free loopback port found"
    exit 1
}

# Starts a throwaway redis-server on a free loopback port (installing it if missing), exports
# REDIS_URL and sets REDIS_PORT and REDIS_PID; stop_redis stops it and removes its data folder.
start_redis() {
    need_package redis-server redis-server
    REDIS_PORT=$(free_port)
    REDIS_DIR=$(mktemp -d)
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --dir "$REDIS_DIR" \
        --logfile "$REDIS_DIR/redis.log" --daemonize no >/dev/null 2>&1 &
    REDIS_PID=$!
    for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
    export REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
    say "started redis-server on 127.0.0.1:$REDIS_PORT"
}

# start_cluster N: a throwaway Redis Cluster of N masters (no replicas) on free loopback ports, the 16,384
# slots in equal ranges, formed by hand as redis-cli --cluster create would (which refuses fewer than three);
# sets REDIS_URL to the comma-separated seed URLs. stop_cluster stops it.
start_cluster() {
    need_package redis-server redis-server
    local masters=$1 i port bus
    CLUSTER_DIR=$(mktemp -d)
    CLUSTER_PORTS=()
    local seeds=() buses=()
    for i in $(seq 0 $((masters - 1))); do
        port=$(free_port)
        bus=$(free_port)
        mkdir -p "$CLUSTER_DIR/$i"
        redis-server --port "$port" --cluster-port "$bus" --bind 127.0.0.1 --cluster-enabled yes \
            --cluster-config-file nodes.conf --save '' --appendonly no --dir "$CLUSTER_DIR/$i" \
            --logfile "$CLUSTER_DIR/$i/redis.log" --daemonize no >/dev/null 2>&1 &
        for _ in $(seq 1 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
        redis-cli -p "$port" CLUSTER SET-CONFIG-EPOCH $((i + 1)) >/dev/null
        redis-cli -p "$port" CLUSTER ADDSLOTSRANGE $((16384 * i / masters)) $((16384 * (i + 1) / masters - 1)) >/dev/null
        CLUSTER_PORTS+=("$port")
        buses+=("$bus")
        seeds+=("redis://127.0.0.1:$port")
    done
    for port in "${CLUSTER_PORTS[@]:1}"; do
        redis-cli -p "$port" CLUSTER MEET 127.0.0.1 "${CLUSTER_PORTS[0]}" "${buses[0]}" >/dev/null
    done
    for _ in $(seq 1 300); do
        local ok=0
        for port in "${CLUSTER_PORTS[@]}"; do
            redis-cli -p "$port" CLUSTER INFO | grep -q "cluster_state:ok" \
                && redis-cli -p "$port" CLUSTER INFO | grep -q "cluster_known_nodes:$masters" && ok=$((ok + 1))
        done
        [ "$ok" -eq "$masters" ] && break
        sleep 0.1
    done
    REDIS_URL=$(IFS=,; echo "${seeds[*]}")
    export REDIS_URL
    say "started a Redis Cluster of $masters masters: $REDIS_URL"
}

stop_cluster() {
    local port
    for port in "${CLUSTER_PORTS[@]}"; do
        redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true
    done
    rm -rf "$CLUSTER_DIR"
}

stop_redis() {
    redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || kill "$REDIS_PID" 2>/dev/null || true
    rm -rf "$REDIS_DIR"
}
