# The payment saga service: built with the Maven wrapper, run on a JRE.
# `docker compose up --build` builds it; alone: `docker build -t payment-saga .`
# It is the production artifact (-Pproduction): no embedded engines, fault injection forced off;
# it runs only with SPRING_PROFILES_ACTIVE=external.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# Poms and the wrapper first: this layer (Maven itself, plugins, dependencies) is rebuilt only when
# a pom changes, not on every source edit. Packaging the modules without sources fetches them.
# (dev-engines is built too, as the tests' dependency, but none of it reaches the jar.)
COPY mvnw ./
COPY .mvn .mvn
COPY pom.xml ./
COPY workflows/pom.xml workflows/
COPY activities/pom.xml activities/
COPY kafka-bridge/pom.xml kafka-bridge/
COPY dev-engines/pom.xml dev-engines/
COPY api/pom.xml api/
RUN ./mvnw -B -q -Pproduction -pl api -am -Dmaven.test.skip=true -Dmaven.main.skip -Dspring-boot.repackage.skip package

COPY . .
# The slim Spring Boot jar of module api, in api/target/production/ (repackaging leaves the plain
# jar as *.jar.original).
RUN ./mvnw -B -q -Pproduction -pl api -am -Dmaven.test.skip=true package \
 && set -- api/target/production/api-*.jar \
 && [ "$#" -eq 1 ] && [ -f "$1" ] \
 && cp "$1" /tmp/app.jar

FROM eclipse-temurin:17-jre
# curl for the compose health check (GET /actuator/health).
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system app \
 && useradd --system --gid app --no-create-home --home-dir /app app
WORKDIR /app
COPY --from=build /tmp/app.jar app.jar
USER app
EXPOSE 8080
ENV SPRING_PROFILES_ACTIVE=external
# The heap takes 75 % of the container's memory limit (mem_limit in docker-compose.yml).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
