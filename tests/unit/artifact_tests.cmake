# engine/artifacts: the content-addressed store, artifact versions in the store, and
# `cairn artifact` (docs/artifacts.md).
cairn_add_test(tst_artifacts SOURCES tst_artifacts.cpp LIBS cairn_core LABELS unit)
