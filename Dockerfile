# triplestored in a container. Build the distribution archive first, then the image, from
# the repository root:
#   ./mvnw -B -pl daemon -am package -DskipTests
#   docker build -t triplestored .
# Run (Jolokia listens on 0.0.0.0 here, and the daemon refuses that without credentials):
#   docker run -d --name triplestored --stop-timeout 30 -p 8080:8080 -p 8778:8778 \
#     -e TRIPLESTORE_JOLOKIA_USER=ops -e TRIPLESTORE_JOLOKIA_PASSWORD=change-me \
#     -v triplestored-data:/var/lib/triplestored triplestored
# docs/OPERATIONS.md ("Container") explains every choice below.

# BASE_IMAGE: any image with a Java 17+ runtime on the PATH, a POSIX shell, groupadd and useradd.
# The default is the public image; the tests build FROM a local image made from Debian's packages
# (.ci/container-engine.sh), so nothing is pulled from a registry:
#   docker build --build-arg BASE_IMAGE=local/debian:bookworm-jre17 -t triplestored .
# One stage only: the health check is compiled by the Maven build (it ships in the daemon's jar),
# so no JDK stage is needed.
ARG BASE_IMAGE=eclipse-temurin:17-jre
FROM ${BASE_IMAGE}

# A fixed, non-root uid/gid so volume ownership is predictable across rebuilds.
RUN groupadd --system --gid 10001 triplestored \
 && useradd --system --uid 10001 --gid triplestored --no-create-home \
      --home-dir /var/lib/triplestored --shell /usr/sbin/nologin triplestored \
 && install -d -o triplestored -g triplestored -m 0700 /var/lib/triplestored

# ADD unpacks the archive (top directory triplestored-<version>/, files owned by root: the
# service user can read but not change them). The link gives it a name without the version,
# without copying it. Exactly one archive is expected: `./mvnw clean` first if several are there.
ADD daemon/target/triplestored-*.tar.gz /opt/
RUN set -eu; \
    set -- /opt/triplestored-*/; \
    if [ "$#" -ne 1 ]; then echo "expected one daemon/target/triplestored-*.tar.gz, found: $*" >&2; exit 1; fi; \
    ln -s "${1%/}" /opt/triplestored; \
    test -x /opt/triplestored/bin/triplestored

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

# A short-lived JVM (16 MiB heap) that asks /health; see io.triplestore.daemon.HealthCheck.
# The JVM, not a shell, expands the class path's "lib/*".
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
  CMD ["java", "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xmx16m", \
       "-cp", "/opt/triplestored/lib/*", "io.triplestore.daemon.HealthCheck"]

# The launcher `exec`s java: the JVM is PID 1 and gets `docker stop`'s SIGTERM directly.
# Arguments go to the daemon: `docker run ... triplestored --help`, or
# `docker run ... -v /in:/in:ro triplestored import /in/file.nt` (import never starts Jolokia)..
ENTRYPOINT ["/opt/triplestored/bin/triplestored"]
