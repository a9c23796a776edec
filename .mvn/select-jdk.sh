# Netwerkzorg Atlas: Maven must run on JDK 21+ (Vaadin 25's Maven plugin is built for Java 21).
# Sourced by ./mvnw and .ci/run. Keeps JAVA_HOME when it already points at a JDK >= 21; otherwise
# looks for one in the usual places and exports it. POSIX sh, safe under `set -euf`.
atlas_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
atlas_jdk_ok() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  atlas_v=$(atlas_java_major "$1")
  [ -n "$atlas_v" ] && [ "$atlas_v" -ge 21 ]
}
if [ -z "${JAVA_HOME-}" ] || ! atlas_jdk_ok "$JAVA_HOME"; then
  atlas_found=
  atlas_restore_f=$(case $- in *f*) echo 1;; esac)
  set +f
  for atlas_c in /usr/lib/jvm/temurin-25* /usr/lib/jvm/*25* /usr/lib/jvm/*-2[1-9]* /usr/lib/jvm/*2[1-9]* \
                 "${HOME-}"/.sdkman/candidates/java/2[1-9]* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    if atlas_jdk_ok "$atlas_c"; then atlas_found=$atlas_c; break; fi
  done
  [ -z "$atlas_restore_f" ] || set -f
  if [ -n "$atlas_found" ]; then
    JAVA_HOME=$atlas_found
    export JAVA_HOME
  else
    echo "Netwerkzorg Atlas needs a JDK 21 or newer (25 recommended); none found. Set JAVA_HOME to one." >&2
    exit 1
  fi
fi
