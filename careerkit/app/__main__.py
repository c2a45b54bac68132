"""The no-code app's entry point, run by ``careerkit app`` with the save hook on (:mod:`.voila`)."""

from careerkit.app.voila import main

main()
