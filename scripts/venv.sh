# Sourced by scripts/run, scripts/sladd and scripts/test: make sure .venv exists and has sladd
# installed. Usage: ensure_venv [EXTRA]   (EXTRA e.g. "test"). Re-installs only when
# pyproject.toml's [project] table (dependencies, extras, entry points; not comments or tool
# settings) changed since the last install of that extra; an install with any extra also
# counts for the plain install (scripts/sladd after scripts/test). An install says what
# it installs and shows progress (one updating line on a terminal, a line per package in a
# log); a run with nothing to install prints nothing.
ensure_venv() {
    local extra="${1:-}"
    local root
    root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
    local venv="$root/.venv"
    local python="${SLADD_PYTHON:-python3}"
    if [ ! -x "$venv/bin/python" ]; then
        echo "sladd: creating $venv ($("$python" --version 2>&1))" >&2
        "$python" -m venv "$venv"
    fi
    local target="$root" label="sladd"
    if [ -n "$extra" ]; then
        target="$root[$extra]"
        label="sladd[$extra]"
    fi
    local stamp="$venv/.sladd-installed-$extra"
    local digest
    digest="$(_sladd_project_digest "$venv/bin/python" "$root/pyproject.toml")"
    if ! _sladd_installed "$venv" "$extra" "$digest"; then
        echo "sladd: installing $label and its dependencies (spaCy, Presidio, aiohttp, ...)" \
            "into $venv; the first time this takes a minute or two" >&2
        local started=$SECONDS
        "$venv/bin/python" -m pip install --disable-pip-version-check --progress-bar off \
            -e "$target" | _sladd_pip_progress
        [ "${PIPESTATUS[0]}" -eq 0 ] || return 1
        echo "sladd: installed $label in $((SECONDS - started)) s" >&2
        echo "$digest" > "$stamp"
    fi
    export PATH="$venv/bin:$PATH"
}

# The digest of pyproject.toml's [project] table (what an install depends on).
_sladd_project_digest() {
    "$1" -c 'import hashlib, json, sys, tomllib
with open(sys.argv[1], "rb") as file:
    project = tomllib.load(file)["project"]
print(hashlib.sha256(json.dumps(project, sort_keys=True).encode()).hexdigest())' "$2"
}

# Whether .venv holds an install for EXTRA at DIGEST; for no extra, an install with any extra.
_sladd_installed() {
    local venv="$1" extra="$2" digest="$3" stamp
    local stamps=("$venv/.sladd-installed-$extra")
    if [ -z "$extra" ]; then
        stamps+=("$venv"/.sladd-installed-?*)
    fi
    for stamp in "${stamps[@]}"; do
        if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$digest" ]; then
            return 0
        fi
    done
    return 1
}

# pip's standard output -> progress on standard error: on a terminal one line that names the
# package being fetched and counts them; otherwise (a CI log) one line per package. pip's
# errors go to standard error unfiltered.
_sladd_pip_progress() {
    local tty=0
    [ -t 2 ] && tty=1
    awk -v tty="$tty" '
        /^Collecting / {
            n++
            if (tty) printf "\r\033[Ksladd:   fetching %d: %s", n, $2 > "/dev/stderr"
            else printf "sladd:   fetching %d: %s\n", n, $2 > "/dev/stderr"
            fflush("/dev/stderr")
        }
        /^Installing collected packages: / {
            sub(/^Installing collected packages: /, "")
            count = split($0, names, ", ")
            if (tty) printf "\r\033[K" > "/dev/stderr"
            if (count > 3) printf "sladd:   installing %d packages ...\n", count > "/dev/stderr"
            else printf "sladd:   installing %s ...\n", $0 > "/dev/stderr"
            fflush("/dev/stderr")
        }
        END { if (tty && n) printf "\r\033[K" > "/dev/stderr" }
    '
}
