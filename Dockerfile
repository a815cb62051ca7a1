# syntax=docker/dockerfile:1
#
# triplestored in a container. Build the distribution archive first, then the image, from
# the repository root:
#   ./mvnw -B -pl daemon -am package -DskipTests
#   docker build -t triplestored .
# Run (Jolokia listens on 0.0.0.0 here, and the daemon refuses that without credentials):
#   docker run -d --name triplestored --stop-timeout 30 -p 8080:8080 -p 8778:8778 \
#     -e TRIPLESTORE_JOLOKIA_USER=ops -e TRIPLESTORE_JOLOKIA_PASSWORD=change-me \
#     -v triplestored-data:/var/lib/triplestored triplestored
# docs/OPERATIONS.md ("Container") explains every choice below.

# --- Build stage: unpack the archive, compile the health check ---------------------------
FROM eclipse-temurin:17-jdk AS build
# Exactly one archive is expected; `mvn clean` first if several versions are in target/.
COPY daemon/target/triplestored-*.tar.gz /dist/
RUN set -eu; \
    cd /dist; \
    set -- triplestored-*.tar.gz; \
    if [ "$#" -ne 1 ]; then echo "expected one daemon/target/triplestored-*.tar.gz, found: $*" >&2; exit 1; fi; \
    mkdir -p /opt/triplestored; \
    tar -xzf "$1" --strip-components=1 -C /opt/triplestored; \
    test -x /opt/triplestored/bin/triplestored
# The health check must not rely on curl being in the JRE base image (nothing promises it), so
# it is a small Java class, compiled here because the JRE has no javac.
COPY docker/HealthCheck.java /build/
RUN javac --release 17 -d /opt/healthcheck /build/HealthCheck.java

# --- Runtime image ----------------------------------------------------------------------
FROM eclipse-temurin:17-jre

# A fixed, non-root uid/gid so volume ownership is predictable across rebuilds.
RUN groupadd --system --gid 10001 triplestored \
 && useradd --system --uid 10001 --gid triplestored --no-create-home \
      --home-dir /var/lib/triplestored --shell /usr/sbin/nologin triplestored \
 && install -d -o triplestored -g triplestored -m 0700 /var/lib/triplestored

# Program files stay owned by root: the service user can read but not change them.
COPY --from=build /opt/triplestored /opt/triplestored
COPY --from=build /opt/healthcheck /opt/healthcheck

# Inside a container every listener must bind 0.0.0.0 to be reachable through a published
# port. The ports are fixed (not 0) so EXPOSE and the health check can name them. Jolokia on
# 0.0.0.0 needs TRIPLESTORE_JOLOKIA_USER and TRIPLESTORE_JOLOKIA_PASSWORD: without them the
# daemon refuses to start (exit code 2, one line naming the keys), for every command.
# JAVA_OPTS: the heap gets half of the container's memory; RocksDB's block cache and
# memtables live off-heap in the other half.
ENV TRIPLESTORE_DATA_DIR=/var/lib/triplestored \
    TRIPLESTORE_HTTP_HOST=0.0.0.0 \
    TRIPLESTORE_HTTP_PORT=8080 \
    TRIPLESTORE_JOLOKIA_HOST=0.0.0.0 \
    TRIPLESTORE_JOLOKIA_PORT=8778 \
    JAVA_OPTS="-XX:MaxRAMPercentage=50"

VOLUME ["/var/lib/triplestored"]
# 8080 HTTP API, 8778 Jolokia. Remote JMX is off by default (TRIPLESTORE_JMX_PORT);
# if you turn it on, publish that port with the same number on the host.
EXPOSE 8080 8778

USER 10001:10001
WORKDIR /var/lib/triplestored

# The daemon drains HTTP, releases every lease (reason CLOSED) and closes RocksDB on SIGTERM
# within 10 s. `docker stop` waits only 10 s by default before SIGKILL: use --stop-timeout 30
# (compose: stop_grace_period: 30s).
STOPSIGNAL SIGTERM

# A short-lived JVM (about 0.7 s, 16 MiB heap) that asks /health; see docker/HealthCheck.java.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
  CMD ["java", "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xmx16m", "-cp", "/opt/healthcheck", "HealthCheck"]

# The launcher `exec`s java: the JVM is PID 1 and gets `docker stop`'s SIGTERM directly.
# Arguments go to the daemon: `docker run ... triplestored --help`, or
# `docker run ... -e TRIPLESTORE_JOLOKIA_ENABLED=false triplestored import /in/file.nt`.
ENTRYPOINT ["/opt/triplestored/bin/triplestored"]
