# JupyterHub configuration for careerkit: install.sh copies this file into TLJH's
# /opt/tljh/config/jupyterhub_config.d/ (then `tljh-config reload hub`).
# `c` is JupyterHub's configuration object (TLJH loads every file of that folder).
# tests/browser/test_jupyterhub.py applies it to a real hub (docs/hosting.md, "Hosting a workshop").
import os

c = get_config()  # noqa: F821

# Every user's server is started by `careerkit lab` (careerkit/app/launch.py): the hub's
# single-user server with careerkit's Jupyter config, so the pre-save hook keeps answers
# out of the notebooks however the user opens them. CAREERKIT_USER_ENV: where careerkit
# is installed for the users (TLJH's user environment unless set for the hub).
user_env = os.environ.get("CAREERKIT_USER_ENV", "/opt/tljh/user")
c.Spawner.cmd = [os.path.join(user_env, "bin", "careerkit"), "lab"]

c.Spawner.environment.update(
    {
        # One workshop file for the whole hub, read-only for users (careerkit reads
        # [workshop] and [scoring] from it; a user's own workspace file would come first).
        "CAREERKIT_WORKSHOP": "/srv/careerkit/workshop.toml",
        # Each person's plan, history and exports: a visible folder in their own home
        # (careerkit expands ~ in the user's server, so it is each user's own home).
        "CAREERKIT_HOME": "~/careerkit-plan",
    }
)
# Open JupyterLab (nbgitpuller links choose the notebook).
c.Spawner.default_url = "/lab"
