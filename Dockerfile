# Regiewijzer web app as a container image: built from this repository, runs as a non-root user, needs a writable
# /data volume only (SQLite file, if used) and can run with a read-only root file system.
#   docker build -t regiewijzer .
#   docker run --read-only -v regiewijzer-data:/data -p 8080:8080 regiewijzer
# See deploy/compose.yaml for PostgreSQL with two instances behind nginx.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN dotnet publish src/Regiewijzer.Web -c Release -o /app && dotnet publish src/Regiewijzer.Cli -c Release -o /app/cli

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# The image's own non-root user (uid 1654); /data is the only place it writes.
USER app
VOLUME /data
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_RUNNING_IN_CONTAINER=true \
    Logging__Format=json \
    Database__ConnectionString="Data Source=/data/regiewijzer.db" \
    DataProtection__KeysDirectory=
EXPOSE 8080
# Probes: GET /health/live (restart the container when it fails), GET /health/ready (send visitors only on 200).
ENTRYPOINT ["dotnet", "/app/Regiewijzer.Web.dll"]
