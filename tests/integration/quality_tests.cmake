# Reports (drift, validation, fairness) through the real binary and engine (docs/drift.md,
# docs/validation.md, docs/fairness.md), included OPTIONAL from tests/integration/CMakeLists.txt.
cairn_add_test(tst_reports SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_reports.cpp ${CMAKE_CURRENT_LIST_DIR}/cli_harness.cpp
               LIBS cairn_core LABELS integration)
target_compile_definitions(tst_reports PRIVATE CAIRN_BIN="$<TARGET_FILE:cairn>")
add_dependencies(tst_reports cairn)
# A 2 GiB CSV file: streamed with bounded memory, and a ragged last row named by its line.
cairn_add_test(tst_big_csv SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_big_csv.cpp LIBS cairn_core LABELS integration)
target_compile_definitions(tst_big_csv PRIVATE CAIRN_BIN="$<TARGET_FILE:cairn>")
add_dependencies(tst_big_csv cairn)
