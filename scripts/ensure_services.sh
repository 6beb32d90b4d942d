#!/usr/bin/env bash
# Make sure the services the tests use are installed: redis-server (the Redis vault tests
# start their own throwaway instances on free ports: a server, a Sentinel set-up and a
# three-master cluster made with redis-cli; nothing is started here) and Chromium
# (the review page is tested in a real headless browser).
# Idempotent: installs with apt-get only what is missing. Needs root (or sudo) to install.
set -euo pipefail

ensure_apt_package() {
    local command="$1" package="$2"
    if command -v "$command" >/dev/null 2>&1; then
        return 0
    fi
    echo "sladd: installing $package (for $command)" >&2
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if ! command -v sudo >/dev/null 2>&1; then
            echo "sladd: $command is missing; install $package as root (apt-get install -y $package)" >&2
            return 1
        fi
        sudo="sudo"
    fi
    export DEBIAN_FRONTEND=noninteractive
    if ! $sudo apt-get install -y --no-install-recommends "$package" >/dev/null; then
        $sudo apt-get update >/dev/null
        $sudo apt-get install -y --no-install-recommends "$package" >/dev/null
    fi
    command -v "$command" >/dev/null 2>&1
}

ensure_apt_package redis-server redis-server
ensure_apt_package redis-cli redis-tools  # the cluster tests run `redis-cli --cluster create`
if ! command -v chromium-browser >/dev/null 2>&1; then  # either name will do
    ensure_apt_package chromium chromium
fi
