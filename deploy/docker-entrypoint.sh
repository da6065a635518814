#!/bin/sh
# Container entry point: replaces itself with the service named by the first argument, so the
# service runs as PID 1 and receives the container's stop signal directly.
set -eu
bin_dir="$(dirname "$0")"
service="${1:-}"
case "$service" in
    gateway | auth | user | orders | merchants | exchange | content)
        shift
        exec "$bin_dir/$service" "$@"
        ;;
    *)
        echo "usage: <gateway|auth|user|orders|merchants|exchange|content>; got '${service}'" >&2
        exit 64
        ;;
esac
