# shellcheck shell=bash
# Shared shell functions for the scripts in deploy/. Source this file; it defines functions only.
#
#   ensure_packages            install the Debian packages the build and the tests need
#   pg_bin_dir [MAJOR]         print the PostgreSQL server bin folder (highest version, or MAJOR)
#   start_private_pg DIR PORT [--no-fsync]
#                              start (and create if new) a PostgreSQL cluster on 127.0.0.1:PORT
#   stop_private_pg DIR        stop that cluster, keeping its data
#   free_port                  print a TCP port nobody listens on
#   port_in_use PORT           succeed when something accepts connections on 127.0.0.1:PORT

# Debian packages needed to build the services and to run PostgreSQL-backed tests.
PLATFORM_PACKAGES=(postgresql libpq-dev libssl-dev pkg-config curl ca-certificates)

# Prints a progress line on stderr, so that functions can return values on stdout.
say() {
    printf '==> %s\n' "$*" >&2
}

# Prints an error on stderr.
fail_msg() {
    printf 'error: %s\n' "$*" >&2
}

package_installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

ensure_packages() {
    local missing=() package
    for package in "${PLATFORM_PACKAGES[@]}"; do
        package_installed "$package" || missing+=("$package")
    done
    if [ "${#missing[@]}" -eq 0 ]; then
        say "system packages present: ${PLATFORM_PACKAGES[*]}"
        return 0
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        fail_msg "missing packages (${missing[*]}) and apt-get is not available; install them by hand"
        exit 1
    fi
    local run_as_root=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            run_as_root=(sudo -n)
        else
            fail_msg "missing packages: ${missing[*]}"
            fail_msg "run as root, or install them first: sudo apt-get install -y ${missing[*]}"
            exit 1
        fi
    fi
    say "installing missing system packages: ${missing[*]}"
    local apt_log
    apt_log="$(mktemp)"
    if ! "${run_as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >"$apt_log" 2>&1 \
        || ! "${run_as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
            --no-install-recommends -o Dpkg::Use-Pty=0 "${missing[@]}" </dev/null >>"$apt_log" 2>&1; then
        tail -n 40 "$apt_log" >&2
        rm -f "$apt_log"
        fail_msg "apt-get could not install: ${missing[*]}"
        exit 1
    fi
    rm -f "$apt_log"
    say "installed: ${missing[*]}"
}

pg_bin_dir() {
    local wanted="${1:-}" dir
    if [ -n "$wanted" ] && [ -x "/usr/lib/postgresql/$wanted/bin/initdb" ]; then
        echo "/usr/lib/postgresql/$wanted/bin"
        return 0
    fi
    dir="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin 2>/dev/null | sort -V | tail -n 1)"
    if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then
        echo "$dir"
        return 0
    fi
    if command -v initdb >/dev/null 2>&1; then
        dirname "$(command -v initdb)"
        return 0
    fi
    fail_msg "no PostgreSQL server binaries found under /usr/lib/postgresql (is the postgresql package installed?)"
    return 1
}

# Runs a command as the owner of the private clusters: `postgres` when we are root (PostgreSQL
# refuses to run as root), ourselves otherwise. Runs from / so the other user needs no access to $PWD.
as_cluster_owner() {
    if [ "$(id -u)" -ne 0 ]; then
        "$@"
    elif command -v runuser >/dev/null 2>&1; then
        (cd / && runuser -u postgres -- "$@")
    else
        (cd / && su postgres -s /bin/sh -c "$(printf '%q ' "$@")")
    fi
}

# As root, makes sure the `postgres` user exists and can reach DIR (execute bit on every parent).
prepare_cluster_owner_access() {
    local dir="$1"
    [ "$(id -u)" -eq 0 ] || return 0
    if ! getent passwd postgres >/dev/null; then
        say "creating system user postgres"
        useradd --system --user-group --no-create-home --home-dir /var/lib/postgresql \
            --shell /bin/sh postgres
    fi
    local path="$dir"
    while [ "$path" != "/" ] && [ -n "$path" ]; do
        if ! as_cluster_owner test -x "$path"; then
            say "allowing user postgres to traverse $path (chmod o+x)"
            chmod o+x "$path"
        fi
        path="$(dirname "$path")"
    done
}

# Prints the unix socket folder of a cluster: beside the data folder, or nothing when that path would
# be too long for a unix socket (the cluster then listens on TCP only).
cluster_socket_dir() {
    local datadir="$1" socket_dir
    socket_dir="$(dirname "$datadir")/$(basename "$datadir")-socket"
    if [ "$((${#socket_dir} + 20))" -lt 107 ]; then
        echo "$socket_dir"
    fi
}

start_private_pg() {
    local datadir="$1" port="$2" durability="${3:-}"
    if [ -z "$datadir" ] || [ -z "$port" ]; then
        fail_msg "usage: start_private_pg DATADIR PORT [--no-fsync]"
        return 2
    fi
    mkdir -p "$(dirname "$datadir")"
    datadir="$(cd "$(dirname "$datadir")" && pwd)/$(basename "$datadir")"

    local version="" bin
    [ -f "$datadir/PG_VERSION" ] && version="$(cat "$datadir/PG_VERSION")"
    bin="$(pg_bin_dir "$version")" || return 1
    if [ -n "$version" ] && [ ! -x "/usr/lib/postgresql/$version/bin/initdb" ]; then
        fail_msg "$datadir was made by PostgreSQL $version, which is not installed here ($bin is)."
        fail_msg "Install postgresql-$version, or move $datadir away to start a new cluster."
        return 1
    fi

    local socket_dir log_file
    socket_dir="$(cluster_socket_dir "$datadir")"
    log_file="${PG_LOG_FILE:-$datadir.log}"
    mkdir -p "$datadir" "$(dirname "$log_file")"
    [ -n "$socket_dir" ] && mkdir -p "$socket_dir"
    touch "$log_file"
    if [ "$(id -u)" -eq 0 ]; then
        prepare_cluster_owner_access "$datadir"
        chown -R postgres:postgres "$datadir" "$log_file"
        [ -n "$socket_dir" ] && chown postgres:postgres "$socket_dir"
    fi
    chmod 700 "$datadir"

    if [ ! -f "$datadir/PG_VERSION" ]; then
        say "creating PostgreSQL cluster in $datadir"
        if ! as_cluster_owner "$bin/initdb" -D "$datadir" -A trust -U postgres --encoding=UTF8 --locale=C \
            >>"$log_file" 2>&1; then
            tail -n 20 "$log_file" >&2
            fail_msg "initdb failed for $datadir (full log: $log_file)"
            return 1
        fi
    fi

    if as_cluster_owner "$bin/pg_ctl" -D "$datadir" status >/dev/null 2>&1; then
        say "PostgreSQL already running in $datadir; stopping it to restart on port $port"
        as_cluster_owner "$bin/pg_ctl" -D "$datadir" -m fast -w stop >>"$log_file" 2>&1 || true
    fi

    local options="-c listen_addresses=127.0.0.1 -c port=$port -c max_connections=300"
    options+=" -c unix_socket_directories='$socket_dir'"
    if [ "$durability" = "--no-fsync" ]; then
        options+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    fi
    say "starting PostgreSQL on 127.0.0.1:$port (data: $datadir, log: $log_file)"
    if ! as_cluster_owner "$bin/pg_ctl" -D "$datadir" -l "$log_file" -o "$options" -w -t 60 start \
        >/dev/null 2>&1; then
        tail -n 20 "$log_file" >&2
        fail_msg "PostgreSQL did not start on port $port (full log: $log_file)"
        return 1
    fi
    local _
    for _ in $(seq 1 60); do
        if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres; then
            return 0
        fi
        sleep 0.5
    done
    fail_msg "PostgreSQL on port $port is not ready after 30 s (log: $log_file)"
    return 1
}

stop_private_pg() {
    local datadir="$1" bin version=""
    [ -f "$datadir/PG_VERSION" ] || return 0
    datadir="$(cd "$datadir" && pwd)"
    version="$(cat "$datadir/PG_VERSION")"
    bin="$(pg_bin_dir "$version")" || return 1
    if as_cluster_owner "$bin/pg_ctl" -D "$datadir" status >/dev/null 2>&1; then
        say "stopping PostgreSQL in $datadir"
        as_cluster_owner "$bin/pg_ctl" -D "$datadir" -m fast -w -t 60 stop >/dev/null 2>&1 || {
            fail_msg "PostgreSQL in $datadir did not stop cleanly"
            return 1
        }
    fi
}

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

free_port() {
    if command -v python3 >/dev/null 2>&1; then
        local port
        if port="$(python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])' 2>/dev/null)" && [ -n "$port" ]; then
            echo "$port"
            return 0
        fi
    fi
    local candidate _
    for _ in $(seq 1 200); do
        candidate=$((20000 + RANDOM % 40000))
        if ! port_in_use "$candidate"; then
            echo "$candidate"
            return 0
        fi
    done
    fail_msg "found no free TCP port"
    return 1
}
