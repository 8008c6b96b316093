#!/usr/bin/env bash
# The Python package's gate: formatting and lints of the native crate, the
# wheel built with maturin and installed into a fresh virtual environment,
# and pytest against it. With SHUZHI_SPARK=1, also the Spark recipes of
# examples/spark (pyspark from PyPI; needs Java 17).
#
# Environment: SHUZHI_BIN, the `shuzhi` binary the records are compared with
# (default: target/debug/shuzhi, which `cargo test --all-features` builds);
# CARGO_TARGET_DIR as for any cargo build (default: the root's target/).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
export SHUZHI_BIN="${SHUZHI_BIN:-$CARGO_TARGET_DIR/debug/shuzhi}"

cargo fmt --manifest-path python/Cargo.toml -- --check
cargo clippy --manifest-path python/Cargo.toml -- -D warnings

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
py="$work/venv/bin/python"
"$py" -m pip install -q --disable-pip-version-check maturin pytest "pandas<3" pyarrow
"$work/venv/bin/maturin" build --release --manifest-path python/Cargo.toml \
    -i "$py" -o "$work/dist"
"$py" -m pip install -q --disable-pip-version-check "$work"/dist/shuzhi-*.whl
# From the tests' folder, so that `import shuzhi` finds the installed wheel,
# not python/shuzhi without its native module.
(cd python/tests && "$py" -m pytest -q -p no:cacheprovider .)

if [ "${SHUZHI_SPARK:-0}" = 1 ]; then
    if [ ! -x "$CARGO_TARGET_DIR/release/shuzhi" ]; then
        cargo build --release --features cli
    fi
    "$py" -m pip install -q --disable-pip-version-check pyspark
    "$py" examples/spark/check.py --shuzhi "$CARGO_TARGET_DIR/release/shuzhi" corpora/bulk
fi
