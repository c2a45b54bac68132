# JupyterHub configuration for careerkit: install.sh copies this file into TLJH's
# /opt/tljh/config/jupyterhub_config.d/ (then `tljh-config reload hub`).
# `c` is JupyterHub's configuration object (TLJH loads every file of that folder).
c = get_config()  # noqa: F821

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
