#!/usr/bin/env sh
# Make sure a Java 17+ runtime is there for Spark (qawl batch and its tests).
# Installs Debian's openjdk-17-jre-headless with apt-get when running as root and none is found;
# otherwise says what to install. Never fails the build: without Java the Spark tests skip.
set -u

java_major() {
    "$1" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\)\(\.[0-9]*\)*.*".*/\1/p' | head -n 1
}

java_bin=""
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    java_bin="$JAVA_HOME/bin/java"
elif command -v java >/dev/null 2>&1; then
    java_bin="$(command -v java)"
fi

if [ -n "$java_bin" ]; then
    major="$(java_major "$java_bin")"
    if [ -n "$major" ] && [ "$major" -ge 17 ]; then
        exit 0
    fi
    echo "ensure_java: $java_bin is Java ${major:-of an unknown version}; Spark needs 17 or newer" >&2
fi

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "ensure_java: installing openjdk-17-jre-headless for Spark" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless \
        && exit 0
    echo "ensure_java: apt-get could not install openjdk-17-jre-headless" >&2
fi

cat >&2 <<'MSG'
ensure_java: qawl batch runs on Apache Spark, which needs Java 17 or newer, and none was found.
  Debian/Ubuntu: sudo apt-get install openjdk-17-jre-headless
  elsewhere:     install any Java 17+ runtime and put it on PATH or set JAVA_HOME
Until then the Spark tests (tests/batch) are skipped and `qawl batch` says the same.
MSG
exit 0
