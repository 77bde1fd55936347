#!/bin/sh
# One-shot job (apache/kafka image), run once all three brokers are healthy: creates the saga's
# topics, and gives topics that already exist the same min.insync.replicas. Idempotent.
# TOPICS is a space-separated list; the other settings apply to each topic.
set -eu

: "${BOOTSTRAP_SERVERS:?}" "${TOPICS:?}" "${PARTITIONS:?}" "${REPLICATION_FACTOR:?}" "${MIN_INSYNC_REPLICAS:?}"
BIN=/opt/kafka/bin

for topic in $TOPICS; do
  "$BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP_SERVERS" --create --if-not-exists \
    --topic "$topic" --partitions "$PARTITIONS" --replication-factor "$REPLICATION_FACTOR" \
    --config "min.insync.replicas=$MIN_INSYNC_REPLICAS"
  # --if-not-exists leaves an existing topic as it is; its min.insync.replicas is safe to align.
  "$BIN/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP_SERVERS" --alter \
    --entity-type topics --entity-name "$topic" --add-config "min.insync.replicas=$MIN_INSYNC_REPLICAS"
done

"$BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP_SERVERS" --describe \
  --topic "$(echo "$TOPICS" | sed 's/\./\\./g; s/ \{1,\}/|/g')"
echo "kafka-init: done"
