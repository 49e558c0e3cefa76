# The packaged application (mvn -B -DskipTests package builds app/target/order-desk.jar).
FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends wget && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY app/target/order-desk.jar /app/order-desk.jar
ENV ORDERDESK_DATADIR=/app/data
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/order-desk.jar"]
