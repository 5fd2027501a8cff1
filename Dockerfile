# RoleFit in production: `rolefit serve` on $PORT (default 3000), dependencies exactly as locked.
#   docker build -t rolefit .
#   docker run --rm -p 3000:3000 -e SLACK_BOT_TOKEN -e SLACK_SIGNING_SECRET rolefit
# The store: by default a SQLite file, /home/rolefit/rolefit.db (mount a volume there to keep it),
# or PostgreSQL with -e DATABASE_URL=postgresql://… for several containers.
# Overlays: mount them read-only and set ROLEFIT_KNOWLEDGE, e.g.
#   -v "$PWD/my-team.yaml:/knowledge/my-team.yaml:ro" -e ROLEFIT_KNOWLEDGE=/knowledge/my-team.yaml
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PATH=/opt/rolefit/bin:$PATH

# Dependencies first, so this layer is rebuilt only when the lock changes. requirements.lock also
# holds the dev tools; the awk keeps only the blocks (pin and hashes) of the runtime packages that
# requirements.txt names, plus setuptools to build RoleFit. --require-hashes then refuses any
# package, dependency or file that the lock does not vouch for.
COPY requirements.lock requirements.txt /tmp/deps/
RUN awk 'NR == FNR { if (match($0, /^[a-z0-9._-]+==/)) keep[substr($0, 1, RLENGTH - 2)] = 1; next }; \
         /^[a-z0-9]/ { split($0, pin, "=="); on = (pin[1] in keep) || pin[1] == "setuptools" }; \
         on' /tmp/deps/requirements.txt /tmp/deps/requirements.lock > /tmp/deps/runtime.lock \
    && python -m venv /opt/rolefit \
    && pip install --require-hashes -r /tmp/deps/runtime.lock \
    && rm -r /tmp/deps

# RoleFit itself, built by the locked setuptools (no build isolation) and installed as a package.
COPY pyproject.toml README.md /tmp/src/
COPY bot /tmp/src/bot
COPY knowledge /tmp/src/knowledge
RUN pip install --no-deps --no-build-isolation /tmp/src \
    && rm -r /tmp/src \
    && useradd --create-home --uid 10001 --shell /usr/sbin/nologin rolefit

# A numeric user, so platforms that insist on non-root (runAsNonRoot) can verify it.
USER 10001
WORKDIR /home/rolefit
# The matcher's index over the built-in knowledge, built into ~/.cache/rolefit now so that every
# start loads it instead of building it (ROLEFIT_INDEX_CACHE; overlays get theirs at first start).
RUN rolefit knowledge index
ENV PORT=3000
EXPOSE 3000
# Exec form: rolefit is PID 1 and gets SIGTERM itself. It reads $PORT (and binds 0.0.0.0) on its
# own, so a platform that sets PORT needs no shell to expand it.
CMD ["rolefit", "serve"]
