# syntax=docker/dockerfile:1
# jobguard operator image: the Quarkus fast-jar on a JRE, run as a non-root user.
# Build: docker build -t ghcr.io/jobguard/jobguard:0.1.0 .

# --- build stage: compile and package with the pinned Maven of the wrapper's version ---
FROM maven:3.9.11-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
# Dependencies first, so source edits do not re-download them.
RUN --mount=type=cache,target=/root/.m2 mvn -B -q dependency:go-offline
COPY src/ src/
RUN --mount=type=cache,target=/root/.m2 mvn -B -q package -DskipTests

# --- runtime stage: JRE only ---
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 jobguard \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --shell /usr/sbin/nologin jobguard
WORKDIR /deployments
# The fast-jar layout, in the order that changes least often first (better layer caching).
# Files stay owned by root: the operator can read but never change its own code.
COPY --from=build /src/target/quarkus-app/lib/ lib/
COPY --from=build /src/target/quarkus-app/*.jar ./
COPY --from=build /src/target/quarkus-app/app/ app/
COPY --from=build /src/target/quarkus-app/quarkus/ quarkus/
# The JVM writes only to /tmp, which the chart mounts as an emptyDir (read-only root filesystem).
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp"
USER 10001:10001
# Management interface: /q/health/live, /q/health/ready, /q/metrics.
EXPOSE 9000
ENTRYPOINT ["java", "-jar", "/deployments/quarkus-run.jar"]
# No argument or "run" starts the operator; "scan PATH..." runs the offline scanner.
CMD ["run"]
