#!/bin/sh
# One-shot job (temporalio/admin-tools), run once the server is healthy: creates the namespace if
# it is missing and registers the saga's custom search attributes. Idempotent: an attribute that
# already exists with the same type is left alone; one with another type stops the job (exit 2).
# SEARCH_ATTRIBUTES is a space-separated list of Name=Type.
set -eu

: "${TEMPORAL_ADDRESS:?}" "${TEMPORAL_NAMESPACE:?}" "${SEARCH_ATTRIBUTES:?}"
: "${NAMESPACE_RETENTION:=72h}"

# The frontend answers before every service behind it is ready, and a new namespace reaches the
# frontend's cache a few seconds after it was created: retry each step for up to a minute.
retry() {
  attempt=1
  until "$@"; do
    if [ "$attempt" -ge 30 ]; then
      echo "temporal-register: giving up on: $*" >&2
      return 1
    fi
    attempt=$((attempt + 1))
    sleep 2
  done
}

retry temporal operator cluster health --address "$TEMPORAL_ADDRESS"

# Succeeds when the namespace exists or was created; fails (and is retried) otherwise.
ensure_namespace() {
  if temporal operator namespace describe --address "$TEMPORAL_ADDRESS" \
      --namespace "$TEMPORAL_NAMESPACE" >/dev/null 2>&1; then
    echo "temporal-register: namespace ${TEMPORAL_NAMESPACE} exists"
    return 0
  fi
  if output=$(temporal operator namespace create --address "$TEMPORAL_ADDRESS" \
      --namespace "$TEMPORAL_NAMESPACE" --retention "$NAMESPACE_RETENTION" 2>&1); then
    echo "temporal-register: namespace ${TEMPORAL_NAMESPACE} created"
    return 0
  fi
  case "$output" in
    *"lready exists"*) return 0 ;;
  esac
  echo "$output" >&2
  return 1
}

retry ensure_namespace

# Succeeds when the attribute is created or already there; fails (and is retried) otherwise.
create_search_attribute() {
  name="$1"
  type="$2"
  if output=$(temporal operator search-attribute create --address "$TEMPORAL_ADDRESS" \
      --namespace "$TEMPORAL_NAMESPACE" --name "$name" --type "$type" 2>&1); then
    echo "temporal-register: search attribute ${name} (${type}) registered"
    return 0
  fi
  case "$output" in
    *"different type"*)
      # Another type under the saga's name: sagas would fail to upsert it. Not retried: a person
      # has to remove the attribute (or the namespace) first.
      echo "temporal-register: search attribute ${name} exists with another type than ${type}:" >&2
      echo "$output" >&2
      exit 2
      ;;
    *"lready exists"*)
      echo "temporal-register: search attribute ${name} already exists"
      return 0
      ;;
  esac
  echo "$output" >&2
  return 1
}

for attribute in $SEARCH_ATTRIBUTES; do
  retry create_search_attribute "${attribute%%=*}" "${attribute#*=}"
done

temporal operator search-attribute list --address "$TEMPORAL_ADDRESS" --namespace "$TEMPORAL_NAMESPACE"
echo "temporal-register: done"
