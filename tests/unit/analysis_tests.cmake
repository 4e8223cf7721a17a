# engine/analysis: CSV loading, drift statistics against scipy, and the `cairn drift` command.
cairn_add_test(tst_csv_table SOURCES tst_csv_table.cpp LIBS cairn_core LABELS unit)
cairn_add_test(tst_sort_doubles SOURCES tst_sort_doubles.cpp LIBS cairn_core LABELS unit)
cairn_add_test(tst_drift_reference SOURCES tst_drift_reference.cpp LIBS cairn_core LABELS "unit;reference")
target_compile_definitions(tst_drift_reference PRIVATE DRIFT_REFERENCE_PY="${CMAKE_CURRENT_SOURCE_DIR}/drift_reference.py")
cairn_add_test(tst_cli_drift SOURCES tst_cli_drift.cpp LIBS cairn_cli LABELS unit)
# Dataset profiles computed when a CSV file is added (docs/artifacts.md), and their store API.
cairn_add_test(tst_dataset_profile SOURCES tst_dataset_profile.cpp LIBS cairn_core LABELS unit)
# Reference tests against Evidently and Fairlearn, installed from PyPI into a cached virtualenv
# by tests/reference/reference_venv.sh (the first run on a machine downloads ~250 MB of wheels:
# minutes; later runs reuse the venv). They report Skipped, never Passed, when it cannot be made.
set(CAIRN_REFERENCE_DIR ${PROJECT_SOURCE_DIR}/tests/reference)
cairn_add_test(tst_evidently_reference SOURCES tst_evidently_reference.cpp LIBS cairn_core LABELS "unit;reference")
target_compile_definitions(tst_evidently_reference PRIVATE CAIRN_REFERENCE_DIR="${CAIRN_REFERENCE_DIR}")
target_include_directories(tst_evidently_reference PRIVATE ${CAIRN_REFERENCE_DIR})
set_tests_properties(tst_evidently_reference PROPERTIES TIMEOUT 3000 SKIP_REGULAR_EXPRESSION "SKIP   : [A-Za-z]+::initTestCase\\(\\)")
set_tests_properties(tst_drift_reference PROPERTIES SKIP_REGULAR_EXPRESSION "SKIP   : [A-Za-z]+::initTestCase\\(\\)")
cairn_add_test(tst_fairlearn_reference SOURCES tst_fairlearn_reference.cpp LIBS cairn_core LABELS "unit;reference")
target_compile_definitions(tst_fairlearn_reference PRIVATE CAIRN_REFERENCE_DIR="${CAIRN_REFERENCE_DIR}")
target_include_directories(tst_fairlearn_reference PRIVATE ${CAIRN_REFERENCE_DIR})
set_tests_properties(tst_fairlearn_reference PROPERTIES TIMEOUT 3000 SKIP_REGULAR_EXPRESSION "SKIP   : [A-Za-z]+::initTestCase\\(\\)")
