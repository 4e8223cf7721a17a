# Lineage and environment capture through the real binary (docs/lineage.md), included OPTIONAL
# from tests/integration/CMakeLists.txt.
cairn_add_test(tst_lineage SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_lineage.cpp ${CMAKE_CURRENT_LIST_DIR}/cli_harness.cpp
               LIBS cairn_core LABELS integration)
target_compile_definitions(tst_lineage PRIVATE CAIRN_BIN="$<TARGET_FILE:cairn>")
add_dependencies(tst_lineage cairn)
