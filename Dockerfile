# syntax=docker/dockerfile:1
# briefbot as a service: a non-root process serving one site folder, mounted at /site.
#
#   docker build -t briefbot .
#   docker run -d --name briefbot -e DISCORD_TOKEN=... -v briefbot-site:/site briefbot
#
# An empty /site is made a site folder with the sample article on first start (briefbot init).
# requirements.lock is compiled for this Python minor version: change them together.
ARG PYTHON_VERSION=3.11

FROM python:${PYTHON_VERSION}-slim AS wheel
WORKDIR /src
COPY pyproject.toml setup.py README.md LICENSE ./
COPY bot ./bot
COPY knowledge ./knowledge
COPY seeds ./seeds
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /wheels .

FROM python:${PYTHON_VERSION}-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_ROOT_USER_ACTION=ignore
# The locked dependencies first (hashes checked; this layer changes only with the lock), then
# briefbot itself, resolving nothing more.
COPY requirements.lock /tmp/requirements.lock
RUN pip install --require-hashes -r /tmp/requirements.lock && rm /tmp/requirements.lock
COPY --from=wheel /wheels /tmp/wheels
RUN pip install --no-deps /tmp/wheels/*.whl && rm -rf /tmp/wheels

RUN groupadd --system --gid 10001 briefbot \
    && useradd --system --uid 10001 --gid briefbot --home-dir /site --no-create-home \
       --shell /usr/sbin/nologin briefbot \
    && mkdir /site && chown briefbot:briefbot /site
USER 10001:10001
WORKDIR /site
VOLUME ["/site"]

# /healthz and /metrics listen on every interface of the container (publish the port only to
# where Prometheus or the orchestrator runs); the token comes from the environment or /site/.env.
ENV BRIEFBOT_HOME=/site \
    BRIEFBOT_HEALTH_HOST=0.0.0.0 \
    BRIEFBOT_HEALTH_PORT=8080 \
    BRIEFBOT_LOG_FORMAT=json
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request as u; u.urlopen('http://127.0.0.1:%s/healthz' % os.environ['BRIEFBOT_HEALTH_PORT'], timeout=4)"]

# SIGTERM (docker stop) closes the bot, then the database; exec makes briefbot PID 1.
STOPSIGNAL SIGTERM
CMD ["sh", "-c", "test -d knowledge || briefbot init; exec briefbot run"]
