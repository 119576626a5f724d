# Shared by run/demo, run/test and run/trading-core: find the repo, make sure the tools are here.
# shellcheck shell=bash
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAR="$REPO_ROOT/run/target/trading-core.jar"

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

# Builds a jar unless it is newer than every source and pom: the launcher by default, or
# `ensure_jar JAR MAVEN_ARGS...` (e.g. `-pl jmh-benchmarks -am` for the benchmarks jar alone).
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

# JVM flags: the module opens every library needs, then the host profile.
jvm_flags() {
    local profile="${TRADING_JVM_PROFILE:-default}"
    grep -hv '^\s*#' "$REPO_ROOT/tuning/jvm-base.options" "$REPO_ROOT/tuning/jvm-$profile.options" 2>/dev/null | tr '\n' ' '
    if java -version 2>&1 | grep -qE 'version "(2[4-9]|[3-9][0-9])'; then
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

stop_redis() {
    redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || kill "$REDIS_PID" 2>/dev/null || true
    rm -rf "$REDIS_DIR"
}
