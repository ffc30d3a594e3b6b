#!/usr/bin/env bash
# Builds (once) and caches a real Kubernetes 1.20.2 API server, controller manager
# and kubectl from Debian's source package, plus etcd from Debian's etcd-server.
# Prints the directory holding the binaries. Tests read it from KUBE_TEST_BIN_DIR.
set -euo pipefail

CACHE="${MODELFLEET_KUBE_CACHE:-$HOME/.cache/modelfleet/kube-1.20.2}"
BIN="$CACHE/bin"
if [[ -x "$BIN/kube-apiserver" && -x "$BIN/kube-controller-manager" && -x "$BIN/etcd" && -x "$BIN/kubectl" ]]; then
  echo "$BIN"
  exit 0
fi

log() { echo "[kube-test-env] $*" >&2; }
SUDO=""
[[ $(id -u) -ne 0 ]] && SUDO="sudo"

log "installing build dependencies"
$SUDO apt-get update -qq >&2
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
  etcd-server golang-go rsync jq golang-github-modern-go-reflect2-dev >&2

W="$CACHE/work"
rm -rf "$W"
mkdir -p "$W"/apt/{parts,lists/partial,cache/archives/partial} "$W/src" "$W/home" "$BIN"
# A private source index, so the system's apt settings stay untouched.
sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources > "$W/apt/parts/debian-src.sources"
O=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$W/apt/parts"
   -o "Dir::State::Lists=$W/apt/lists" -o "Dir::Cache=$W/apt/cache")
log "fetching the kubernetes source package"
apt-get "${O[@]}" update -qq >&2
(cd "$W/src" && apt-get "${O[@]}" source -qq kubernetes >&2)
SRC=$(find "$W/src" -maxdepth 1 -type d -name 'kubernetes-*' | head -n 1)

# The vendored reflect2 1.0.1 segfaults under Go >= 1.18: use Debian's 1.0.2.
rm "$SRC"/vendor/github.com/modern-go/reflect2/*.go
cp /usr/share/gocode/src/github.com/modern-go/reflect2/*.go "$SRC/vendor/github.com/modern-go/reflect2/"

log "building kube-apiserver, kube-controller-manager and kubectl (about 5 minutes)"
(cd "$SRC" && KUBE_GIT_VERSION=v1.20.2 KUBE_GIT_TREE_STATE=clean CGO_ENABLED=0 GOPROXY=off HOME="$W/home" \
  make WHAT="cmd/kube-apiserver cmd/kube-controller-manager cmd/kubectl" >&2)

cp "$SRC"/_output/bin/{kube-apiserver,kube-controller-manager,kubectl} "$BIN/"
cp "$(command -v etcd || echo /usr/bin/etcd)" "$BIN/etcd"
rm -rf "$W"
echo "$BIN"
