# engine/analysis: CSV loading, drift statistics against scipy, and the `cairn drift` command.
cairn_add_test(tst_csv_table SOURCES tst_csv_table.cpp LIBS cairn_core LABELS unit)
cairn_add_test(tst_drift_reference SOURCES tst_drift_reference.cpp LIBS cairn_core LABELS "unit;reference")
target_compile_definitions(tst_drift_reference PRIVATE DRIFT_REFERENCE_PY="${CMAKE_CURRENT_SOURCE_DIR}/drift_reference.py")
cairn_add_test(tst_cli_drift SOURCES tst_cli_drift.cpp LIBS cairn_cli LABELS unit)
# Dataset profiles computed when a CSV file is added (docs/artifacts.md), and their store API.
cairn_add_test(tst_dataset_profile SOURCES tst_dataset_profile.cpp LIBS cairn_core LABELS unit)
