#!/usr/bin/env bash
# fuzz.sh runs every Fuzz target of the module, one after the other, for a
# set time each, and stops at the first failure.
#
#   scripts/fuzz.sh                      # every target, 30s each
#   FUZZTIME=2m scripts/fuzz.sh          # every target, 2 minutes each
#   FUZZTIME=10000x scripts/fuzz.sh      # every target, 10,000 inputs each
#   FUZZMINIMIZETIME=1m scripts/fuzz.sh  # minimize new inputs longer (5s)
#   scripts/fuzz.sh ./group/... ./loan   # only these packages
#
# Targets are discovered with `go test -list '^Fuzz'`, so a new Fuzz
# function is picked up without editing this script. Go runs one fuzz
# target per `go test` invocation, hence one run per target and package:
#
#   go test -run '^$' -fuzz '^Name$' -fuzztime "$FUZZTIME" <package>
#
# A failing input is saved by Go under <package>/testdata/fuzz/<Name>/ and
# then replayed by every plain `go test`; commit it with the fix. The
# generated corpus lives in $(go env GOCACHE)/fuzz. Extra flags for
# `go test` may be passed in FUZZFLAGS (e.g. FUZZFLAGS=-parallel=2).
set -euo pipefail

FUZZTIME="${FUZZTIME:-30s}"
# Go minimizes each input that finds new coverage for up to a minute by
# default, and counts no executions meanwhile: a large input (a fund's
# snapshot) can eat a short run. 5s keeps the run fuzzing; a failing input
# is still minimized as long as it takes.
FUZZMINIMIZETIME="${FUZZMINIMIZETIME:-5s}"
FUZZFLAGS="${FUZZFLAGS:-}"
cd "$(dirname "$0")/.."

pkgs=("$@")
if [ ${#pkgs[@]} -eq 0 ]; then
	pkgs=(./...)
fi

fail() {
	echo >&2
	echo "fuzz.sh: FAIL: $*" >&2
	exit 1
}

# `go test -list` prints each package's matching names, then a line
# "ok  <import path>  <time>" (or "?  <import path>  [no test files]").
if ! listing="$(go test -list '^Fuzz' "${pkgs[@]}" 2>&1)"; then
	printf '%s\n' "$listing" >&2
	fail "could not list the fuzz targets (does the module build?)"
fi

targets=() # "import/path Name"
pending=()
while IFS= read -r line; do
	case "$line" in
	Fuzz*)
		pending+=("$line")
		;;
	"ok "*)
		pkg="$(awk '{print $2}' <<<"$line")"
		for name in ${pending[@]+"${pending[@]}"}; do
			targets+=("$pkg $name")
		done
		pending=()
		;;
	"?"*)
		pending=()
		;;
	esac
done <<<"$listing"

if [ ${#pending[@]} -ne 0 ]; then
	fail "could not tell which package these targets belong to: ${pending[*]}"
fi
if [ ${#targets[@]} -eq 0 ]; then
	fail "no Fuzz targets found in ${pkgs[*]}"
fi

echo "fuzz.sh: ${#targets[@]} targets, ${FUZZTIME} each"
for t in "${targets[@]}"; do
	echo "  $t"
done

start=$SECONDS
n=0
for t in "${targets[@]}"; do
	pkg="${t% *}"
	name="${t#* }"
	n=$((n + 1))
	echo
	echo "fuzz.sh: [$n/${#targets[@]}] $name in $pkg"
	# shellcheck disable=SC2086 # FUZZFLAGS is split on purpose
	if ! go test $FUZZFLAGS -run '^$' -fuzz "^${name}\$" -fuzztime "$FUZZTIME" -fuzzminimizetime "$FUZZMINIMIZETIME" "$pkg"; then
		dir="$(go list -f '{{.Dir}}' "$pkg" 2>/dev/null || echo "$pkg")"
		fail "$name in $pkg (a failing input is saved under ${dir#"$PWD"/}/testdata/fuzz/$name/; replay it with: go test -run '^${name}\$' $pkg)"
	fi
done

echo
echo "fuzz.sh: ok: ${#targets[@]} targets, ${FUZZTIME} each, $((SECONDS - start))s"
