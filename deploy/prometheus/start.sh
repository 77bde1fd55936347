#!/bin/sh
# Starts Prometheus with the viewer token for its scrapes in a file only its user can read, on a
# tmpfs: Prometheus reads header values from files, not from the environment.
set -eu
: "${VIEWER_TOKEN:?set VIEWER_TOKEN: Prometheus scrapes /actuator/prometheus as a viewer}"
umask 077
printf '%s' "$VIEWER_TOKEN" > /run/scrape/viewer-token
exec /bin/prometheus \
  --config.file=/etc/prometheus/prometheus.yml \
  --storage.tsdb.path=/prometheus \
  --storage.tsdb.retention.time="${RETENTION:-15d}"
