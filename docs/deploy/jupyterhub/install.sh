#!/usr/bin/env bash
# careerkit on The Littlest JupyterHub (TLJH). Run as an admin on the hub's machine, once
# and again after each careerkit update:
#
#     sudo -E bash install.sh SPEC
#
# SPEC is what pip installs careerkit from: a wheel (`pip wheel --no-deps .` in the
# careerkit folder), that folder itself, or a git URL pinned to a tag ("git+URL@v0.1.0").
# The folders below are TLJH's; set the variables to install elsewhere.
set -euo pipefail

spec="${1:?usage: install.sh SPEC (a careerkit wheel, source folder or git URL)}"
here="$(cd "$(dirname "$0")" && pwd)"
USER_ENV="${USER_ENV:-/opt/tljh/user}"                         # every user's Python
HUB_CONFIG="${HUB_CONFIG:-/opt/tljh/config/jupyterhub_config.d}" # hub settings
SHARED="${SHARED:-/srv/careerkit}"                             # the workshop file

# 1. The user environment: careerkit with its dependencies, and nbgitpuller.
"$USER_ENV/bin/python" -m pip install --upgrade "$spec" -r "$here/requirements.txt"

# 2. Every user's Jupyter server saves the workbook's notebooks without answers or
#    outputs (careerkit/app/save_hook.py), so nbgitpuller can always merge updates. The
#    setting is merged into the environment's jupyter_server_config.json (Jupyter reads
#    only extension switches from jupyter_server_config.d/).
mkdir -p "$USER_ENV/etc/jupyter"
"$USER_ENV/bin/python" - "$USER_ENV/etc/jupyter/jupyter_server_config.json" <<'PY'
import json
import pathlib
import sys

import careerkit

ours = pathlib.Path(careerkit.__file__).parent / "app" / "jupyter-config" / "jupyter_server_config.json"
target = pathlib.Path(sys.argv[1])
config = json.loads(target.read_text(encoding="utf-8")) if target.exists() else {}
for section, values in json.loads(ours.read_text(encoding="utf-8")).items():
    config.setdefault(section, {}).update(values)
target.write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
PY

# 3. One workshop file for all, readable by every user, writable by admins only. An
#    existing one (the coach's) is never replaced.
install -d -m 755 "$SHARED"
if [ ! -e "$SHARED/workshop.toml" ]; then
    install -m 644 "$here/workshop.toml" "$SHARED/workshop.toml"
fi

# 4. The hub: where careerkit finds the workshop file and each user's plan.
install -d "$HUB_CONFIG"
install -m 644 "$here/careerkit.py" "$HUB_CONFIG/careerkit.py"
if command -v tljh-config >/dev/null; then
    tljh-config set limits.memory 1G   # per user: see "Sizing" in docs/hosting.md
    tljh-config reload hub
fi
echo "careerkit installed in $USER_ENV; workshop file: $SHARED/workshop.toml"
