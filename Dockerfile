# HeartGuard web app + REST API, for container hosts such as Hugging Face Spaces (port 7860, non-root).
# Build: docker build -t heartguard .      Run: docker run -p 7860:7860 heartguard
# Optional: -e HeartGuard__ApiKey=...  (then every /api/v1 route but health needs the X-Api-Key header)

# Build stage: Microsoft's SDK image (Ubuntu) produces a portable, framework-dependent linux-x64 publish.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/HeartGuard.Cli/HeartGuard.Cli.csproj -c Release -o /app -nologo

# Runtime stage: Debian 12 (Microsoft ships no Debian images for .NET 10, so the ASP.NET Core runtime is
# installed from Microsoft's official install script). libgtk-3-0 is needed by OpenCV's native library,
# fontconfig + DejaVu by SkiaSharp's text (reports, plots).
FROM debian:12-slim
ENV DEBIAN_FRONTEND=noninteractive \
    DOTNET_ROOT=/usr/share/dotnet \
    PATH=/usr/share/dotnet:$PATH \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_RUNNING_IN_CONTAINER=true \
    OMP_WAIT_POLICY=PASSIVE
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates curl libgtk-3-0 fontconfig fonts-dejavu-core \
      libc6 libgcc-s1 libstdc++6 libssl3 zlib1g \
 && curl -fsSL https://dot.net/v1/dotnet-install.sh -o /tmp/dotnet-install.sh \
 && bash /tmp/dotnet-install.sh --channel 10.0 --runtime aspnetcore --install-dir /usr/share/dotnet \
 && rm /tmp/dotnet-install.sh \
 && apt-get purge -y curl && apt-get autoremove -y && rm -rf /var/lib/apt/lists/*

# Hugging Face Spaces runs containers as uid 1000; any host works with it.
RUN useradd --create-home --uid 1000 heartguard
WORKDIR /app
COPY --from=build --chown=heartguard:heartguard /app /app
# The shipped model bundle; ModelBundle finds models/default beside the application.
COPY --chown=heartguard:heartguard models /app/models
USER heartguard
EXPOSE 7860
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/7860 && printf 'GET /api/v1/health HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q '200 OK' <&3"]
CMD ["dotnet", "heartguard.dll", "serve", "--urls", "http://0.0.0.0:7860"]
