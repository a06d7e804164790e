# Flowbase's container image. Not built on the machine this was written on (no container engine
# runs there): it is checked by dockerfilelint, and its entry point and health check are tested as
# plain scripts by bin/test (dist/test-delivery).
#   docker build --build-arg FLOWBASE_COMMIT="$(git rev-parse --short=12 HEAD)" -t flowbase .
#   docker run -p 8080:8080 -v flowbase-data:/var/lib/flowbase/data flowbase

# Build: Maven on a JDK 21, then a runtime with only the modules Flowbase uses (dist/jlink-runtime).
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml ./
COPY .mvn .mvn
COPY flowbase-core flowbase-core
COPY flowbase-server flowbase-server
COPY dist dist
ARG FLOWBASE_COMMIT=unknown
RUN mvn -B -q -DskipTests -Dspotless.check.skip=true -Dflowbase.commit="${FLOWBASE_COMMIT}" \
        package -pl flowbase-server -am \
    && dist/jlink-runtime /opt/flowbase/runtime \
    && mkdir -p /opt/flowbase/bin /opt/flowbase/lib/lib \
    && cp flowbase-server/target/flowbase.jar /opt/flowbase/lib/ \
    && cp flowbase-server/target/lib/*.jar /opt/flowbase/lib/lib/ \
    && cp dist/bin/flowbase dist/docker/entrypoint.sh dist/docker/healthcheck.sh /opt/flowbase/bin/

# Run: a slim Debian with the jlinked runtime; no JDK, no Maven, no sources.
FROM debian:bookworm-slim
RUN groupadd --system --gid 10001 flowbase \
    && useradd --system --uid 10001 --gid flowbase --home-dir /var/lib/flowbase --shell /usr/sbin/nologin flowbase \
    && mkdir -p /var/lib/flowbase/data \
    && chown -R flowbase:flowbase /var/lib/flowbase
COPY --from=build /opt/flowbase /opt/flowbase
# Configuration is by the same variables as everywhere (docs/configuration.md): DATABASE_URL or
# DB_HOST, DB_USER, DB_PASSWORD_FILE, REDIS_URL, ... Without them, SQLite under the data volume.
ENV PATH=/opt/flowbase/bin:$PATH \
    FLOWBASE_HOST=0.0.0.0 \
    FLOWBASE_PORT=8080
WORKDIR /var/lib/flowbase
VOLUME /var/lib/flowbase/data
USER flowbase
EXPOSE 8080
# SIGTERM (docker stop) drains requests in flight for FLOWBASE_SHUTDOWN_GRACE_MS, then closes the pool.
STOPSIGNAL SIGTERM
# No --start-period: dockerfilelint 1.8 refuses it; three misses 15 s apart cover a start-up with migrations.
HEALTHCHECK --interval=15s --timeout=3s --retries=3 CMD ["/opt/flowbase/bin/healthcheck.sh"]
ENTRYPOINT ["/opt/flowbase/bin/entrypoint.sh"]
CMD ["serve"]
