# Sourced by scripts/run and scripts/test: make sure .venv exists and has sladd installed.
# Usage: ensure_venv [EXTRA]   (EXTRA e.g. "test"). Re-installs only when pyproject.toml
# or the requested extra changed since the last install.
ensure_venv() {
    local extra="${1:-}"
    local root
    root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
    local venv="$root/.venv"
    local python="${SLADD_PYTHON:-python3}"
    if [ ! -x "$venv/bin/python" ]; then
        echo "sladd: creating $venv" >&2
        "$python" -m venv "$venv"
    fi
    local target="$root"
    [ -n "$extra" ] && target="$root[$extra]"
    local stamp="$venv/.sladd-installed-$extra"
    local digest
    digest="$(sha256sum "$root/pyproject.toml" | cut -d' ' -f1)"
    if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$digest" ]; then
        echo "sladd: installing ${target#"$root"} into $venv" >&2
        "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -e "$target"
        echo "$digest" > "$stamp"
    fi
    export PATH="$venv/bin:$PATH"
}
