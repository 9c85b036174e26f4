# Shared by the ops scripts: find a JDK >= 21 and the Maven wrapper. Source it, don't run it.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

java_major() { # prints the major version of the java at $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p' | head -1
}

# Sets JAVA_HOME to a JDK >= 21: JAVA_HOME if it qualifies, else the newest under /usr/lib/jvm,
# else the java on PATH. Says plainly what is missing otherwise.
find_jdk() {
  local candidates=() c v
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for c in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do candidates+=("${c%/}"); done
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for c in "${candidates[@]}"; do
    if [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ]; then
      v=$(java_major "$c/bin/java")
      if [ -n "$v" ] && [ "$v" -ge 21 ]; then
        export JAVA_HOME="$c"
        export PATH="$JAVA_HOME/bin:$PATH"
        return 0
      fi
    fi
  done
  echo "No JDK 21 or newer found (looked at JAVA_HOME, /usr/lib/jvm/*, PATH)." >&2
  echo "Install one, e.g. Temurin 25 or 'apt-get install openjdk-21-jdk-headless', or set JAVA_HOME." >&2
  return 1
}

mvnw() { "$ROOT/mvnw" -B "$@"; }

# True when the application jar is missing or older than any source, template or pom.
needs_build() {
  local stamp="$ROOT/platform/target/lib/.built"
  [ -f "$stamp" ] || return 0
  [ -n "$(find "$ROOT/pom.xml" "$ROOT"/*/pom.xml "$ROOT"/migrations/src "$ROOT"/tenant-themes/src \
           "$ROOT"/platform/src/main -newer "$stamp" -type f -print -quit 2>/dev/null)" ]
}

build() {
  echo "Building (first time: a few minutes for dependencies)..." >&2
  (cd "$ROOT" && mvnw -q install -DskipTests) && touch "$ROOT/platform/target/lib/.built"
}

classpath() {
  echo "$ROOT/platform/target/platform-0.1.0-SNAPSHOT.jar:$ROOT/platform/target/lib/*"
}

# Browser tests drive Debian's Chromium; install it when missing (root on Debian), or say how.
ensure_chromium() {
  [ -x /usr/bin/chromium ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Chromium for the browser tests (apt-get)..." >&2
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
  [ -x /usr/bin/chromium ] || { echo "Chromium is missing: install Debian's 'chromium' package." >&2; return 1; }
}

# Tests that share invalidation and rate limits between nodes start their own redis-server (never
# the machine's own on 6379); install Debian's package when missing (root on Debian), or say how.
ensure_redis() {
  [ -x /usr/bin/redis-server ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing redis-server for the multi-node tests (apt-get)..." >&2
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  fi
  [ -x /usr/bin/redis-server ] || { echo "redis-server is missing: install Debian's 'redis-server' package." >&2; return 1; }
}
